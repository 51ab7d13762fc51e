import {
  formField, isSecondFactorPending, LoginBodySchema, LoginResultSchema, safeSignInNext, type ErrorBody, type LoginBody, type Me, type SecondFactorPending,
} from '@dj/contracts';
import { toErrorBody } from '../lib/api-client';
import { IDLE_MINUTES, noteSignedIn, SESSION_HOURS } from '../lib/idle-session';
import { homePath } from '../lib/roles';
import { PENDING_SECOND_STEP_KEY } from '../lib/sign-in-target';

/**
 * The plain sign-in page (login.html, issue 21 point 4): the form is HTML the first paint already shows; this script
 * checks it with the contract's own rules, posts it, and hands over to the app by a full page load: to the page the
 * user came for (?next=), to their role's own page (lib/roles homePath: straight there, so the app loads its frame and
 * that page's chunks side by side instead of one after the other through '/'), or to the second step where a second
 * factor is owed.
 */
const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

const NETWORK_ERROR = '无法连接服务器,请检查网络后重试';

export interface SignInDeps {
  fetch: typeof fetch;
  go: (address: string) => void;
  storage: Pick<Storage, 'setItem'>;
  search: string;
}

export function startSignIn(doc: Document, deps: SignInDeps): void {
  const form = doc.getElementById('sign-in') as HTMLFormElement;
  const alert = doc.getElementById('sign-in-error') as HTMLElement;
  const button = form.querySelector('button') as HTMLButtonElement;
  const input = (field: Field) => form.elements.namedItem(field) as HTMLInputElement;
  for (const field of FIELDS) {
    const max = formField(LoginBodySchema, field).maxLength;
    if (max !== undefined) input(field).maxLength = max;
    // An error is cleared as soon as the field is changed, so what is on screen is about what is typed now.
    input(field).addEventListener('input', () => showFieldError(doc, input(field), ''));
  }
  const params = new URLSearchParams(deps.search);
  const next = safeSignInNext(params.get('next'));
  showEndedNotice(doc, params.get('ended'));
  button.disabled = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    alert.textContent = '';
    const values = { username: input('username').value, password: input('password').value };
    const checked = LoginBodySchema.safeParse(values);
    if (!checked.success) {
      showFieldErrors(doc, form, checked.error.issues.map((i) => ({ path: String(i.path[0]), message: i.message })));
      return;
    }
    setBusy(button, true);
    void submit(checked.data, deps).then((outcome) => {
      if (outcome.kind === 'signed-in') {
        // For the warning before the session's 12-hour end (features/auth/IdleWarning).
        noteSignedIn();
        return deps.go(next ?? (outcome.me ? homePath(outcome.me) : '/'));
      }
      if (outcome.kind === 'second-step') {
        deps.storage.setItem(PENDING_SECOND_STEP_KEY, JSON.stringify(outcome.pending.secondFactor));
        return deps.go(`/login/second-step${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      }
      setBusy(button, false);
      alert.textContent = outcome.error.message;
      showFieldErrors(doc, form, outcome.error.fields ?? []);
    });
  });
}

const ENDED_NOTICES: Record<string, string> = {
  idle: `${IDLE_MINUTES}分钟内没有操作,为保护账号安全已自动退出。`,
  absolute: `本次登录已满${SESSION_HOURS}小时,为保护账号安全已自动退出。`,
};

/** Why the app sent the user here (lib/sign-in-target signInAddress, contracts SIGN_IN_ENDED_REASONS), said once the page is up. */
function showEndedNotice(doc: Document, ended: string | null): void {
  if (!ended || !Object.hasOwn(ENDED_NOTICES, ended)) return;
  (doc.getElementById('sign-in-notice') as HTMLElement).textContent = `${ENDED_NOTICES[ended]}请重新登录,登录后回到原来的页面。`;
}

type Outcome = { kind: 'signed-in'; me: Me | null } | { kind: 'second-step'; pending: SecondFactorPending } | { kind: 'failed'; error: ErrorBody };

async function submit(body: LoginBody, deps: SignInDeps): Promise<Outcome> {
  let response: Response;
  try {
    response = await deps.fetch('/api/auth/login', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'failed', error: { code: 'NETWORK_ERROR', message: NETWORK_ERROR } };
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  // The app's own reading of an error answer: the contract's body, or a Chinese message by status (lib/api-client).
  if (!response.ok) return { kind: 'failed', error: toErrorBody(response.status, payload) };
  const result = LoginResultSchema.safeParse(payload);
  // An answer outside the contract still signed the user in: '/' then finds their page.
  if (!result.success) return { kind: 'signed-in', me: null };
  return isSecondFactorPending(result.data) ? { kind: 'second-step', pending: result.data } : { kind: 'signed-in', me: result.data };
}

function setBusy(button: HTMLButtonElement, busy: boolean): void {
  button.disabled = busy;
  button.textContent = busy ? '正在登录…' : '登 录';
}

/** Each field's message under it (named by aria-describedby), and the first field in error gets the focus. */
function showFieldErrors(doc: Document, form: HTMLFormElement, errors: NonNullable<ErrorBody['fields']>): void {
  let first: HTMLInputElement | null = null;
  for (const field of FIELDS) {
    const message = errors.find((e) => e.path === field)?.message ?? '';
    const element = form.elements.namedItem(field) as HTMLInputElement;
    showFieldError(doc, element, message);
    if (message && !first) first = element;
  }
  first?.focus();
}

function showFieldError(doc: Document, element: HTMLInputElement, message: string): void {
  (doc.getElementById(`${element.id}-error`) as HTMLElement).textContent = message;
  if (message) element.setAttribute('aria-invalid', 'true');
  else element.removeAttribute('aria-invalid');
}
