/**
 * 在外人才 (issue 15 point 7): people of a village working elsewhere, the contact log and the return (回流). A village's
 * secretary keeps their own village's; the town keeps all. Contact dues come from talent.awayContactMonths.
 */
import {
  AwayContactInputSchema, AwayHandoverInputSchema, AwayListQuerySchema, AwayReturnInputSchema, CreateAwayTalentSchema, UpdateAwayTalentSchema, todayInShanghai,
  type AwayContactInput, type AwayHandoverInput, type AwayList, type AwayListQuery, type AwayReturnInput, type AwayTalent,
  type AwayTalentDetail, type CreateAwayTalent, type UpdateAwayTalent,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  audit, can, loadWritableBranch, optionalOrganizationInScope, requirePermission, isSelfOnly, type AuthUser, type Caller,
} from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { guardReveal } from '../auth/index.js';
import { findPersonByIdHash, insertPerson, sealNewPersonField } from '../members/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './away-repository.js';
import { liaisonsOf } from './away-liaison-repository.js';

export const contactMonthsOf = (db: DbOrTx, tenantId: number) => settingValue(db, tenantId, 'talent.awayContactMonths');

export function toTalent(r: repo.AwayRow, today: string): AwayTalent {
  const { organizationPath: _p, idNumberMasked: _i, flowId, flowDestination, flowStartedOn, ...rest } = r;
  return {
    ...rest, isMember: r.memberId !== null,
    flow: flowId ? { id: flowId, destination: flowDestination ?? '', startedOn: flowStartedOn ?? '' } : null,
    overdue: r.contactDueOn !== null && r.contactDueOn < today,
  };
}

export async function listAway(db: Db, user: AuthUser, raw: AwayListQuery): Promise<AwayList> {
  const q = AwayListQuerySchema.parse(raw);
  const under = await optionalOrganizationInScope(db, user, q.orgId);
  requirePermission(user, 'talentAway.read');
  const today = todayInShanghai();
  const f = { ...q, under: under?.path, today, months: await contactMonthsOf(db, user.tenantId), warnDays: await settingValue(db, user.tenantId, 'talent.awayContactWarnDays') };
  const rows = await repo.listAway(db, user.scope, f, q.page, q.pageSize);
  return {
    items: rows.map(({ total: _, ...r }) => toTalent(r, today)), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize,
    counts: await repo.countAway(db, user.scope, f), contactMonths: f.months,
    can: { record: can(user, 'talentAway.record', under?.path) },
  };
}

/** One person away in the caller's sight, or 404 (a plain 党员 sees none). */
async function loadAway(db: DbOrTx, user: AuthUser, id: number) {
  const row = isSelfOnly(user) ? undefined : await repo.findAway(db, user.scope, id, await contactMonthsOf(db, user.tenantId));
  if (!row) throw notFound('在外人员');
  return row;
}

export async function getAway(db: DbOrTx, user: AuthUser, id: number): Promise<AwayTalentDetail> {
  const row = await loadAway(db, user, id);
  requirePermission(user, 'talentAway.read', undefined, row.organizationPath);
  return {
    talent: toTalent(row, todayInShanghai()), idNumberMasked: row.idNumberMasked,
    contacts: await repo.contactsOf(db, row.id, row.flowId),
    liaisons: await liaisonsOf(db, user.scope, row.id),
    can: { record: can(user, 'talentAway.record', row.organizationPath) },
  };
}

async function personFor(tx: DbOrTx, caller: Caller, branchId: number, input: ReturnType<typeof CreateAwayTalentSchema.parse>) {
  if (input.personId) {
    if (!(await repo.isVillagePerson(tx, branchId, input.personId))) throw invalid('personId', '所选人员不是本村党员,也未在本村登记过');
    return input.personId;
  }
  const p = input.newPerson!;
  const sealed = sealNewPersonField(caller.cipher, p);
  const existing = await findPersonByIdHash(tx, caller.user.tenantId, sealed.idNumberHash);
  if (existing) throw invalid('newPerson.idNumber', existing.memberId ? '此人已在党员名册中,请从本村人员中选择' : '此人已登记,请从本村人员中选择');
  return insertPerson(tx, { tenantId: caller.user.tenantId, ...sealed });
}

export async function createAway(db: Db, caller: Caller, body: CreateAwayTalent): Promise<AwayTalentDetail> {
  const input = CreateAwayTalentSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, caller.user, input.organizationId, 'talentAway.record');
    if (!branch.villageId) throw notFound('村党支部');
    const personId = await personFor(tx, caller, branch.id, input);
    const { organizationId: _o, personId: _p, newPerson: _n, ...fields } = input;
    const id = await repo.insertAway(tx, {
      ...fields, leftOn: fields.leftOn ?? null, tenantId: caller.user.tenantId, organizationId: branch.id, personId,
      registeredOn: todayInShanghai(), createdBy: caller.user.id,
    });
    if (!id) throw invalid('personId', '此人已登记为在外人员(尚未回流)');
    await audit(tx, caller, { action: 'talentAway.create', objectType: 'away_talent', objectId: id, detail: { organizationId: branch.id, personId } });
    return getAway(tx, caller.user, id);
  });
}

/** A write on one person away: in sight (404), then the permission at their village (403). */
async function writable(tx: DbOrTx, user: AuthUser, id: number) {
  const row = await loadAway(tx, user, id);
  requirePermission(user, 'talentAway.record', undefined, row.organizationPath);
  return row;
}

/** Where and what change while away (a returnee's record is history and stays as it was). */
export async function updateAway(db: Db, caller: Caller, id: number, body: UpdateAwayTalent): Promise<AwayTalentDetail> {
  // Only the fields sent: an absent one is left as it was; an empty text clears it.
  const input = Object.fromEntries(Object.entries(UpdateAwayTalentSchema.parse(body)).filter(([, v]) => v !== undefined).map(([k, v]) => [k, v === '' ? null : v]));
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    if (row.returnedOn) throw invalid('place', '已回流人员的在外记录不再修改');
    await repo.updateAway(tx, row.id, input);
    await audit(tx, caller, { action: 'talentAway.update', objectType: 'away_talent', objectId: row.id, detail: { fields: Object.keys(input) } });
    return getAway(tx, caller.user, row.id);
  });
}

export async function addContact(db: Db, caller: Caller, id: number, body: AwayContactInput): Promise<AwayTalentDetail> {
  const input = AwayContactInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    if (row.leftOn && input.contactedOn < row.leftOn) throw invalid('contactedOn', `联系日期不能早于外出时间(${row.leftOn})`);
    const contactId = await repo.insertContact(tx, {
      ...input, tenantId: caller.user.tenantId, organizationId: row.organizationId, awayTalentId: row.id, recordedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'talentAway.contact', objectType: 'away_talent', objectId: row.id, detail: { contactId, method: input.method, contactedOn: input.contactedOn } });
    return getAway(tx, caller.user, row.id);
  });
}

export async function recordReturn(db: Db, caller: Caller, id: number, body: AwayReturnInput): Promise<AwayTalentDetail> {
  const input = AwayReturnInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    if (row.returnedOn) throw invalid('returnedOn', `已于${row.returnedOn}登记回流`);
    if (row.leftOn && input.returnedOn < row.leftOn) throw invalid('returnedOn', `回流日期不能早于外出时间(${row.leftOn})`);
    await repo.updateAway(tx, row.id, { returnedOn: input.returnedOn, returnPurpose: input.purpose, returnSupport: input.support ?? null });
    await audit(tx, caller, { action: 'talentAway.return', objectType: 'away_talent', objectId: row.id, detail: { returnedOn: input.returnedOn } });
    return getAway(tx, caller.user, row.id);
  });
}

export async function recordHandover(db: Db, caller: Caller, id: number, body: AwayHandoverInput): Promise<AwayTalentDetail> {
  const input = AwayHandoverInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    if (!row.returnedOn) throw invalid('handedOn', '回流后才能移交人才库');
    if (row.handedOn) throw invalid('handedOn', `已于${row.handedOn}移交人才库`);
    if (input.handedOn < row.returnedOn) throw invalid('handedOn', `移交日期不能早于回流日期(${row.returnedOn})`);
    await repo.updateAway(tx, row.id, { handedOn: input.handedOn, handedNote: input.note ?? null });
    await audit(tx, caller, { action: 'talentAway.handover', objectType: 'away_talent', objectId: row.id, detail: { handedOn: input.handedOn } });
    return getAway(tx, caller.user, row.id);
  });
}

/** The full phone of a person away: the village's writers only, stepped up, every try audited (as a member's). */
export async function revealPhone(db: Db, caller: Caller, id: number, reason: string) {
  const entry = { action: 'talentAway.reveal', objectType: 'away_talent', objectId: id } as const;
  const row = await loadAway(db, caller.user, id);
  await guardReveal(db, caller, entry, 'phone', { allowed: can(caller.user, 'talentAway.record', row.organizationPath), denied: '只有镇党委管理员和本村党支部书记可以查看完整号码' });
  return db.transaction(async (tx) => {
    const enc = await repo.sealedPhoneOf(tx, row.personId);
    await audit(tx, caller, { ...entry, detail: { field: 'phone', reason } });
    return { value: enc ? caller.cipher.decrypt(enc) : null };
  });
}

/** The people a village's form may name: its members on the roster not already away. */
export async function candidatesOf(db: Db, user: AuthUser, orgId: number) {
  const branch = await loadWritableBranch(db, user, orgId, 'talentAway.record');
  return repo.villageCandidates(db, branch.id);
}
