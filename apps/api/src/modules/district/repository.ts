/**
 * 驾驶舱快照 (issue 17 point 6): a town's whole-town 驾驶舱 of a month, as last computed. Every call runs in the town's
 * own row scope (service.ts), so the policy of migration 0041 fences each town's rows as the scope filter does.
 */
import type { DashboardTown } from '@dj/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dashboardSnapshots, districtBoards, districtBoardVersions, districtFigures } from '../../db/schema/index.js';

/** Computed "now" by the database, so every snapshot's time comes from one clock. */
export async function saveSnapshot(db: DbOrTx, tenantId: number, period: string, body: DashboardTown): Promise<void> {
  await db.insert(dashboardSnapshots).values({ tenantId, period, body })
    .onConflictDoUpdate({ target: [dashboardSnapshots.tenantId, dashboardSnapshots.period], set: { body, computedAt: sql`now()` } });
}

/** Whether the town's snapshot of the month is missing or at least `minutes` old (the job's test; 30 s spare for its tick). */
export async function isStale(db: DbOrTx, tenantId: number, period: string, minutes: number): Promise<boolean> {
  const [row] = await db.select({ fresh: sql<boolean>`${dashboardSnapshots.computedAt} > now() - make_interval(secs => ${minutes * 60 - 30})` })
    .from(dashboardSnapshots).where(and(eq(dashboardSnapshots.tenantId, tenantId), eq(dashboardSnapshots.period, period))).limit(1);
  return !row?.fresh;
}

/** When each town's figures of the month the district holds were computed, by town tenant (migration 0045). */
export async function heldTimes(db: DbOrTx, districtTenantId: number, period: string): Promise<Map<number, string>> {
  const rows = await db.selectDistinct({ town: districtFigures.townTenantId, computedAt: districtFigures.computedAt })
    .from(districtFigures).where(and(eq(districtFigures.tenantId, districtTenantId), eq(districtFigures.period, period)));
  return new Map(rows.map((r) => [r.town, r.computedAt]));
}

/** One figure as the database gathers it over the towns: which towns name it and their values, in the same order. */
export interface HeldFigure { group: string; groupTitle: string; label: string; first: number[]; towns: number[]; values: number[] }

/**
 * The towns' figures gathered by figure, by the database: one row per figure with an array per town, from the rows the
 * trigger of migration 0045 keeps (a jsonb document per town cost 4.5 MB per request at 925 towns). `first` is where
 * the figure is first named: the town's place in `towns`, the tile's and the figure's. The month's 组织生活 totals are
 * the group 'compliance', their keys as labels. The two long lists come as JSON, which the driver parses natively:
 * as PostgreSQL arrays, node-postgres' array parser took 23 ms of CPU per request at 925 towns (76 k elements).
 */
export async function heldFigures(db: DbOrTx, districtTenantId: number, period: string, towns: number[]): Promise<HeldFigure[]> {
  // The towns as a table (joined by hash), not an array searched per row: 38 k rows × 925 towns searched took 273 ms.
  const { rows } = await db.execute(sql`
    with t(town, place) as (select * from unnest(${`{${towns.join(',')}}`}::int[]) with ordinality)
    select f."group", f.group_title as "groupTitle", f.label,
      min(array[t.place::int, f.tile_place, f.figure_place]) as first, json_agg(f.town_tenant_id) as towns, json_agg(f.value) as values
    from ${districtFigures} f join t on t.town = f.town_tenant_id
    where f.tenant_id = ${districtTenantId} and f.period = ${period}
    group by f."group", f.group_title, f.label`);
  return rows as unknown as HeldFigure[];
}

/** The version of the district's figures of the month, and the board last built with its version (none before any town's figures). */
export interface HeldBoard { version: number; built: number | null; key: string | null; body: string | null }

export async function heldBoard(db: DbOrTx, districtTenantId: number, period: string): Promise<HeldBoard | undefined> {
  const [row] = await db.select({ version: districtBoardVersions.version, built: districtBoards.version, key: districtBoards.key, body: districtBoards.body })
    .from(districtBoardVersions)
    .leftJoin(districtBoards, and(eq(districtBoards.tenantId, districtBoardVersions.tenantId), eq(districtBoards.period, districtBoardVersions.period)))
    .where(and(eq(districtBoardVersions.tenantId, districtTenantId), eq(districtBoardVersions.period, period)));
  return row;
}

/** Stores a board built from the figures of `version`; never over one built from later figures. */
export async function storeBoard(db: DbOrTx, districtTenantId: number, period: string, version: number, key: string, body: string): Promise<void> {
  await db.insert(districtBoards).values({ tenantId: districtTenantId, period, version, key, body })
    .onConflictDoUpdate({
      target: [districtBoards.tenantId, districtBoards.period], set: { version, key, body, builtAt: sql`now()` },
      setWhere: sql`${districtBoards.version} <= excluded.version`,
    });
}

/** The version of the district's figures of the month alone (undefined before any town's figures). */
export async function boardVersion(db: DbOrTx, districtTenantId: number, period: string): Promise<number | undefined> {
  const [row] = await db.select({ version: districtBoardVersions.version }).from(districtBoardVersions)
    .where(and(eq(districtBoardVersions.tenantId, districtTenantId), eq(districtBoardVersions.period, period)));
  return row?.version;
}
