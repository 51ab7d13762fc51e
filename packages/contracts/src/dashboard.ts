import { z } from 'zod';
import { COMPLIANCE_STATUSES } from './activities.js';
import { PIPELINE_PHASES } from './recruitment.js';

/**
 * 驾驶舱 (issue 17 points 1 and 2): the town's overview and each village's card. Figures, deadlines and
 * distributions read from each module's records; villages keep the organisation tree's order and are never ranked.
 */
export const DASHBOARD_TILES = ['recruitment', 'disclosure', 'rectification', 'mobile', 'dues', 'away', 'cadres', 'reserves', 'assessment'] as const;
export type DashboardTileKey = (typeof DASHBOARD_TILES)[number];
export const DASHBOARD_TILE_TITLES: Record<DashboardTileKey, string> = {
  recruitment: '发展党员', disclosure: '三务公开', rectification: '整改', mobile: '流动党员联系', dues: '党费收缴', away: '在外人才联系', cadres: '村"两委"班子结构',
  reserves: '后备人才', assessment: '本月考核',
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
