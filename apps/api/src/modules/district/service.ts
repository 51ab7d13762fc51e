/**
 * 区级 (issue 17 point 5, docs/decisions/010): a district's 区委组织部 reads each of its towns' 驾驶舱 through the town's
 * own service, as a derived read-only caller — the town's tenant, the town's root organisation as scope, the district
 * role as its only grant — inside that town's row scope, so row-level security fences each town as it fences its own
 * admin. The one query that reads several tenants is the lookup of the district's towns (organizations module).
 */
import type { DashboardTown, DistrictDashboard, DistrictTownDashboard, DistrictTowns } from '@dj/contracts';
import { todayInShanghai } from '@dj/contracts';
import { dbScopeOf, withRowScope, type Db } from '../../db/client.js';
import { accessOf, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { townDashboard } from '../dashboard/index.js';
import { tenantOf, townsOfDistrict, type TownRoot } from '../organizations/index.js';
import { settingValue } from '../settings/index.js';
import { sideBySide } from './figures.js';

/** The caller's district and its towns (by division code); a caller whose tenant is no district has none. */
async function districtOf(db: Db, user: AuthUser) {
  const tenant = await tenantOf(db, user.tenantId);
  const district = tenant?.kind === 'district' ? { tenantId: tenant.id, code: tenant.code, name: tenant.name } : undefined;
  return { district, towns: district ? await townsOfDistrict(db, district.tenantId) : [] };
}

/**
 * The caller a town's own services see for a district read: the town's tenant, its root organisation as the only
 * grant, of the district role, which holds dashboard.read and no town write. Not a sign-in: nothing is kept.
 */
export function townCaller(user: AuthUser, town: TownRoot): AuthUser {
  const grant = { role: 'district_viewer' as const, organizationId: town.rootId, name: town.rootName, path: town.rootPath };
  return { ...user, tenantId: town.tenantId, tenantName: town.name, isDemoTenant: town.isDemo, personId: null, ...accessOf(town.tenantId, [grant]) };
}

/** A town's 驾驶舱 as its admin sees it, read in the town's own row scope. */
function readTown(db: Db, user: AuthUser, town: TownRoot): Promise<DashboardTown> {
  const caller = townCaller(user, town);
  return withRowScope(dbScopeOf(caller.scope), () => townDashboard(db, caller));
}

const townOf = (t: TownRoot) => ({ tenantId: t.tenantId, code: t.code, name: t.name });

export async function districtTowns(db: Db, user: AuthUser): Promise<DistrictTowns> {
  requirePermission(user, 'district.read');
  const { district, towns } = await districtOf(db, user);
  if (!district) throw notFound('区');
  return { district, towns: towns.map(townOf) };
}

export async function districtDashboard(db: Db, user: AuthUser): Promise<DistrictDashboard> {
  requirePermission(user, 'district.read');
  const { district, towns } = await districtOf(db, user);
  if (!district) throw notFound('区');
  // Town by town, not all at once: each 驾驶舱 is a few dozen statements, and a district's request must not take
  // every connection of the pool from the towns' own users.
  const dashboards: DashboardTown[] = [];
  for (const town of towns) dashboards.push(await readTown(db, user, town));
  // The towns stay in division-code order whatever the setting says: a ranking waits for a published assessment.
  const publishedAssessment = (await settingValue(db, district.tenantId, 'district.publishedAssessment')) === 1;
  return { today: todayInShanghai(), district, towns: towns.map(townOf), rows: sideBySide(dashboards), publishedAssessment };
}

/** One town's 驾驶舱, read-only. A town not of the caller's district is "does not exist" (404) before the permission (403). */
export async function districtTownDashboard(db: Db, user: AuthUser, tenantId: number): Promise<DistrictTownDashboard> {
  const { towns } = await districtOf(db, user);
  const town = towns.find((t) => t.tenantId === tenantId);
  if (!town) throw notFound('乡镇');
  requirePermission(user, 'district.read');
  return { town: townOf(town), dashboard: await readTown(db, user, town) };
}
