import { useState } from 'react';
import { Alert, Button, Form, Input, Steps, Typography } from 'antd';
import { TotpCodeBodySchema, type Enrolment, type TotpCodeBody } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor } from '../../lib/contract-rules';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

interface Props {
  /** Starts the enrolment (a new secret to scan). */
  start: () => Promise<Enrolment>;
  /** Sends the first code; resolves with the recovery codes. */
  confirm: (body: TotpCodeBody) => Promise<string[]>;
  starting: boolean;
  confirming: boolean;
  doneText: string;
  onDone: () => void;
}

const codeRules = rulesFor(TotpCodeBodySchema, 'code');

/** Scan (or type the key), confirm with a first code, then keep the recovery codes: one panel for sign-in and the account page. */
export function EnrolmentPanel({ start, confirm, starting, confirming, doneText, onDone }: Props) {
  const [form] = Form.useForm<TotpCodeBody>();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const begin = async () => {
    setError(null);
    try {
      setEnrolment(await start());
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const onFinish = async (values: TotpCodeBody) => {
    setError(null);
    try {
      setCodes(await confirm(values));
    } catch (e) {
      applyFieldErrors(form, e, ['code']);
      setError(errorMessage(e));
    }
  };

  const current = codes ? 2 : enrolment ? 1 : 0;
  return (
    <div className="two-factor-enrolment">
      <Steps size="small" current={current} responsive={false} items={[{ title: '安装' }, { title: '扫码' }, { title: '恢复码' }]} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      {current === 0 && (
        <>
          <Typography.Paragraph>
            请先在手机上安装身份验证器应用(如微信小程序“腾讯身份验证器”、Microsoft Authenticator 或 Google Authenticator),
            然后点击下面的按钮生成二维码。以后每次登录,输入密码后还需输入验证器上显示的6位数字。
          </Typography.Paragraph>
          <Button type="primary" block loading={starting} onClick={() => void begin()}>生成二维码</Button>
        </>
      )}
      {current === 1 && enrolment && (
        <>
          <Typography.Paragraph>用验证器扫描二维码;无法扫描时,在验证器中选择“手动输入密钥”,输入下面的密钥(基于时间)。</Typography.Paragraph>
          <div style={{ textAlign: 'center' }}>
            <img src={enrolment.qrCode} alt="手机验证器二维码" width={200} height={200} style={{ maxWidth: '100%' }} />
          </div>
          <Typography.Paragraph copyable={{ text: enrolment.secret.replace(/\s/g, '') }} style={{ textAlign: 'center', wordBreak: 'break-all' }}>
            密钥:<Typography.Text code>{enrolment.secret}</Typography.Text>
          </Typography.Paragraph>
          <Form form={form} name="two-factor-enrol" layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
            <Form.Item label="验证器上显示的6位数字" name="code" rules={codeRules}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={confirming}>确认启用</Button>
          </Form>
        </>
      )}
      {codes && <RecoveryCodesPanel codes={codes} doneText={doneText} onDone={onDone} />}
    </div>
  );
}
