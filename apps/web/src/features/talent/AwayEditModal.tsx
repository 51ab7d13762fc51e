import { useState } from 'react';
import { Alert, Form, Input, Select } from 'antd';
import { AWAY_EMPLOYER_KINDS, AWAY_EMPLOYER_KIND_LABELS, todayInShanghai, type AwayTalent, type UpdateAwayTalent } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useUpdateAway } from './AwayApi';

/** 修改: where the person works now, what, for whom, with which skills (a returnee's record stays as it was). */
export function AwayEditModal({ talent, onClose }: { talent: AwayTalent; onClose: () => void }) {
  const [form] = Form.useForm<UpdateAwayTalent>();
  const save = useUpdateAway(talent.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: UpdateAwayTalent) => {
    setError(null);
    try {
      await save.mutateAsync({ ...values, employer: values.employer ?? '', skills: values.skills ?? '', leftOn: values.leftOn ?? null });
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['place', 'occupation', 'employerKind', 'employer', 'skills', 'leftOn'])) setError(errorMessage(e));
    }
  };
  return (
    <FormModal<UpdateAwayTalent> title={`修改在外情况:${talent.name}`} open onClose={onClose} form={form} name="away-edit" pending={save.isPending}
      initialValues={{ place: talent.place, occupation: talent.occupation, employerKind: talent.employerKind, employer: talent.employer, skills: talent.skills, leftOn: talent.leftOn }}
      onFinish={(v) => void submit(v)} after={error && <Alert type="error" showIcon title={error} />}>
      <Form.Item name="place" label="在外地点(城市)" rules={[{ required: true, message: '请填写在外地点' }]}><Input aria-label="在外地点" /></Form.Item>
      <Form.Item name="occupation" label="从事工作" rules={[{ required: true, message: '请填写从事工作' }]}><Input aria-label="从事工作" /></Form.Item>
      <Form.Item name="employerKind" label="单位性质" rules={[{ required: true, message: '请选择单位性质' }]}>
        <Select aria-label="单位性质" options={AWAY_EMPLOYER_KINDS.map((k) => ({ value: k, label: AWAY_EMPLOYER_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="employer" label="单位名称"><Input aria-label="单位名称" /></Form.Item>
      <Form.Item name="skills" label="专长技能"><Input aria-label="专长技能" /></Form.Item>
      <Form.Item name="leftOn" label="外出时间"><DateInput aria-label="外出时间" max={todayInShanghai()} /></Form.Item>
    </FormModal>
  );
}
