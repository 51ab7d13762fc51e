import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AssessmentPeriodDetail, AssessmentSubjectResult } from '@dj/contracts';
import { MEASURE_PENDING, type PeriodLeaf } from './period-labels';

type Subject = AssessmentSubjectResult;

/**
 * A measure leaf's figure for one subject: while scoring the live figure from the records (counted in the draft), after
 * 公示 the entry frozen from it; each with a link to the records behind it. A leaf with neither (a 镇机关 scheme's
 * measure has no village records) says it is computed from the records.
 */
export function measureOf(subject: Subject, leaf: Pick<PeriodLeaf, 'key'>) {
  const live = subject.measures.find((m) => m.indicatorKey === leaf.key);
  if (live) return { points: live.points, text: `${live.label} ${live.display}(取自${live.source},实时)`, link: live.link };
  const entry = subject.entries.find((e) => e.indicatorKey === leaf.key);
  if (entry) return { points: entry.points, text: entry.evidence, link: entry.link };
  return null;
}

/** The figure's text with its link to the records ("查看记录"), or the pending line. */
export function MeasureText({ subject, leaf }: { subject: Subject; leaf: Pick<PeriodLeaf, 'key'> }) {
  const figure = measureOf(subject, leaf);
  if (!figure) return <Typography.Text type="secondary">{MEASURE_PENDING}</Typography.Text>;
  return (
    <Flex gap={8} wrap>
      <Typography.Text type="secondary">{figure.text}</Typography.Text>
      {figure.link && <Link to={figure.link}>查看记录</Link>}
    </Flex>
  );
}

/** The leaves computed from the platform's records: read-only here, never entered by hand. */
export function MeasureLeaves({ detail, subject }: { detail: AssessmentPeriodDetail; subject: Subject }) {
  const measures = detail.indicators.filter((l) => l.scorer === 'measure');
  if (!measures.length) return null;
  return (
    <div className="task-items" data-testid={`measures-${subject.subjectId}`}>
      {measures.map((leaf) => {
        const figure = measureOf(subject, leaf);
        return (
          <div key={leaf.key} className="task-item">
            <Typography.Text>{leaf.name} <Tag>分值 {leaf.weight}</Tag>{figure && <Tag color="green">{figure.points}分</Tag>}</Typography.Text>
            <MeasureText subject={subject} leaf={leaf} />
          </div>
        );
      })}
    </div>
  );
}
