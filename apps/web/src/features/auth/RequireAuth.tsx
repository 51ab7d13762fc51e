import type { ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { errorMessage } from '../../lib/api-client';
import { signedOutByUser, useMe } from '../../lib/session';
import { ForcedPasswordChange } from './ForcedPasswordChange';
import { SignInRedirect } from './SecondStepPage';

/**
 * Gate for every page of the app (the sign-in page, login.html, is not one): signed-out users are sent to sign in and brought back afterwards (unless they
 * signed out themselves: the next person on the browser starts on their own page); a user who must change the
 * password sees only that form.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();

  if (me.isPending) {
    return (
      <div className="full-page-center">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="full-page-center">
        <Alert
          type="error"
          showIcon
          title="无法连接服务器"
          description={errorMessage(me.error)}
          action={<Button onClick={() => me.refetch()}>重试</Button>}
        />
      </div>
    );
  }
  if (!me.data) {
    return <SignInRedirect from={signedOutByUser(queryClient) ? null : location.pathname + location.search} />;
  }
  // A one-time or expired password: nothing but the change until it is done (the API refuses the rest anyway).
  if (me.data.passwordChange) return <ForcedPasswordChange reason={me.data.passwordChange} />;
  return children;
}
