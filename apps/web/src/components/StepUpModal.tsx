import { useState } from 'react';
import { Alert, Form, Input, Typography } from 'antd';
import { StepUpBodySchema } from '@dj/contracts';
import { FormModal } from './FormModal';
import { errorMessage } from '../lib/api-client';
import { maxLengthOf, rulesFor } from '../lib/contract-rules';
import { isStepUpRequired, useStepUp } from '../lib/session';

interface Props {
  open: boolean;
  /** Why the password is asked (the server's message); a general explanation when absent. */
  message?: string;
  onClose: () => void;
  /** Called once the password was accepted: retry what was refused. */
  onSteppedUp: () => void;
}

interface Values {
  password: string;
}

const passwordRules = rulesFor(StepUpBodySchema, 'password');

/**
 * 安全测试清单第26项: before full 身份证号 or phone numbers leave the platform, the user re-enters their
 * sign-in password. Wrong passwords count towards the account's lockout like failed sign-ins.
 */
export function StepUpModal({ open, message, onClose, onSteppedUp }: Props) {
  const [form] = Form.useForm<Values>();
  const stepUp = useStepUp();
  const close = () => {
    stepUp.reset();
    onClose();
  };
  return (
    <FormModal<Values>
      title="确认身份"
      open={open}
      onClose={close}
      form={form}
      name="step-up"
      pending={stepUp.isPending}
      okText="确认"
      onFinish={({ password }) =>
        stepUp.mutate(
          { password },
          {
            onSuccess: () => {
              stepUp.reset();
              onSteppedUp();
            },
          },
        )
      }
      before={
        <Typography.Paragraph>
          {message ?? '查看或导出完整身份证号和手机号前请再次输入登录密码确认身份'}。确认后一段时间内(本镇设置,默认10分钟)不再询问。
        </Typography.Paragraph>
      }
      after={stepUp.isError && <Alert type="error" showIcon title={errorMessage(stepUp.error)} role="alert" />}
    >
      <Form.Item name="password" label="登录密码" rules={passwordRules}>
        <Input.Password autoComplete="current-password" maxLength={maxLengthOf(StepUpBodySchema, 'password')} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

/**
 * For actions refused with STEP_UP_REQUIRED (e.g. a download of full numbers): `ask(error, retry)` opens the
 * password modal when the error is that refusal (returning true) and runs `retry` after the password was accepted.
 * Render `modal` once in the page.
 */
export function useStepUpRetry() {
  const [pending, setPending] = useState<{ message: string; retry: () => void } | null>(null);
  const ask = (error: unknown, retry: () => void): boolean => {
    if (!isStepUpRequired(error)) return false;
    setPending({ message: errorMessage(error), retry });
    return true;
  };
  const modal = (
    <StepUpModal
      open={pending !== null}
      message={pending?.message}
      onClose={() => setPending(null)}
      onSteppedUp={() => {
        const retry = pending?.retry;
        setPending(null);
        retry?.();
      }}
    />
  );
  return { ask, modal };
}
