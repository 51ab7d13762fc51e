import { z } from 'zod';
import { VILLAGE_CADRE_POST_LABELS, type VillageCadrePost } from './cadres.js';
import { EMPLOYABLE_POSTS } from './cadre-structure.js';
import { daysInMonth, isValidMonth } from './dates.js';

/**
 * 村干部报酬 (issue 16 point 4): the shapes of the one pure pay function (apps/api/src/modules/assessment/rules/pay.ts).
 * Every amount is integer 分. The town's pay table is settings (assessment.*), resolved to numbers before the
 * function runs; the function never reads a database.
 */

/** Who is paid: the village posts (cadres.ts) except the 第一书记 (paid by the sending unit), and 镇机关工作人员 ("3+1"). */
export const PAY_POSTS = [
  'secretary', 'deputy_secretary', 'branch_member', 'director', 'committee_member', 'family_planning', 'bookkeeper', 'women_director',
  'town_staff',
] as const satisfies readonly (VillageCadrePost | 'town_staff')[];
export type PayPost = (typeof PAY_POSTS)[number];
export const PAY_POST_LABELS = Object.fromEntries(
  PAY_POSTS.map((p) => [p, p === 'town_staff' ? '镇机关工作人员' : VILLAGE_CADRE_POST_LABELS[p]]),
) as Record<PayPost, string>;

/**
 * Pay tiers: a village post is paid a percentage of the secretary's amounts (setting per tier); the secretary is
 * 100 %; 镇机关工作人员 have their own amounts.
 */
export const PAY_TIERS = ['secretary', 'director', 'deputy', 'member', 'staff', 'town_staff'] as const;
export type PayTier = (typeof PAY_TIERS)[number];
export const PAY_POST_TIER: Record<PayPost, PayTier> = {
  secretary: 'secretary', director: 'director', deputy_secretary: 'deputy', branch_member: 'member', committee_member: 'member',
  family_planning: 'staff', bookkeeper: 'staff', women_director: 'staff', town_staff: 'town_staff',
};
/** The tiers paid as a percentage of the secretary's amounts. */
export const RATIO_TIERS = ['director', 'deputy', 'member', 'staff'] as const;
export type RatioTier = (typeof RATIO_TIERS)[number];

/** 月度考核等次. */
export const PAY_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type PayGrade = (typeof PAY_GRADES)[number];
export const PAY_GRADE_LABELS: Record<PayGrade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
/** How 月度绩效 follows the month: by grade (a score is first banded into a grade), or in proportion to the score. */
export const MONTHLY_PAY_MODES = ['grade', 'score'] as const;
export type MonthlyPayMode = (typeof MONTHLY_PAY_MODES)[number];

/** 奖励绩效 items and how each is computed. */
export const REWARD_KINDS = ['investment', 'collective_income', 'demonstration', 'commendation', 'other'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const REWARD_KIND_LABELS: Record<RewardKind, string> = {
  investment: '招商引资', collective_income: '集体增收', demonstration: '示范点创建', commendation: '上级表彰', other: '其他奖励',
};
export const REWARD_RULES = ['fixed', 'per_unit', 'percent'] as const;
export type RewardRule = (typeof REWARD_RULES)[number];
export const REWARD_RULE_LABELS: Record<RewardRule, string> = { fixed: '固定金额', per_unit: '按件计', percent: '按比例' };

/** Breakdown line kinds, in the order the lines are printed. */
export const PAY_LINE_KINDS = ['base', 'combined', 'monthly', 'reward', 'reward_cap', 'deduction', 'floor'] as const;
export type PayLineKind = (typeof PAY_LINE_KINDS)[number];

export const PAY_LIMITS = {
  /** 100,000 元: no monthly standard, fixed reward, unit amount or deduction comes near it. */
  maxFen: 10_000_000,
  /** 100亿元: the base figure of a rate reward (an investment attracted, a year's collective income). */
  maxBaseFen: 1_000_000_000_000,
  maxCount: 10_000, maxRateBp: 10_000, maxItems: 20, reason: 100, label: 40,
} as const;

const fen = (label: string, max: number = PAY_LIMITS.maxFen) => z.number().int(`${label}以分为单位,应为整数`).min(0, `${label}不能为负`).max(max, `${label}过大`).meta({ label });
const pct = (label: string, max = 200) => z.number().int(`${label}应为整数百分比`).min(0).max(max).meta({ label });
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`).meta({ label });

const RewardBase = { kind: z.enum(REWARD_KINDS), label: text(PAY_LIMITS.label, '奖励项目').optional() };
/** One 奖励绩效 item: a fixed amount, a unit amount × a count, or a rate (万分之, 100 = 1 %) of a base figure. */
export const RewardItemSchema = z.discriminatedUnion('rule', [
  z.object({ ...RewardBase, rule: z.literal('fixed'), amountFen: fen('奖励金额') }).strict(),
  z.object({
    ...RewardBase, rule: z.literal('per_unit'), unitFen: fen('每件金额'),
    count: z.number().int().min(0).max(PAY_LIMITS.maxCount).meta({ label: '件数' }), unit: text(6, '计量单位').default('件'),
  }).strict(),
  z.object({
    ...RewardBase, rule: z.literal('percent'), baseFen: fen('计奖基数', PAY_LIMITS.maxBaseFen),
    rateBp: z.number().int().min(0).max(PAY_LIMITS.maxRateBp).meta({ label: '比例(万分之)' }),
  }).strict(),
]);
export type RewardItem = z.input<typeof RewardItemSchema>;

export const PayDeductionSchema = z.object({
  reason: text(PAY_LIMITS.reason, '扣减原因'),
  amountFen: fen('扣减金额').refine((v) => v > 0, '扣减金额应大于0'),
}).strict();
export type PayDeduction = z.infer<typeof PayDeductionSchema>;

/** A score 0–100 with at most one decimal (87.5), handled as whole tenths. */
const ScoreSchema = z.number().min(0, '得分不能小于0').max(100, '得分不能大于100')
  .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-9, '得分最多保留一位小数').meta({ label: '得分' });

export const PayInputSchema = z.object({
  post: z.enum(PAY_POSTS).meta({ label: '职务' }),
  /** 一肩挑: the secretary also holds the 村委会主任 post; paid once, as the secretary, plus the 一肩挑 percentage. */
  combined: z.boolean().default(false),
  /** 聘用制: paid on the 聘用制 table instead of the ordinary one (only EMPLOYABLE_POSTS). */
  employed: z.boolean().default(false),
  month: z.string().refine(isValidMonth, '月份格式应为 YYYY-MM').meta({ label: '月份' }),
  /** Days in post this month (appointed or left mid-month); omitted = the whole month. */
  daysInPost: z.number().int().min(0).max(31).optional().meta({ label: '在岗天数' }),
  unpaidLeaveDays: z.number().int().min(0).max(31).default(0).meta({ label: '无薪假天数' }),
  grade: z.enum(PAY_GRADES).optional().meta({ label: '考核等次' }),
  score: ScoreSchema.optional(),
  rewards: z.array(RewardItemSchema).max(PAY_LIMITS.maxItems).default([]),
  deductions: z.array(PayDeductionSchema).max(PAY_LIMITS.maxItems).default([]),
}).strict().superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.combined && v.post !== 'secretary') issue('combined', '一肩挑只用于村党组织书记');
  if (v.employed && !(EMPLOYABLE_POSTS as readonly string[]).includes(v.post)) issue('employed', '聘用制只用于书记、主任和计生专职');
  if (v.grade === undefined && v.score === undefined) issue('grade', '请填写考核等次或得分');
  if (!isValidMonth(v.month)) return;
  const monthDays = daysInMonth(Number(v.month.slice(0, 4)), Number(v.month.slice(5, 7)));
  const inPost = v.daysInPost ?? monthDays;
  if (inPost > monthDays) issue('daysInPost', `在岗天数不能超过当月天数(${monthDays}天)`);
  if (v.unpaidLeaveDays > inPost) issue('unpaidLeaveDays', '无薪假天数不能超过在岗天数');
});
export type PayInput = z.input<typeof PayInputSchema>;
/** The input after parsing: defaults filled in. */
export type PayInputValues = z.output<typeof PayInputSchema>;

/** The town's pay table, resolved from the assessment.* settings (all local examples, 本地示例,按本镇方案修改). */
export const PayTableSchema = z.object({
  secretaryBaseFen: fen('书记基本报酬'), secretaryMonthlyFen: fen('书记月度绩效标准'),
  employedBaseFen: fen('聘用制书记基本报酬'), employedMonthlyFen: fen('聘用制书记月度绩效标准'),
  townStaffBaseFen: fen('镇机关工作人员基本报酬'), townStaffMonthlyFen: fen('镇机关工作人员月度绩效标准'),
  ratioPct: z.object({ director: pct('主任比例', 100), deputy: pct('副职比例', 100), member: pct('委员比例', 100), staff: pct('专职比例', 100) }),
  combinedExtraPct: pct('一肩挑加发比例', 100),
  monthlyMode: z.enum(MONTHLY_PAY_MODES),
  gradePct: z.object({ excellent: pct('优秀比例'), good: pct('良好比例'), pass: pct('合格比例'), fail: pct('不合格比例') }),
  /** Lowest score of each band in grade mode (90 → 优秀 from 90.0; 89.9 is 良好). */
  gradeMinScore: z.object({ excellent: pct('优秀最低分', 100), good: pct('良好最低分', 100), pass: pct('合格最低分', 100) }),
  /** 奖励绩效 per month at most; 0 = no cap. */
  rewardCapFen: fen('奖励绩效上限'),
  /** The total is not below this percentage of the (prorated) base line; 0 = only never negative. */
  floorPctOfBase: pct('保底比例', 100),
}).strict().superRefine((t, ctx) => {
  const m = t.gradeMinScore;
  if (!(m.excellent > m.good && m.good > m.pass)) {
    ctx.addIssue({ code: 'custom', path: ['gradeMinScore'], message: '等次分数线应为 优秀 > 良好 > 合格' });
  }
});
export type PayTable = z.infer<typeof PayTableSchema>;

export const PayLineSchema = z.object({
  kind: z.enum(PAY_LINE_KINDS), label: z.string(), amountFen: z.number().int(), why: z.string(),
});
export type PayLine = z.infer<typeof PayLineSchema>;
export const PayResultSchema = z.object({ totalFen: z.number().int(), lines: z.array(PayLineSchema) });
export type PayResult = z.infer<typeof PayResultSchema>;

/** 分 → '1,234.56 元' (negative '-1,234.56 元'), by integer arithmetic: the payroll's and the breakdown's format. */
export function formatYuan(fenAmount: number): string {
  if (!Number.isInteger(fenAmount)) throw new Error(`金额应为整数分: ${fenAmount}`);
  const abs = Math.abs(fenAmount);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fenAmount < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')} 元`;
}
