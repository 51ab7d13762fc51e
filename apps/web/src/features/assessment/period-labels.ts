import {
  ASSESSMENT_PERIOD_STATUS_LABELS, type AssessmentPeriodDetail, type AssessmentPeriodStatus, type AssessmentSubjectResult,
} from '@dj/contracts';
import { monthLabel } from '../../lib/months';

export type PeriodLeaf = AssessmentPeriodDetail['indicators'][number];

/** '2026-11' → 2026年11月, '2026-Q4' → 2026年第4季度, '2026' → 2026年度. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  if (/^\d{4}$/.test(period)) return `${period}年度`;
  return /^\d{4}-\d{2}$/.test(period) ? monthLabel(period) : period;
}

const STATUS_COLORS: Record<AssessmentPeriodStatus, string> = { scoring: 'processing', objection: 'orange', approval: 'purple', locked: 'default' };
export const statusTag = (status: AssessmentPeriodStatus) => ({ label: ASSESSMENT_PERIOD_STATUS_LABELS[status], color: STATUS_COLORS[status] });

/**
 * The leaves the caller enters: the town every leaf a person scores (office, supervisor, inspection team, villagers'
 * appraisal — it records them all); a 包村干部 the supervisor's leaves. Measure leaves come from the records.
 */
export function scorableLeaves(detail: AssessmentPeriodDetail): PeriodLeaf[] {
  if (!detail.can.score) return [];
  return detail.indicators.filter((l) => l.scorer !== 'measure' && (detail.can.manage || l.scorer === 'supervisor'));
}

/** How many of `leaves` the subject has points for. */
export function scoredCount(subject: AssessmentSubjectResult, leaves: readonly PeriodLeaf[]): number {
  const keys = new Set(subject.entries.map((e) => e.indicatorKey));
  return leaves.filter((l) => keys.has(l.key)).length;
}

export const leafName = (detail: AssessmentPeriodDetail, key: string) => detail.indicators.find((l) => l.key === key)?.name ?? key;

/** What a measure leaf shows until its figure is on the period: where it comes from and when it counts. */
export const MEASURE_PENDING = '由平台记录自动计算,公示时计入';
