import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { isSecondFactorPending, LoginBodySchema, type LoginBody, type Me, type SecondFactorPending } from '@dj/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { meQueryKey, useLogin, useMe } from '../../lib/session';
import { homePath } from '../../lib/roles';
import { maxLengthOf, rulesFor } from '../../lib/contract-rules';

export const PLATFORM_NAME = '党建引领乡村振兴工作平台';
/**
 * Only same-app paths from our own redirect are honoured, never the sign-in page itself; without one (or with the
 * bare '/'), null: the user lands on their role's page (lib/roles homePath).
 */
export function redirectTarget(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('from' in state)) return null;
  const from = (state as { from: unknown }).from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login') || from === '/') {
    return null;
  }
  return from;
}

/** The second step after a right password (the two-factor feature; composed in app/). */
export interface SecondStepSlot {
  pending: SecondFactorPending['secondFactor'];
  onSignedIn: () => void;
  onCancel: () => void;
}

export function LoginPage({ secondStep }: { secondStep?: (slot: SecondStepSlot) => ReactNode } = {}) {
  const [form] = Form.useForm<LoginBody>();
  const [pending, setPending] = useState<SecondFactorPending['secondFactor'] | null>(null);
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const from = redirectTarget(location.state);
  const target = (signedIn: Me | null | undefined) => from ?? homePath(signedIn);

  // The form is drawn while the session check is still on its way (not a spinner first): on a slow phone drawing it is
  // the page's heaviest work, and done in the first render it is split into slices instead of one long task when the
  // answer arrives (issue 21 point 4). Someone already signed in is sent on as soon as the answer says so.
  if (me.data) return <Navigate to={target(me.data)} replace />;

  const onFinish = (values: LoginBody) => {
    login.mutate(values, {
      // A second factor owed: the password was right, the code comes next on this page.
      onSuccess: (result) => (isSecondFactorPending(result) ? setPending(result.secondFactor) : navigate(target(result), { replace: true })),
      onError: (error) => applyFieldErrors(form, error, ['username', 'password']),
    });
  };

  const passwordStep = (
    <>
      {login.isError && (
        <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} role="alert" />
      )}
      {me.isError && (
        <Alert type="warning" showIcon title={errorMessage(me.error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item label="用户名" name="username" rules={rulesFor(LoginBodySchema, 'username')}>
          <Input prefix={<UserOutlined />} autoComplete="username" maxLength={maxLengthOf(LoginBodySchema, 'username')} autoFocus />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={rulesFor(LoginBodySchema, 'password')}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={maxLengthOf(LoginBodySchema, 'password')} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form.Item>
      </Form>
    </>
  );

  return (
    <div className="login-page">
      {/* A plain box and heading rather than antd's Card and Typography: the sign-in page's first load carries neither. */}
      <main className="login-card">
        <div className="login-card-header">
          <div className="login-emblem" aria-hidden="true">党</div>
          <h1 className="login-title">{PLATFORM_NAME}</h1>
          <p className="login-subtitle">请使用分配的账号登录</p>
        </div>
        {pending && secondStep
          ? secondStep({
              pending,
              onSignedIn: () => navigate(target(queryClient.getQueryData<Me | null>(meQueryKey)), { replace: true }),
              onCancel: () => {
                setPending(null);
                login.reset();
              },
            })
          : passwordStep}
      </main>
    </div>
  );
}
