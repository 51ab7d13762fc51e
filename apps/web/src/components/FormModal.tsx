import type { ReactNode } from 'react';
import { Form, Modal, type FormInstance, type FormProps } from 'antd';

interface FormModalProps<T> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  form: FormInstance<T>;
  /** Unique per form so label→input ids do not collide between modals. */
  name: string;
  initialValues?: Partial<T>;
  onFinish: (values: T) => void;
  /** For fields that depend on each other (e.g. a new category clears the rule chosen under the old one). */
  onValuesChange?: FormProps<T>['onValuesChange'];
  pending: boolean;
  danger?: boolean;
  /** Keeps the confirm button disabled, e.g. while a rule check refuses what has been typed. */
  okDisabled?: boolean;
  /** A custom confirm label is shown exactly as given (no space inserted: e2e tests click it by name). */
  okText?: string;
  /** Shown above the form (context) and below it (the server's refusal). */
  before?: ReactNode;
  after?: ReactNode;
  /** Wider forms (lists of rows, two-column layouts) need more than antd's 520px. */
  width?: number;
  children: ReactNode;
}

/** Modal + vertical form; the form is destroyed on close so every opening starts from initialValues. */
export function FormModal<T extends object>(props: FormModalProps<T>) {
  const { title, open, onClose, form, name, initialValues, onFinish, onValuesChange, pending, danger, okDisabled, okText, before, after, width, children } = props;
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? '确定'}
      cancelText="取消"
      confirmLoading={pending}
      okButtonProps={okText ? { danger, disabled: okDisabled, autoInsertSpace: false } : { danger, disabled: okDisabled }}
      destroyOnHidden
      width={width}
    >
      {before}
      <Form<T>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        preserve={false}
      >
        {children}
      </Form>
      {after}
    </Modal>
  );
}
