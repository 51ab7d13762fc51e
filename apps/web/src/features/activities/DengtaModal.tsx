import { App, Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { UploadBodySchema, todayInShanghai } from '@dj/contracts';
import { applyFieldErrors } from '../../lib/form-errors';
import { DateInput } from '../../components/DateInput';
import { useRecordDengta, type ActivityDetail } from './api';
import { rulesFor } from '../../lib/contract-rules';

interface Values {
  uploadedOn: string;
  uploadedBy: string;
  reference: string;
}
const FIELDS = ['uploadedOn', 'uploadedBy', 'reference'] as const;

/** 登记已上传“灯塔—党建在线”: the date, who uploaded it and the record number there. */
export function DengtaModal({ detail, open, onClose }: { detail: ActivityDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const record = useRecordDengta();
  const submit = async (values: Values) => {
    try {
      await record.mutateAsync({ id: detail.id, uploadedOn: values.uploadedOn, uploadedBy: values.uploadedBy.trim(), reference: values.reference.trim() });
      message.success('已登记灯塔上传');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) message.error(errorMessage(error));
    }
  };
  return (
    <FormModal<Values>
      open={open}
      title="登记灯塔上传"
      onClose={onClose}
      form={form}
      name="dengta-upload"
      okText="保存"
      pending={record.isPending}
      onFinish={submit}
      initialValues={{
        uploadedOn: detail.upload?.uploadedOn ?? todayInShanghai(),
        uploadedBy: detail.upload?.uploadedBy ?? detail.recorder ?? '',
        reference: detail.upload?.reference ?? '',
      }}
    >
      <Form.Item name="uploadedOn" label="上传日期" rules={rulesFor(UploadBodySchema, 'uploadedOn')}>
        <DateInput max={todayInShanghai()} />
      </Form.Item>
      <Form.Item name="uploadedBy" label="上传人" rules={rulesFor(UploadBodySchema, 'uploadedBy')}>
        <Input />
      </Form.Item>
      <Form.Item name="reference" label="灯塔记录编号" rules={rulesFor(UploadBodySchema, 'reference')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
