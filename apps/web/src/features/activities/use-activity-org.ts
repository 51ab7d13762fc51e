import { useMe } from '../../lib/session';
import { canSeeCompliance } from '../../lib/roles';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useMonthOrgParams } from '../../lib/use-month-org-params';

/**
 * The month and organisation of the activity pages, kept in the address. Without an orgId the user's own
 * organisation is used when they have exactly one scope root (a branch secretary's branch).
 */
export function useActivityOrg() {
  const { data: me } = useMe();
  const params = useMonthOrgParams('month');
  const scope = me?.scope ?? [];
  const orgId = params.orgId ?? (scope.length === 1 ? scope[0].organizationId : undefined);
  const orgs = useOrganizationTreeData(!!me);
  const items = orgs.data ?? [];
  const org = items.find((o) => o.id === orgId);
  const branch = org?.kind === 'branch' ? org : undefined;
  const groups = branch ? items.filter((o) => o.kind === 'group' && o.parentId === branch.id && o.status === 'active') : [];
  const roles = me?.user.roles ?? [];
  /** Town admins and branch secretaries record activities; other working roles read them. */
  const canRecord = roles.includes('town_admin') || roles.includes('branch_secretary');
  const canSee = canSeeCompliance(me);
  return { ...params, me, orgId, org, branch, groups, orgs, canRecord, canSee };
}
