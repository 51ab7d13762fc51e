import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
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

  if (me.isPending) {
    return (
      <div className="login-page">
        <Spin size="large" />
      </div>
    );
  }
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
      <Card className="login-card" variant="borderless">
        <div className="login-card-header">
          <div className="login-emblem" aria-hidden="true">党</div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {PLATFORM_NAME}
          </Typography.Title>
          <Typography.Text type="secondary">请使用分配的账号登录</Typography.Text>
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
      </Card>
    </div>
  );
}
