import type { MemberMobility } from '@dj/contracts';
import type { z } from 'zod';
import type { CreateFlowSchema, CreateLetterSchema, FlowContactSchema, Task } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import { eventsOf, refreshMembershipCache } from './events.js';
import * as mobility from './mobility-repository.js';
import * as repo from './repository.js';
import { addDays, addMonths, todayInShanghai } from '@dj/contracts';
import { mobileMemberWarnings, letterWarnings } from './rules/flow-rules.js';
import { validateEventSequence } from './rules/membership-status.js';
import { loadMember } from './service.js';

type CreateFlow = z.infer<typeof CreateFlowSchema>;
type FlowContact = z.infer<typeof FlowContactSchema>;
type CreateLetter = z.infer<typeof CreateLetterSchema>;

async function flowSettings(db: DbOrTx, tenantId: number) {
  return {
    transferDueMonths: await settingValue(db, tenantId, 'flow.transferDueMonths'),
    unreachableMonths: await settingValue(db, tenantId, 'flow.unreachableMonths'),
  };
}

/** Load a member the caller may manage, or answer 404 (out of scope) / 403 (in scope, read-only role). */
async function managed(db: DbOrTx, user: AuthUser, id: number) {
  const row = await loadMember(db, user, id);
  if (!can(user, 'members.manage', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以办理');
  return row;
}

async function addEvent(db: DbOrTx, user: AuthUser, memberId: number, organizationId: number, kind: 'flowed_out' | 'flowed_in' | 'flow_ended' | 'transferred_out', occurredOn: string, reason: string | null, field: string) {
  const today = todayInShanghai();
  const problem = validateEventSequence(await eventsOf(db, memberId), { kind, occurredOn }, today);
  // Named after the request's own date field, so the form can put the message where the user typed.
  if (problem) throw invalid(field, problem);
  await repo.insertEvents(db, [{ tenantId: user.tenantId, memberId, kind, occurredOn, reason, fromOrganizationId: organizationId, recordedBy: user.id }]);
  await refreshMembershipCache(db, memberId, today);
}

export async function getMobility(db: Db, user: AuthUser, id: number): Promise<MemberMobility> {
  await loadMember(db, user, id);
  const today = todayInShanghai();
  const settings = await flowSettings(db, user.tenantId);
  const flows = await mobility.flowsOf(db, id);
  const letters = await mobility.lettersOf(db, id);
  return {
    flows: flows.map((f) => {
      const lastContactOn = f.contacts[0]?.contactedOn ?? null;
      return {
        id: f.id, direction: f.direction, startedOn: f.startedOn, endedOn: f.endedOn, destination: f.destination, workUnit: f.workUnit,
        hasFixedPlace: f.hasFixedPlace, activityCardNo: f.activityCardNo, hostBranch: f.hostBranch, lastContactOn,
        contacts: f.contacts.map((c) => ({ id: c.id, contactedOn: c.contactedOn, method: c.method, note: c.note, recordedBy: c.recordedBy })),
        warnings: f.endedOn ? [] : mobileMemberWarnings({ flowStartedOn: f.startedOn, hasFixedPlace: f.hasFixedPlace, lastContactOn }, today, settings),
      };
    }),
    letters: letters.map((l) => ({ ...l, warnings: letterWarnings(l, today) })),
  };
}

export async function startFlow(db: Db, { user, ip }: Caller, id: number, input: CreateFlow) {
  await db.transaction(async (tx) => {
    const row = await managed(tx, user, id);
    if (await mobility.openFlow(tx, id)) throw new AppError('CONFLICT', '该党员已有未结束的流动登记,请先结束后再登记');
    const flowId = await mobility.insertFlow(tx, { tenantId: user.tenantId, memberId: id, ...input });
    await addEvent(tx, user, id, row.organizationId, input.direction === 'outflow' ? 'flowed_out' : 'flowed_in', input.startedOn, input.destination, 'startedOn');
    await audit(tx, { user, ip }, { action: 'member.flow.start', objectType: 'member', objectId: id, detail: { flowId } });
  });
  return getMobility(db, user, id);
}

export async function recordContact(db: Db, { user, ip }: Caller, id: number, flowId: number, input: FlowContact) {
  await db.transaction(async (tx) => {
    await managed(tx, user, id);
    const flow = await mobility.findFlow(tx, id, flowId);
    if (!flow) throw notFound('流动登记');
    if (input.contactedOn < flow.startedOn || input.contactedOn > todayInShanghai()) throw invalid('contactedOn', '联系日期应在流动开始之后、今天之前');
    await mobility.insertContact(tx, { tenantId: user.tenantId, flowId, ...input, recordedBy: user.id });
    await audit(tx, { user, ip }, { action: 'member.flow.contact', objectType: 'member', objectId: id, detail: { flowId, method: input.method } });
  });
  return getMobility(db, user, id);
}

export async function endFlow(db: Db, { user, ip }: Caller, id: number, flowId: number, endedOn: string) {
  await db.transaction(async (tx) => {
    const row = await managed(tx, user, id);
    const flow = await mobility.findFlow(tx, id, flowId);
    if (!flow) throw notFound('流动登记');
    if (flow.endedOn) throw new AppError('CONFLICT', '该流动登记已结束');
    if (endedOn < flow.startedOn) throw invalid('endedOn', '结束日期不能早于流动开始日期');
    await mobility.endFlow(tx, flowId, endedOn);
    await addEvent(tx, user, id, row.organizationId, 'flow_ended', endedOn, null, 'endedOn');
    await audit(tx, { user, ip }, { action: 'member.flow.end', objectType: 'member', objectId: id, detail: { flowId } });
  });
  return getMobility(db, user, id);
}

/** A transfer out of the deployment: the 介绍信 record and the transferred_out event, together. */
export async function issueLetter(db: Db, { user, ip }: Caller, id: number, input: CreateLetter) {
  await db.transaction(async (tx) => {
    const row = await managed(tx, user, id);
    if (await mobility.letterNoTaken(tx, user.tenantId, input.letterNo)) throw invalid('letterNo', `介绍信编号“${input.letterNo}”已使用`);
    const validDays = input.validDays ?? (await settingValue(tx, user.tenantId, 'transfer.letterValidDays'));
    await mobility.insertLetter(tx, { tenantId: user.tenantId, memberId: id, letterNo: input.letterNo, destination: input.destination, issuedOn: input.issuedOn, validDays, recordedBy: user.id });
    await addEvent(tx, user, id, row.organizationId, 'transferred_out', input.issuedOn, `开具介绍信 ${input.letterNo},转往${input.destination}`, 'issuedOn');
    await audit(tx, { user, ip }, { action: 'member.letter.issue', objectType: 'member', objectId: id, detail: { letterNo: input.letterNo } });
  });
  return getMobility(db, user, id);
}

export async function returnReceipt(db: Db, { user, ip }: Caller, id: number, letterId: number, receiptReturnedOn: string) {
  await db.transaction(async (tx) => {
    await managed(tx, user, id);
    const letter = await mobility.findLetter(tx, id, letterId);
    if (!letter) throw notFound('介绍信');
    if (receiptReturnedOn < letter.issuedOn) throw invalid('receiptReturnedOn', '回执日期不能早于开具日期');
    await mobility.setReceipt(tx, letterId, receiptReturnedOn);
    await audit(tx, { user, ip }, { action: 'member.letter.receipt', objectType: 'member', objectId: id, detail: { letterId } });
  });
  return getMobility(db, user, id);
}

const CONFIRMATION_RULE = '《中国共产党发展党员工作细则》第三十二条';

/**
 * 转正 on the to-do list: due within 30 days, or overdue once the 预备期 has ended without a decision — a 预备期 that
 * ended in September is overdue in December, not "将满".
 */
export function confirmationTask(m: { id: number; name: string; organizationName: string; probationEndsOn: string | null }, today: string): Task {
  const base = { memberId: m.id, memberName: m.name, organizationName: m.organizationName, rule: CONFIRMATION_RULE, link: `/members/${m.id}`, dueOn: m.probationEndsOn };
  if (m.probationEndsOn !== null && m.probationEndsOn < today) {
    return { ...base, kind: 'CONFIRMATION_LATE', overdue: true, message: `预备期已于${m.probationEndsOn}届满,尚未讨论转正,已逾期${daysBetween(m.probationEndsOn, today)}天` };
  }
  return { ...base, kind: 'CONFIRMATION_DUE', overdue: false, message: `预备期将于${m.probationEndsOn ?? '近期'}届满,应及时讨论转正` };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The members' part of the to-do list (modules/tasks): transfers due, members out of contact, receipts overdue, 转正 coming up or late. */
export async function memberTasks(db: DbOrTx, user: AuthUser, under: repo.MemberFilter['under']): Promise<Task[]> {
  const today = todayInShanghai();
  const settings = await flowSettings(db, user.tenantId);
  const items: Task[] = [];
  for (const f of await mobility.openFlowsInScope(db, user.scope, under?.path)) {
    if (f.direction !== 'outflow') continue;
    for (const w of mobileMemberWarnings({ flowStartedOn: f.startedOn, hasFixedPlace: f.hasFixedPlace, lastContactOn: f.lastContactOn }, today, settings)) {
      // Both are past their day once warned: the transfer from N months away, 失联 from N months without contact.
      const dueOn = w.code === 'TRANSFER_DUE' ? addMonths(f.startedOn, settings.transferDueMonths) : addMonths(f.lastContactOn ?? f.startedOn, settings.unreachableMonths);
      items.push({ kind: w.code, memberId: f.memberId, memberName: f.memberName, organizationName: f.organizationName, message: w.message, rule: w.rule, link: `/members/${f.memberId}`, dueOn, overdue: true });
    }
  }
  for (const l of await mobility.openLettersInScope(db, user.scope, under?.path)) {
    for (const w of letterWarnings({ ...l, receiptReturnedOn: null }, today)) {
      items.push({
        kind: w.code, memberId: l.memberId, memberName: l.memberName, organizationName: l.organizationName, message: `介绍信${l.letterNo}:${w.message}`, rule: null,
        link: `/members/${l.memberId}`, dueOn: addDays(l.issuedOn, l.validDays), overdue: true,
      });
    }
  }
  const due = await repo.namesOf(db, user.scope, { under, range: 'subtree', filter: 'confirmation_due', today }, 100);
  for (const m of due) items.push(confirmationTask(m, today));
  return items;
}
