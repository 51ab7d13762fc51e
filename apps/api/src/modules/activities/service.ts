import type { Activity, ActivityDetail, ActivityKind, ActivityListQuery, AttendanceBody, CreateActivity, UpdateActivity } from '@dj/contracts';

export { getActivity };
import type { Db, DbOrTx } from '../../db/client.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { can, audit, findOrganizationInScope, loadOrganizationInScope, optionalOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { isValidDate, NOT_YET_HELD_MESSAGE, todayInShanghai } from '@dj/contracts';
import { expectedFor, getActivity, loadActivity as load, toActivity } from './detail-service.js';
import * as evidence from './evidence-repository.js';
import * as repo from './repository.js';
import { countedKinds, countsForProblems } from './rules/activity-kinds.js';
import { applicableTemplates } from './rules/checklist.js';

export async function listActivities(db: Db, user: AuthUser, query: ActivityListQuery): Promise<{ items: Activity[] }> {
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  const rows = await repo.list(db, user.scope, { under, from: query.from, to: query.to });
  return { items: rows.map(toActivity) };
}

interface Placement { organizationId: number; groupId?: number | null; kind: ActivityKind; countsFor?: string[]; heldOn?: string }

/** The branch must be a 党支部 in scope (else 404); the group one of its 党小组; countsFor an allowed combination. */
async function checkPlacement(db: DbOrTx, user: AuthUser, p: Placement, action: string) {
  const branch = await loadOrganizationInScope(db, user, p.organizationId);
  if (!can(user, 'activities.record', branch.path)) throw forbidden(`只有镇党委管理员和本支部书记可以${action}组织生活`);
  if (branch.kind !== 'branch') throw invalid('organizationId', '组织生活应记在党支部下,请选择党支部');
  if (p.kind === 'group_meeting' && !p.groupId) throw invalid('groupId', '党小组会须选择党小组');
  if (p.groupId) {
    const group = await findOrganizationInScope(db, user, p.groupId);
    if (!group || group.kind !== 'group' || group.parentId !== branch.id) throw invalid('groupId', '党小组不属于所选党支部');
  }
  const problems = countsForProblems(p.kind, p.countsFor ?? []);
  if (problems.length) throw invalid('countsFor', problems.join(';'));
  if (p.heldOn !== undefined && !isValidDate(p.heldOn)) throw invalid('heldOn', '日期不存在,请检查年月日');
  return branch;
}

const dedupe = (kinds: string[] | undefined) => [...new Set(kinds ?? [])];
const guestsOf = (guests: CreateActivity['guests']) => (guests ?? []).map((g) => ({ name: g.name, note: g.note ?? null }));

/**
 * A record the town guides (a kind whose checklist asks for a supervisor, such as the 五个一 of 主题党日) gets the
 * branch's assigned supervisor, so it shows in their queue without anyone routing it.
 */
async function defaultSupervisor(db: DbOrTx, tenantId: number, branchId: number, kinds: ActivityKind[]): Promise<number | null> {
  const templates = applicableTemplates(await evidence.listTemplates(db, tenantId), kinds);
  if (!templates.some((t) => t.items.some((i) => i.satisfiedBy === 'supervisor'))) return null;
  const [assigned] = await evidence.assignmentsFor(db, [branchId]);
  return assigned?.userId ?? null;
}

/** A signed-off record is the branch's evidence; changing it needs the supervisor to return it first. */
export function assertEditable(row: { reviewStatus: string }) {
  if (row.reviewStatus === 'signed_off') throw forbidden('该记录已由督导干部签认,不能再修改;如需更正,请督导干部先退回');
}

export async function createActivity(db: Db, { user, ip }: Caller, input: CreateActivity): Promise<ActivityDetail> {
  return db.transaction(async (tx) => {
    const branch = await checkPlacement(tx, user, input, '记录');
    const id = await repo.insert(tx, {
      tenantId: user.tenantId, organizationId: branch.id, groupId: input.groupId ?? null, kind: input.kind, countsFor: dedupe(input.countsFor),
      heldOn: input.heldOn, place: input.place, topic: input.topic, host: input.host ?? null, recorder: input.recorder ?? null,
      lecturer: input.lecturer ?? null, agenda: input.agenda ?? null, minutes: input.minutes ?? null, resolutions: input.resolutions ?? null,
      agendaParts: input.agendaParts ?? [], guests: guestsOf(input.guests),
      supervisorUserId: await defaultSupervisor(tx, user.tenantId, branch.id, countedKinds(input.kind, dedupe(input.countsFor) as ActivityKind[])),
      createdBy: user.id,
    });
    await audit(tx, { user, ip }, { action: 'activity.create', objectType: 'activity', objectId: id, detail: { organizationId: branch.id, kind: input.kind, heldOn: input.heldOn } });
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
    assertEditable(row);
    const { countsFor, guests, ...fields } = input;
    await repo.update(tx, id, {
      ...fields, ...(countsFor !== undefined ? { countsFor: dedupe(countsFor) } : {}), ...(guests !== undefined ? { guests: guestsOf(guests) } : {}),
    });
    await audit(tx, { user, ip }, { action: 'activity.update', objectType: 'activity', objectId: id, detail: { fields: Object.keys(input) } });
    return getActivity(tx, user, id);
  });
}

function assertOnlyMakeups(before: { memberId: number; state: string; reason: string | null }[], body: AttendanceBody) {
  const key = (r: { memberId: number; state: string; reason?: string | null }) => `${r.memberId}:${r.state}:${r.reason ?? ''}`;
  const same = before.length === body.records.length && body.records.every((r) => before.some((b) => key(b) === key(r)));
  if (!same) assertEditable({ reviewStatus: 'signed_off' });
}

/** Replaces the attendance list; every member must be on this branch's roster. */
export async function setAttendance(db: Db, { user, ip }: Caller, id: number, body: AttendanceBody): Promise<ActivityDetail> {
  return db.transaction(async (tx) => {
    const row = await load(tx, user, id);
    if (!can(user, 'activities.record', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以登记出席情况');
    // Attendance is a record of a meeting held: a plan dated after today (Beijing) has none yet (issue 13 point 9).
    if (row.heldOn > todayInShanghai()) throw invalid('records', NOT_YET_HELD_MESSAGE);
    // After sign-off only 补学 dates may still be added: making up a missed meeting comes later by nature.
    if (row.reviewStatus === 'signed_off') assertOnlyMakeups(await repo.listAttendance(tx, id), body);
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
    await audit(tx, { user, ip }, { action: 'activity.attendance', objectType: 'activity', objectId: id, detail: { present: tally('present'), excused: tally('excused'), absent: tally('absent') } });
    return getActivity(tx, user, id);
  });
}

/** The expected list for a planned activity, with the same placement checks as recording it. */
export async function expectedMembers(db: Db, user: AuthUser, q: { orgId: number; kind: ActivityKind; heldOn: string; groupId?: number }) {
  const branch = await checkPlacement(db, user, { organizationId: q.orgId, kind: q.kind, groupId: q.groupId ?? null, heldOn: q.heldOn }, '记录');
  const rows = await expectedFor(db, { organizationId: branch.id, kind: q.kind, groupId: q.groupId ?? null, heldOn: q.heldOn });
  return { items: rows.map((m) => ({ memberId: m.id, name: m.name })) };
}
