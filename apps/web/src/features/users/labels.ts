import {
  ROLE_LABELS, TOWN_ROLES, USER_STATUS_LABELS, USER_STATUSES, type Organization, type RoleGrantView, type UserSummary,
} from '@dj/contracts';

// A town's own roles: the 区委组织部 belongs to a district and is created on the command line.
export const ROLE_OPTIONS = TOWN_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
export const STATUS_OPTIONS = USER_STATUSES.map((status) => ({ value: status, label: USER_STATUS_LABELS[status] }));

/** "支部书记 · 营子村党支部": a grant as the list and the hand-over read it. */
export const grantText = (grant: RoleGrantView) => `${ROLE_LABELS[grant.role]} · ${grant.organizationName}`;

/** The status tags of an account: 已停用 and 已锁定 from the contract's labels, 待改密码 while a one-time password stands. */
export function statusTags(user: UserSummary): { text: string; color: string }[] {
  const tags: { text: string; color: string }[] = [];
  if (user.disabled) tags.push({ text: USER_STATUS_LABELS.disabled, color: 'default' });
  if (user.locked) tags.push({ text: USER_STATUS_LABELS.locked, color: 'red' });
  if (user.mustChangePassword) tags.push({ text: '待改密码', color: 'gold' });
  if (tags.length === 0) tags.push({ text: USER_STATUS_LABELS.active, color: 'green' });
  return tags;
}

/** Where a role may be granted: every open organisation but a 党小组, in tree order, indented by depth. */
export function grantOrgOptions(orgs: readonly Organization[]) {
  return orgs
    .filter((org) => org.status === 'active' && org.kind !== 'group')
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((org) => ({ value: org.id, label: org.name, title: org.name, depth: org.depth }));
}
