/**
 * The access of a village's economy records (一村一品, 经营主体, 村级项目; issue 18 points 4–5), as the collective income
 * decides it: a village branch in the caller's scope or 404, then economy.read to read and economy.enter to write
 * (the town everywhere, a secretary their own village), 403 only once the village is visible.
 */
import type { EconomyVillageRef } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { can, isSelfOnly, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { villageBranches, villageNameOf } from './repository.js';
import { loadVillage } from './service.js';

export async function readableVillage(db: DbOrTx, user: AuthUser, orgId: number) {
  const village = await loadVillage(db, user, orgId);
  requirePermission(user, 'economy.read', undefined, village.path);
  return village;
}

export async function writableVillage(db: DbOrTx, user: AuthUser, orgId: number) {
  const village = await loadVillage(db, user, orgId);
  requirePermission(user, 'economy.enter', undefined, village.path);
  return village;
}

/** A record found in scope (or undefined: 404 with `what`), then the permission to write it at its village. */
export function writable<T extends { organizationPath: string }>(user: AuthUser, row: T | undefined, what: string): T {
  if (!row) throw notFound(what);
  requirePermission(user, 'economy.enter', undefined, row.organizationPath);
  return row;
}

/** A plain 党员 sees no village's records: no query at all, as everywhere (404 for an id). */
export const seesVillages = (user: AuthUser) => !isSelfOnly(user);

/** The villages of a list (one, or every village in scope, in tree order) and whether the caller may add to each. */
export async function villagesOfList(db: DbOrTx, user: AuthUser, orgId?: number): Promise<(EconomyVillageRef & { path: string })[]> {
  if (orgId) {
    const v = await readableVillage(db, user, orgId);
    return [{ organizationId: v.id, villageName: await villageNameOf(db, v.villageId), path: v.path, canEdit: can(user, 'economy.enter', v.path) }];
  }
  requirePermission(user, 'economy.read');
  const rows = await villageBranches(db, user.scope);
  return rows.map((r) => ({ organizationId: r.organizationId, villageName: r.villageName, path: r.path, canEdit: can(user, 'economy.enter', r.path) }));
}
