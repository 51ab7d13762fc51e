import { z } from 'zod';
import { COMPLIANCE_STATUSES } from './activities.js';
import { PIPELINE_PHASES } from './recruitment.js';

/**
 * 驾驶舱 (issue 17 points 1 and 2): the town's overview and each village's card. Figures, deadlines and
 * distributions read from each module's records; villages keep the organisation tree's order and are never ranked.
 */
export const DASHBOARD_TILES = ['recruitment', 'disclosure', 'rectification', 'mobile', 'dues', 'away', 'cadres', 'reserves', 'economy', 'education', 'matters', 'households', 'assessment'] as const;
export type DashboardTileKey = (typeof DASHBOARD_TILES)[number];
export const DASHBOARD_TILE_TITLES: Record<DashboardTileKey, string> = {
  recruitment: '发展党员', disclosure: '三务公开', rectification: '整改', mobile: '流动党员联系', dues: '党费收缴', away: '在外人才联系', cadres: '村"两委"班子结构',
  reserves: '后备人才', economy: '集体经济', education: '教育培训', matters: '村民说事', households: '党员联户', assessment: '本月考核',
};

/** ok: nothing to do; due: open, deadline not passed; late: past its deadline; info: a plain count. */
export const DASHBOARD_TONES = ['ok', 'due', 'late', 'info'] as const;
export type DashboardTone = (typeof DASHBOARD_TONES)[number];

/** One figure of a tile, with the page listing the records behind it (null when there is none to open). */
export const DashboardFigureSchema = z.object({ label: z.string(), value: z.number(), tone: z.enum(DASHBOARD_TONES), link: z.string().nullable() });
export type DashboardFigure = z.infer<typeof DashboardFigureSchema>;

export const DashboardTileSchema = z.object({
  key: z.enum(DASHBOARD_TILES), title: z.string(), figures: z.array(DashboardFigureSchema), link: z.string(),
  /** What the figures cover (the window, the rule and its setting). */
  note: z.string(),
});
export type DashboardTile = z.infer<typeof DashboardTileSchema>;

/** 发展党员 in the pipeline by phase (open recruitments), for the distribution chart. */
export const DashboardPipelineSchema = z.array(z.object({ phase: z.enum(PIPELINE_PHASES), label: z.string(), count: z.number() }));

/** One requirement of the month (a compliance rule) and its status for one branch; null where the rule does not apply. */
export const DashboardMatrixCellSchema = z.object({
  ruleKey: z.string(), status: z.enum(COMPLIANCE_STATUSES), deadline: z.string(), done: z.number(), expected: z.number(), awaitingSignOff: z.number(),
}).nullable();
export const DashboardMatrixSchema = z.object({
  period: z.string(),
  requirements: z.array(z.object({ ruleKey: z.string(), label: z.string() })),
  rows: z.array(z.object({ organizationId: z.number(), organizationName: z.string(), link: z.string(), cells: z.array(DashboardMatrixCellSchema) })),
  totals: z.object({ done: z.number(), awaitingSignOff: z.number(), due: z.number(), dueSoon: z.number(), late: z.number() }),
});
export type DashboardMatrix = z.infer<typeof DashboardMatrixSchema>;

export const DashboardTownSchema = z.object({
  today: z.string(),
  matrix: DashboardMatrixSchema,
  pipeline: DashboardPipelineSchema,
  tiles: z.array(DashboardTileSchema),
});
export type DashboardTown = z.infer<typeof DashboardTownSchema>;

/** A village's month of organisation life, from the stored compliance summaries. */
export const DashboardMonthSchema = z.object({
  period: z.string(), done: z.number(), awaitingSignOff: z.number(), due: z.number(), dueSoon: z.number(), late: z.number(), link: z.string(),
});
export const DashboardVillageSchema = z.object({
  today: z.string(), organizationId: z.number(), organizationName: z.string(),
  /** The twelve months shown, the oldest first ('YYYY-MM'). */
  from: z.string(), to: z.string(),
  months: z.array(DashboardMonthSchema),
  pipeline: DashboardPipelineSchema,
  tiles: z.array(DashboardTileSchema),
});
export type DashboardVillage = z.infer<typeof DashboardVillageSchema>;

export const DashboardVillageParamSchema = z.object({ orgId: z.coerce.number().int().positive() });

/**
 * 会议报告 (issue 17 point 7): the town's monthly and yearly report for the town committee's meeting, as A4 PDF or Word,
 * assembled from the 驾驶舱's figures. A month or a year not after the current one (Beijing time); absent, the last
 * complete month, or the current year.
 */
export const DASHBOARD_REPORT_FORMATS = ['pdf', 'docx'] as const;
export type DashboardReportFormat = (typeof DASHBOARD_REPORT_FORMATS)[number];
export const DASHBOARD_REPORT_KINDS = ['monthly', 'yearly'] as const;
export type DashboardReportKind = (typeof DASHBOARD_REPORT_KINDS)[number];
export const DASHBOARD_REPORT_TITLES: Record<DashboardReportKind, string> = { monthly: '党建工作月度报告', yearly: '党建工作年度报告' };
/** The earliest year a report may be asked for: the platform keeps no records before it. */
export const DASHBOARD_REPORT_FIRST_YEAR = 2000;

export const DashboardReportParamsSchema = z.object({ format: z.enum(DASHBOARD_REPORT_FORMATS, '格式应为 pdf 或 docx').meta({ label: '格式' }) });
export const DashboardMonthlyReportQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').optional().meta({ label: '月份' }),
});
export const DashboardYearlyReportQuerySchema = z.object({
  year: z.coerce.number('年份应为四位数字').int('年份应为四位数字').min(DASHBOARD_REPORT_FIRST_YEAR, `年份不能早于${DASHBOARD_REPORT_FIRST_YEAR}年`).max(9999, '年份应为四位数字').optional().meta({ label: '年份' }),
});
export type DashboardMonthlyReportQuery = z.infer<typeof DashboardMonthlyReportQuerySchema>;
export type DashboardYearlyReportQuery = z.infer<typeof DashboardYearlyReportQuerySchema>;
/** The organisation life totals of a month (DashboardMatrix totals), as the 驾驶舱 and the 会议报告 name them. */
export const DASHBOARD_TOTAL_KEYS = ['done', 'awaitingSignOff', 'due', 'dueSoon', 'late'] as const;
export const DASHBOARD_TOTAL_LABELS: Record<(typeof DASHBOARD_TOTAL_KEYS)[number], string> = {
  done: '完成', awaitingSignOff: '待签认', due: '待完成', dueSoon: '将到期', late: '逾期',
};
/** The report's heading of the assessment tile: the 驾驶舱 says 本月考核, a report covers its own month or year. */
export const DASHBOARD_REPORT_ASSESSMENT_TITLE = '村干部考核';
