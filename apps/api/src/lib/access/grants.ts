/**
 * Role grants (issue 12 point 1): a role held at one organisation. What a role may do is the PERMISSIONS table; where,
 * the grant's organisation subtree. Pure functions over a user's grants: the session loader builds the caller from
 * them (roles, visibility scope), and user administration checks with `mayGrant` that nobody hands out more than they hold.
 */
import type { Role } from '@dj/contracts';
import type { Scope } from '../../db/scope.js';

/** A grant as the caller carries it: the organisation's name and materialised path come with it. */
export interface GrantAt { role: Role; organizationId: number; name: string; path: string }

export interface ScopeRoot { organizationId: number; name: string; path: string }

/** The distinct roles of the grants, in the order of first appearance. */
export function rolesOf(grants: readonly Pick<GrantAt, 'role'>[]): Role[] {
  return [...new Set(grants.map((g) => g.role))];
}

/**
 * The organisation subtrees the user sees: every grant's organisation. A member grant only lets its holder see their own
 * record (through personId, `isSelfOnly`), so it widens nothing once the user holds any other role; a user with member
 * grants alone keeps them as roots, because the member's own record is loaded through the scoped queries too.
 */
export function scopeRootsOf(grants: readonly GrantAt[]): ScopeRoot[] {
  const working = grants.filter((g) => g.role !== 'member');
  const roots = new Map<number, ScopeRoot>();
  for (const g of working.length ? working : grants) roots.set(g.organizationId, { organizationId: g.organizationId, name: g.name, path: g.path });
  return [...roots.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The caller's access fields from their grants (read fresh on every request, so a change takes effect at once). */
export function accessOf(tenantId: number, grants: GrantAt[]): { grants: GrantAt[]; roles: Role[]; scope: Scope; scopeRoots: ScopeRoot[] } {
  const scopeRoots = scopeRootsOf(grants);
  return { grants, roles: rolesOf(grants), scopeRoots, scope: { tenantId, paths: scopeRoots.map((r) => r.path) } };
}

/** The roles the user holds at this path: the grants whose organisation contains it. */
export function rolesAt(user: { grants: readonly Pick<GrantAt, 'role' | 'path'>[] }, path: string): Role[] {
  return rolesOf(user.grants.filter((g) => path.startsWith(g.path)));
}

/**
 * May someone holding `held` grant `role` at the organisation with `path`? Only a role they hold themselves, or any role
 * as a town admin, at an organisation that contains it: nobody hands out more than they have, nor further than they reach.
 * (The caller must also hold users.manage there; that is the route's permission check.)
 */
export function mayGrant(held: readonly Pick<GrantAt, 'role' | 'path'>[], role: Role, path: string): boolean {
  return held.some((g) => path.startsWith(g.path) && (g.role === role || g.role === 'town_admin'));
}
