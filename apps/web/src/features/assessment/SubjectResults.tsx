import { useState } from 'react';
import { Button, Collapse, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { OBJECTION_RULING_LABELS, RaiseObjectionSchema, type AssessmentPeriodDetail, type AssessmentSubjectResult } from '@dj/contracts';
import { ReasonModal } from '../../components/ReasonModal';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { formatDateTime } from '../../lib/format';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { AdjustmentModal } from './AdjustmentModal';
import { MeasureText, measureOf } from './MeasureLeaves';
import { leafName, type PeriodLeaf } from './period-labels';
import { useRaiseObjection } from './periods-api';

type Subject = AssessmentSubjectResult;
type Objection = Subject['objections'][number];

function objectionText(o: Objection): string {
  if (!o.ruling) return `异议待裁定:${o.reason}`;
  const points = o.ruling === 'upheld' && o.correctedPoints !== null ? `,更正为${o.correctedPoints}分` : '';
  return `${OBJECTION_RULING_LABELS[o.ruling]}${points}(${o.rulingNote ?? ''})`;
}

interface Props { detail: AssessmentPeriodDetail; subject: Subject; onObject: (leaf: PeriodLeaf) => void }

/** A subject's score leaf by leaf: points, the evidence behind them, objections on the leaf and what was ruled. */
function SubjectLeaves({ detail, subject, onObject }: Props) {
  const narrow = useNarrowScreen();
  const entryOf = (l: PeriodLeaf) => subject.entries.find((e) => e.indicatorKey === l.key);
  const points = (l: PeriodLeaf) => {
    if (l.scorer === 'measure') {
      const figure = measureOf(subject, l);
      return figure ? `${figure.points}分` : '—';
    }
    const entry = entryOf(l);
    return entry ? `${entry.points}分` : <Tag>未评</Tag>;
  };
  const evidence = (l: PeriodLeaf) => {
    if (l.scorer === 'measure') return <MeasureText subject={subject} leaf={l} />;
    const entry = entryOf(l);
    if (!entry) return '—';
    return <Flex vertical><span>{entry.evidence}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.scoredBy} {formatDateTime(entry.scoredAt)}</Typography.Text></Flex>;
  };
  const objections = (l: PeriodLeaf) => (
    <Flex vertical gap={4} align="flex-start">
      {subject.objections.filter((o) => o.indicatorKey === l.key).map((o) => <Typography.Text key={o.id} type={o.ruling ? undefined : 'warning'}>{objectionText(o)}</Typography.Text>)}
      {detail.can.object && <Button size="small" onClick={() => onObject(l)} autoInsertSpace={false}>提出异议</Button>}
    </Flex>
  );
  const name = (l: PeriodLeaf) => <>{l.name}<Typography.Text type="secondary"> (分值{l.weight})</Typography.Text></>;
  // A phone (390 px) reads one leaf per block; a wider screen a table.
  if (narrow) {
    return (
      <div className="task-items">
        {detail.indicators.map((l) => (
          <div key={l.key} className="task-item" data-testid={`leaf-${subject.subjectId}-${l.key}`}>
            <Flex gap={8} wrap><Typography.Text strong>{name(l)}</Typography.Text>{points(l)}</Flex>
            {evidence(l)}
            {objections(l)}
          </div>
        ))}
      </div>
    );
  }
  const columns: TableColumnsType<PeriodLeaf> = [
    { title: '指标', key: 'name', render: (_, l) => name(l) },
    { title: '得分', key: 'points', render: (_, l) => points(l) },
    { title: '评分依据', key: 'evidence', render: (_, l) => evidence(l) },
    { title: '异议', key: 'objection', render: (_, l) => objections(l) },
  ];
  return <Table<PeriodLeaf> rowKey="key" size="small" pagination={false} columns={columns} dataSource={detail.indicators} scroll={{ x: 'max-content' }} />;
}

function Adjustments({ detail, subject }: { detail: AssessmentPeriodDetail; subject: Subject }) {
  if (!subject.adjustments.length) return null;
  return (
    <Flex vertical gap={2} data-testid={`adjustments-${subject.subjectId}`}>
      <Typography.Text strong>锁定后调整</Typography.Text>
      {subject.adjustments.map((a) => (
        <Typography.Text key={a.id}>
          {leafName(detail, a.indicatorKey)} {a.delta > 0 ? `+${a.delta}` : a.delta}分:{a.reason}
          <Typography.Text type="secondary"> ({a.by} {formatDateTime(a.at)})</Typography.Text>
        </Typography.Text>
      ))}
    </Flex>
  );
}

/**
 * Each subject the caller sees, in the order the API gives (never by score): its score and grade, the leaves with
 * their evidence; the subject's own people object on a leaf while the window is open; the town adjusts after locking.
 */
export function SubjectResults({ detail }: { detail: AssessmentPeriodDetail }) {
  const [objecting, setObjecting] = useState<{ subject: Subject; leaf: PeriodLeaf } | null>(null);
  const [adjusting, setAdjusting] = useState<Subject | null>(null);
  const raise = useRaiseObjection(detail.id);
  const items = detail.subjects.map((s) => ({
    key: String(s.subjectId),
    label: (
      <Flex gap={8} wrap align="center" data-testid={`subject-${s.subjectId}`}>
        <Typography.Text strong>{s.name}</Typography.Text>
        <span>{s.score}分</span>
        {s.grade ? <Tag color="blue">{s.grade}</Tag> : <Tag>未达等次</Tag>}
        <Typography.Text type="secondary">已评{s.progress.scored}/{s.progress.total}项</Typography.Text>
        {s.objections.some((o) => !o.ruling) && <Tag color="orange">有异议待裁定</Tag>}
      </Flex>
    ),
    children: (
      <Flex vertical gap={8}>
        <SubjectLeaves detail={detail} subject={s} onObject={(leaf) => setObjecting({ subject: s, leaf })} />
        <Adjustments detail={detail} subject={s} />
        {detail.status === 'locked' && detail.can.manage && <Button style={{ alignSelf: 'flex-start' }} onClick={() => setAdjusting(s)} autoInsertSpace={false}>录入调整</Button>}
      </Flex>
    ),
  }));
  return (
    <>
      <Collapse items={items} defaultActiveKey={detail.subjects.length === 1 ? [String(detail.subjects[0].subjectId)] : []} data-testid="subject-results" />
      {objecting && (
        <ReasonModal title="提出异议" okText="提交异议" subject={`${objecting.subject.name} · ${objecting.leaf.name}`} label="异议理由"
          rules={rulesFor(RaiseObjectionSchema, 'reason')} count={textPropsOf(RaiseObjectionSchema, 'reason').count}
          placeholder="说明哪里不符,附上可核对的事实" field="reason" pending={raise.isPending} onClose={() => setObjecting(null)}
          onSubmit={async (reason) => {
            await raise.mutateAsync({ subjectId: objecting.subject.subjectId, indicatorKey: objecting.leaf.key, reason });
            return '异议已提交,由镇党委裁定';
          }} />
      )}
      {adjusting && <AdjustmentModal detail={detail} subject={adjusting} onClose={() => setAdjusting(null)} />}
    </>
  );
}
