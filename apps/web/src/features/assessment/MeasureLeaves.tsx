import { Tag, Typography } from 'antd';
import type { AssessmentPeriodDetail, AssessmentSubjectResult } from '@dj/contracts';
import { MEASURE_PENDING } from './period-labels';

/** The leaves computed from the platform's records: read-only here, never entered by hand. */
export function MeasureLeaves({ detail, subject }: { detail: AssessmentPeriodDetail; subject: AssessmentSubjectResult }) {
  const measures = detail.indicators.filter((l) => l.scorer === 'measure');
  if (!measures.length) return null;
  return (
    <div className="task-items" data-testid={`measures-${subject.subjectId}`}>
      {measures.map((leaf) => {
        const entry = subject.entries.find((e) => e.indicatorKey === leaf.key);
        return (
          <div key={leaf.key} className="task-item">
            <Typography.Text>{leaf.name} <Tag>分值 {leaf.weight}</Tag>{entry && <Tag color="green">{entry.points}分</Tag>}</Typography.Text>
            <Typography.Text type="secondary">{entry ? entry.evidence : MEASURE_PENDING}</Typography.Text>
          </div>
        );
      })}
    </div>
  );
}
