/**
 * 驾驶舱快照 (issue 17 point 6, docs/decisions/010): the district reads each town's 驾驶舱 from the snapshot the job
 * queue keeps, dated, instead of computing every town in its request. Each town is computed and stored as the town's
 * derived caller in the town's own row scope, exactly as the live read; only a town with no snapshot of the month yet
 * is computed at read time.
 */
import { todayInShanghai } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { townDashboard } from '../dashboard/index.js';
import { districtsWithTowns, townsOfDistrict, type TownRoot } from '../organizations/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { asTown, districtSystemViewer } from './town-caller.js';

export interface TownSnapshot { body: repo.TownFigures; computedAt: string }

const iso = (computedAt: string) => new Date(computedAt).toISOString();

/** Computes the town's whole-town 驾驶舱 and stores it under the month it shows. */
export function refreshTown(db: Db, user: AuthUser, town: TownRoot): Promise<TownSnapshot> {
  return asTown(user, town, async (caller) => {
    const body = await townDashboard(db, caller);
    return { body, computedAt: iso(await repo.saveSnapshot(db, town.tenantId, body.matrix.period, body)) };
  });
}

/** The town's snapshot of this month; computed now only when the town has none yet (first use, or a new month). */
export async function townSnapshot(db: Db, user: AuthUser, town: TownRoot): Promise<TownSnapshot> {
  const stored = await asTown(user, town, () => repo.snapshotOf(db, town.tenantId, todayInShanghai().slice(0, 7)));
  return stored ? { body: stored.body, computedAt: iso(stored.computedAt) } : refreshTown(db, user, town);
}

/** The figures of this month the district holds of its towns (migration 0045), by town tenant, as ISO times. */
export async function districtFigures(db: Db, districtTenantId: number): Promise<Map<number, TownSnapshot>> {
  const held = await repo.districtFiguresOf(db, districtTenantId, todayInShanghai().slice(0, 7));
  return new Map([...held].map(([town, s]) => [town, { body: s.body, computedAt: iso(s.computedAt) }]));
}

/**
 * The job: for every district that holds towns, each town whose snapshot of the month is missing or older than the
 * district's `district.snapshotMinutes` is computed again. Towns one after another (the pool is the towns' users' too).
 */
export async function refreshDistrictSnapshots(db: Db): Promise<{ districts: number; towns: number; refreshed: number }> {
  const counts = { districts: 0, towns: 0, refreshed: 0 };
  const period = todayInShanghai().slice(0, 7);
  for (const district of await districtsWithTowns(db)) {
    const minutes = await settingValue(db, district.id, 'district.snapshotMinutes');
    const viewer = districtSystemViewer(district);
    counts.districts++;
    for (const town of await townsOfDistrict(db, district.id)) {
      counts.towns++;
      if (!(await asTown(viewer, town, () => repo.isStale(db, town.tenantId, period, minutes)))) continue;
      await refreshTown(db, viewer, town);
      counts.refreshed++;
    }
  }
  return counts;
}
