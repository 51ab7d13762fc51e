import { z } from 'zod';
import { PAY_GRADES, PAY_POSTS, PayDeductionSchema, PayResultSchema, RewardItemSchema } from './assessment-pay.js';
import { ASSESSMENT_AUDIENCES } from './assessment.js';
import { ASSESSMENT_PERIOD_STATUSES } from './assessment-periods.js';

/**
 * 报酬 of a 考核期 (issue 16 points 4–6): a locked month's scores turned into each person's pay through computePay,
 * with the 奖励绩效 items and 扣减 the town enters per period and person before it locks, the 报酬发放表 of a
 * village or of the town, and a person's own months.
 *
 * Who is paid is keyed as the records know them: a village cadre by (village branch, person of the cadres module),
 * a 镇机关 staff member by their user account (the staff scheme's subjects are users).
 */
export const PAY_ITEM_KINDS = ['reward', 'deduction'] as const;
export type PayItemKind = (typeof PAY_ITEM_KINDS)[number];
export const PAY_ITEM_KIND_LABELS: Record<PayItemKind, string> = { reward: '奖励绩效', deduction: '扣减' };

const id = (label: string) => z.number().int().positive().meta({ label });
/** A village cadre (the village's branch and the cadres module's person) or a 镇机关 staff member (their user). */
export const PayPersonRefSchema = z.union([
  z.object({ organizationId: id('村'), personId: id('村干部') }).strict(),
  z.object({ userId: id('镇机关工作人员') }).strict(),
]);
export type PayPersonRef = z.infer<typeof PayPersonRefSchema>;

/** 录入奖励绩效 or 扣减 for one person of the period (the town, before the period is locked). */
export const AddPayItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reward'), person: PayPersonRefSchema, item: RewardItemSchema }).strict(),
  z.object({ kind: z.literal('deduction'), person: PayPersonRefSchema, item: PayDeductionSchema }).strict(),
]);
export type AddPayItem = z.input<typeof AddPayItemSchema>;

export const PeriodPayItemParamSchema = z.object({ id: z.coerce.number().int().positive(), itemId: z.coerce.number().int().positive() });
/** The payroll of one village (orgId) or, without it, of the town (every village's cadres, or the staff). */
export const PayrollQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const PAYROLL_FORMATS = ['xlsx', 'pdf'] as const;
export const PayYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const PayItemSchema = z.object({
  id: z.number(), kind: z.enum(PAY_ITEM_KINDS), item: z.union([RewardItemSchema, PayDeductionSchema]), by: z.string(), at: z.string(),
});
export type PayItem = z.infer<typeof PayItemSchema>;

/** One person's month: who, on which post, the facts computePay was given, and the result with its why. */
export const PersonPaySchema = z.object({
  /** 'c-<organizationId>-<personId>' or 'u-<userId>': a stable key for a table row. */
  key: z.string(),
  organizationId: z.number().nullable(), personId: z.number().nullable(), userId: z.number().nullable(),
  name: z.string(), unit: z.string().nullable(), post: z.enum(PAY_POSTS), postLabel: z.string(),
  combined: z.boolean(), employed: z.boolean(), daysInPost: z.number(), monthDays: z.number(),
  score: z.number(), grade: z.enum(PAY_GRADES).nullable(),
  pay: PayResultSchema, items: z.array(PayItemSchema),
});
export type PersonPay = z.infer<typeof PersonPaySchema>;

export const PeriodPaySchema = z.object({
  periodId: z.number(), period: z.string(), schemeName: z.string(), audience: z.enum(ASSESSMENT_AUDIENCES), status: z.enum(ASSESSMENT_PERIOD_STATUSES),
  people: z.array(PersonPaySchema),
  /** Σ of the people's totals shown (the payroll's 合计 for the town). */
  totalFen: z.number().int(),
  can: z.object({ editItems: z.boolean(), payroll: z.boolean(), townPayroll: z.boolean() }),
});
export type PeriodPay = z.infer<typeof PeriodPaySchema>;

/** 我的考核与报酬: the caller's own months, latest first (periods published or locked only: a draft is not shown). */
export const MyPaySchema = z.object({
  months: z.array(z.object({
    periodId: z.number(), period: z.string(), schemeName: z.string(), status: z.enum(ASSESSMENT_PERIOD_STATUSES), pay: PersonPaySchema,
  })),
});
export type MyPay = z.infer<typeof MyPaySchema>;
