import { z } from 'zod';
import {
  ASSESSMENT_AUDIENCES, ASSESSMENT_LIMITS, ASSESSMENT_MEASURES, ASSESSMENT_PERIOD_KINDS, ASSESSMENT_SCORERS, type AssessmentPeriodKind, type GradeBand,
} from './assessment.js';

/**
 * 考核期 (issue 16 point 3): one period of a scheme (a month '2026-11', a quarter '2026-Q4', a year '2026') scored under
 * the scheme version in force at its start. The flow: 评分 (scoring) → 异议 (the draft published to the subjects, who may
 * object within the window) → 待审批 (window over, every objection ruled) → 已锁定 (the town committee approved).
 * After locking nothing is edited: a correction is an 调整 (adjustment) entry.
 */
export const ASSESSMENT_PERIOD_STATUSES = ['scoring', 'objection', 'approval', 'locked'] as const;
export type AssessmentPeriodStatus = (typeof ASSESSMENT_PERIOD_STATUSES)[number];
export const ASSESSMENT_PERIOD_STATUS_LABELS: Record<AssessmentPeriodStatus, string> = {
  scoring: '评分中', objection: '异议期', approval: '待审批', locked: '已锁定',
};

/** 裁定: an upheld objection replaces the indicator's points with the corrected ones. */
export const OBJECTION_RULINGS = ['upheld', 'rejected'] as const;
export type ObjectionRuling = (typeof OBJECTION_RULINGS)[number];
export const OBJECTION_RULING_LABELS: Record<ObjectionRuling, string> = { upheld: '异议成立', rejected: '异议不成立' };

export const ASSESSMENT_PERIOD_LIMITS = { evidence: 300, reason: 300, note: 300 } as const;
const P = ASSESSMENT_PERIOD_LIMITS;

/** The period's format for each kind of scheme. */
export const PERIOD_FORMATS: Record<AssessmentPeriodKind, { pattern: RegExp; example: string }> = {
  month: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-11' },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, example: '2026-Q4' },
  year: { pattern: /^\d{4}$/, example: '2026' },
};

/** The first month of a period (the scheme version in force then is the one it is scored under). */
export function periodStartMonth(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}`;
  return /^\d{4}$/.test(period) ? `${period}-01` : period;
}

/** 等次: the first band (highest minimum first) whose minimum the score reaches; null below every band. */
export function gradeOf(score: number, bands: readonly GradeBand[]): string | null {
  return [...bands].sort((a, b) => b.min - a.min).find((b) => score >= b.min)?.label ?? null;
}

const text = (max: number, label: string, required = true) => {
  const base = z.string().trim().max(max, `${label}不能超过${max}个字`);
  return (required ? base.min(2, `请填写${label}(至少2个字)`) : base).meta({ label });
};
const points = (label: string) => z.number({ message: `${label}应为数字` }).int(`${label}应为整数`).meta({ label });
const subjectId = z.number().int().positive().meta({ label: '考核对象' });
const indicatorKey = z.string().trim().min(1, '请选择指标').max(ASSESSMENT_LIMITS.key).meta({ label: '指标' });

export const OpenAssessmentPeriodSchema = z.object({
  schemeId: z.number().int().positive().meta({ label: '考核方案' }),
  period: z.string().trim().min(4, '请填写考核期').max(7, '考核期格式不正确').meta({ label: '考核期' }),
}).strict();
export type OpenAssessmentPeriod = z.input<typeof OpenAssessmentPeriodSchema>;

/** 评分: a leaf's points (0..its 分值) for one subject, with the evidence seen. Entering again replaces it. */
export const EnterAssessmentScoreSchema = z.object({
  subjectId, indicatorKey, points: points('得分'), evidence: text(P.evidence, '评分依据(佐证材料及说明)'),
}).strict();
export type EnterAssessmentScore = z.input<typeof EnterAssessmentScoreSchema>;

export const RaiseObjectionSchema = z.object({ subjectId, indicatorKey, reason: text(P.reason, '异议理由') }).strict();
export type RaiseObjection = z.input<typeof RaiseObjectionSchema>;

export const RuleObjectionSchema = z.object({
  ruling: z.enum(OBJECTION_RULINGS, { message: '请选择裁定结果' }).meta({ label: '裁定结果' }),
  correctedPoints: points('更正后得分').nullable().optional().transform((v) => v ?? null),
  note: text(P.note, '裁定说明'),
}).strict().superRefine((v, ctx) => {
  if (v.ruling === 'upheld' && v.correctedPoints === null) ctx.addIssue({ code: 'custom', path: ['correctedPoints'], message: '异议成立时请填写更正后得分' });
  if (v.ruling === 'rejected' && v.correctedPoints !== null) ctx.addIssue({ code: 'custom', path: ['correctedPoints'], message: '异议不成立时不更正得分' });
});
export type RuleObjection = z.input<typeof RuleObjectionSchema>;

export const ApproveAssessmentPeriodSchema = z.object({ note: text(P.note, '审批意见', false).nullable().optional().transform((v) => v || null) }).strict();
export type ApproveAssessmentPeriod = z.input<typeof ApproveAssessmentPeriodSchema>;

/** 调整: after locking, a correction is a signed delta on one indicator with its reason, never an edit. */
export const AdjustAssessmentScoreSchema = z.object({
  subjectId, indicatorKey, delta: points('调整分值').refine((v) => v !== 0, '调整分值不能为0'), reason: text(P.reason, '调整理由'),
}).strict();
export type AdjustAssessmentScore = z.input<typeof AdjustAssessmentScoreSchema>;

export const PeriodObjectionParamSchema = z.object({ id: z.coerce.number().int().positive(), objectionId: z.coerce.number().int().positive() });

const periodFields = {
  id: z.number(), schemeId: z.number(), schemeName: z.string(), audience: z.enum(ASSESSMENT_AUDIENCES), periodKind: z.enum(ASSESSMENT_PERIOD_KINDS),
  version: z.number(), period: z.string(), status: z.enum(ASSESSMENT_PERIOD_STATUSES),
  /** The last day (Asia/Shanghai) a subject may object; null before the draft is published. */
  objectionUntil: z.string().nullable(), openedAt: z.string(), publishedAt: z.string().nullable(), approvedAt: z.string().nullable(),
};
export const AssessmentPeriodRowSchema = z.object(periodFields);
export type AssessmentPeriodRow = z.infer<typeof AssessmentPeriodRowSchema>;
export const AssessmentPeriodListSchema = z.object({ rows: z.array(AssessmentPeriodRowSchema), can: z.object({ open: z.boolean() }) });
export type AssessmentPeriodList = z.infer<typeof AssessmentPeriodListSchema>;

const EntrySchema = z.object({
  indicatorKey: z.string(), points: z.number(), evidence: z.string(), scoredBy: z.string(), scoredAt: z.string(),
  /** A measure leaf's entry (frozen at 公示): the page of the records behind it; null for a hand-entered entry. */
  link: z.string().nullable(),
});

/**
 * A measure leaf's live figure while the period is scored (issue 16 point 2): computed from the records as of
 * `measuresAsOf`, counted in the draft score, and frozen into a score entry at 公示 (so later records do not move a
 * published score). Only for village subjects: the records are a village branch's.
 */
export const PeriodMeasureSchema = z.object({
  indicatorKey: z.string(), measure: z.enum(ASSESSMENT_MEASURES),
  /** ASSESSMENT_MEASURE_LABELS and ASSESSMENT_MEASURE_SOURCES: what the figure is and where it comes from. */
  label: z.string(), source: z.string(),
  /** The leaf's 分值, and its points: measureLeafPoints(分值, ratio, the town's assessment.measureNothingDuePct). */
  weight: z.number().int(), points: z.number().int(),
  numerator: z.number().int(), denominator: z.number().int(), ratioBasisPoints: z.number().int().nullable(),
  /** e.g. "83.33%", or 本期无应办事项 (denominator 0: nothing due, nothing late). */
  display: z.string(),
  nothingDue: z.boolean(),
  /** The page of the records behind the figure. */
  link: z.string().nullable(),
});
export type PeriodMeasure = z.infer<typeof PeriodMeasureSchema>;

/** 评分进度: the leaves entered by hand (every scorer but measure), scored or not; 公示 waits until none is missing. */
const ProgressSchema = z.object({ scored: z.number().int(), total: z.number().int(), missing: z.array(z.string()) });
const ObjectionSchema = z.object({
  id: z.number(), indicatorKey: z.string(), reason: z.string(), raisedBy: z.string(), raisedAt: z.string(),
  ruling: z.enum(OBJECTION_RULINGS).nullable(), correctedPoints: z.number().nullable(), rulingNote: z.string().nullable(),
  ruledBy: z.string().nullable(), ruledAt: z.string().nullable(),
});
const AdjustmentSchema = z.object({ id: z.number(), indicatorKey: z.string(), delta: z.number(), reason: z.string(), by: z.string(), at: z.string() });

/**
 * One subject's draft or result: the score (leaf points + adjustments; while scoring, the live measure points too) and
 * the grade band it falls in.
 */
export const AssessmentSubjectResultSchema = z.object({
  subjectId: z.number(), name: z.string(), score: z.number(), grade: z.string().nullable(),
  entries: z.array(EntrySchema), objections: z.array(ObjectionSchema), adjustments: z.array(AdjustmentSchema),
  /** The measure leaves' live figures while scoring; empty once published (the entries hold the frozen points). */
  measures: z.array(PeriodMeasureSchema),
  progress: ProgressSchema,
});
export type AssessmentSubjectResult = z.infer<typeof AssessmentSubjectResultSchema>;

export const AssessmentPeriodDetailSchema = z.object({
  ...periodFields,
  approvedBy: z.string().nullable(), approvalNote: z.string().nullable(),
  /**
   * The leaves to score, with who scores each (measure leaves are filled from the records, not entered), and the
   * evidence (评分依据) the scheme asks for, shown to the scorer beside the points.
   */
  indicators: z.array(z.object({
    key: z.string(), name: z.string(), weight: z.number(), scorer: z.enum(ASSESSMENT_SCORERS), measure: z.enum(ASSESSMENT_MEASURES).nullable(),
    evidence: z.string().nullable(),
  })),
  bands: z.array(z.object({ label: z.string(), min: z.number() })),
  subjects: z.array(AssessmentSubjectResultSchema),
  /** The day (Beijing time) the live measure figures were computed for; null when none are shown (published, or 镇机关). */
  measuresAsOf: z.string().nullable(),
  can: z.object({ score: z.boolean(), manage: z.boolean(), object: z.boolean() }),
});
export type AssessmentPeriodDetail = z.infer<typeof AssessmentPeriodDetailSchema>;
