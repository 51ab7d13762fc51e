/**
 * Scoped loaders: a record the caller may see, or 404. The scope predicate is part of the query, so nothing is
 * loaded by tenant and then checked in code; a record outside the scope answers exactly like one that does not exist.
 */
import type { OrganizationKind, Role } from '@dj/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { scopeFilter } from '../../db/scope.js';
import { notFound } from '../errors.js';
import type { AuthUser } from './caller.js';
import { isSelfOnly, requirePermission, type Permission } from './permissions.js';

export interface ScopedOrganization {
  id: number; name: string; kind: OrganizationKind; path: string; parentId: number | null; villageId: number | null;
}

/** An active organisation inside the caller's scope, or undefined. */
export async function findOrganizationInScope(db: DbOrTx, user: Pick<AuthUser, 'scope'>, id: number): Promise<ScopedOrganization | undefined> {
  const [row] = await db.select({
    id: organizations.id, name: organizations.name, kind: organizations.kind, path: organizations.path,
    parentId: organizations.parentId, villageId: organizations.villageId,
  }).from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.status, 'active'), scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, user.scope)))
    .limit(1);
  return row;
}

/** An active organisation inside the caller's scope, or 404 (another village's id looks like a nonexistent one). */
export async function loadOrganizationInScope(db: DbOrTx, user: Pick<AuthUser, 'scope'>, id: number, what = '组织'): Promise<ScopedOrganization> {
  const row = await findOrganizationInScope(db, user, id);
  if (!row) throw notFound(what);
  return row;
}

/** The optional `orgId` filter of a list: undefined when absent, the organisation when in scope, else 404. */
export async function optionalOrganizationInScope(db: DbOrTx, user: Pick<AuthUser, 'scope'>, id: number | undefined): Promise<ScopedOrganization | undefined> {
  return id ? loadOrganizationInScope(db, user, id) : undefined;
}

/**
 * An active village party branch inside the caller's scope, or 404. Only branches hold village records (a 党委 or
 * 党小组 id is refused the same way), and a plain 党员 sees none of them.
 */
export async function loadBranchInScope(db: DbOrTx, user: Pick<AuthUser, 'scope' | 'roles' | 'grants'>, id: number, what = '党支部'): Promise<ScopedOrganization> {
  const row = isSelfOnly(user) ? undefined : await findOrganizationInScope(db, user, id);
  if (!row || row.kind !== 'branch') throw notFound(what);
  return row;
}

/** As `loadBranchInScope`, and the caller must hold the permission there (403 only once the branch is visible). */
export async function loadWritableBranch(db: DbOrTx, user: Pick<AuthUser, 'scope' | 'roles' | 'grants'>, id: number, permission: Permission, message?: string): Promise<ScopedOrganization> {
  const branch = await loadBranchInScope(db, user, id);
  requirePermission(user, permission, message, branch.path);
  return branch;
}

// Spelled out, not ${users.id}: drizzle leaves a single table's columns unqualified, and inside these subqueries a bare
// "id" would be the organisation's.
const USER_ID = sql.raw('"users"."id"');

/**
 * The distinct roles a users row holds at some active organisation, as a column of a query on `users` (for users other
 * than the caller: a supervisor being named, a sign-in deciding on a second factor).
 */
export const heldRoles = sql<Role[]>`array(select distinct g.role from role_grants g join organizations o on o.id = g.organization_id and o.status = 'active' where g.user_id = ${USER_ID})`;

/** Does the users row hold the role at some active organisation? A condition on a query on `users`. */
export function holdsRole(role: Role): SQL {
  return sql`exists (select 1 from role_grants g join organizations o on o.id = g.organization_id and o.status = 'active' where g.user_id = ${USER_ID} and g.role = ${role})`;
}
