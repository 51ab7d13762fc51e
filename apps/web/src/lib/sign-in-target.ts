import { safeSignInNext, type SignInEndedReason } from '@dj/contracts';

/** The platform's name, as the sign-in page (login.html) and the app's header show it. */
export const PLATFORM_NAME = '党建引领乡村振兴工作平台';

/**
 * The sign-in page's address that brings the user back to `from` afterwards (none when they signed out themselves),
 * and says why the session ended when it did so by itself (`ended`: SIGN_IN_ENDED_REASONS).
 */
export function signInAddress(from?: string | null, options: { ended?: SignInEndedReason } = {}): string {
  const query = new URLSearchParams();
  const next = safeSignInNext(from);
  if (next) query.set('next', next);
  if (options.ended) query.set('ended', options.ended);
  const text = query.toString();
  return text ? `/login?${text}` : '/login';
}

/**
 * A right password with a second factor owed: the sign-in page hands the pending step to the app's second-step page
 * (/login/second-step) in this tab's session storage, never in the address (its CSRF token is a secret).
 */
export const PENDING_SECOND_STEP_KEY = 'dj.sign-in.second-step';

let leavingFor: string | null = null;

/**
 * Full page loads between the plain sign-in page and the app: one place, so tests can watch it. The first one asked
 * for wins: a second (a re-render of the gate while the first loads) would cancel it and start over.
 */
export const pageLoads = {
  go(address: string): void {
    if (leavingFor !== null) return;
    leavingFor = address;
    window.location.replace(address);
  },
};
