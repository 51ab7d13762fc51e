/**
 * 考核期 figures for the 驾驶舱 (issue 17): the town's village-cadre periods of some months by status (评分中, 异议期,
 * 待审批, 已锁定), counted by the database. The periods' scores are not shown here: no league table of villages.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { AssessmentPeriodStatus } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { assessmentPeriods, assessmentSchemes } from '../../db/schema/index.js';

export async function periodStatusCounts(db: DbOrTx, tenantId: number, months: string[]): Promise<Map<AssessmentPeriodStatus, number>> {
  if (!months.length) return new Map();
  const rows = await db.select({ status: assessmentPeriods.status, n: count() }).from(assessmentPeriods)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentPeriods.schemeId))
    .where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentSchemes.audience, 'village_cadre'), inArray(assessmentPeriods.period, months)))
    .groupBy(assessmentPeriods.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
