/**
 * Checking role grants a town admin hands out (issue 12 point 1): each organisation inside the caller's scope, of the
 * kind the role works at, with users.manage there, and never a role the caller could not grant (lib/access mayGrant).
 */
import { ROLE_LABELS, type Role, type RoleGrant } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { loadOrganizationInScope, mayGrant, requirePermission, type AuthUser } from '../../lib/access/index.js';

export interface CheckedGrant { role: Role; organizationId: number; organizationName: string; path: string }

/** Where each role is granted: the town's and the inspectors' work is the whole town, the others' a village branch. */
const AT_COMMITTEE: readonly Role[] = ['town_admin', 'inspector'];

function kindProblem(role: Role, org: { kind: string; parentId: number | null }): string | null {
  if (AT_COMMITTEE.includes(role)) return org.parentId === null ? null : `角色:${ROLE_LABELS[role]}只能授予在镇党委`;
  return org.kind === 'branch' ? null : `角色:${ROLE_LABELS[role]}只能授予在党支部`;
}

/** The grants, each checked and with its organisation; duplicates collapse. 404 for an organisation outside the scope. */
export async function checkGrants(db: DbOrTx, user: AuthUser, grants: readonly RoleGrant[]): Promise<CheckedGrant[]> {
  const out = new Map<string, CheckedGrant>();
  for (const [i, g] of grants.entries()) {
    const org = await loadOrganizationInScope(db, user, g.organizationId, '所属组织');
    requirePermission(user, 'users.manage', undefined, org.path);
    const problem = kindProblem(g.role, org);
    if (problem) throw invalid(`grants.${i}.organizationId`, problem);
    if (!mayGrant(user.grants, g.role, org.path)) throw forbidden(`不能授予本人未持有的角色(${ROLE_LABELS[g.role]})`);
    out.set(`${g.role}:${org.id}`, { role: g.role, organizationId: org.id, organizationName: org.name, path: org.path });
  }
  return [...out.values()];
}

/** A grant being taken away needs the same right as giving it: nobody removes what they could not have granted. */
export function checkRemovable(user: AuthUser, removed: readonly { role: Role; path: string }[]): void {
  for (const g of removed) {
    requirePermission(user, 'users.manage', undefined, g.path);
    if (!mayGrant(user.grants, g.role, g.path)) throw forbidden(`不能收回本人未持有的角色(${ROLE_LABELS[g.role]})`);
  }
}
