/**
 * Where the recruitment meets the roster: 上级党委's approval writes the 预备党员 into the member module, 转正 and an
 * extended or cancelled 预备期 become 党籍 events. The person is the same row the application created, so
 * nothing is entered twice. Runs inside the transaction that records the step.
 */
import type { DbOrTx } from '../../db/client.js';
import { AppError, invalid } from '../../lib/errors.js';
import { eventsOf, initialEvents, insertEvents, insertMember, refreshMembershipCache, updateMember, validateEventSequence } from '../members/index.js';
import { addMonths, addYears, todayInShanghai } from '@dj/contracts';
import { lastDone, votePassed, type RecordFact } from './rules/recruitment-state.js';
import * as repo from './repository.js';
import { audit, findOrganizationInScope, type Caller } from '../../lib/access/index.js';

type Row = repo.RecruitmentRow;

/**
 * Returns the member id when this step created the roster entry. `recordId` is the step's record: relations it names
 * or ends keep it, so voiding the record (void-service.ts) can undo exactly them.
 */
export async function applyStepToRoster(
  tx: DbOrTx, { user, ip }: Caller, row: Row, step: RecordFact, records: readonly RecordFact[], probationEndsOn: string | null, recordId: number | null = null,
): Promise<number | null> {
  const d = step.details;
  switch (step.stepCode) {
    case 'mentors':
    case 'sponsors': {
      // Naming new mentors or sponsors ends the previous ones on the same day: the relation history stays.
      const kind = step.stepCode === 'mentors' ? 'mentor' : 'sponsor';
      await repo.endOpenRelations(tx, row.id, kind, step.occurredOn, recordId);
      await repo.insertRelations(tx, [...new Set(d.memberIds ?? [])].map((memberId) => ({
        tenantId: user.tenantId, recruitmentId: row.id, kind, memberId, since: step.occurredOn, recordId, createdBy: user.id,
      })));
      return null;
    }
    case 'admission_approval': {
      if (d.approved !== true) return null;
      if (row.memberId) throw new AppError('CONFLICT', '此人已在党员名册中');
      // 党籍 and the 预备期 run from the 支部大会 that admitted the person (细则第三十二条), not from the approval.
      const meeting = lastDone(records, 'admission_meeting')!.occurredOn;
      const memberId = await insertMember(tx, {
        tenantId: user.tenantId, personId: row.personId, organizationId: row.organizationId, joinedAt: meeting, standing: 'probationary',
      });
      await insertEvents(tx, initialEvents(user, memberId, row.organizationId, { joinedAt: meeting }));
      await refreshMembershipCache(tx, memberId, todayInShanghai());
      await audit(tx, { user, ip }, { action: 'member.create', objectType: 'member', objectId: memberId, detail: { organizationId: row.organizationId, fromRecruitment: row.id, joinedAt: meeting } });
      return memberId;
    }
    case 'placement': {
      if (!row.memberId || !d.groupId) return null;
      const group = await findOrganizationInScope(tx, user, d.groupId);
      if (!group || group.kind !== 'group' || group.parentId !== row.organizationId) throw invalid('details.groupId', '党小组不属于本党支部');
      await updateMember(tx, row.memberId, { groupId: group.id });
      return null;
    }
    case 'confirmation_meeting': {
      if (!row.memberId || !votePassed(d)) return null;
      if (d.decision === 'extend') {
        const end = probationEndsOn ?? addYears(lastDone(records, 'admission_meeting')!.occurredOn, 1);
        await addEvent(tx, user, row.memberId, { kind: 'probation_extended', occurredOn: step.occurredOn, probationEndsOn: addMonths(end, d.extensionMonths ?? 6) });
      }
      if (d.decision === 'cancel') await addEvent(tx, user, row.memberId, { kind: 'probation_cancelled', occurredOn: step.occurredOn });
      return null;
    }
    case 'confirmation_approval': {
      if (!row.memberId || d.approved !== true) return null;
      // 转正 dates from the end of the 预备期, not from the approval; 党龄 counts from it (党章第七条).
      const confirmedOn = probationEndsOn ?? addYears(lastDone(records, 'admission_meeting')!.occurredOn, 1);
      await addEvent(tx, user, row.memberId, { kind: 'confirmed', occurredOn: confirmedOn });
      return null;
    }
    default:
      return null;
  }
}

type EventKind = 'probation_extended' | 'probation_cancelled' | 'confirmed';

async function addEvent(tx: DbOrTx, user: Caller['user'], memberId: number, e: { kind: EventKind; occurredOn: string; probationEndsOn?: string }) {
  const today = todayInShanghai();
  const problem = validateEventSequence(await eventsOf(tx, memberId), e, today);
  if (problem) throw invalid('occurredOn', problem);
  await insertEvents(tx, [{
    tenantId: user.tenantId, memberId, kind: e.kind, occurredOn: e.occurredOn, probationEndsOn: e.probationEndsOn ?? null, recordedBy: user.id,
    reason: '发展党员程序',
  }]);
  await refreshMembershipCache(tx, memberId, today);
}
