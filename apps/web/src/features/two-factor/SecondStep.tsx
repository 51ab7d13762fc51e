import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyOutlined } from '../../lib/icons';
import { useQueryClient } from '@tanstack/react-query';
import { SecondFactorCodeBodySchema, type Me, type SecondFactorCodeBody, type SecondFactorPending } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { formatDateTime } from '../../lib/format';
import { markSignedIn } from '../../lib/session';
import { useConfirmSignInEnrolment, useStartEnrolment, useVerifySecondFactor } from './api';
import { EnrolmentPanel } from './EnrolmentPanel';
import { PageTitle } from '../../components/PageTitle';

export interface SecondStepProps {
  pending: SecondFactorPending['secondFactor'];
  /** A session is open (Me is cached): go on into the app. */
  onSignedIn: () => void;
  /** Back to the password. */
  onCancel: () => void;
}

const codeRules = rulesFor(SecondFactorCodeBodySchema, 'code');

/** After the right password, where a second factor is owed (issue 12 point 3): the code, or enrolment first. */
export function SecondStep({ pending, onSignedIn, onCancel }: SecondStepProps) {
  return (
    <div className="second-step">
      <PageTitle style={{ marginBottom: '0.5em' }}>
        <SafetyOutlined /> {pending.step === 'verify' ? '输入手机验证码' : '启用手机验证器'}
      </PageTitle>
      {pending.step === 'verify' ? <VerifyForm onSignedIn={onSignedIn} /> : <SignInEnrolment onSignedIn={onSignedIn} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        请在 {formatDateTime(pending.expiresAt)}(北京时间)前完成,否则需重新输入密码。
        <Button type="link" size="small" onClick={onCancel}>返回重新输入密码</Button>
      </Typography.Paragraph>
    </div>
  );
}

function VerifyForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [form] = Form.useForm<SecondFactorCodeBody>();
  const verify = useVerifySecondFactor();
  const onFinish = (values: SecondFactorCodeBody) =>
    verify.mutate(values, { onSuccess: onSignedIn, onError: (error) => applyFieldErrors(form, error, ['code']) });
  return (
    <>
      <Typography.Paragraph>打开手机上的身份验证器,输入本平台显示的6位数字;手机不在身边时,可输入一个恢复码。</Typography.Paragraph>
      {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} name="second-step" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item label="验证码" name="code" rules={codeRules}>
          <Input inputMode="numeric" autoComplete="one-time-code" {...textPropsOf(SecondFactorCodeBodySchema, 'code')} autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verify.isPending}>验证并登录</Button>
      </Form>
    </>
  );
}

/** The town requires a second factor of this role and the user has none: set it up now, then keep the recovery codes. */
function SignInEnrolment({ onSignedIn }: { onSignedIn: () => void }) {
  const queryClient = useQueryClient();
  const start = useStartEnrolment(true);
  const confirm = useConfirmSignInEnrolment();
  const [me, setMe] = useState<Me | null>(null);
  return (
    <>
      <Typography.Paragraph>本镇要求您的角色登录时使用手机验证码,请先完成设置。</Typography.Paragraph>
      <EnrolmentPanel
        start={() => start.mutateAsync()}
        confirm={async (body) => {
          const done = await confirm.mutateAsync(body);
          setMe(done.me);
          return done.recoveryCodes;
        }}
        starting={start.isPending}
        confirming={confirm.isPending}
        doneText="我已保存,进入系统"
        // The session is already open; the app is entered only once the codes were seen.
        onDone={() => {
          if (me) markSignedIn(queryClient, me);
          onSignedIn();
        }}
      />
    </>
  );
}
