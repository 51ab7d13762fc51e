import { z } from 'zod';
import { ASSESSMENT_MEASURES } from './assessment.js';
import { daysInMonth } from './dates.js';

/**
 * 考核计量 (issue 16 point 2): for one village branch and one period, each measure a scheme may use, computed from the
 * platform's records (平台记录自动计算) and shown with its source and the records behind it. Only deadlines count:
 * an item not yet due is not late, and an item waiting on someone else (the supervisor's sign-off, the town's review)
 * is not late for the branch.
 */

/** 考核期间: a month (2026-05), a quarter (2026-Q2) or a year (2026). */
export const ASSESSMENT_PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;
export const AssessmentPeriodSchema = z.string().regex(ASSESSMENT_PERIOD_PATTERN, '考核期间应写作 2026-05、2026-Q2 或 2026');

export const AssessmentMeasuresQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().meta({ label: '村党组织' }),
  period: AssessmentPeriodSchema.meta({ label: '考核期间' }),
});
export type AssessmentMeasuresQuery = z.infer<typeof AssessmentMeasuresQuerySchema>;

export interface AssessmentPeriodBounds {
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
  /** The months it covers, YYYY-MM, in order. */
  months: string[];
  label: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The days and months of a period; null when the text is no period. */
export function assessmentPeriodBounds(period: string): AssessmentPeriodBounds | null {
  const m = ASSESSMENT_PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const [first, last, label] = m[2] ? [Number(m[2]), Number(m[2]), `${year}年${Number(m[2])}月`]
    : m[3] ? [Number(m[3]) * 3 - 2, Number(m[3]) * 3, `${year}年第${m[3]}季度`]
    : [1, 12, `${year}年`];
  const months = Array.from({ length: last - first + 1 }, (_, i) => `${year}-${pad2(first + i)}`);
  return { start: `${year}-${pad2(first)}-01`, end: `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}`, months, label };
}

/**
 * Where a record behind a measure stands:
 * - on_time: done by its deadline (counted in the numerator and the denominator);
 * - waiting: the branch did its part by the deadline and waits for someone else (sign-off, review, acceptance),
 *   counted as on time;
 * - late: the deadline passed and it was not done by then (done later, or still not done);
 * - not_due: its deadline has not come and it is not done yet: listed, counted in neither;
 * - unmet: an outcome measured against a line rather than a deadline (集体增收: the year's 经营性收入 did not grow by
 *   the town's line) fell short: counted in the denominator only, and never called 逾期.
 */
export const MEASURE_RECORD_STATUSES = ['on_time', 'waiting', 'late', 'not_due', 'unmet'] as const;
export type MeasureRecordStatus = (typeof MEASURE_RECORD_STATUSES)[number];
export const MEASURE_RECORD_STATUS_LABELS: Record<MeasureRecordStatus, string> = {
  on_time: '按期完成', waiting: '已按期办理,待他人确认', late: '逾期', not_due: '未到期', unmet: '未达到',
};

/** What a period with nothing due says instead of a percentage (neither 100 % nor 0 %). */
export const MEASURE_NOTHING_DUE = '本期无应办事项';

/**
 * A measure leaf's points in a 考核期 (issue 16 point 2): its 分值 × the figure's ratio, rounded half up to whole points
 * (points are integers in the assessment module): 分值 10 at 83.33 % → 8, at 25 % → 3 (2.5 up). A figure with nothing
 * due (denominator 0) is not a ratio: nothing was late, and the town's setting assessment.measureNothingDuePct (default
 * 100: full points) says what share of the 分值 it earns.
 */
export function measureLeafPoints(weight: number, ratioBasisPoints: number | null, nothingDuePct: number): number {
  if (ratioBasisPoints === null) return Math.floor((weight * nothingDuePct * 2 + 100) / 200);
  return Math.floor((weight * ratioBasisPoints * 2 + 10000) / 20000);
}

export const MeasureRecordSchema = z.object({
  /** What the record is, e.g. 主题党日, 财务收支公开, 整改, 发展党员. */
  kind: z.string(),
  title: z.string(),
  dueOn: z.string(),
  /** When the branch did it; null when not done, or for 组织生活 (a rule is met over its period, not on one day). */
  doneOn: z.string().nullable(),
  status: z.enum(MEASURE_RECORD_STATUSES),
  /** The page in the web app that shows the record. */
  link: z.string(),
});
export type MeasureRecord = z.infer<typeof MeasureRecordSchema>;

export const AssessmentMeasureFigureSchema = z.object({
  measure: z.enum(ASSESSMENT_MEASURES),
  label: z.string(),
  /** ASSESSMENT_MEASURE_SOURCES: where the figure comes from. */
  source: z.string(),
  available: z.boolean(),
  /** Why the measure cannot be computed (its module does not exist yet); null when available. */
  unavailableReason: z.string().nullable(),
  /** Done on time (or waiting on someone else after the branch did its part). */
  numerator: z.number().int(),
  /** Due in the period (the not-yet-due are not counted). */
  denominator: z.number().int(),
  /** numerator / denominator in basis points (10000 = 100 %), rounded half up; null when nothing was due. */
  ratioBasisPoints: z.number().int().nullable(),
  /** The ratio as shown, e.g. "66.67%", or 本期无应办事项. Empty for an unavailable measure. */
  display: z.string(),
  /** The page that lists all the records of this measure. */
  link: z.string().nullable(),
  records: z.array(MeasureRecordSchema),
});
export type AssessmentMeasureFigure = z.infer<typeof AssessmentMeasureFigureSchema>;

export const AssessmentMeasuresSchema = z.object({
  organizationId: z.number(),
  organizationName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  start: z.string(),
  end: z.string(),
  /** The day the figures were computed for (Beijing time): later deadlines are not yet due. */
  asOf: z.string(),
  measures: z.array(AssessmentMeasureFigureSchema),
});
export type AssessmentMeasures = z.infer<typeof AssessmentMeasuresSchema>;

/** Basis points of a ratio, in integers only (half up): 2/3 → 6667. Null when nothing was due. */
export function ratioBasisPoints(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((numerator * 20000 + denominator) / (denominator * 2));
}

/** 6667 → "66.67%", null → 本期无应办事项. */
export function basisPointsText(bp: number | null): string {
  if (bp === null) return MEASURE_NOTHING_DUE;
  const cents = bp % 100;
  return `${Math.floor(bp / 100)}${cents ? `.${pad2(cents)}`.replace(/0$/, '') : ''}%`;
}
