/** The derived caller through which the district reads a town with the town's own services (docs/decisions/010). */
import type { DashboardTown } from '@dj/contracts';
import { dbScopeOf, withRowScope, type Db } from '../../db/client.js';
import { accessOf, type AuthUser } from '../../lib/access/index.js';
import { currentTownDashboard } from '../dashboard/index.js';
import type { TownRoot } from '../organizations/index.js';

/**
 * The caller a town's own services see for a district read: the town's tenant, its root organisation as the only
 * grant, of the district role, which holds dashboard.read and no town write. Not a sign-in: nothing is kept.
 */
export function townCaller(user: AuthUser, town: TownRoot): AuthUser {
  const grant = { role: 'district_viewer' as const, organizationId: town.rootId, name: town.rootName, path: town.rootPath };
  return { ...user, tenantId: town.tenantId, tenantName: town.name, isDemoTenant: town.isDemo, personId: null, ...accessOf(town.tenantId, [grant]) };
}

/**
 * Runs `fn` as the town's derived caller inside the town's own row scope: the policies fence that town only. The town's
 * settings are read once for the run, as in a town user's own request (its 驾驶舱 read them 12 times otherwise).
 */
export function asTown<T>(user: AuthUser, town: TownRoot, fn: (caller: AuthUser) => Promise<T>): Promise<T> {
  const caller = townCaller(user, town);
  return withRowScope(dbScopeOf(caller.scope), () => fn(caller), true);
}

/** A town's 驾驶舱 as its admin sees it, live. */
export const liveTownDashboard = (db: Db, user: AuthUser, town: TownRoot): Promise<DashboardTown> =>
  asTown(user, town, (caller) => currentTownDashboard(db, caller));

/**
 * The district as the job acts for it: no account (id 0), read-only like the 区委组织部. Only the 驾驶舱 read runs as it,
 * which records nothing under the caller's id.
 */
export function districtSystemViewer(district: { id: number; name: string }): AuthUser {
  return {
    id: 0, tenantId: district.id, personId: null, tenantName: district.name, isDemoTenant: false, username: 'system', displayName: '后台任务',
    ...accessOf(district.id, []),
  };
}
