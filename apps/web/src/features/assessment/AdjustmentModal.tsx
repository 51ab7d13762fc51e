import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Select } from 'antd';
import { AdjustAssessmentScoreSchema, type AssessmentPeriodDetail, type AssessmentSubjectResult } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAdjustScore } from './periods-api';

interface Values { indicatorKey?: string; delta?: number | null; reason?: string }
const FIELDS = ['indicatorKey', 'delta', 'reason'];

/** 录入调整: after locking, a signed correction of one leaf with its reason; the approved entry stays as it was. */
export function AdjustmentModal({ detail, subject, onClose }: { detail: AssessmentPeriodDetail; subject: AssessmentSubjectResult; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const adjust = useAdjustScore(detail.id);
  const [serverError, setServerError] = useState<string | null>(null);
  const onFinish = (values: Values) => {
    setServerError(null);
    adjust.mutate({ subjectId: subject.subjectId, indicatorKey: values.indicatorKey ?? '', delta: values.delta ?? 0, reason: (values.reason ?? '').trim() }, {
      onSuccess: () => { message.success(`已为“${subject.name}”录入调整`); onClose(); },
      onError: (error) => { if (!applyFieldErrors(form, error, FIELDS)) setServerError(errorMessage(error)); },
    });
  };
  return (
    <FormModal<Values> title={`录入调整:${subject.name}`} open onClose={onClose} form={form} name="adjust-score" okText="录入调整" pending={adjust.isPending}
      onFinish={onFinish} before={<Alert type="info" showIcon title="本期已锁定,原得分不变;调整单独记录并计入得分。" style={{ marginBottom: 12 }} />}
      after={serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 12 }} />}>
      <Form.Item label="指标" name="indicatorKey" rules={rulesFor(AdjustAssessmentScoreSchema, 'indicatorKey')}>
        <Select placeholder="选择指标" options={detail.indicators.map((l) => ({ value: l.key, label: `${l.name}(分值${l.weight})` }))} />
      </Form.Item>
      <Form.Item label="调整分值(加分为正,减分为负)" name="delta" rules={rulesFor(AdjustAssessmentScoreSchema, 'delta')}>
        <InputNumber aria-label="调整分值" precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="调整理由" name="reason" rules={rulesFor(AdjustAssessmentScoreSchema, 'reason')}>
        <Input.TextArea rows={3} {...textPropsOf(AdjustAssessmentScoreSchema, 'reason')} />
      </Form.Item>
    </FormModal>
  );
}
