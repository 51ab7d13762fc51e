import { useState } from 'react';
import { Alert, App, Flex, Form, Select } from 'antd';
import { useNavigate } from 'react-router';
import {
  ASSESSMENT_AUDIENCE_LABELS, ASSESSMENT_PERIOD_KIND_LABELS, OpenAssessmentPeriodSchema, PERIOD_FORMATS, todayInShanghai, type AssessmentPeriodKind,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor } from '../../lib/contract-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { useSchemes } from './api';
import { periodLabel } from './period-labels';
import { useOpenPeriod } from './periods-api';

interface Values { schemeId?: number; period?: string }
const FIELDS = ['schemeId', 'period'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The period text for a scheme's kind: a month '2026-11', a quarter '2026-Q4' or a year '2026'. */
function PeriodInput({ kind, value, onChange, id }: { kind: AssessmentPeriodKind; value?: string; onChange?: (v: string) => void; id?: string }) {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const year = value ? Number(value.slice(0, 4)) : thisYear;
  const rest = value && value.length > 4 ? value.slice(5) : undefined;
  const years = [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y}年` }));
  const set = (y: number, r: string | undefined) => onChange?.(kind === 'year' ? String(y) : r ? `${y}-${r}` : String(y));
  return (
    <Flex gap={8}>
      <Select id={id} aria-label="考核年份" style={{ width: 110 }} value={year} options={years} onChange={(y: number) => set(y, rest)} />
      {kind === 'month' && <Select aria-label="考核月份" style={{ width: 100 }} placeholder="月份" value={rest}
        options={Array.from({ length: 12 }, (_, i) => ({ value: pad(i + 1), label: `${i + 1}月` }))} onChange={(m: string) => set(year, m)} />}
      {kind === 'quarter' && <Select aria-label="考核季度" style={{ width: 120 }} placeholder="季度" value={rest}
        options={[1, 2, 3, 4].map((q) => ({ value: `Q${q}`, label: `第${q}季度` }))} onChange={(q: string) => set(year, q)} />}
    </Flex>
  );
}

const PICK: Record<AssessmentPeriodKind, string> = { month: '请选择月份', quarter: '请选择季度', year: '请选择年份' };
/** A month scheme's period needs its month, a quarter scheme's its quarter (the year alone is not one). */
const periodRule = (kind: AssessmentPeriodKind) => ({
  validator: async (_: unknown, value?: string) => {
    if (value && !PERIOD_FORMATS[kind].pattern.test(value)) throw new Error(PICK[kind]);
  },
});

/** 开启考核期: a scheme and its period (month, quarter or year, as the scheme says); the page of the new period opens. */
export function OpenPeriodModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const schemes = useSchemes();
  const open = useOpenPeriod();
  const [serverError, setServerError] = useState<string | null>(null);
  const schemeId = Form.useWatch('schemeId', form);
  const scheme = schemes.data?.rows.find((s) => s.id === schemeId);
  const onFinish = (values: Values) => {
    setServerError(null);
    open.mutate({ schemeId: values.schemeId ?? 0, period: values.period ?? '' }, {
      onSuccess: (d) => {
        message.success(`已开启“${d.schemeName}”${periodLabel(d.period)}考核期`);
        onClose();
        void navigate(`/assessment/periods/${d.id}`);
      },
      onError: (error) => {
        // A field error goes under its field; a refusal (the period already open) above the buttons.
        if (!applyFieldErrors(form, error, FIELDS)) setServerError(errorMessage(error));
      },
    });
  };
  return (
    <FormModal<Values> title="开启考核期" open onClose={onClose} form={form} name="open-period" okText="开启" pending={open.isPending} onFinish={onFinish}
      onValuesChange={(changed: Partial<Values>) => {
        // A new scheme starts its period afresh; a year scheme's period is the year shown (this year) until changed.
        if (!('schemeId' in changed)) return;
        const kind = schemes.data?.rows.find((s) => s.id === changed.schemeId)?.periodKind;
        form.setFieldValue('period', kind === 'year' ? todayInShanghai().slice(0, 4) : undefined);
      }}
      after={serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 12 }} />}>
      <Form.Item label="考核方案" name="schemeId" rules={rulesFor(OpenAssessmentPeriodSchema, 'schemeId', { requiredMessage: '请选择考核方案' })}>
        <Select loading={schemes.isPending} placeholder="选择考核方案" notFoundContent="尚无考核方案"
          options={(schemes.data?.rows ?? []).map((s) => ({
            value: s.id, label: `${s.name}(${ASSESSMENT_AUDIENCE_LABELS[s.audience]} · ${ASSESSMENT_PERIOD_KIND_LABELS[s.periodKind]})`,
          }))} />
      </Form.Item>
      {scheme && (
        <Form.Item label={`考核期(${ASSESSMENT_PERIOD_KIND_LABELS[scheme.periodKind]})`} name="period"
          rules={[...rulesFor(OpenAssessmentPeriodSchema, 'period', { requiredMessage: '请选择考核期' }), periodRule(scheme.periodKind)]}
          extra="按考核期开始时生效的方案版本评分;每个方案每期只开启一次。">
          <PeriodInput kind={scheme.periodKind} />
        </Form.Item>
      )}
    </FormModal>
  );
}
