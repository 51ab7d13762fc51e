/**
 * 驾驶舱快照 (issue 17 point 6): a town's whole-town 驾驶舱 of a month, as last computed. Every call runs in the town's
 * own row scope (service.ts), so the policy of migration 0041 fences each town's rows as the scope filter does.
 */
import type { DashboardTown } from '@dj/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dashboardSnapshots, districtTownFigures } from '../../db/schema/index.js';
import type { TownFigures } from './figures.js';

export type { TownFigures };
export interface Snapshot { body: TownFigures; computedAt: string }

/**
 * The town's figures of the month as stored. Only the totals and tiles leave the database: the per-branch matrix is most
 * of a body, and a district reads ten or more of them per request.
 */
export async function snapshotOf(db: DbOrTx, tenantId: number, period: string): Promise<Snapshot | undefined> {
  const body = sql<TownFigures>`jsonb_build_object('matrix', jsonb_build_object('totals', ${dashboardSnapshots.body} -> 'matrix' -> 'totals'), 'tiles', ${dashboardSnapshots.body} -> 'tiles')`;
  const [row] = await db.select({ body, computedAt: dashboardSnapshots.computedAt }).from(dashboardSnapshots)
    .where(and(eq(dashboardSnapshots.tenantId, tenantId), eq(dashboardSnapshots.period, period))).limit(1);
  return row;
}

/** Computed "now" by the database, so every snapshot's time comes from one clock. */
export async function saveSnapshot(db: DbOrTx, tenantId: number, period: string, body: DashboardTown): Promise<string> {
  const [row] = await db.insert(dashboardSnapshots).values({ tenantId, period, body })
    .onConflictDoUpdate({ target: [dashboardSnapshots.tenantId, dashboardSnapshots.period], set: { body, computedAt: sql`now()` } })
    .returning({ computedAt: dashboardSnapshots.computedAt });
  return row.computedAt;
}

/** Whether the town's snapshot of the month is missing or at least `minutes` old (the job's test; 30 s spare for its tick). */
export async function isStale(db: DbOrTx, tenantId: number, period: string, minutes: number): Promise<boolean> {
  const [row] = await db.select({ fresh: sql<boolean>`${dashboardSnapshots.computedAt} > now() - make_interval(secs => ${minutes * 60 - 30})` })
    .from(dashboardSnapshots).where(and(eq(dashboardSnapshots.tenantId, tenantId), eq(dashboardSnapshots.period, period))).limit(1);
  return !row?.fresh;
}

/**
 * Every town's figures of the month as the district holds them (migration 0045's trigger keeps them), by the town's
 * tenant: one statement in the district's own row scope, whatever the number of towns.
 */
export async function districtFiguresOf(db: DbOrTx, districtTenantId: number, period: string): Promise<Map<number, Snapshot>> {
  const rows = await db.select({ town: districtTownFigures.townTenantId, body: districtTownFigures.figures, computedAt: districtTownFigures.computedAt })
    .from(districtTownFigures).where(and(eq(districtTownFigures.tenantId, districtTenantId), eq(districtTownFigures.period, period)));
  return new Map(rows.map((r) => [r.town, { body: r.body, computedAt: r.computedAt }]));
}
