/**
 * The 支部委员会 over time (issue 13 point 2): the secretary records who held which seat from when to when, and a
 * 支委会 expects the members whose term covers its date (detail-service's expectedFromRoster).
 */
import type { Committee, CommitteePost, SaveCommittee } from '@dj/contracts';
import { COMMITTEE_POSTS, SaveCommitteeSchema, termCovers, todayInShanghai } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, loadBranchInScope, loadWritableBranch, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid } from '../../lib/errors.js';
import * as committee from './committee-repository.js';
import * as repo from './repository.js';

const isSeat = (p: string): p is CommitteePost => (COMMITTEE_POSTS as readonly string[]).includes(p);

/** Roster members whose committee posts today differ from the running terms (none before a term is recorded). */
function mismatchesOf(roster: Awaited<ReturnType<typeof repo.branchMembers>>, terms: committee.TermRow[]): Committee['mismatches'] {
  if (!terms.length) return [];
  const today = todayInShanghai();
  const running = terms.filter((t) => termCovers(t, today));
  return roster.filter((m) => m.membershipStatus === 'active').flatMap((m) => {
    const rosterPosts = m.partyPosts.filter(isSeat).sort();
    const termPosts = [...new Set(running.filter((t) => t.memberId === m.id).map((t) => t.post))].sort();
    return rosterPosts.join() === termPosts.join() ? [] : [{ memberId: m.id, name: m.name, rosterPosts, termPosts }];
  });
}

async function view(db: DbOrTx, user: AuthUser, branch: { id: number; path: string }): Promise<Committee> {
  const terms = await committee.termsOf(db, [branch.id]);
  const roster = await repo.branchMembers(db, [branch.id]);
  return {
    organizationId: branch.id, terms: terms.map(({ organizationId: _, ...t }) => t), mismatches: mismatchesOf(roster, terms),
    can: { edit: can(user, 'members.manage', branch.path) },
  };
}

export async function getCommittee(db: Db, user: AuthUser, orgId: number): Promise<Committee> {
  const branch = await loadBranchInScope(db, user, orgId);
  requirePermission(user, 'branch.browse', '党员本人不查看支部委员会任职记录', branch.path);
  return view(db, user, branch);
}

export async function saveCommittee(db: Db, { user, ip }: Caller, orgId: number, body: SaveCommittee): Promise<Committee> {
  const input = SaveCommitteeSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, user, orgId, 'members.manage', '只有镇党委管理员和本支部书记可以登记支部委员会');
    const roster = new Map((await repo.branchMembers(tx, [branch.id])).map((m) => [m.id, m]));
    input.terms.forEach((t, i) => {
      const member = roster.get(t.memberId);
      if (!member) throw invalid(`terms.${i}.memberId`, '支部委员应是本支部的党员');
      if (member.joinedAt && t.startedOn < member.joinedAt) throw invalid(`terms.${i}.startedOn`, `${member.name}的任职日期早于入党日期(${member.joinedAt})`);
    });
    await committee.replaceTerms(tx, { id: branch.id, tenantId: user.tenantId }, user.id, input.terms);
    await audit(tx, { user, ip }, { action: 'committee.save', objectType: 'organization', objectId: branch.id, detail: { terms: input.terms.length } });
    return view(tx, user, branch);
  });
}
