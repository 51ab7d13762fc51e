/**
 * 驾驶舱快照 (issue 17 point 6, docs/decisions/010): the district reads each town's 驾驶舱 as the job queue last stored
 * it, dated, instead of computing every town in its request. Each town is computed and stored as the town's derived
 * caller in the town's own row scope, exactly as the live read; the database copies each stored snapshot's figures into
 * the district (migration 0045), and the district's table is read from those. Only a town the district holds no figures
 * of yet is computed at read time.
 */
import { todayInShanghai } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { currentTownDashboard } from '../dashboard/index.js';
import { districtsWithTowns, townsOfDistrict, type TownRoot } from '../organizations/index.js';
import { settingValue } from '../settings/index.js';
import { sideBySide } from './figures.js';
import * as repo from './repository.js';
import { asTown, districtSystemViewer } from './town-caller.js';

const iso = (computedAt: string) => new Date(computedAt).toISOString();

/** Computes the town's whole-town 驾驶舱 and stores it under the month it shows. */
export function refreshTown(db: Db, user: AuthUser, town: TownRoot): Promise<void> {
  return asTown(user, town, async (caller) => {
    const body = await currentTownDashboard(db, caller);
    await repo.saveSnapshot(db, town.tenantId, body.matrix.period, body);
  });
}

/**
 * The district's side-by-side table of the month from the figures it holds (migration 0045), with the version of those
 * figures (migration 0059), read before them: a town stored meanwhile makes a board built from this stale, never
 * current. A town it holds none of yet (first use, a new month, a town new to the district) is computed first, in its
 * own scope, town by town: a district's request must not take every connection from the towns' users.
 */
export async function districtTable(db: Db, user: AuthUser, districtTenantId: number, towns: TownRoot[], refresh: boolean, period: string) {
  let version = await repo.boardVersion(db, districtTenantId, period);
  let held = await repo.heldTimes(db, districtTenantId, period);
  const missing = refresh ? towns : towns.filter((t) => !held.has(t.tenantId));
  for (const town of missing) await refreshTown(db, user, town);
  if (missing.length) {
    version = await repo.boardVersion(db, districtTenantId, period);
    held = await repo.heldTimes(db, districtTenantId, period);
  }
  const ids = towns.map((t) => t.tenantId);
  return { version, computedAt: ids.map((id) => iso(held.get(id)!)), rows: sideBySide(ids, await repo.heldFigures(db, districtTenantId, period, ids)) };
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
