import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { ASSESSMENT_SCORER_LABELS, EnterAssessmentScoreSchema, type AssessmentPeriodDetail, type AssessmentSubjectResult } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { MeasureLeaves } from './MeasureLeaves';
import { scorableLeaves, scoredCount, type PeriodLeaf } from './period-labels';
import { useEnterScore } from './periods-api';

interface Values { points?: number | null; evidence?: string }

/** 0..分值, said with the leaf's own 分值 (the API refuses the same with the same bound). */
export const pointsRules = (leaf: Pick<PeriodLeaf, 'weight'>, label = '得分') => [
  { required: true, message: `请填写${label}` },
  {
    validator: async (_: unknown, v: number | null | undefined) => {
      if (v === null || v === undefined) return;
      if (!Number.isInteger(v) || v < 0 || v > leaf.weight) throw new Error(`${label}应为0到${leaf.weight}分(分值)之间的整数`);
    },
  },
];

/** One leaf for one subject: points and the evidence seen; saving enters or replaces the entry. */
function LeafScoreForm({ periodId, subject, leaf }: { periodId: number; subject: AssessmentSubjectResult; leaf: PeriodLeaf }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const enter = useEnterScore(periodId);
  const entry = subject.entries.find((e) => e.indicatorKey === leaf.key);
  const onFinish = (values: Values) => {
    enter.mutate({ subjectId: subject.subjectId, indicatorKey: leaf.key, points: values.points ?? 0, evidence: (values.evidence ?? '').trim() }, {
      onSuccess: () => message.success(`已保存“${subject.name}”的“${leaf.name}”得分`),
      onError: (error) => {
        applyFieldErrors(form, error, ['points', 'evidence']);
        message.error(errorMessage(error));
      },
    });
  };
  return (
    <div className="task-item" data-testid={`score-${subject.subjectId}-${leaf.key}`}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{leaf.name}</Typography.Text>
        <Tag>分值 {leaf.weight}</Tag>
        <Typography.Text type="secondary">{ASSESSMENT_SCORER_LABELS[leaf.scorer]}</Typography.Text>
        {entry ? <Tag color="green">已评 {entry.points}分</Tag> : <Tag>未评</Tag>}
      </Flex>
      {leaf.evidence && <Typography.Text type="secondary">评分依据:{leaf.evidence}</Typography.Text>}
      {entry && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.scoredBy} {formatDateTime(entry.scoredAt)}</Typography.Text>}
      <Form<Values> form={form} layout="vertical" name={`score-${subject.subjectId}-${leaf.key}`} onFinish={onFinish}
        initialValues={{ points: entry?.points ?? null, evidence: entry?.evidence ?? '' }}>
        <Form.Item label={`得分(0–${leaf.weight})`} name="points" rules={pointsRules(leaf)}>
          {/* No min/max/precision: the input would silently clamp 25 to 20 or round 18.5; the rule says what is wrong instead. */}
          <InputNumber aria-label={`${leaf.name}得分`} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="评分依据(佐证材料及说明)" name="evidence" rules={rulesFor(EnterAssessmentScoreSchema, 'evidence')}>
          <Input.TextArea aria-label={`${leaf.name}评分依据`} rows={2} {...textPropsOf(EnterAssessmentScoreSchema, 'evidence')}
            placeholder="看了哪些材料、记录或现场情况,据此给分" />
        </Form.Item>
        <Button htmlType="submit" type={entry ? 'default' : 'primary'} loading={enter.isPending} autoInsertSpace={false}>
          {entry ? '修改得分' : '保存得分'}
        </Button>
      </Form>
    </div>
  );
}

/**
 * 评分台: the caller's leaves for one subject at a time (the town every leaf a person scores, a 包村干部 the
 * supervisor's leaves of the villages assigned to them), with each subject's progress in the picker.
 */
export function ScoringDesk({ detail }: { detail: AssessmentPeriodDetail }) {
  const leaves = scorableLeaves(detail);
  const [picked, setPicked] = useState<number | null>(null);
  if (!detail.subjects.length) return <Empty description="没有由您评分的考核对象" />;
  if (!leaves.length) return <Empty description="本期方案没有由您评分的指标" />;
  const subject = detail.subjects.find((s) => s.subjectId === picked) ?? detail.subjects[0];
  const done = detail.subjects.filter((s) => scoredCount(s, leaves) === leaves.length).length;
  return (
    <Flex vertical gap={12} data-testid="scoring-desk">
      <Flex gap={8} wrap align="center">
        <Select aria-label="考核对象" style={{ minWidth: 220, maxWidth: '100%' }} value={subject.subjectId} onChange={setPicked} showSearch optionFilterProp="label"
          options={detail.subjects.map((s) => ({ value: s.subjectId, label: `${s.name}(已评${scoredCount(s, leaves)}/${leaves.length}项)` }))} />
        <Typography.Text type="secondary">已评完 {done}/{detail.subjects.length} 个对象</Typography.Text>
      </Flex>
      <Card size="small" title={subject.name} extra={<span data-testid="score-progress">已评 {scoredCount(subject, leaves)}/{leaves.length} 项</span>}>
        <div className="task-items">
          {leaves.map((leaf) => <LeafScoreForm key={`${subject.subjectId}-${leaf.key}`} periodId={detail.id} subject={subject} leaf={leaf} />)}
        </div>
        <MeasureLeaves detail={detail} subject={subject} />
      </Card>
    </Flex>
  );
}
