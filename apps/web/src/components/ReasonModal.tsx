import { App, Form, Input, Modal, Typography, type FormRule } from 'antd';
import { errorMessage } from '../lib/api-client';
import type { TextProps } from '../lib/contract-rules';
import { fieldErrorsFor } from '../lib/form-errors';

interface Props {
  title: string;
  okText: string;
  /** What the reason is about, one line above the field. */
  subject: string;
  label: string;
  /** The reason's rules and counter, from the contract of the request that carries it (`rulesFor`, `...textPropsOf`). */
  rules: FormRule[];
  count?: TextProps['count'];
  placeholder: string;
  /** The server's field name for the reason, so its error lands under the box. */
  field: string;
  pending: boolean;
  /** Sends the trimmed reason; resolves with the success message. */
  onSubmit: (reason: string) => Promise<string>;
  onClose: () => void;
}

/** A modal that asks for one reason (请假, 退回 …) and will not send without it. */
export function ReasonModal({ title, okText, subject, label, rules, count, placeholder, field, pending, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      message.success(await onSubmit(reason.trim()));
      onClose();
    } catch (error) {
      // The server names its own field; the box here is always "reason".
      const errors = fieldErrorsFor(error, [field]).flatMap((f) => f.errors);
      if (errors.length) form.setFields([{ name: 'reason', errors }]);
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal open title={title} okText={okText} cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={pending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{subject}</Typography.Paragraph>
      <Form<{ reason: string }> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={label} rules={rules}>
          <Input.TextArea rows={(count?.max ?? 0) > 200 ? 4 : 3} count={count} placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
