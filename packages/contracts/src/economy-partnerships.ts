import { z } from 'zod';
import { addDays, DateSchema } from './dates.js';
import { ECONOMY_LIMITS, INCOME_SOURCE_LABELS, type IncomeSource } from './economy.js';

/**
 * 村企合作 (issue 18 point 3): an agreement between a village (its 村党支部 of a 行政村) and an enterprise or an
 * industrial park (园区) — the article's "村企合作发展集体经济" with 泰和水处理剂专业园, 旺达创业创新示范园 and
 * 浙鲁智慧农业产业园 — with its terms, dates, the money the village is to receive each year (planned) and has received,
 * and the party organisations that build it together (联建).
 */
export const PARTNERSHIP_STATUSES = ['negotiating', 'active', 'ended', 'terminated'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
/** What a town's 村企合作 台账 says of an agreement: talks, in force, run out (not renewed), ended early. */
export const PARTNERSHIP_STATUS_LABELS: Record<PartnershipStatus, string> = {
  negotiating: '洽谈中', active: '履行中', ended: '已到期', terminated: '已终止',
};

export const PARTNER_KINDS = ['enterprise', 'park'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = { enterprise: '企业', park: '园区' };

/**
 * The 三资 income line the partnership's money is booked under, chosen per agreement because the 会计制度 books it by
 * what the village gives: land, buildings or a resource let to the enterprise → 发包及上交收入 (rent, 承包费); capital or
 * assets put into the enterprise for a share (入股分红, 保底收益) → 投资收益; a service the collective runs for the park
 * (劳务, 物业, 运输) → 经营收入. Only the three lines of 经营性收入: the weak-village line counts this money, 补助 it is not.
 * Default 发包及上交收入, the commonest form of the 村企合作 试点 (the village's land or 厂房 let to the park).
 */
export const PARTNERSHIP_INCOME_SOURCES = ['contracting', 'investment', 'operating'] as const satisfies readonly IncomeSource[];
export type PartnershipIncomeSource = (typeof PARTNERSHIP_INCOME_SOURCES)[number];
export const PARTNERSHIP_INCOME_SOURCE_HINTS: Record<PartnershipIncomeSource, string> = {
  contracting: `${INCOME_SOURCE_LABELS.contracting}(出租土地、厂房、资源收取的租金、承包费)`,
  investment: `${INCOME_SOURCE_LABELS.investment}(资金、资产入股取得的分红、保底收益)`,
  operating: `${INCOME_SOURCE_LABELS.operating}(村集体为企业提供劳务、物业、运输等服务的收入)`,
};

/** The setting: an agreement in force ending within this many days is on the village's 待办 (apps/api settings registry). */
export const PARTNERSHIP_DUE_SETTING = 'economy.partnershipDueDays';

export const PARTNERSHIP_LIMITS = { partnerName: 60, partnerBranchName: 60, terms: 500, note: 100, linkedOrgs: 10, years: 30 } as const;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`).meta({ label });
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const optionalDate = (label: string) => DateSchema.nullable().optional().transform((v) => v ?? null).meta({ label });

const PartnershipFieldsSchema = z.object({
  partnerKind: z.enum(PARTNER_KINDS).meta({ label: '合作方类型' }),
  partnerName: text('合作企业(园区)', PARTNERSHIP_LIMITS.partnerName),
  status: z.enum(PARTNERSHIP_STATUSES).meta({ label: '状态' }),
  incomeSource: z.enum(PARTNERSHIP_INCOME_SOURCES).default('contracting').meta({ label: '收入计入科目' }),
  terms: optionalText('合作内容', PARTNERSHIP_LIMITS.terms),
  signedOn: optionalDate('签订日期'),
  startsOn: optionalDate('开始日期'),
  /** The day the agreement runs out: the renewal is decided before it (待办, setting economy.partnershipDueDays). */
  endsOn: optionalDate('到期日期'),
  /** The enterprise's or park's party organisation when it is not one of the platform's (e.g. under a 开发区 党工委). */
  partnerBranchName: optionalText('合作方党组织', PARTNERSHIP_LIMITS.partnerBranchName),
  /** 联建 organisations in the platform besides the village's branch (the enterprise's branch, a 机关 branch …). */
  linkedOrgIds: z.array(z.number().int().positive()).max(PARTNERSHIP_LIMITS.linkedOrgs, `联建党组织最多${PARTNERSHIP_LIMITS.linkedOrgs}个`).default([]).meta({ label: '联建党组织' }),
}).strict();

/** An agreement in force, run out or ended has its period; one in talks may not have it yet. */
function periodRule(v: { status: PartnershipStatus; startsOn: string | null; endsOn: string | null }, ctx: z.RefinementCtx) {
  if (v.status !== 'negotiating') {
    if (!v.startsOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: `${PARTNERSHIP_STATUS_LABELS[v.status]}的合作须填写开始日期` });
    if (!v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: `${PARTNERSHIP_STATUS_LABELS[v.status]}的合作须填写到期日期` });
  }
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '到期日期不能早于开始日期' });
}

/** POST /api/economy/partnerships: the village's branch (a 行政村's 村党支部) and the agreement. */
export const PartnershipCreateSchema = PartnershipFieldsSchema.extend({
  organizationId: z.number().int().positive().meta({ label: '村' }),
}).strict().superRefine(periodRule);
export type PartnershipCreate = z.input<typeof PartnershipCreateSchema>;

/** PATCH /api/economy/partnerships/:id: every field again (the village stays: another village's is another agreement). */
export const PartnershipUpdateSchema = PartnershipFieldsSchema.superRefine(periodRule);
export type PartnershipUpdate = z.input<typeof PartnershipUpdateSchema>;

const fen = (label: string) => z.number({ message: `${label}须为数字` }).int(`${label}须精确到分`).min(0, `${label}不能为负`).max(ECONOMY_LIMITS.maxFen, `${label}过大`).meta({ label: `${label}(分)` });

export const PartnershipYearInputSchema = z.object({
  year: z.number().int().min(ECONOMY_LIMITS.firstYear, '年度不正确').max(ECONOMY_LIMITS.lastYear, '年度不正确'),
  plannedFen: fen('约定金额'),
  /** null: nothing recorded yet for the year (a year to come), which is not the same as 0 received. */
  receivedFen: fen('到账金额').nullable(),
  note: optionalText('备注', PARTNERSHIP_LIMITS.note),
}).strict();

/** PUT /api/economy/partnerships/:id/years: the whole list of yearly rows, replaced in one transaction. */
export const PartnershipYearsInputSchema = z.object({
  years: z.array(PartnershipYearInputSchema).max(PARTNERSHIP_LIMITS.years, `最多${PARTNERSHIP_LIMITS.years}个年度`),
}).strict().superRefine((v, ctx) => {
  const seen = new Set<number>();
  v.years.forEach((y, i) => {
    if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${y.year}年度重复` });
    seen.add(y.year);
  });
});
export type PartnershipYearsInput = z.input<typeof PartnershipYearsInputSchema>;

export const PartnershipParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const PartnershipFileParamsSchema = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
export const PartnershipListQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

export const PARTNERSHIP_DUE_STATES = ['due', 'overdue'] as const;
export type PartnershipDueState = (typeof PARTNERSHIP_DUE_STATES)[number];

/**
 * The renewal rule (待办, the dashboard, the list's tag): an agreement 履行中 whose 到期日期 lies within `days` of today
 * is due (the day itself included), one whose day has passed is overdue (still 履行中: renew it — a new 到期日期 — or
 * set it 已到期/已终止). Talks, run-out and ended agreements are never due.
 */
export function partnershipDueState(p: { status: PartnershipStatus; endsOn: string | null }, today: string, days: number): PartnershipDueState | null {
  if (p.status !== 'active' || !p.endsOn) return null;
  if (p.endsOn < today) return 'overdue';
  return p.endsOn <= addDays(today, days) ? 'due' : null;
}

export const PartnershipYearSchema = z.object({ year: z.number(), plannedFen: z.number(), receivedFen: z.number().nullable(), note: z.string().nullable() });
export type PartnershipYear = z.infer<typeof PartnershipYearSchema>;

export const PartnershipSummarySchema = z.object({
  id: z.number(), organizationId: z.number(), villageName: z.string(),
  partnerKind: z.enum(PARTNER_KINDS), partnerName: z.string(), status: z.enum(PARTNERSHIP_STATUSES), incomeSource: z.enum(PARTNERSHIP_INCOME_SOURCES),
  signedOn: z.string().nullable(), startsOn: z.string().nullable(), endsOn: z.string().nullable(),
  due: z.enum(PARTNERSHIP_DUE_STATES).nullable(),
  /** This year's row (Beijing time), if any: planned and received so far. */
  thisYear: PartnershipYearSchema.nullable(),
  files: z.number(),
});
export type PartnershipSummary = z.infer<typeof PartnershipSummarySchema>;

export const PartnershipListSchema = z.object({
  items: z.array(PartnershipSummarySchema), dueDays: z.number(), dueSource: z.string(),
  /** The villages (branches) the caller may enter agreements for: the form's choice of village. */
  villages: z.array(z.object({ organizationId: z.number(), villageName: z.string() })),
});
export type PartnershipList = z.infer<typeof PartnershipListSchema>;

export const PartnershipFileSchema = z.object({ id: z.number(), name: z.string(), size: z.number(), uploadedAt: z.string(), uploadedByName: z.string().nullable() });

export const PartnershipDetailSchema = PartnershipSummarySchema.extend({
  terms: z.string().nullable(), partnerBranchName: z.string().nullable(),
  linkedOrgs: z.array(z.object({ id: z.number(), name: z.string() })),
  years: z.array(PartnershipYearSchema),
  agreementFiles: z.array(PartnershipFileSchema),
  can: z.object({ edit: z.boolean() }),
});
export type PartnershipDetail = z.infer<typeof PartnershipDetailSchema>;

/**
 * GET /api/economy/villages/:orgId/years/:year/partnerships: the partnership money received in a village's year, per
 * income source, beside that source in the year's income (approved version, else the open one). A reference only: it
 * never changes an income version (the 三资 accounts are the record); `exceeds` warns that the accounts book less under
 * the source than the partnerships alone brought in.
 */
export const PartnershipReceivedSchema = z.object({
  year: z.number(),
  against: z.enum(['approved', 'open']).nullable(),
  sources: z.array(z.object({ source: z.enum(PARTNERSHIP_INCOME_SOURCES), receivedFen: z.number(), incomeFen: z.number().nullable(), exceeds: z.boolean() })),
  items: z.array(z.object({ id: z.number(), partnerName: z.string(), source: z.enum(PARTNERSHIP_INCOME_SOURCES), receivedFen: z.number() })),
});
export type PartnershipReceived = z.infer<typeof PartnershipReceivedSchema>;
