import { z } from 'zod';
import { PastDateSchema } from './dates.js';

export const DUES_CATEGORIES = ['salaried', 'annual_salary', 'self_employed', 'retired', 'farmer', 'student', 'unemployed', 'relief', 'low_income'] as const;
export const DUES_CATEGORY_LABELS: Record<(typeof DUES_CATEGORIES)[number], string> = {
  salaried: '在职(按月工资)', annual_salary: '年薪制', self_employed: '无固定工资(个体等)', retired: '离退休', farmer: '农民',
  student: '学生', unemployed: '下岗失业', relief: '依靠抚恤或救济', low_income: '领取最低生活保障',
};
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** 免交 or 少交: a reduction the branch approved. */
export const DUES_REDUCTION_KINDS = ['exempt', 'reduced'] as const;

/** 少交: the monthly amount the branch approved, in 分. */
export const DuesReducedSchema = z.object({ kind: z.literal('reduced'), amountFen: z.number().int().min(0).max(100_000).meta({ label: '每月金额' }) });

export const DuesBasisSchema = z.object({
  effectiveFrom: MonthSchema.meta({ label: '生效月份' }),
  category: z.enum(DUES_CATEGORIES).meta({ label: '党员类别' }),
  /** After-tax monthly base in 分 where the category needs one. */
  baseFen: z.number().int().min(0).max(100_000_000).nullable().optional().meta({ label: '月收入' }),
  reduction: z.discriminatedUnion('kind', [z.object({ kind: z.literal('exempt') }), DuesReducedSchema]).nullable().optional().meta({ label: '少交/免交' }),
  approvalNote: z.string().trim().max(200).nullable().optional().meta({ label: '批准文件' }),
}).strict();
export type DuesBasis = z.infer<typeof DuesBasisSchema>;

export const DuesPaymentSchema = z.object({
  months: z.array(MonthSchema).min(1, '请至少选择一个月份').max(24).meta({ label: '月份' }),
  paidOn: PastDateSchema.meta({ label: '交纳日期' }),
  paidBy: z.string().trim().max(40).nullable().optional().meta({ label: '代缴人' }),
}).strict();

export const DuesMonthSchema = z.object({
  month: z.string(), dueFen: z.number(), paidFen: z.number().nullable(), paidOn: z.string().nullable(), paidBy: z.string().nullable(),
  status: z.enum(['paid', 'unpaid', 'not_due']),
});
export const MemberDuesSchema = z.object({
  monthlyFen: z.number().nullable(),
  rule: z.string().nullable(),
  basis: DuesBasisSchema.extend({ recordedAt: z.string() }).nullable(),
  months: z.array(DuesMonthSchema),
  arrearsFen: z.number(),
  unpaidMonths: z.array(z.string()),
  consecutiveUnpaid: z.number(),
  warning: z.object({ code: z.string(), message: z.string(), rule: z.string() }).nullable(),
});
export type MemberDues = z.infer<typeof MemberDuesSchema>;
export const DuesQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const BranchDuesQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional(), month: MonthSchema.optional() });
export const BranchDuesSchema = z.object({
  month: z.string(),
  dueFen: z.number(), paidFen: z.number(), paidCount: z.number(), unpaidCount: z.number(), noBasisCount: z.number(),
  /** Members with 6 or more consecutive unpaid months: to be looked into, never ranked. */
  review: z.array(z.object({ memberId: z.number(), name: z.string(), organizationName: z.string(), consecutiveUnpaid: z.number() })),
});
