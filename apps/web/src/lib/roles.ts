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

/**
 * Where a user lands after signing in (issue 13 point 8): a 党员 on 我的组织生活, a branch secretary and the town
 * admin on 待办 (the town admin's until a town overview exists), a 包村干部 on 督导, a 检查员 on 联督联查. The
 * strongest role decides for someone holding several.
 */
export function homePath(me: Me | null | undefined): string {
  const roles = rolesOf(me);
  if (roles.includes('town_admin') || roles.includes('branch_secretary')) return '/tasks';
  if (roles.includes('supervisor')) return '/supervision';
  if (roles.includes('inspector')) return '/inspections';
  if (roles.includes('member')) return '/my';
  return '/organizations';
}

export const canSeeTasks = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canSeeCompliance = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canSeeDuesCollection = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canEditSettings = (me: Me | null | undefined) => isTownAdmin(rolesOf(me));
