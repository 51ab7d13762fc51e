/**
 * 后备人才 递进培养计划 (issue 15 point 4): a village's reserves, each moved stage by stage (储备 → 培养 → 锻炼/挂职 →
 * 可任用) with dated moves, a mentor among the village's cadres, an evaluation per half-year, and leaving by 任用 or
 * 退出. The village's secretary and the town write (reserves.manage); every write and its history line share a transaction.
 */
import {
  AddReserveSchema, LeaveReserveSchema, MoveReserveSchema, RESERVE_STAGE_LABELS, ReserveEvaluationInputSchema, ReserveMentorSchema, addMonths, isStepBack,
  type AddReserve, type LeaveReserve, type MoveReserve, type Reserve, type ReserveEvaluationInput, type ReserveMentor, type VillageReserves,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadBranchInScope, loadWritableBranch, requirePermission, type AuthUser, type Caller, type Permission } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { findPersonByIdHash, insertPerson, sealNewPersonField } from '../members/index.js';
import { latestRecruitmentsOf } from '../recruitment/index.js';
import { settingValues } from '../settings/index.js';
import * as repo from './repository.js';
import * as reserves from './reserve-repository.js';
import { villageOnly } from './service.js';
import { groupedBy } from '../../lib/group.js';

type Branch = { id: number; name: string; path: string; villageId: number | null };

export async function reserveSettings(db: DbOrTx, tenantId: number) {
  const v = await settingValues(db, tenantId, ['reserves.perVillage', 'reserves.evaluationMonths', 'reminder.dueSoonDays']);
  return { target: v['reserves.perVillage'], months: v['reserves.evaluationMonths'], dueSoonDays: v['reminder.dueSoonDays'] };
}

/** The reserves of some villages with their moves, evaluations and 发展党员 links (shared by the page and the roster). */
export async function reservesWithHistory(db: DbOrTx, organizationIds: readonly number[], months: number): Promise<Reserve[]> {
  const rows = await reserves.reservesOf(db, organizationIds);
  const ids = rows.map((r) => r.id);
  const movesOf = groupedBy(await reserves.movesOf(db, ids), (m) => m.candidateId);
  const evaluationsOf = groupedBy(await reserves.evaluationsOf(db, ids), (e) => e.candidateId);
  const links = await latestRecruitmentsOf(db, rows.filter((r) => !r.isMember).map((r) => r.personId));
  return rows.map(({ lastEvaluatedOn, ...r }) => ({
    ...r,
    recruitment: r.isMember ? null : links.get(r.personId) ?? null,
    evaluationDueOn: r.status === 'active' ? addMonths(lastEvaluatedOn ?? r.enteredOn, months) : null,
    moves: (movesOf.get(r.id) ?? []).map(({ candidateId: _, ...m }) => m),
    evaluations: (evaluationsOf.get(r.id) ?? []).map(({ candidateId: _, ...e }) => e),
  }));
}

async function view(db: DbOrTx, user: AuthUser, branch: Branch): Promise<VillageReserves> {
  const edit = can(user, 'reserves.manage', branch.path);
  const settings = await reserveSettings(db, user.tenantId);
  const list = await reservesWithHistory(db, [branch.id], settings.months);
  return {
    organizationId: branch.id, name: branch.name, reserves: list, target: settings.target, active: list.filter((r) => r.status === 'active').length,
    candidates: edit ? await reserves.candidatesOf(db, branch.id) : [],
    mentors: edit ? (await repo.currentHoldings(db, branch.id)).map((h) => ({ cadrePostId: h.id, personId: h.personId, name: h.name, post: h.post })) : [],
    can: { edit },
  };
}

export async function getVillageReserves(db: Db, user: AuthUser, orgId: number): Promise<VillageReserves> {
  const branch = villageOnly(await loadBranchInScope(db, user, orgId));
  requirePermission(user, 'cadres.read', undefined, branch.path);
  return view(db, user, branch);
}

/** A reserve in the caller's scope that they may write, or 404 (outside the scope) / 403 (no permission). */
async function loadReserve(tx: DbOrTx, user: AuthUser, id: number, permission: Permission) {
  const row = isSelfOnly(user) ? undefined : await reserves.findReserve(tx, user.scope, id);
  if (!row) throw notFound('后备人才');
  requirePermission(user, permission, undefined, row.path);
  return row;
}

async function loadActive(tx: DbOrTx, user: AuthUser, id: number) {
  const row = await loadReserve(tx, user, id, 'reserves.manage');
  if (row.status !== 'active') throw invalid('id', '此人已离开后备人才队伍(已任用或已退出)');
  return row;
}

async function branchOf(tx: DbOrTx, user: AuthUser, organizationId: number): Promise<Branch> {
  return villageOnly(await loadBranchInScope(tx, user, organizationId));
}

/** The mentor must hold a post of the same village today. */
async function checkMentor(tx: DbOrTx, organizationId: number, mentorPostId: number | null | undefined) {
  if (!mentorPostId) return null;
  const held = await repo.findHolding(tx, organizationId, mentorPostId);
  if (!held || held.endedOn) throw invalid('mentorPostId', '培养联系人应为本村现任村干部');
  return held.id;
}

async function personFor(tx: DbOrTx, caller: Caller, branchId: number, input: ReturnType<typeof AddReserveSchema.parse>): Promise<number> {
  if (input.personId) {
    if (!(await reserves.candidatesOf(tx, branchId)).some((c) => c.personId === input.personId)) {
      throw invalid('personId', '所选人员不是本村党员、村干部或发展对象,请登记为新人员');
    }
    return input.personId;
  }
  const p = input.newPerson!;
  const sealed = sealNewPersonField(caller.cipher, p);
  // The ID number alone decides, and is never echoed: a known person is chosen from the list, not entered twice.
  if (await findPersonByIdHash(tx, caller.user.tenantId, sealed.idNumberHash)) throw invalid('newPerson.idNumber', '此人已登记,请从人员列表中选择(本村以外的人员请由镇党委办理)');
  return insertPerson(tx, { tenantId: caller.user.tenantId, ...sealed });
}

export async function addReserve(db: Db, caller: Caller, orgId: number, body: AddReserve): Promise<VillageReserves> {
  const input = AddReserveSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = villageOnly(await loadWritableBranch(tx, caller.user, orgId, 'reserves.manage'));
    const personId = await personFor(tx, caller, branch.id, input);
    const mentorPostId = await checkMentor(tx, branch.id, input.mentorPostId);
    const base = { tenantId: caller.user.tenantId, organizationId: branch.id, createdBy: caller.user.id };
    const id = await reserves.insertReserve(tx, {
      ...base, personId, source: input.source, sourceNote: input.sourceNote, stage: 'reserve', stageSince: input.enteredOn, enteredOn: input.enteredOn, mentorPostId,
    });
    if (!id) throw invalid('personId', '此人已在后备人才队伍中');
    await reserves.insertMove(tx, { ...base, candidateId: id, kind: 'enter', toStage: 'reserve', mentorPostId, occurredOn: input.enteredOn, reason: input.sourceNote });
    await audit(tx, caller, { action: 'reserves.add', objectType: 'reserve_candidate', objectId: id, detail: { organizationId: branch.id, personId, source: input.source } });
    return view(tx, caller.user, branch);
  });
}

function notBefore(occurredOn: string, since: string, what: string) {
  if (occurredOn < since) throw invalid('occurredOn', `日期不能早于${what}(${since})`);
}

/** A stage move: forward freely (a step may be skipped), back only with the reason. */
export async function moveReserve(db: Db, caller: Caller, id: number, body: MoveReserve): Promise<VillageReserves> {
  const input = MoveReserveSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await loadActive(tx, caller.user, id);
    if (input.toStage === row.stage) throw invalid('toStage', `已处于“${RESERVE_STAGE_LABELS[row.stage]}”阶段`);
    const back = isStepBack(row.stage, input.toStage);
    if (back && (input.reason ?? '').length < 2) throw invalid('reason', '退回前一阶段须说明原因(至少2个字)');
    notBefore(input.occurredOn, row.stageSince, '进入当前阶段的日期');
    await reserves.updateReserve(tx, id, { stage: input.toStage, stageSince: input.occurredOn });
    await reserves.insertMove(tx, {
      tenantId: caller.user.tenantId, organizationId: row.organizationId, candidateId: id, kind: back ? 'back' : 'advance',
      fromStage: row.stage, toStage: input.toStage, occurredOn: input.occurredOn, reason: input.reason, createdBy: caller.user.id,
    });
    await audit(tx, caller, { action: `reserves.${back ? 'back' : 'advance'}`, objectType: 'reserve_candidate', objectId: id, detail: { from: row.stage, to: input.toStage, occurredOn: input.occurredOn } });
    return view(tx, caller.user, await branchOf(tx, caller.user, row.organizationId));
  });
}

export async function setMentor(db: Db, caller: Caller, id: number, body: ReserveMentor): Promise<VillageReserves> {
  const input = ReserveMentorSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await loadActive(tx, caller.user, id);
    const mentorPostId = await checkMentor(tx, row.organizationId, input.mentorPostId);
    if (mentorPostId === row.mentorPostId) throw invalid('mentorPostId', '培养联系人没有变化');
    notBefore(input.occurredOn, row.enteredOn, '列入日期');
    await reserves.updateReserve(tx, id, { mentorPostId });
    await reserves.insertMove(tx, {
      tenantId: caller.user.tenantId, organizationId: row.organizationId, candidateId: id, kind: 'mentor', mentorPostId,
      occurredOn: input.occurredOn, reason: input.reason, createdBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'reserves.mentor', objectType: 'reserve_candidate', objectId: id, detail: { mentorPostId } });
    return view(tx, caller.user, await branchOf(tx, caller.user, row.organizationId));
  });
}

export async function evaluateReserve(db: Db, caller: Caller, id: number, body: ReserveEvaluationInput): Promise<VillageReserves> {
  const input = ReserveEvaluationInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await loadActive(tx, caller.user, id);
    notBefore(input.evaluatedOn, row.enteredOn, '列入日期');
    const evaluationId = await reserves.insertEvaluation(tx, { ...input, tenantId: caller.user.tenantId, organizationId: row.organizationId, candidateId: id, createdBy: caller.user.id });
    if (!evaluationId) throw invalid('period', '该期次已考评');
    await audit(tx, caller, { action: 'reserves.evaluate', objectType: 'reserve_candidate', objectId: id, detail: { evaluationId, period: input.period, result: input.result } });
    return view(tx, caller.user, await branchOf(tx, caller.user, row.organizationId));
  });
}

/** 任用 (the post is recorded first on the 干部 page, held today by this person in this village) or 退出 with its reason. */
export async function leaveReserve(db: Db, caller: Caller, id: number, body: LeaveReserve): Promise<VillageReserves> {
  const input = LeaveReserveSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await loadActive(tx, caller.user, id);
    notBefore(input.occurredOn, row.stageSince, '进入当前阶段的日期');
    let post = null;
    if (input.outcome === 'appointed') {
      const held = await repo.findHolding(tx, row.organizationId, input.cadrePostId!);
      if (!held || held.endedOn || held.personId !== row.personId) throw invalid('cadrePostId', '请先在村干部页登记此人的任职,再选择所任职务');
      post = held;
    }
    await reserves.updateReserve(tx, id, {
      status: input.outcome, leftOn: input.occurredOn, leftReason: input.reason, appointedPostId: post?.id ?? null, appointedPost: post?.post ?? null,
    });
    await reserves.insertMove(tx, {
      tenantId: caller.user.tenantId, organizationId: row.organizationId, candidateId: id, kind: input.outcome === 'appointed' ? 'appoint' : 'exit',
      fromStage: row.stage, occurredOn: input.occurredOn, reason: input.reason, createdBy: caller.user.id,
    });
    await audit(tx, caller, { action: `reserves.${input.outcome}`, objectType: 'reserve_candidate', objectId: id, detail: { occurredOn: input.occurredOn, cadrePostId: post?.id ?? null } });
    return view(tx, caller.user, await branchOf(tx, caller.user, row.organizationId));
  });
}
