import { z } from 'zod';
import { ImportReportSchema } from './members.js';

/**
 * 集体经济 (issue 18 points 1–2): a village's collective income per year by source, as the 农村集体"三资" accounts
 * classify income (《村集体经济组织会计制度》财会〔2004〕12号, its income 科目 501 经营收入, 511 发包及上交收入,
 * 522 补助收入, 531 其他收入 and 投资收益; the definitions from its 第(二十六)条, e.g.
 * http://www.fsou.net/html/text/chl/562/56233_2.html; 《农村集体经济组织财务制度》 names the same five). Amounts are integer 分 like 党费: the 三资 accounts keep 元 to two decimals, so 分 holds every figure exactly and
 * sums never round, whatever unit (元 or 万元) a file or a form uses.
 */
export const INCOME_SOURCES = ['operating', 'contracting', 'investment', 'subsidy', 'other'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export const INCOME_SOURCE_LABELS: Record<IncomeSource, string> = {
  operating: '经营收入', contracting: '发包及上交收入', investment: '投资收益', subsidy: '补助收入', other: '其他收入',
};
/**
 * 经营性收入, the figure the weak-village line (薄弱村/消薄) is drawn on: the income the collective earns itself, i.e.
 * 经营收入 + 发包及上交收入 + 投资收益; 补助收入 (上级补助) and 其他收入 are left out, as the 消薄 standards that count
 * "村集体经营性收入" leave out transfers. (Our reading: the 会计制度 defines the lines, not this sum; no 农业农村部 or
 * 山东/枣庄 text defining it was found to quote, so the sum is named in the setting's source for the town to check.)
 */
export const OPERATING_SOURCES = ['operating', 'contracting', 'investment'] as const satisfies readonly IncomeSource[];

export const INCOME_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type IncomeStatus = (typeof INCOME_STATUSES)[number];
export const INCOME_STATUS_LABELS: Record<IncomeStatus, string> = { draft: '草稿', submitted: '待审核', approved: '已审核' };

export const INCOME_ORIGINS = ['form', 'import'] as const;
export type IncomeOrigin = (typeof INCOME_ORIGINS)[number];

/** The setting holding the weak-village line, in 万元 of 经营性收入 (apps/api settings registry). */
export const ECONOMY_WEAK_SETTING = 'economy.weakIncomeWan';

/** Limits shared by the form, the import and the API. One source at most 10 亿元 (a village's year is far below). */
export const ECONOMY_LIMITS = { maxFen: 100_000_000_000, reason: 200, firstYear: 2000, lastYear: 2100, importRows: 2000 } as const;

const YearSchema = z.coerce.number().int().min(ECONOMY_LIMITS.firstYear, '年度不正确').max(ECONOMY_LIMITS.lastYear, '年度不正确');
const amount = (source: IncomeSource) => z.number({ message: `${INCOME_SOURCE_LABELS[source]}须为数字` }).int(`${INCOME_SOURCE_LABELS[source]}须精确到分`)
  .min(0, `${INCOME_SOURCE_LABELS[source]}不能为负`).max(ECONOMY_LIMITS.maxFen, `${INCOME_SOURCE_LABELS[source]}过大`).meta({ label: `${INCOME_SOURCE_LABELS[source]}(分)` });

export const IncomeAmountsSchema = z.object({
  operating: amount('operating'), contracting: amount('contracting'), investment: amount('investment'), subsidy: amount('subsidy'), other: amount('other'),
}).strict();
export type IncomeAmounts = z.infer<typeof IncomeAmountsSchema>;

export const EconomyYearParamSchema = z.object({ orgId: z.coerce.number().int().positive(), year: YearSchema });
export type EconomyYearParam = z.infer<typeof EconomyYearParamSchema>;

/** Saving a year's draft. A correction of an approved year opens a new version and must say why. */
export const IncomeDraftSchema = z.object({
  amounts: IncomeAmountsSchema,
  reason: z.string().trim().max(ECONOMY_LIMITS.reason, `更正原因不能超过${ECONOMY_LIMITS.reason}个字`).nullable().optional().transform((v) => v || null).meta({ label: '更正原因' }),
}).strict();
export type IncomeDraft = z.input<typeof IncomeDraftSchema>;

export const IncomeVersionSchema = z.object({
  id: z.number(), version: z.number(), status: z.enum(INCOME_STATUSES), origin: z.enum(INCOME_ORIGINS),
  amounts: IncomeAmountsSchema, operatingIncomeFen: z.number(), totalFen: z.number(), reason: z.string().nullable(),
  createdByName: z.string().nullable(), createdAt: z.string(), submittedAt: z.string().nullable(), approvedAt: z.string().nullable(), approvedByName: z.string().nullable(),
});
export type IncomeVersion = z.infer<typeof IncomeVersionSchema>;

/** One village's year: every version, newest first; `approved` is the version the figures use. */
export const IncomeYearSchema = z.object({
  organizationId: z.number(), villageName: z.string(), year: z.number(),
  versions: z.array(IncomeVersionSchema), approved: IncomeVersionSchema.nullable(), open: IncomeVersionSchema.nullable(),
  can: z.object({ enter: z.boolean(), submit: z.boolean(), approve: z.boolean() }),
});
export type IncomeYear = z.infer<typeof IncomeYearSchema>;

export const EconomyYearsQuerySchema = z.object({ from: YearSchema.optional(), to: YearSchema.optional() });
export type EconomyYearsQuery = z.infer<typeof EconomyYearsQuerySchema>;

/** A village × year cell: the latest version's status and the approved figures (null until approved). */
export const EconomyCellSchema = z.object({
  year: z.number(), status: z.enum(INCOME_STATUSES).nullable(),
  operatingIncomeFen: z.number().nullable(), totalFen: z.number().nullable(), weak: z.boolean().nullable(),
});
export const EconomyVillageSchema = z.object({
  organizationId: z.number(), villageName: z.string(), cells: z.array(EconomyCellSchema),
  /** The first approved year at or above the line after an approved year below it (消薄年份), if any. */
  crossedIn: z.number().nullable(),
});
export type EconomyVillage = z.infer<typeof EconomyVillageSchema>;

export const EconomyTownYearSchema = z.object({
  year: z.number(), villages: z.number(), operatingIncomeFen: z.number(), totalFen: z.number(), weak: z.number(),
  /**
   * Growth of the total over the year before, in per cent to one decimal, over the villages approved in both years;
   * null when no village has both.
   */
  growthPct: z.number().nullable(),
});

/** GET /api/economy: the years × villages table in tree order (never sorted by income) and the town's totals. */
export const EconomyOverviewSchema = z.object({
  years: z.array(z.number()), thresholdFen: z.number(), thresholdSource: z.string(),
  villages: z.array(EconomyVillageSchema), town: z.array(EconomyTownYearSchema),
  can: z.object({ enter: z.boolean(), approve: z.boolean(), import: z.boolean() }),
});
export type EconomyOverview = z.infer<typeof EconomyOverviewSchema>;

/** POST /api/economy/import: a dry run unless told otherwise; `reason` is needed for years already approved. */
export const EconomyImportQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  year: YearSchema.optional(),
  reason: z.string().trim().max(ECONOMY_LIMITS.reason).optional(),
});
export const EconomyImportReportSchema = ImportReportSchema;
export type EconomyImportReport = z.infer<typeof EconomyImportReportSchema>;

export const operatingIncomeOf = (a: IncomeAmounts): number => OPERATING_SOURCES.reduce((n, s) => n + a[s], 0);
export const totalIncomeOf = (a: IncomeAmounts): number => INCOME_SOURCES.reduce((n, s) => n + a[s], 0);
