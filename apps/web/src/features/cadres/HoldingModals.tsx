import { useState } from 'react';
import { Alert, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import {
  EDUCATIONS, EDUCATION_LABELS, EMPLOYMENT_REVIEW_RESULTS, EMPLOYMENT_REVIEW_RESULT_LABELS, VILLAGE_CADRE_POST_LABELS, todayInShanghai,
  type CadreEmployment, type CadreEmploymentInput, type CadreHolding, type CadreProfileInput, type EmploymentReviewInput,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAddReview, useSetEmployment, useUpdateProfile } from './api';

/** Runs a mutation from a form: field errors on their fields, anything else above the buttons. */
function useSubmit<T extends object>(form: ReturnType<typeof Form.useForm<T>>[0], fields: string[], onClose: () => void) {
  const [serverError, setServerError] = useState<string | null>(null);
  const run = async (send: () => Promise<unknown>) => {
    setServerError(null);
    try { await send(); onClose(); } catch (e) { if (!applyFieldErrors(form, e, fields)) setServerError(errorMessage(e)); }
  };
  return { run, error: serverError && <Alert type="error" showIcon title={serverError} /> };
}

/** 学历 and 本土人才 of a cadre in post (what the team structure counts). */
export function ProfileModal({ orgId, holding, onClose }: { orgId: number; holding: CadreHolding; onClose: () => void }) {
  const [form] = Form.useForm<CadreProfileInput>();
  const save = useUpdateProfile(orgId);
  const { run, error } = useSubmit(form, ['education', 'localTalent'], onClose);
  return (
    <FormModal<CadreProfileInput> title={`学历和本土人才:${holding.name}`} open onClose={onClose} form={form} name="cadre-profile" pending={save.isPending}
      initialValues={{ education: holding.education, localTalent: holding.localTalent }} after={error}
      onFinish={(v) => void run(() => save.mutateAsync({ personId: holding.personId, body: { education: v.education ?? null, localTalent: !!v.localTalent } }))}>
      <Form.Item name="education" label="学历"><Select aria-label="学历" allowClear placeholder="未登记" options={EDUCATIONS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))} /></Form.Item>
      <Form.Item name="localTalent" valuePropName="checked"><Checkbox>本土人才(本村或本镇成长、在本地创业就业)</Checkbox></Form.Item>
    </FormModal>
  );
}

/** 聘用制: the rule, since when, 事业编待遇; and a year's review once the employment is recorded. */
export function EmploymentModal({ orgId, holding, employment, onClose }: { orgId: number; holding: CadreHolding; employment: CadreEmployment | undefined; onClose: () => void }) {
  const [form] = Form.useForm<CadreEmploymentInput & { review?: Partial<EmploymentReviewInput> }>();
  const save = useSetEmployment(orgId);
  const review = useAddReview(orgId);
  const { run, error } = useSubmit(form, ['since', 'ruleText', 'careerTreatment', 'year', 'result'], onClose);
  const submit = (v: CadreEmploymentInput & { review?: Partial<EmploymentReviewInput> }) => run(async () => {
    await save.mutateAsync({ id: holding.id, body: { since: v.since, ruleText: v.ruleText, careerTreatment: !!v.careerTreatment } });
    if (v.review?.year && v.review.result) await review.mutateAsync({ id: holding.id, body: { year: v.review.year, result: v.review.result, note: v.review.note ?? null } });
  });
  return (
    <FormModal title={`聘用制:${holding.name}(${VILLAGE_CADRE_POST_LABELS[holding.post]})`} open onClose={onClose} form={form} name="cadre-employment"
      pending={save.isPending || review.isPending} after={error} onFinish={(v) => void submit(v)}
      initialValues={employment ? { since: employment.since, ruleText: employment.ruleText, careerTreatment: employment.careerTreatment } : { since: holding.startedOn, careerTreatment: false }}>
      <Form.Item name="since" label="聘用日期" rules={[{ required: true, message: '请填写聘用日期' }]}><DateInput aria-label="聘用日期" max={todayInShanghai()} /></Form.Item>
      <Form.Item name="ruleText" label="聘用制度(文件名称、文号或内容)" rules={[{ required: true, message: '请填写聘用制度' }, { min: 2, message: '请填写聘用制度的内容或文件名称(至少2个字)' }]}>
        <Input.TextArea aria-label="聘用制度" rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="careerTreatment" valuePropName="checked"><Checkbox>享受事业编待遇</Checkbox></Form.Item>
      {employment && (
        <>
          <Typography.Text strong>年度考核</Typography.Text>
          {employment.reviews.map((r) => <div key={r.year}>{r.year}年度:{EMPLOYMENT_REVIEW_RESULT_LABELS[r.result]}{r.note ? `(${r.note})` : ''}</div>)}
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            <Form.Item name={['review', 'year']} label="考核年度"><InputNumber aria-label="考核年度" min={2000} max={2100} /></Form.Item>
            <Form.Item name={['review', 'result']} label="考核结果">
              <Select aria-label="考核结果" style={{ minWidth: 120 }} allowClear options={EMPLOYMENT_REVIEW_RESULTS.map((r) => ({ value: r, label: EMPLOYMENT_REVIEW_RESULT_LABELS[r] }))} />
            </Form.Item>
          </Flex>
        </>
      )}
    </FormModal>
  );
}
