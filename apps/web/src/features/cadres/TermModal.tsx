import { useState } from 'react';
import { Alert, Form, InputNumber } from 'antd';
import { todayInShanghai, type CadreTermInput } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useRecordTerm } from './api';

/** 登记换届: the new term's years and the election day. */
export function TermModal({ orgId, open, onClose }: { orgId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CadreTermInput>();
  const save = useRecordTerm(orgId);
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (values: CadreTermInput) => {
    setServerError(null);
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, ['startYear', 'endYear', 'electedOn'])) setServerError(errorMessage(error));
    }
  };
  const year = Number(todayInShanghai().slice(0, 4));
  return (
    <FormModal<CadreTermInput> title="登记换届" open={open} onClose={onClose} form={form} name="cadre-term" pending={save.isPending}
      initialValues={{ startYear: year, endYear: year + 5 }} onFinish={(v) => void submit(v)} after={serverError && <Alert type="error" showIcon title={serverError} />}>
      <Form.Item name="startYear" label="起始年份" rules={[{ required: true, message: '请填写起始年份' }]}><InputNumber aria-label="起始年份" min={1990} max={2100} /></Form.Item>
      <Form.Item name="endYear" label="届满年份" rules={[{ required: true, message: '请填写届满年份' }]}><InputNumber aria-label="届满年份" min={1990} max={2100} /></Form.Item>
      <Form.Item name="electedOn" label="换届选举日期" rules={[{ required: true, message: '请填写换届选举日期' }]}><DateInput aria-label="换届选举日期" max={todayInShanghai()} /></Form.Item>
    </FormModal>
  );
}
