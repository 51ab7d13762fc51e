/**
 * 培训/学习 (issue 19 point 1): a session held by an organisation (the town's 党委 for a 集中轮训, a branch for its
 * study), its attendees with present/absent and the 学时 credited to each. Seen by the organisations in whose subtree
 * it was held and by those whose people attended; written by the holder (education.record at its path).
 */
import {
  AttendanceInputSchema, CreateTrainingSchema, TrainingInputSchema, TrainingListQuerySchema, trainingDateProblem,
  type AttendanceInput, type CreateTraining, type Training, type TrainingInput, type TrainingList,
} from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadOrganizationInScope, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { responsesOf } from './my-repository.js';
import { peopleUnder } from './people-repository.js';
import * as repo from './repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findSession>>>;

const summary = ({ organizationPath: _p, note: _n, ...r }: Row) => r;

export async function listSessions(db: Db, user: AuthUser, raw: z.input<typeof TrainingListQuerySchema>): Promise<TrainingList> {
  const query = TrainingListQuerySchema.parse(raw);
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  requirePermission(user, 'education.read');
  const rows = await repo.listSessions(db, user.scope, { underPath: under?.path, kind: query.kind, year: query.year });
  return { items: rows.map(summary), canRecord: can(user, 'education.record') };
}

/** A session the caller sees, or 404 (a plain 党员 sees none here: their own hours are on their own page). */
export async function loadSession(db: DbOrTx, user: AuthUser, id: number, lock = false): Promise<Row> {
  const row = isSelfOnly(user) ? undefined : await repo.findSession(db, user.scope, id, lock);
  if (!row) throw notFound('培训');
  return row;
}

export async function viewSession(db: DbOrTx, user: AuthUser, row: Row): Promise<Training> {
  const [attendees, files, responses] = await Promise.all([repo.attendeesOf(db, row.id), repo.filesOf(db, row.id), responsesOf(db, row.id)]);
  return {
    ...summary(row), note: row.note,
    attendeeList: attendees.map((x) => ({
      id: x.id, personId: x.personId, name: x.name, source: x.personId === null ? 'villager' : x.isMember ? 'member' : 'person',
      organizationName: x.personId === null ? null : x.organizationName, state: x.state, hoursCredited: x.hoursCredited,
    })),
    files: files.map((f) => ({ id: f.id, name: f.name, size: f.size, uploadedAt: f.uploadedAt.toISOString() })),
    responses,
    can: { edit: can(user, 'education.record', row.organizationPath) },
  };
}

export async function getSession(db: DbOrTx, user: AuthUser, id: number): Promise<Training> {
  const row = await loadSession(db, user, id);
  requirePermission(user, 'education.read');
  return viewSession(db, user, row);
}

/** A session the caller may write: visible (404 otherwise), then education.record at the holder's path (403). */
export async function writableSession(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  const row = await loadSession(db, user, id, true);
  requirePermission(user, 'education.record', undefined, row.organizationPath);
  return row;
}

function checkDates(input: { startsOn: string; endsOn: string; kind?: string }) {
  // 线上学习 sessions are made only by the import and the entry form (online-service.ts), one per branch, platform and month.
  if (input.kind === 'online_study') throw invalid('kind', '线上学习请用“导入线上学习”或“代为登记”,不在此登记');
  const problem = trainingDateProblem(input);
  if (problem) throw invalid(problem.field, problem.message);
}

/** The organiser: an organisation in scope (404) where the caller records (403); a 党小组 holds no sessions of its own. */
async function organiser(db: DbOrTx, user: AuthUser, orgId: number) {
  const org = await loadOrganizationInScope(db, user, orgId, '组织单位');
  requirePermission(user, 'education.record', undefined, org.path);
  if (org.kind === 'group') throw invalid('organizationId', '请选择党委或党支部作为组织单位,党小组的学习记在所属支部');
  return org;
}

export async function createSession(db: Db, caller: Caller, body: CreateTraining, options: { isDemo?: boolean; activityId?: number } = {}): Promise<Training> {
  const { organizationId, ...input } = CreateTrainingSchema.parse(body);
  checkDates(input);
  return db.transaction(async (tx) => {
    await organiser(tx, caller.user, organizationId);
    const id = await repo.insertSession(tx, {
      ...input, tenantId: caller.user.tenantId, organizationId, activityId: options.activityId ?? null, isDemo: options.isDemo ?? false, createdBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'education.session.create', objectType: 'training_session', objectId: id, detail: { organizationId, ...input, activityId: options.activityId ?? null } });
    return viewSession(tx, caller.user, await loadSession(tx, caller.user, id));
  });
}

export async function updateSession(db: Db, caller: Caller, id: number, body: TrainingInput): Promise<Training> {
  const input = TrainingInputSchema.parse(body);
  checkDates(input);
  return db.transaction(async (tx) => {
    const old = await writableSession(tx, caller.user, id);
    if (old.kind === 'online_study') throw invalid('kind', '线上学习按月由导入或代为登记生成,不能在此修改');
    await repo.updateSession(tx, id, input);
    // A shorter session credits no one more than it lasted.
    if (input.hours < old.hours) await repo.capCredited(tx, id, input.hours);
    const { organizationPath: _p, attendees: _a, present: _n, organizationName: _o, ...from } = old;
    await audit(tx, caller, { action: 'education.session.update', objectType: 'training_session', objectId: id, detail: { organizationId: old.organizationId, from, to: input } });
    return viewSession(tx, caller.user, await loadSession(tx, caller.user, id));
  });
}

type AttendeeIn = z.infer<typeof AttendanceInputSchema>['attendees'][number];

/** The lines to write: each person must be someone the organiser keeps (its subtree's registries), once. */
async function attendanceRows(tx: DbOrTx, caller: Caller, session: Row, attendees: AttendeeIn[]) {
  const ids = attendees.flatMap((x) => (x.personId === null ? [] : [x.personId]));
  if (new Set(ids).size !== ids.length) throw invalid('attendees', '同一人员只能登记一次');
  const known = new Map((await peopleUnder(tx, caller.user.tenantId, session.organizationPath, ids)).map((p) => [p.personId, p]));
  return attendees.map((x, i) => {
    const person = x.personId === null ? undefined : known.get(x.personId);
    if (x.personId !== null && !person) throw invalid(`attendees.${i}.personId`, '所选人员不在本组织(及下级)的党员、村干部、后备人才或人才名册中');
    if (x.villagerName !== null && session.kind !== 'field_school') throw invalid(`attendees.${i}.villagerName`, '只有田间学校课程可以登记名册以外的村民');
    const credited = x.state === 'absent' ? 0 : x.hoursCredited ?? session.hours;
    if (x.state === 'absent' && (x.hoursCredited ?? 0) > 0) throw invalid(`attendees.${i}.hoursCredited`, '缺席人员不计学时');
    if (credited > session.hours) throw invalid(`attendees.${i}.hoursCredited`, `计入学时不能超过本次培训的${session.hours}学时`);
    return {
      tenantId: caller.user.tenantId, sessionId: session.id, sessionOrganizationId: session.organizationId,
      organizationId: person?.organizationId ?? session.organizationId, personId: x.personId, villagerName: x.villagerName,
      state: x.state, hoursCredited: credited,
    };
  });
}

export async function setAttendance(db: Db, caller: Caller, id: number, body: AttendanceInput): Promise<Training> {
  const input = AttendanceInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const session = await writableSession(tx, caller.user, id);
    const rows = await attendanceRows(tx, caller, session, input.attendees);
    const was = await repo.replaceAttendees(tx, id, rows);
    await audit(tx, caller, {
      action: 'education.session.attendance', objectType: 'training_session', objectId: id,
      detail: { organizationId: session.organizationId, was, now: rows.map(({ personId, villagerName, state, hoursCredited }) => ({ personId, villagerName, state, hoursCredited })) },
    });
    return viewSession(tx, caller.user, await loadSession(tx, caller.user, id));
  });
}

/** Who a session of the organisation may name (the form's picker): names and where they are kept, nothing personal. */
export async function attendeeOptions(db: Db, user: AuthUser, orgId: number) {
  const org = await loadOrganizationInScope(db, user, orgId, '组织单位');
  requirePermission(user, 'education.record', undefined, org.path);
  const people = await peopleUnder(db, user.tenantId, org.path);
  return { items: people.map(({ personId, name, source, note }) => ({ personId, name, source, note })) };
}
