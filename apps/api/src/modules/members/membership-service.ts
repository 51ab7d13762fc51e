import type { RecordEvent } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { todayInShanghai } from '@dj/contracts';
import { eventsOf, refreshMembershipCache } from './events.js';
import * as repo from './repository.js';
import { validateEventSequence } from './rules/membership-status.js';
import { getMember, loadMember } from './service.js';
import { can, audit, findOrganizationInScope, type Caller } from '../../lib/access/index.js';

/**
 * Record one 党籍 event. A transfer to another branch of this deployment moves the member (both branches
 * see the pair of events); a transfer without a receiving branch takes them off this roster.
 */
export async function recordEvent(db: Db, { user, ip }: Caller, id: number, input: RecordEvent) {
  return db.transaction(async (tx) => {
    const row = await loadMember(tx, user, id);
    if (!can(user, 'members.manage', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以记录党籍变动');
    const today = todayInShanghai();
    const problem = validateEventSequence(await eventsOf(tx, id), { kind: input.kind, occurredOn: input.occurredOn }, today);
    if (problem) throw invalid('occurredOn', problem);
    const base = { tenantId: user.tenantId, memberId: id, recordedBy: user.id, occurredOn: input.occurredOn, reason: input.reason ?? null };
    if (input.kind === 'transferred_out' && input.toOrganizationId) {
      // Moving a member into another branch changes that branch's roster too: the town's 组织委员 does it.
      if (!can(user, 'members.transferInTown')) throw forbidden('本镇党支部之间的组织关系转接由镇党委办理;支部书记可记录转往本镇以外');
      const target = await findOrganizationInScope(tx, user, input.toOrganizationId);
      if (!target || target.kind !== 'branch') throw invalid('toOrganizationId', '转入组织应为本镇一个正常的党支部');
      if (target.id === row.organizationId) throw invalid('toOrganizationId', '转入组织与当前所在党支部相同');
      const pair = { fromOrganizationId: row.organizationId, toOrganizationId: target.id };
      await repo.insertEvents(tx, [{ ...base, ...pair, kind: 'transferred_out' }, { ...base, ...pair, kind: 'transferred_in' }]);
      await repo.updateMember(tx, id, { organizationId: target.id, groupId: null });
    } else {
      if (input.kind === 'transferred_out' && !input.reason) throw invalid('reason', '转往本镇以外时请填写转往的党组织(介绍信去向)');
      await repo.insertEvents(tx, [{ ...base, kind: input.kind, fromOrganizationId: row.organizationId }]);
    }
    await refreshMembershipCache(tx, id, today);
    await audit(tx, { user, ip }, { action: `member.event.${input.kind}`, objectType: 'member', objectId: id, detail: { occurredOn: input.occurredOn, toOrganizationId: input.toOrganizationId ?? null } });
    // After a transfer the member may have left this user's scope; answer with what they still may see.
    const stillVisible = await repo.findById(tx, user.scope, id);
    if (!stillVisible) return null;
    return getMember(tx, user, id);
  });
}

