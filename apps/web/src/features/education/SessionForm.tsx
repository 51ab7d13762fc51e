import { useEffect, useMemo } from 'react';
import { Form, Input, InputNumber, Select, type FormInstance } from 'antd';
import {
  CreateTrainingSchema, FORM_TRAINING_KINDS, TRAINING_KIND_LABELS, TRAINING_LIMITS, TrainingInputSchema, trainingDateProblem,
  type Training, type TrainingKind,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { rulesFor } from '../../lib/contract-rules';
import { useOrganizationTreeData } from '../../lib/organizations';

export interface SessionFormValues {
  organizationId?: number;
  kind: TrainingKind;
  title: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  venue?: string | null;
  lecturers?: string | null;
  note?: string | null;
}

export const SESSION_FORM_FIELDS = ['organizationId', 'kind', 'title', 'startsOn', 'endsOn', 'hours', 'venue', 'lecturers', 'note'] as const;

/** A counter that shows "3 / 80" and turns red past the contract's limit (the rule then refuses with the limit named). */
const counter = (max: number) => ({ count: { show: true, max } });

/** The end date's own check beside the field: order and length, as the API says it (trainingDateProblem). */
const endsRule = (form: FormInstance<SessionFormValues>) => ({
  validator: async (_: unknown, endsOn: string | null) => {
    const startsOn = form.getFieldValue('startsOn') as string | null;
    if (!startsOn || !endsOn) return;
    const problem = trainingDateProblem({ startsOn, endsOn });
    if (problem) throw new Error(problem.message);
  },
});

/** The request body from the form: empty optional text goes as null (the contract turns '' into null too). */
export function sessionBody(values: SessionFormValues) {
  const { organizationId: _o, ...rest } = values;
  return { ...rest, venue: rest.venue || null, lecturers: rest.lecturers || null, note: rest.note || null };
}

/**
 * A session's fields (issue 19 point 1): kind, organiser (only when new: another organiser is another session), dates,
 * hours, venue, lecturers and content, with the contract's limits and Chinese messages.
 */
export function SessionForm({ form, detail, onFinish }: {
  form: FormInstance<SessionFormValues>; detail: Training | null; onFinish: (values: SessionFormValues) => void;
}) {
  const orgs = useOrganizationTreeData(!detail);
  // A 党小组 holds no sessions of its own (its study is recorded on the branch), so it is not offered.
  const orgOptions = useMemo(() => (orgs.data ?? []).filter((o) => o.status === 'active' && o.kind !== 'group').map((o) => ({ value: o.id, label: o.name })), [orgs.data]);
  useEffect(() => {
    if (detail) form.setFieldsValue({ ...detail });
  }, [detail, form]);
  useEffect(() => {
    // A secretary keeps one branch: it is chosen already.
    if (!detail && orgOptions.length === 1 && !form.getFieldValue('organizationId')) form.setFieldValue('organizationId', orgOptions[0].value);
  }, [detail, orgOptions, form]);
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} aria-label="培训信息" initialValues={{ kind: 'branch_study' }}>
      {!detail && (
        <Form.Item name="organizationId" label="组织单位" extra="集中轮训由镇党委组织;支部学习选本支部" rules={rulesFor(CreateTrainingSchema, 'organizationId', { requiredMessage: '请选择组织单位' })}>
          <Select aria-label="组织单位" showSearch optionFilterProp="label" loading={orgs.isPending} options={orgOptions} />
        </Form.Item>
      )}
      <Form.Item name="kind" label="培训类别" rules={rulesFor(TrainingInputSchema, 'kind')}>
        <Select aria-label="培训类别" options={FORM_TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="title" label="主题" rules={rulesFor(TrainingInputSchema, 'title')}>
        <Input {...counter(TRAINING_LIMITS.title)} placeholder="如:学习贯彻党的二十届四中全会精神" />
      </Form.Item>
      <Form.Item name="startsOn" label="开始日期" rules={rulesFor(TrainingInputSchema, 'startsOn')}>
        <DateInput aria-label="开始日期" />
      </Form.Item>
      <Form.Item name="endsOn" label="结束日期" dependencies={['startsOn']} extra="一天的学习,开始和结束选同一天" rules={[...rulesFor(TrainingInputSchema, 'endsOn'), endsRule(form)]}>
        <DateInput aria-label="结束日期" />
      </Form.Item>
      <Form.Item name="hours" label="学时" extra="出席人员默认计入这些学时" rules={rulesFor(TrainingInputSchema, 'hours')}>
        <InputNumber aria-label="学时" min={0} max={TRAINING_LIMITS.maxHours} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="venue" label="地点" rules={rulesFor(TrainingInputSchema, 'venue')}>
        <Input {...counter(TRAINING_LIMITS.venue)} placeholder="如:乡村振兴讲习所" />
      </Form.Item>
      <Form.Item name="lecturers" label="授课人" rules={rulesFor(TrainingInputSchema, 'lecturers')}>
        <Input {...counter(TRAINING_LIMITS.lecturers)} placeholder="多人用顿号分隔" />
      </Form.Item>
      <Form.Item name="note" label="内容与备注" rules={rulesFor(TrainingInputSchema, 'note')}>
        <Input.TextArea {...counter(TRAINING_LIMITS.note)} rows={3} />
      </Form.Item>
    </Form>
  );
}
