import type { Activity, ActivityDetail, ActivityKind, ActivityListQuery, AttendanceBody, CreateActivity, UpdateActivity } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isPathInScope } from '../../db/scope.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../plugins/audit.js';
import { isSelfOnly, type AuthUser } from '../../plugins/auth.js';
import { findActiveOrganization } from '../members/repository.js';
import { isValidDate } from '../members/rules/dates.js';
import { canManage, type Caller } from '../members/service.js';
import * as repo from './repository.js';
import { countedKinds, countsForProblems } from './rules/activity-kinds.js';

type Row = repo.ActivityRow;

/** A member (role) sees only their own attendance, never the branch roster. */

export function toActivity(row: Row): Activity {
  const kind = row.kind as ActivityKind;
  const countsFor = row.countsFor as ActivityKind[];
  return {
    id: row.id, organizationId: row.organizationId, organizationName: row.organizationName, groupId: row.groupId, groupName: row.groupName,
    kind, countsFor, countedAs: countedKinds(kind, countsFor), heldOn: row.heldOn, place: row.place, topic: row.topic, host: row.host,
    recorder: row.recorder, lecturer: row.lecturer, status: row.status, isDemo: row.isDemo,
    attendance: { present: row.present, excused: row.excused, absent: row.absent },
  };
}

async function load(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  const row = await repo.findById(db, user.scope, id);
  if (!row) throw notFound('组织生活记录');
  return row;
}

export async function listActivities(db: Db, user: AuthUser, query: ActivityListQuery): Promise<{ items: Activity[] }> {
  const under = query.orgId ? await findActiveOrganization(db, user.tenantId, query.orgId) : undefined;
  if (query.orgId && (!under || !isPathInScope(under.path, user.scope))) throw notFound('组织');
  const rows = await repo.list(db, user.scope, { under, from: query.from, to: query.to });
  return { items: rows.map(toActivity) };
}

export async function getActivity(db: DbOrTx, user: AuthUser, id: number): Promise<ActivityDetail> {
  const row = await load(db, user, id);
  const own = (r: { personId: number }) => !isSelfOnly(user) || r.personId === user.personId;
  const attendances = (await repo.listAttendance(db, id)).filter(own);
  const roster = (await repo.branchMembers(db, [row.organizationId]))
    .filter((m) => m.membershipStatus === 'active' && (row.kind !== 'group_meeting' || m.groupId === row.groupId))
    .filter(own);
  return {
    ...toActivity(row), agenda: row.agenda, minutes: row.minutes, resolutions: row.resolutions,
    attendances: attendances.map(({ personId: _, ...a }) => a),
    expected: roster.map((m) => ({ memberId: m.id, name: m.name })),
    can: { edit: canManage(user, row.organizationPath) },
  };
}

interface Placement { organizationId: number; groupId?: number | null; kind: ActivityKind; countsFor?: string[]; heldOn?: string }

/** The branch must be a 党支部 in scope (else 404); the group one of its 党小组; countsFor an allowed combination. */
async function checkPlacement(db: DbOrTx, user: AuthUser, p: Placement, action: string) {
  const branch = await findActiveOrganization(db, user.tenantId, p.organizationId);
  if (!branch || !isPathInScope(branch.path, user.scope)) throw notFound('组织');
  if (!canManage(user, branch.path)) throw forbidden(`只有镇党委管理员和本支部书记可以${action}组织生活`);
  if (branch.kind !== 'branch') throw invalid('organizationId', '组织生活应记在党支部下,请选择党支部');
  if (p.kind === 'group_meeting' && !p.groupId) throw invalid('groupId', '党小组会须选择党小组');
  if (p.groupId) {
    const group = await findActiveOrganization(db, user.tenantId, p.groupId);
    if (!group || group.kind !== 'group' || group.parentId !== branch.id) throw invalid('groupId', '党小组不属于所选党支部');
  }
  const problems = countsForProblems(p.kind, p.countsFor ?? []);
  if (problems.length) throw invalid('countsFor', problems.join(';'));
  if (p.heldOn !== undefined && !isValidDate(p.heldOn)) throw invalid('heldOn', '日期不存在,请检查年月日');
  return branch;
}

const dedupe = (kinds: string[] | undefined) => [...new Set(kinds ?? [])];

export async function createActivity(db: Db, { user, ip }: Caller, input: CreateActivity): Promise<ActivityDetail> {
  return db.transaction(async (tx) => {
    const branch = await checkPlacement(tx, user, input, '记录');
    const id = await repo.insert(tx, {
      tenantId: user.tenantId, organizationId: branch.id, groupId: input.groupId ?? null, kind: input.kind, countsFor: dedupe(input.countsFor),
      heldOn: input.heldOn, place: input.place, topic: input.topic, host: input.host ?? null, recorder: input.recorder ?? null,
      lecturer: input.lecturer ?? null, agenda: input.agenda ?? null, minutes: input.minutes ?? null, resolutions: input.resolutions ?? null,
      createdBy: user.id,
    });
    await recordAudit(tx, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'activity.create', objectType: 'activity', objectId: id, result: 'ok', detail: { organizationId: branch.id, kind: input.kind, heldOn: input.heldOn } });
    return getActivity(tx, user, id);
  });
}

export async function updateActivity(db: Db, { user, ip }: Caller, id: number, input: UpdateActivity): Promise<ActivityDetail> {
  return db.transaction(async (tx) => {
    const row = await load(tx, user, id);
    const kind = input.kind ?? (row.kind as ActivityKind);
    await checkPlacement(tx, user, {
      organizationId: row.organizationId, kind, heldOn: input.heldOn,
      groupId: input.groupId !== undefined ? input.groupId : row.groupId,
      countsFor: input.countsFor ?? row.countsFor,
    }, '修改');
    const { countsFor, ...fields } = input;
    await repo.update(tx, id, { ...fields, ...(countsFor !== undefined ? { countsFor: dedupe(countsFor) } : {}) });
    await recordAudit(tx, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'activity.update', objectType: 'activity', objectId: id, result: 'ok', detail: { fields: Object.keys(input) } });
    return getActivity(tx, user, id);
  });
}

/** Replaces the attendance list; every member must be on this branch's roster. */
export async function setAttendance(db: Db, { user, ip }: Caller, id: number, body: AttendanceBody): Promise<ActivityDetail> {
  return db.transaction(async (tx) => {
    const row = await load(tx, user, id);
    if (!canManage(user, row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以登记出席情况');
    const roster = new Set((await repo.branchMembers(tx, [row.organizationId])).map((m) => m.id));
    const seen = new Set<number>();
    for (const r of body.records) {
      // No id in the message: a foreign id and a nonexistent one must read the same.
      if (!roster.has(r.memberId)) throw invalid('records', '出席名单中有不属于本支部的党员');
      if (seen.has(r.memberId)) throw invalid('records', '出席名单中有重复的党员');
      seen.add(r.memberId);
      if (r.makeupOn && (!isValidDate(r.makeupOn) || r.makeupOn < row.heldOn)) throw invalid('records', '补学日期不能早于活动日期');
    }
    await repo.replaceAttendance(tx, id, body.records.map((r) => ({
      memberId: r.memberId, state: r.state, reason: r.reason ?? null, makeupOn: r.makeupOn ?? null,
    })));
    const tally = (s: string) => body.records.filter((r) => r.state === s).length;
    await recordAudit(tx, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'activity.attendance', objectType: 'activity', objectId: id, result: 'ok', detail: { present: tally('present'), excused: tally('excused'), absent: tally('absent') } });
    return getActivity(tx, user, id);
  });
}
