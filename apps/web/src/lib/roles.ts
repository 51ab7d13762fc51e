import type { Me, Role } from '@dj/contracts';

const rolesOf = (me: Me | null | undefined): readonly Role[] => me?.user.roles ?? [];

/**
 * Every working role (town admin, branch secretary, 包村干部, 检查员) follows deadlines and dues collection;
 * a plain 党员 sees only their own record.
 */
export function hasWorkRole(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'member');
}

export function isTownAdmin(roles: readonly Role[]): boolean {
  return roles.includes('town_admin');
}

export const canSeeTasks = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canSeeCompliance = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canSeeDuesCollection = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canEditSettings = (me: Me | null | undefined) => isTownAdmin(rolesOf(me));
