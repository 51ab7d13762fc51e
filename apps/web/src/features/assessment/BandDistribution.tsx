import { Card, Flex, Progress, Typography } from 'antd';
import type { AssessmentPeriodDetail } from '@dj/contracts';

const BELOW = '未达等次';

/** Count of subjects per grade band, highest band first, then those below every band (when any). */
export function bandCounts(detail: Pick<AssessmentPeriodDetail, 'bands' | 'subjects'>): { label: string; min: number | null; count: number }[] {
  const bands = [...detail.bands].sort((a, b) => b.min - a.min).map((b) => ({ label: b.label, min: b.min as number | null, count: 0 }));
  let below = 0;
  for (const s of detail.subjects) {
    const band = bands.find((b) => b.label === s.grade);
    if (band) band.count++;
    else below++;
  }
  return below ? [...bands, { label: BELOW, min: null, count: below }] : bands;
}

/**
 * 等次分布: how many subjects fall in each grade band — a distribution, never a ranking (issue 16 point 6). Before the
 * period is locked it is the draft's, and says so.
 */
export function BandDistribution({ detail }: { detail: AssessmentPeriodDetail }) {
  const total = detail.subjects.length;
  const draft = detail.status !== 'locked';
  return (
    <Card size="small" title={`等次分布${draft ? '(当前草稿)' : ''}`} data-testid="band-distribution">
      <Flex vertical gap={6}>
        {bandCounts(detail).map((b) => (
          <Flex key={b.label} gap={8} align="center" data-testid={`band-${b.label}`}>
            <Typography.Text style={{ width: 96, flex: 'none' }}>{b.label}{b.min !== null && <Typography.Text type="secondary"> ≥{b.min}</Typography.Text>}</Typography.Text>
            <Progress percent={total ? Math.round((b.count / total) * 100) : 0} showInfo={false} aria-label={`${b.label}占比`} style={{ flex: 1, margin: 0 }} />
            <Typography.Text style={{ width: 48, flex: 'none', textAlign: 'right' }}>{b.count}个</Typography.Text>
          </Flex>
        ))}
        <Typography.Text type="secondary">
          共{total}个考核对象。按等次统计人数(个数),不排名次{draft ? ';评分未完成时按已评指标计算' : ''}。
        </Typography.Text>
      </Flex>
    </Card>
  );
}
