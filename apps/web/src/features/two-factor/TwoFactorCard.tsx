import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Modal, Popconfirm, Space, Tag } from 'antd';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../components/LoadError';
import { useStepUpRetry } from '../../components/StepUpModal';
import { useConfirmEnrolment, useDisableTwoFactor, useRegenerateRecoveryCodes, useStartEnrolment, useTwoFactorStatus } from './api';
import { EnrolmentPanel } from './EnrolmentPanel';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

/** The user's own second factor: whether it is on, since when, recovery codes left; turn on, new codes, turn off. */
export function TwoFactorCard() {
  const status = useTwoFactorStatus();
  const start = useStartEnrolment(false);
  const confirm = useConfirmEnrolment();
  const regenerate = useRegenerateRecoveryCodes();
  const disable = useDisableTwoFactor();
  const stepUp = useStepUpRetry();
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const newCodes = () =>
    regenerate.mutate(undefined, {
      onSuccess: (r) => setCodes(r.recoveryCodes),
      onError: (e) => { if (!stepUp.ask(e, newCodes)) setError(errorMessage(e)); },
    });
  const turnOff = () =>
    disable.mutate(undefined, { onError: (e) => { if (!stepUp.ask(e, turnOff)) setError(errorMessage(e)); } });

  const s = status.data;
  return (
    <Card title="手机验证器(登录第二步)" className="two-factor-card">
      {status.isError && <LoadError title="手机验证器状态加载失败" error={status.error} onRetry={() => void status.refetch()} />}
      {error && <Alert type="error" showIcon title={error} role="alert" closable onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {s && (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="状态">
              {s.enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
              {s.required && <Tag color="red">本镇要求</Tag>}
            </Descriptions.Item>
            {s.enabled && <Descriptions.Item label="启用时间">{formatDateTime(s.enabledAt)}(北京时间)</Descriptions.Item>}
            {s.enabled && <Descriptions.Item label="剩余恢复码">{s.recoveryCodesLeft} 个</Descriptions.Item>}
          </Descriptions>
          <Space wrap style={{ marginTop: 12 }}>
            {!s.enabled && <Button type="primary" onClick={() => setEnrolling(true)}>启用手机验证器</Button>}
            {s.enabled && <Button onClick={newCodes} loading={regenerate.isPending}>重新生成恢复码</Button>}
            {s.enabled && !s.required && (
              <Popconfirm title="停用后登录只需密码,确定停用?" okText="停用" cancelText="取消" onConfirm={turnOff}>
                <Button danger loading={disable.isPending}>停用</Button>
              </Popconfirm>
            )}
          </Space>
          {s.enabled && s.required && <Alert type="info" showIcon style={{ marginTop: 12 }} title="更换或丢失手机时,请用恢复码登录后重新生成,或请镇党委管理员重置。" />}
        </>
      )}
      <Modal title="启用手机验证器" open={enrolling} footer={null} onCancel={() => setEnrolling(false)} destroyOnHidden width={420}>
        <EnrolmentPanel
          start={() => start.mutateAsync()}
          confirm={async (body) => (await confirm.mutateAsync(body)).recoveryCodes}
          starting={start.isPending}
          confirming={confirm.isPending}
          doneText="我已保存"
          onDone={() => setEnrolling(false)}
        />
      </Modal>
      <Modal title="新的恢复码" open={codes !== null} footer={null} onCancel={() => setCodes(null)} width={420}>
        {codes && <RecoveryCodesPanel codes={codes} doneText="我已保存" onDone={() => setCodes(null)} />}
      </Modal>
      {stepUp.modal}
    </Card>
  );
}
