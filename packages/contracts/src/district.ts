import { z } from 'zod';
import { DashboardTownSchema } from './dashboard.js';

/**
 * 区级 (issue 17 point 5): a deployment holds several towns (tenants of kind 'town'); a district is a tenant of kind
 * 'district' whose 区委组织部 account reads each town's 驾驶舱 and the same figures side by side with the district's
 * sums. Towns keep the order of their division code, never an order by a figure.
 */
export const TENANT_KINDS = ['town', 'district'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const DistrictTownSchema = z.object({ tenantId: z.number(), code: z.string(), name: z.string() });
export type DistrictTown = z.infer<typeof DistrictTownSchema>;

export const DistrictTownsSchema = z.object({
  district: z.object({ tenantId: z.number(), code: z.string(), name: z.string() }),
  /** By division code: the one order a district sees (no ranking). */
  towns: z.array(DistrictTownSchema),
});
export type DistrictTowns = z.infer<typeof DistrictTownsSchema>;

/** One figure of the 驾驶舱 across the towns: the value of each town (in `towns` order) and the district's sum. */
export const DistrictFigureRowSchema = z.object({
  /** The tile's key, or 'compliance' for the month's 组织生活 totals. */
  group: z.string(),
  groupTitle: z.string(),
  label: z.string(),
  values: z.array(z.number()),
  total: z.number(),
});
export type DistrictFigureRow = z.infer<typeof DistrictFigureRowSchema>;

/**
 * A town of the district dashboard with the time its 驾驶舱快照 was computed (ISO instant): the district's figures are
 * each town's as of that time, not live (issue 17 point 6).
 */
export const DistrictDashboardTownSchema = DistrictTownSchema.extend({ computedAt: z.string() });
export type DistrictDashboardTown = z.infer<typeof DistrictDashboardTownSchema>;

export const DistrictDashboardSchema = z.object({
  today: z.string(),
  district: z.object({ tenantId: z.number(), code: z.string(), name: z.string() }),
  towns: z.array(DistrictDashboardTownSchema),
  /** The oldest of the towns' computedAt (null when the district has no town). */
  oldestComputedAt: z.string().nullable(),
  rows: z.array(DistrictFigureRowSchema),
  /**
   * The district's setting district.publishedAssessment (default off). Off: no order but the division code, and no
   * figure is compared across towns beyond the side-by-side values and the sum. On is reserved for a district's own
   * published assessment of its towns (not built yet: the order stays by code either way).
   */
  publishedAssessment: z.boolean(),
});
export type DistrictDashboard = z.infer<typeof DistrictDashboardSchema>;

/** 刷新: at most once a minute per district (the district's audit trail counts). */
export const DISTRICT_REFRESH_WINDOW_SECONDS = 60;

export const DistrictTownDashboardSchema = z.object({ town: DistrictTownSchema, dashboard: DashboardTownSchema });
export type DistrictTownDashboard = z.infer<typeof DistrictTownDashboardSchema>;

export const DistrictTownParamSchema = z.object({ tenantId: z.coerce.number().int().positive() });

/** The month's 组织生活 totals as a group of the side-by-side table. */
export const DISTRICT_COMPLIANCE_GROUP = { key: 'compliance', title: '本月组织生活' } as const;
export const DISTRICT_COMPLIANCE_LABELS = { done: '已开展', awaitingSignOff: '待签认', due: '未到期', dueSoon: '即将到期', late: '逾期' } as const;
