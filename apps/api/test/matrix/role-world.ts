import type { Role } from '@dj/contracts';
import type { Session, TestContext } from '../context.js';
import { createBranch, createMember, createTown, createUser, personOf, type Branch, type Town } from '../factories.js';

/**
 * The town the role table runs in, built once per file from the test factories and the product's own routes (no
 * demo-town names): a branch every probed account sees, another branch, one account per role on the branch, and
 * the accounts the state makers need besides (a second supervisor of the branch, the other branch's secretary).
 */

/** The probed accounts, one per role. */
export const ACCOUNTS = ['admin', 'supervisor', 'inspector', 'secretary', 'member'] as const;
export type AccountName = (typeof ACCOUNTS)[number];

export interface RoleAccount { userId: number; roles: Role[]; session: Session }

export interface RoleWorld {
  ctx: TestContext;
  town: Town;
  /** The branch inside every probed account's scope, with one 党小组. */
  branch: Branch;
  /** Another branch of the town: a transfer's destination, and the second secretary's branch. */
  otherBranch: Branch;
  /** A member of the branch who is not the 党员 account's own person. */
  member: number;
  /** The 党员 account's own member record. */
  ownMember: number;
  accounts: Record<AccountName, RoleAccount>;
  /** A second supervisor of the branch (a record they oversee is not the probed supervisor's to sign). */
  otherSupervisor: RoleAccount;
  /** The other branch's secretary (their 导出申请 is nobody's probed account's own). */
  otherSecretary: RoleAccount;
}

/**
 * An account with one role, signed in, and a member record of its own in the branch (a cadre is a 党员 too): the
 * caller's own records (my activities, answering a notice) exist for every probed account, so only the role differs.
 */
async function account(town: Town, role: Role, scope: number[], branchId: number): Promise<RoleAccount & { memberId: number }> {
  const memberId = await createMember(town, branchId);
  const made = await createUser(town, role, scope, { personId: await personOf(town.ctx, memberId) });
  return { userId: made.userId, roles: [role], session: made.session, memberId };
}

async function assignSupervisors(town: Town, branchId: number, userIds: number[]) {
  const res = await town.admin.request('PUT', '/api/supervision/assignments', { organizationId: branchId, userIds });
  if (res.statusCode !== 200) throw new Error(`role table: supervisors not assigned: ${res.body}`);
}

export async function buildRoleWorld(ctx: TestContext): Promise<RoleWorld> {
  const town = await createTown(ctx);
  const branch = await createBranch(town, { groups: 1 });
  const otherBranch = await createBranch(town);
  const member = await createMember(town, branch.id);
  const at = (role: Role, scope: number[]) => account(town, role, scope, branch.id);
  // A supervisor holds the role at the branches they cover (role grants, issue 12 point 1); the assignment names them.
  const supervisor = await at('supervisor', [branch.id]);
  const otherSupervisor = await at('supervisor', [branch.id]);
  await assignSupervisors(town, branch.id, [supervisor.userId, otherSupervisor.userId]);
  const probedMember = await at('member', [branch.id]);
  // The probed town admin is a second one (with a member record); the factory's first admin makes the state.
  const accounts: Record<AccountName, RoleAccount> = {
    admin: await at('town_admin', [town.committeeId]), supervisor, inspector: await at('inspector', [town.committeeId]),
    secretary: await at('branch_secretary', [branch.id]), member: probedMember,
  };
  const ownMember = probedMember.memberId;
  const otherSecretary = await account(town, 'branch_secretary', [otherBranch.id], otherBranch.id);
  return { ctx, town, branch, otherBranch, member, ownMember, accounts, otherSupervisor, otherSecretary };
}
