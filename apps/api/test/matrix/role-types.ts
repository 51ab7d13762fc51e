import type { Session } from '../context.js';
import { isSelfOnly, rolesGrant, type Permission } from '../../src/lib/access/index.js';
import type { RoleState } from './role-state.js';
import type { AccountName, RoleAccount, RoleWorld } from './role-world.js';

/** What a probe gets: the town, the state makers, and the account being probed. */
export interface RoleEnv {
  world: RoleWorld;
  state: RoleState;
  as: AccountName;
  account: RoleAccount;
}

/** One request of the role table. A probe may send it from another session of the same account (sign-out). */
export interface RoleProbe {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  session?: Session;
}

interface RowBase {
  probe: (env: RoleEnv) => RoleProbe | Promise<RoleProbe>;
  /** The probe names a record a self-scoped account does not see (another person's, or the branch's): 404 for a plain 党员. */
  personal?: boolean;
}

/** A route a permission of lib/access decides: success for a holder, 403 for anyone else. */
export interface PermissionRow extends RowBase {
  /** The permission that decides the route; several when holding any of them grants it (e.g. per organisation kind). */
  permission: Permission | readonly Permission[];
  /** The record is visible only to holders (another user's 导出申请): anyone else gets 404, not 403. */
  hiddenWithout?: boolean;
}

/**
 * A route no permission decides: every account succeeds, each on what it sees.
 * - `scope`: the scope decides (SQL); a list answers each account its own part, a record of the branch is success
 *   for every role whose scope holds it (with `personal`, a plain 党员 gets 404: the branch's records are not theirs).
 * - `own`: the caller's own session and records.
 * - `reference`: the town's rules and reference lists, the same for every account.
 */
export interface OpenRow extends RowBase {
  open: 'scope' | 'own' | 'reference';
}

export type RoleRow = PermissionRow | OpenRow;

/** The route a row probes: its key is "METHOD /url", optionally followed by " · variant" when one route has several rows. */
export const routeOf = (key: string): string => key.split(' · ')[0];

export const SUCCESS = [200, 201, 204];

/** The statuses the access table allows for this row and these roles. */
export function expectedStatuses(row: RoleRow, roles: RoleAccount['roles']): number[] {
  const selfOnly = isSelfOnly({ roles });
  if ('open' in row) return row.personal && selfOnly ? [404] : SUCCESS;
  const granted = [row.permission].flat().some((p) => rolesGrant(roles, p));
  if (granted) return SUCCESS;
  return [(row.personal && selfOnly) || row.hiddenWithout ? 404 : 403];
}

/** The permissions a row names (none for an open row). */
export const permissionsOf = (row: RoleRow): Permission[] => ('permission' in row ? [row.permission].flat() : []);
