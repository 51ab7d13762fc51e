import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Form, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import {
  OBJECTION_RULING_LABELS, OBJECTION_RULINGS, RuleObjectionSchema, type AssessmentPeriodDetail, type ObjectionRuling,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { pointsRules } from './ScoringDesk';
import type { PeriodLeaf } from './period-labels';
import { useRuleObjection } from './periods-api';

type Objection = AssessmentPeriodDetail['subjects'][number]['objections'][number];
interface Row { objection: Objection; subject: string; leaf: PeriodLeaf | undefined; points: number | null }
interface Values { ruling?: ObjectionRuling; correctedPoints?: number | null; note?: string }

/** Every objection of the period with its subject and leaf, open ones first (then as raised). */
function rowsOf(detail: AssessmentPeriodDetail): Row[] {
  const rows = detail.subjects.flatMap((s) => s.objections.map((objection) => ({
    objection, subject: s.name, leaf: detail.indicators.find((l) => l.key === objection.indicatorKey),
    points: s.entries.find((e) => e.indicatorKey === objection.indicatorKey)?.points ?? null,
  })));
  return [...rows.filter((r) => !r.objection.ruling), ...rows.filter((r) => r.objection.ruling)];
}

/** 裁定: upheld with the corrected points, or rejected; a note either way. */
function RulingModal({ periodId, row, onClose }: { periodId: number; row: Row; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const rule = useRuleObjection(periodId);
  const [serverError, setServerError] = useState<string | null>(null);
  const ruling = Form.useWatch('ruling', form);
  const onFinish = (values: Values) => {
    setServerError(null);
    const upheld = values.ruling === 'upheld';
    rule.mutate({ objectionId: row.objection.id, ruling: values.ruling ?? 'rejected', correctedPoints: upheld ? values.correctedPoints ?? null : null, note: (values.note ?? '').trim() }, {
      onSuccess: () => { message.success(`已裁定:${OBJECTION_RULING_LABELS[values.ruling ?? 'rejected']}`); onClose(); },
      onError: (error) => { if (!applyFieldErrors(form, error, ['ruling', 'correctedPoints', 'note'])) setServerError(errorMessage(error)); },
    });
  };
  const weight = row.leaf?.weight ?? 100;
  return (
    <FormModal<Values> title="裁定异议" open onClose={onClose} form={form} name="rule-objection" okText="提交裁定" pending={rule.isPending} onFinish={onFinish}
      before={<Typography.Paragraph type="secondary">{row.subject} · {row.leaf?.name ?? row.objection.indicatorKey}(现得分{row.points ?? '—'},分值{weight}):{row.objection.reason}</Typography.Paragraph>}
      after={serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 12 }} />}>
      <Form.Item label="裁定结果" name="ruling" rules={rulesFor(RuleObjectionSchema, 'ruling')}>
        <Radio.Group options={OBJECTION_RULINGS.map((r) => ({ value: r, label: OBJECTION_RULING_LABELS[r] }))} />
      </Form.Item>
      {ruling === 'upheld' && (
        <Form.Item label={`更正后得分(0–${weight})`} name="correctedPoints" rules={pointsRules({ weight }, '更正后得分')}>
          <InputNumber aria-label="更正后得分" style={{ width: 140 }} />
        </Form.Item>
      )}
      <Form.Item label="裁定说明" name="note" rules={rulesFor(RuleObjectionSchema, 'note')}>
        <Input.TextArea aria-label="裁定说明" rows={3} {...textPropsOf(RuleObjectionSchema, 'note')} />
      </Form.Item>
    </FormModal>
  );
}

/** The town's list of objections: each with its reason, who raised it and when, and the ruling or a 裁定 button. */
export function ObjectionsPanel({ detail }: { detail: AssessmentPeriodDetail }) {
  const [ruling, setRuling] = useState<Row | null>(null);
  const rows = rowsOf(detail);
  if (!rows.length) return <Empty description={detail.status === 'scoring' ? '公示后,被考核对象可在异议期内提出异议' : '没有异议'} />;
  return (
    <div className="task-items" data-testid="objections-panel">
      {rows.map((row) => {
        const o = row.objection;
        return (
          <div key={o.id} className="task-item" data-testid={`objection-${o.id}`}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{row.subject} · {row.leaf?.name ?? o.indicatorKey}</Typography.Text>
              {o.ruling ? <Tag color={o.ruling === 'upheld' ? 'green' : 'default'}>{OBJECTION_RULING_LABELS[o.ruling]}</Tag> : <Tag color="orange">待裁定</Tag>}
            </Flex>
            <Typography.Text>理由:{o.reason}</Typography.Text>
            <Typography.Text type="secondary">{o.raisedBy} {formatDateTime(o.raisedAt)} 提出;现得分{row.points ?? '—'}</Typography.Text>
            {o.ruling && (
              <Typography.Text type="secondary">
                裁定:{o.ruling === 'upheld' && o.correctedPoints !== null ? `更正为${o.correctedPoints}分;` : ''}{o.rulingNote}({o.ruledBy} {formatDateTime(o.ruledAt)})
              </Typography.Text>
            )}
            {!o.ruling && detail.can.manage && detail.status !== 'locked' && (
              <Button size="small" type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setRuling(row)} autoInsertSpace={false}>裁定</Button>
            )}
          </div>
        );
      })}
      {ruling && <RulingModal periodId={detail.id} row={ruling} onClose={() => setRuling(null)} />}
    </div>
  );
}
