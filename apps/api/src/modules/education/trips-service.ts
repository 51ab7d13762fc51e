/**
 * 对标学习 (issue 19 point 4): trips of 镇村干部 to a benchmark town, their participants' 心得 and the follow-up actions
 * that go on their owners' 待办. The organiser (trips.manage at the trip's organisation: the town, or a village's
 * secretary for their own) keeps the trip; a unit's writer, or the participant or owner themself, writes their row.
 * Records outside the scope answer 404 before any permission is asked (403).
 */
import {
  TripActionCreateSchema, TripActionUpdateSchema, TripCreateSchema, TripParticipantInputSchema, TripTakeawaySchema, TripUpdateSchema,
  todayInShanghai, tripActionState,
  type TripActionCreate, type TripActionUpdate, type TripCreate, type TripDetail, type TripList, type TripParticipantInput, type TripPeople,
  type TripSummary, type TripTakeaway, type TripUpdate,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadOrganizationInScope, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import * as repo from './trips-repository.js';

type Found = NonNullable<Awaited<ReturnType<typeof repo.findTrip>>>;
type Participant = Awaited<ReturnType<typeof repo.participantsOf>>[number];
type Action = Awaited<ReturnType<typeof repo.actionsOf>>[number];

/** A trip the caller sees (its organiser, or a participant or action of a unit, in scope), or 404. */
export async function loadTrip(db: DbOrTx, user: AuthUser, id: number): Promise<Found> {
  const row = isSelfOnly(user) ? undefined : await repo.findTrip(db, user.scope, id);
  if (!row) throw notFound('对标学习记录');
  return row;
}

/** An organisation in scope for a row of a trip, or 404; a plain 党员 names none (their scope is their own record). */
async function unitInScope(db: DbOrTx, user: AuthUser, id: number, what: string) {
  if (isSelfOnly(user)) throw notFound(what);
  return loadOrganizationInScope(db, user, id, what);
}

/** Loads the trip (404), then requires trips.manage at its organiser (403): the trip, its people and actions are the organiser's. */
async function organised(db: DbOrTx, user: AuthUser, id: number, message = '只有组织单位(镇党委管理员或本村党支部书记)可以修改该对标学习') {
  const trip = await loadTrip(db, user, id);
  requirePermission(user, 'trips.manage', message, trip.path);
  return trip;
}

function summaryOf(row: Omit<Found, 'note'>, participants: Participant[], actions: Action[], today: string): TripSummary {
  const { path: _path, ...rest } = row;
  const mine = actions.filter((x) => x.tripId === row.id);
  const open = mine.filter((x) => !x.doneOn);
  return {
    ...rest, participants: participants.filter((p) => p.tripId === row.id).length, actions: mine.length,
    actionsOpen: open.length, actionsOverdue: open.filter((x) => tripActionState(x, today) === 'overdue').length,
  };
}

export async function listTrips(db: Db, user: AuthUser, orgId?: number): Promise<TripList> {
  const under = await optionalOrganizationInScope(db, user, orgId);
  requirePermission(user, 'trips.read');
  const rows = await repo.tripsIn(db, user.scope, under?.path);
  const ids = rows.map((r) => r.id);
  const [participants, actions] = await Promise.all([repo.participantsOf(db, user.scope, ids), repo.actionsOf(db, user.scope, ids)]);
  const today = todayInShanghai();
  return { items: rows.map((r) => summaryOf(r, participants, actions, today)), organizers: await organizersOf(db, user) };
}

/** The organisations the caller may organise a trip for: the roots of their scope where they hold trips.manage. */
async function organizersOf(db: DbOrTx, user: AuthUser) {
  return user.scopeRoots.filter((r) => can(user, 'trips.manage', r.path)).map((r) => ({ id: r.organizationId, name: r.name }));
}

export async function tripPeople(db: Db, user: AuthUser): Promise<TripPeople> {
  requirePermission(user, 'trips.read');
  const rows = await repo.peopleIn(db, user.scope);
  return { items: rows.map(({ path: _p, ...r }) => r) };
}

export async function viewTrip(db: DbOrTx, user: AuthUser, trip: Found): Promise<TripDetail> {
  const today = todayInShanghai();
  const [participants, actions] = await Promise.all([repo.participantsOf(db, user.scope, [trip.id]), repo.actionsOf(db, user.scope, [trip.id])]);
  const { note, ...row } = trip;
  return {
    ...summaryOf(row, participants, actions, today), note,
    participantList: participants.map(({ tripId: _t, path, ...p }) => ({ ...p, can: { writeTakeaway: mayWriteTakeaway(user, { path, userId: p.userId }) } })),
    actionList: actions.map(({ tripId: _t, path, ...x }) => ({ ...x, state: tripActionState(x, today), can: { update: mayUpdateAction(user, { path, ownerUserId: x.ownerUserId }) } })),
    can: { edit: can(user, 'trips.manage', trip.path) },
  };
}

export async function getTrip(db: Db, user: AuthUser, id: number): Promise<TripDetail> {
  const trip = await loadTrip(db, user, id);
  requirePermission(user, 'trips.read');
  return viewTrip(db, user, trip);
}

export async function createTrip(db: Db, caller: Caller, body: TripCreate): Promise<TripDetail> {
  const { organizationId, ...fields } = TripCreateSchema.parse(body);
  return db.transaction(async (tx) => {
    const org = await unitInScope(tx, caller.user, organizationId, '组织单位');
    requirePermission(caller.user, 'trips.manage', '只有镇党委管理员和本村党支部书记可以登记对标学习', org.path);
    const id = await repo.insertTrip(tx, { ...fields, tenantId: caller.user.tenantId, organizationId, createdBy: caller.user.id });
    await audit(tx, caller, { action: 'education.trip.create', objectType: 'education_trip', objectId: id, detail: { organizationId, ...fields } });
    return viewTrip(tx, caller.user, await loadTrip(tx, caller.user, id));
  });
}

export async function updateTrip(db: Db, caller: Caller, id: number, body: TripUpdate): Promise<TripDetail> {
  const fields = TripUpdateSchema.parse(body);
  return db.transaction(async (tx) => {
    const trip = await organised(tx, caller.user, id);
    await repo.updateTrip(tx, id, fields);
    const before = { title: trip.title, destination: trip.destination, startsOn: trip.startsOn, endsOn: trip.endsOn, topics: trip.topics };
    await audit(tx, caller, { action: 'education.trip.update', objectType: 'education_trip', objectId: id, detail: { organizationId: trip.organizationId, before, after: fields } });
    return viewTrip(tx, caller.user, await loadTrip(tx, caller.user, id));
  });
}

/**
 * A unit named on a trip's row: in the caller's scope (404) and inside the organiser's subtree (a village's trip takes
 * its own people only).
 */
async function unitOf(tx: DbOrTx, user: AuthUser, trip: Found, organizationId: number, field: string, what: string) {
  const org = await unitInScope(tx, user, organizationId, what);
  if (!org.path.startsWith(trip.path)) throw invalid(field, `${what}须为${trip.organizationName}或其下级党组织`);
  return org;
}

/** An account named on a row must be a cadre (not a plain 党员) who sees the unit: else 400 naming the field. */
async function cadreAt(tx: DbOrTx, user: AuthUser, userId: number, unitPath: string, field: string, what: string) {
  const held = await repo.cadrePathsOf(tx, user.tenantId, userId);
  if (!held.name || !held.paths.some((p) => unitPath.startsWith(p))) throw invalid(field, `${what}须为该单位的镇村干部账号`);
  return held.name;
}

export async function addParticipant(db: Db, caller: Caller, id: number, body: TripParticipantInput): Promise<TripDetail> {
  const input = TripParticipantInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const trip = await organised(tx, caller.user, id);
    const unit = await unitOf(tx, caller.user, trip, input.organizationId, 'organizationId', '所在单位');
    const name = input.userId ? await cadreAt(tx, caller.user, input.userId, unit.path, 'userId', '参加人员') : (input.name as string);
    const row = { tenantId: caller.user.tenantId, organizationId: unit.id, tripId: id, userId: input.userId, name, post: input.post };
    const participantId = await repo.insertParticipant(tx, row);
    await audit(tx, caller, { action: 'education.trip.participant.add', objectType: 'education_trip', objectId: id, detail: { participantId, ...row } });
    return viewTrip(tx, caller.user, trip);
  });
}

async function participantIn(tx: DbOrTx, user: AuthUser, trip: Found, participantId: number) {
  const row = (await repo.participantsOf(tx, user.scope, [trip.id])).find((p) => p.id === participantId);
  if (!row) throw notFound('参加人员');
  return row;
}

export async function removeParticipant(db: Db, caller: Caller, id: number, participantId: number): Promise<TripDetail> {
  return db.transaction(async (tx) => {
    const trip = await organised(tx, caller.user, id);
    const row = await participantIn(tx, caller.user, trip, participantId);
    await repo.deleteParticipant(tx, id, participantId);
    await audit(tx, caller, { action: 'education.trip.participant.remove', objectType: 'education_trip', objectId: id, detail: { participantId, name: row.name, takeaway: row.takeaway } });
    return viewTrip(tx, caller.user, trip);
  });
}

/** 心得: the unit's writer (the organiser included, its subtree holding the unit), or the participant themself. */
function mayWriteTakeaway(user: AuthUser, p: { path: string; userId: number | null }) {
  return can(user, 'trips.manage', p.path) || p.userId === user.id;
}

export async function writeTakeaway(db: Db, caller: Caller, id: number, participantId: number, body: TripTakeaway): Promise<TripDetail> {
  const { takeaway } = TripTakeawaySchema.parse(body);
  return db.transaction(async (tx) => {
    const trip = await loadTrip(tx, caller.user, id);
    requirePermission(caller.user, 'trips.read');
    const row = await participantIn(tx, caller.user, trip, participantId);
    if (!mayWriteTakeaway(caller.user, row)) throw forbidden('学习心得由本人或其所在单位的党组织书记、镇党委管理员填写');
    await repo.setTakeaway(tx, participantId, takeaway, caller.user.id);
    await audit(tx, caller, { action: 'education.trip.takeaway', objectType: 'education_trip', objectId: id, detail: { participantId, before: row.takeaway, after: takeaway } });
    return viewTrip(tx, caller.user, trip);
  });
}

export async function addAction(db: Db, caller: Caller, id: number, body: TripActionCreate): Promise<TripDetail> {
  const input = TripActionCreateSchema.parse(body);
  return db.transaction(async (tx) => {
    const trip = await organised(tx, caller.user, id);
    const unit = await unitOf(tx, caller.user, trip, input.organizationId, 'organizationId', '责任单位');
    await cadreAt(tx, caller.user, input.ownerUserId, unit.path, 'ownerUserId', '责任人');
    const row = { tenantId: caller.user.tenantId, tripId: id, ...input, createdBy: caller.user.id };
    const actionId = await repo.insertAction(tx, row);
    await audit(tx, caller, { action: 'education.trip.action.create', objectType: 'education_trip', objectId: id, detail: { actionId, ...input } });
    return viewTrip(tx, caller.user, trip);
  });
}

/** An action is updated (done, reopened, a new due date) by its unit's writer or by its owner. */
function mayUpdateAction(user: AuthUser, x: { path: string; ownerUserId: number }) {
  return can(user, 'trips.manage', x.path) || x.ownerUserId === user.id;
}

export async function updateAction(db: Db, caller: Caller, id: number, actionId: number, body: TripActionUpdate): Promise<TripDetail> {
  const input = TripActionUpdateSchema.parse(body);
  if (input.doneOn && input.doneOn > todayInShanghai()) throw invalid('doneOn', '完成日期不能晚于今天');
  return db.transaction(async (tx) => {
    const trip = await loadTrip(tx, caller.user, id);
    requirePermission(caller.user, 'trips.read');
    const row = (await repo.actionsOf(tx, caller.user.scope, [id])).find((x) => x.id === actionId);
    if (!row) throw notFound('跟进事项');
    if (!mayUpdateAction(caller.user, row)) throw forbidden('跟进事项由责任人或其所在单位的党组织书记、镇党委管理员登记');
    await repo.updateAction(tx, actionId, input);
    const before = { dueOn: row.dueOn, doneOn: row.doneOn, doneNote: row.doneNote };
    await audit(tx, caller, { action: 'education.trip.action.update', objectType: 'education_trip', objectId: id, detail: { actionId, before, after: input } });
    return viewTrip(tx, caller.user, trip);
  });
}
