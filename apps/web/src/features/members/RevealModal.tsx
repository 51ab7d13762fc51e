import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { RevealBodySchema, StepUpBodySchema } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { maxLengthOf, rulesFor, textPropsOf } from '../../lib/contract-rules';
import { isStepUpRequired, useStepUp } from '../../lib/session';
import { useRevealField } from './api';
import { REVEAL_FIELD_LABELS, type RevealField } from './labels';

interface Props {
  memberId: number;
  memberName: string;
  /** Which number to show; null keeps the modal closed. */
  field: RevealField | null;
  onClose: () => void;
}

interface RevealValues {
  reason: string;
  /** Asked only when the server wants a step-up (安全测试清单第26项). */
  password?: string;
}

const reasonRules = rulesFor(RevealBodySchema, 'reason');
const passwordRules = rulesFor(StepUpBodySchema, 'password');

/**
 * Asks why, then shows one full personal number. The reason and the look are written to the audit log.
 * When the session has not re-entered its password lately the server refuses with STEP_UP_REQUIRED: the same
 * form then also asks for the sign-in password, steps up and retries (安全测试清单第26项).
 */
export function RevealModal({ memberId, memberName, field, onClose }: Props) {
  const [form] = Form.useForm<RevealValues>();
  const reveal = useRevealField();
  const stepUp = useStepUp();
  const [shown, setShown] = useState<{ value: string | null } | null>(null);
  /** The server's reason for asking the password; null while no step-up has been asked for. */
  const [stepUpAsked, setStepUpAsked] = useState<string | null>(null);
  const label = field ? REVEAL_FIELD_LABELS[field] : '';

  const close = () => {
    setShown(null);
    setStepUpAsked(null);
    reveal.reset();
    stepUp.reset();
    onClose();
  };

  const onFinish = async ({ reason, password }: RevealValues) => {
    if (!field) return;
    if (stepUpAsked !== null) {
      try {
        await stepUp.mutateAsync({ password: password ?? '' });
      } catch {
        form.setFieldValue('password', '');
        return;
      }
    }
    reveal.mutate(
      { id: memberId, field, reason: reason.trim() },
      {
        onSuccess: (result) => setShown({ value: result.value }),
        onError: (error) => {
          if (isStepUpRequired(error)) setStepUpAsked(error.message);
        },
      },
    );
  };
  // A step-up request is not a failure to show in red: the password field below explains it.
  const failure = stepUp.isError ? stepUp.error : reveal.isError && !isStepUpRequired(reveal.error) ? reveal.error : null;

  const footer = shown
    ? [
        <Button key="close" type="primary" onClick={close}>
          关闭
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={reveal.isPending || stepUp.isPending} onClick={() => form.submit()}>
          查看
        </Button>,
      ];

  return (
    <Modal
      title={`查看完整${label}:${memberName}`}
      open={field !== null}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      width={480}
    >
      {shown ? (
        <div>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {label}
          </Typography.Paragraph>
          <Typography.Paragraph
            className="reveal-value"
            data-testid="reveal-value"
            copyable={shown.value ? { text: shown.value, tooltips: ['复制', '已复制'] } : false}
            strong
          >
            {shown.value ?? '未登记'}
          </Typography.Paragraph>
          <Alert type="info" showIcon title="本次查看及查看原因已记入审计日志。请妥善保管,勿截图外传。" />
        </div>
      ) : (
        <Form<RevealValues> form={form} name="reveal-number" layout="vertical" onFinish={onFinish} preserve={false}>
          <Typography.Paragraph type="secondary">
            完整的{label}属于个人敏感信息。查看前请说明原因,查看记录(含原因)将记入审计日志。
          </Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={errorMessage(failure)} style={{ marginBottom: 16 }} role="alert" />}
          <Form.Item label="查看原因" name="reason" rules={reasonRules}>
            <Input.TextArea rows={3} {...textPropsOf(RevealBodySchema, 'reason')} placeholder="例如:办理组织关系转接,核对身份证号" autoFocus />
          </Form.Item>
          {stepUpAsked !== null && (
            <>
              <Alert
                type="warning"
                showIcon
                title={`${stepUpAsked}。确认后一段时间内(本镇设置,默认10分钟)不再询问。`}
                style={{ marginBottom: 16 }}
                data-testid="step-up-notice"
              />
              <Form.Item label="登录密码" name="password" rules={passwordRules}>
                <Input.Password autoComplete="current-password" maxLength={maxLengthOf(StepUpBodySchema, 'password')} autoFocus />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
