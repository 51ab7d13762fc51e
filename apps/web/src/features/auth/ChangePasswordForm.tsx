import { Alert, Button, Form, Input, Typography } from 'antd';
import { ChangePasswordBodySchema, type ChangePasswordBody, type PasswordPolicy } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { maxLengthOf, rulesFor } from '../../lib/contract-rules';
import { applyFieldErrors, fieldErrorsFor } from '../../lib/form-errors';
import { useChangePassword, usePasswordPolicy } from './account-api';

type Values = ChangePasswordBody & { confirm: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The town's rules in words, so nobody learns them only from refusals. */
export function policyText(policy: PasswordPolicy): string {
  const parts = [`至少${policy.minLength}位`, '不能是常见密码或用户名'];
  if (policy.complexityClasses) parts.push(`须包含大写字母、小写字母、数字、符号中至少${policy.complexityClasses}类`);
  if (policy.maxAgeDays) parts.push(`每${policy.maxAgeDays}天须更换一次`);
  return `本镇密码规则:${parts.join(';')}。`;
}

/** 修改密码: the current password, the new one twice. The contract gives the field rules, the town's policy the shortest length. */
export function ChangePasswordForm({ onDone }: { onDone?: (endedSessions: number) => void }) {
  const [form] = Form.useForm<Values>();
  const policy = usePasswordPolicy();
  const change = useChangePassword();
  const minLength = policy.data?.minLength;

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate({ currentPassword, newPassword }, {
      onSuccess: (result) => {
        form.resetFields();
        onDone?.(result.endedSessions);
      },
      onError: (error) => applyFieldErrors(form, error, FIELDS),
    });
  };

  return (
    <Form form={form} name="change-password" layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
      {policy.data && <Typography.Paragraph type="secondary" data-testid="password-policy">{policyText(policy.data)}</Typography.Paragraph>}
      {change.isError && fieldErrorsFor(change.error, FIELDS).length === 0 && (
        <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item label="当前密码" name="currentPassword" rules={rulesFor(ChangePasswordBodySchema, 'currentPassword')}>
        <Input.Password autoComplete="current-password" maxLength={maxLengthOf(ChangePasswordBodySchema, 'currentPassword')} />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          ...rulesFor(ChangePasswordBodySchema, 'newPassword'),
          ...(minLength ? [{ min: minLength, message: `新密码至少${minLength}位(本镇密码规则:最短长度)` }] : []),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={maxLengthOf(ChangePasswordBodySchema, 'newPassword')} />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_rule, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={maxLengthOf(ChangePasswordBodySchema, 'newPassword')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>修改密码</Button>
    </Form>
  );
}
