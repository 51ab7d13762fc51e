import type { Me, Role } from '@dj/contracts';

const rolesOf = (me: Me | null | undefined): readonly Role[] => me?.user.roles ?? [];

/**
 * Every working role (town admin, branch secretary, 包村干部, 检查员) follows deadlines and dues collection;
 * a plain 党员 sees only their own record.
 */
export function hasWorkRole(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'member' && role !== 'district_viewer');
}

/** 区委组织部 (issue 17 point 5): reads its towns' 驾驶舱 only; none of a town's pages is theirs. */
export function isDistrictViewer(roles: readonly Role[]): boolean {
  return roles.includes('district_viewer');
}

/** Anyone but a 区委组织部 account alone: the town's own organisation and roster pages (as before, also with no role). */
export function inTown(roles: readonly Role[]): boolean {
  return !roles.length || roles.some((role) => role !== 'district_viewer');
}

export function isTownAdmin(roles: readonly Role[]): boolean {
  return roles.includes('town_admin');
}

/**
 * Where a user lands after signing in (issue 13 point 8, issue 17): the town admin on the 驾驶舱, a branch secretary on
 * their village's card (村情卡; 待办 when they hold several branches), a 包村干部 on 督导, a 检查员 on 联督联查, a 党员
 * on 我的组织生活, a 区委组织部 account on the 区级驾驶舱. The strongest role decides for someone holding several.
 */
export function homePath(me: Me | null | undefined): string {
  const roles = rolesOf(me);
  if (roles.includes('district_viewer')) return '/district';
  if (roles.includes('town_admin')) return '/dashboard';
  if (roles.includes('branch_secretary')) return villageCardPath(me) ?? '/tasks';
  if (roles.includes('supervisor')) return '/supervision';
  if (roles.includes('inspector')) return '/inspections';
  if (roles.includes('member')) return '/my';
  return '/organizations';
}

/** A secretary of exactly one branch: that branch's 村情卡; anyone else has no single village. */
export function villageCardPath(me: Me | null | undefined): string | null {
  const roles = rolesOf(me);
  if (!roles.includes('branch_secretary') || roles.some((r) => r === 'town_admin' || r === 'supervisor' || r === 'inspector')) return null;
  return me?.scope.length === 1 ? `/dashboard/villages/${me.scope[0].organizationId}` : null;
}

export const canSeeTasks = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canSeeCompliance = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canSeeDuesCollection = (me: Me | null | undefined) => hasWorkRole(rolesOf(me));
export const canEditSettings = (me: Me | null | undefined) => isTownAdmin(rolesOf(me));
/** 会议报告 (issue 17 point 7) covers the whole town: the town admin's (dashboard.report). */
export const canMakeReports = (me: Me | null | undefined) => isTownAdmin(rolesOf(me));
