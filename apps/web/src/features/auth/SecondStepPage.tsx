import { useEffect, useState, type ReactNode } from 'react';
import { Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { safeSignInNext, SecondFactorPendingSchema, type Me, type SecondFactorPending } from '@dj/contracts';
import { useNavigate, useSearchParams } from 'react-router';
import { setCsrfToken } from '../../lib/api-client';
import { noteSignedIn } from '../../lib/idle-session';
import { homePath } from '../../lib/roles';
import { meQueryKey } from '../../lib/session';
import { pageLoads, PENDING_SECOND_STEP_KEY, PLATFORM_NAME, signInAddress } from '../../lib/sign-in-target';

/** The second step after a right password (the two-factor feature; composed in app/router). */
export interface SecondStepSlot {
  pending: SecondFactorPending['secondFactor'];
  onSignedIn: () => void;
  onCancel: () => void;
}

/** The pending step the plain sign-in page left in this tab (lib/sign-in-target), or null when there is none. */
function takePending(): SecondFactorPending['secondFactor'] | null {
  try {
    const parsed = SecondFactorPendingSchema.shape.secondFactor.safeParse(JSON.parse(sessionStorage.getItem(PENDING_SECOND_STEP_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * /login/second-step: a right password where a second factor is owed (issue 12 point 3). The password was taken by the
 * plain sign-in page (login.html); the code, or enrolment, happens here in the app, in the sign-in page's frame.
 * Without a pending step (a reload after it ended, another tab) the user is sent back to the password.
 */
export function SecondStepPage({ secondStep }: { secondStep: (slot: SecondStepSlot) => ReactNode }) {
  const [pending] = useState(takePending);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const next = safeSignInNext(params.get('next'));
  useEffect(() => {
    if (pending) setCsrfToken(pending.csrfToken);
    else pageLoads.go(signInAddress(next));
  }, [pending, next]);
  if (!pending) return <div className="full-page-center"><Spin size="large" description="正在返回登录页…" /></div>;

  const done = () => sessionStorage.removeItem(PENDING_SECOND_STEP_KEY);
  return (
    <div className="login-page">
      <main className="login-card">
        <div className="login-card-header">
          <div className="login-emblem" aria-hidden="true">党</div>
          <h1 className="login-title">{PLATFORM_NAME}</h1>
        </div>
        {secondStep({
          pending,
          onSignedIn: () => {
            done();
            noteSignedIn();
            navigate(next ?? homePath(queryClient.getQueryData<Me | null>(meQueryKey)), { replace: true });
          },
          onCancel: () => {
            done();
            pageLoads.go(signInAddress(next));
          },
        })}
      </main>
    </div>
  );
}

/** Any page of the app that sends the user to sign in: the sign-in page is not part of the app, so it is a page load. */
export function SignInRedirect({ from }: { from?: string | null }) {
  useEffect(() => pageLoads.go(signInAddress(from)), [from]);
  return <div className="full-page-center"><Spin size="large" description="正在前往登录页…" /></div>;
}
