/**
 * 区级 (issue 17 points 5 and 6, docs/decisions/010): a district's 区委组织部 reads each of its towns' 驾驶舱 through the
 * town's own service, as a derived read-only caller — the town's tenant, the town's root organisation as scope, the
 * district role as its only grant — inside that town's row scope, so row-level security fences each town as it fences
 * its own admin. The side-by-side table reads each town's 驾驶舱快照 (snapshots.ts), dated; one town's page stays live.
 * The one query that reads several tenants is the lookup of the district's towns (organizations module).
 */
import { createHash } from 'node:crypto';
import type { DistrictDashboard, DistrictTownDashboard, DistrictTowns } from '@dj/contracts';
import { DISTRICT_REFRESH_WINDOW_SECONDS, DistrictDashboardSchema, todayInShanghai } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { countAuditSince } from '../../lib/audit/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { tenantOf, townsOfDistrict, type TownRoot } from '../organizations/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { districtTable } from './snapshots.js';
import { liveTownDashboard } from './town-caller.js';

export { townCaller } from './town-caller.js';

/** The caller's district and its towns (by division code); a caller whose tenant is no district has none. */
async function districtOf(db: Db, user: AuthUser) {
  const tenant = await tenantOf(db, user.tenantId);
  const district = tenant?.kind === 'district' ? { tenantId: tenant.id, code: tenant.code, name: tenant.name } : undefined;
  return { district, towns: district ? await townsOfDistrict(db, district.tenantId) : [] };
}

async function ownDistrict(db: Db, user: AuthUser) {
  requirePermission(user, 'district.read');
  const { district, towns } = await districtOf(db, user);
  if (!district) throw notFound('区');
  return { district, towns };
}

const townOf = (t: TownRoot) => ({ tenantId: t.tenantId, code: t.code, name: t.name });

export async function districtTowns(db: Db, user: AuthUser): Promise<DistrictTowns> {
  const { district, towns } = await ownDistrict(db, user);
  return { district, towns: towns.map(townOf) };
}

/** What the board shows besides the figures: a board built under another day, setting or list of towns is not served. */
function boardKey(today: string, publishedAssessment: boolean, towns: TownRoot[]): string {
  return createHash('sha1').update(JSON.stringify([today, publishedAssessment, towns.map((t) => [t.tenantId, t.code, t.name])])).digest('hex');
}

/**
 * The board as JSON text: the one built last while the figures' version and its key hold (one row read), else built
 * from the held figures, encoded through its contract once, and stored for the next reader (issue 14: at 925 towns,
 * gathering the figures took 123 ms of SQL and encoding 212 KB most of each request's time on the event loop).
 */
async function dashboardOf(db: Db, user: AuthUser, district: DistrictDashboard['district'], towns: TownRoot[], refresh: boolean): Promise<string> {
  const today = todayInShanghai();
  const period = today.slice(0, 7);
  // The towns stay in division-code order whatever the setting says: a ranking waits for a published assessment.
  const publishedAssessment = (await settingValue(db, district.tenantId, 'district.publishedAssessment')) === 1;
  const key = boardKey(today, publishedAssessment, towns);
  const held = refresh ? undefined : await repo.heldBoard(db, district.tenantId, period);
  if (held?.body && held.built === held.version && held.key === key) return held.body;
  const { version, computedAt, rows } = await districtTable(db, user, district.tenantId, towns, refresh, period);
  const body = JSON.stringify(DistrictDashboardSchema.encode({
    today, district, publishedAssessment,
    towns: towns.map((t, i) => ({ ...townOf(t), computedAt: computedAt[i] })),
    oldestComputedAt: computedAt.length ? computedAt.reduce((a, b) => (a < b ? a : b)) : null,
    rows,
  }));
  if (version !== undefined) await repo.storeBoard(db, district.tenantId, period, version, key, body);
  return body;
}

/** Each town's 驾驶舱 as of its snapshot's time (no town is computed here but one the district holds no figures of), as JSON text. */
export async function districtDashboard(db: Db, user: AuthUser): Promise<string> {
  const { district, towns } = await ownDistrict(db, user);
  return dashboardOf(db, user, district, towns, false);
}

/**
 * 刷新: computes every town of the district now. At most once a minute per district: the audit line is written first,
 * under the audit chain's lock, and a second line within the window rolls back with 429 — so two clicks at once cannot
 * both pass.
 */
export async function refreshDistrict(db: Db, caller: Caller): Promise<string> {
  const { district, towns } = await ownDistrict(db, caller.user);
  await db.transaction(async (tx) => {
    await audit(tx, caller, { action: 'district.snapshot.refresh', objectType: 'tenant', objectId: district.tenantId, detail: { towns: towns.length } });
    const since = new Date(Date.now() - DISTRICT_REFRESH_WINDOW_SECONDS * 1000);
    if (await countAuditSince(tx, { tenantId: district.tenantId, action: 'district.snapshot.refresh', since }) > 1) {
      throw new AppError('RATE_LIMITED', `刷新过于频繁:每区每 ${DISTRICT_REFRESH_WINDOW_SECONDS} 秒最多刷新一次,请稍后再试`);
    }
  });
  return dashboardOf(db, caller.user, district, towns, true);
}

/**
 * One town's 驾驶舱, read-only and live (one town costs one 驾驶舱, as its admin's page). A town not of the caller's
 * district is "does not exist" (404) before the permission (403).
 */
export async function districtTownDashboard(db: Db, user: AuthUser, tenantId: number): Promise<DistrictTownDashboard> {
  const { towns } = await districtOf(db, user);
  const town = towns.find((t) => t.tenantId === tenantId);
  if (!town) throw notFound('乡镇');
  requirePermission(user, 'district.read');
  return { town: townOf(town), dashboard: await liveTownDashboard(db, user, town) };
}
