import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { activities, activityChecks, activityFiles, appraisalGrades, attendances, memberFlows, members, organizations, persons, users } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { anyOf, runNamed } from '../../db/prepared.js';

const groups = alias(organizations, 'activity_group');
const supervisors = alias(users, 'activity_supervisor');

const count = (state: 'present' | 'excused' | 'absent') =>
  sql<number>`(select count(*)::int from ${attendances} a where a.activity_id = ${activities.id} and a.state = ${state})`;

const columns = {
  id: activities.id, tenantId: activities.tenantId, organizationId: activities.organizationId, organizationName: organizations.name,
  organizationPath: organizations.path, groupId: activities.groupId, groupName: groups.name, kind: activities.kind,
  countsFor: activities.countsFor, heldOn: activities.heldOn, place: activities.place, topic: activities.topic, host: activities.host,
  recorder: activities.recorder, lecturer: activities.lecturer, agenda: activities.agenda, minutes: activities.minutes,
  resolutions: activities.resolutions, status: activities.status, isDemo: activities.isDemo,
  agendaParts: activities.agendaParts, guests: activities.guests, supervisorUserId: activities.supervisorUserId,
  supervisorName: supervisors.displayName, reviewStatus: activities.reviewStatus, createdBy: activities.createdBy,
  createdAt: activities.createdAt, updatedAt: activities.updatedAt,
  present: count('present'), excused: count('excused'), absent: count('absent'),
};
export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** Activities are scoped through their branch's path: the same filter as the tree. */
function fromScoped(db: DbOrTx) {
  return db.select(columns).from(activities)
    .innerJoin(organizations, eq(organizations.id, activities.organizationId))
    .leftJoin(groups, eq(groups.id, activities.groupId))
    .leftJoin(supervisors, eq(supervisors.id, activities.supervisorUserId));
}

export async function findById(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await fromScoped(db).where(and(scopeFilter(organizations, scope), eq(activities.id, id))).limit(1);
  return row;
}

export interface ActivityFilter { under?: { path: string }; from?: string; to?: string }

export async function list(db: DbOrTx, scope: Scope, f: ActivityFilter, max = 500) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.under) parts.push(inSubtree(organizations.path, f.under.path));
  if (f.from) parts.push(gte(activities.heldOn, f.from));
  if (f.to) parts.push(lte(activities.heldOn, f.to));
  return fromScoped(db).where(and(...parts)).orderBy(desc(activities.heldOn), desc(activities.id)).limit(max);
}

export async function insert(db: DbOrTx, values: typeof activities.$inferInsert) {
  const [row] = await db.insert(activities).values(values).returning({ id: activities.id });
  return row.id;
}

export async function update(db: DbOrTx, id: number, values: Partial<typeof activities.$inferInsert>) {
  await db.update(activities).set({ ...values, updatedAt: new Date() }).where(eq(activities.id, id));
}

export async function replaceAttendance(db: DbOrTx, activityId: number, rows: Omit<typeof attendances.$inferInsert, 'activityId'>[]) {
  await db.delete(attendances).where(eq(attendances.activityId, activityId));
  if (rows.length) await db.insert(attendances).values(rows.map((r) => ({ ...r, activityId })));
}

export async function listAttendance(db: DbOrTx, activityId: number) {
  return listAttendanceFor(db, [activityId]);
}

export async function listAttendanceFor(db: DbOrTx, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select({
    activityId: attendances.activityId, memberId: attendances.memberId, personId: members.personId, name: persons.name, state: attendances.state,
    reason: attendances.reason, makeupOn: attendances.makeupOn,
  }).from(attendances)
    .innerJoin(members, eq(members.id, attendances.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .where(inArray(attendances.activityId, activityIds))
    .orderBy(asc(persons.name), asc(members.id));
}

/** On-roster members of the given branches (any status), for attendance checks and branch facts. */
export async function branchMembers(db: DbOrTx, branchIds: number[]) {
  if (!branchIds.length) return [];
  return runNamed(db.select({
    id: members.id, personId: members.personId, name: persons.name, organizationId: members.organizationId, groupId: members.groupId,
    standing: members.standing, membershipStatus: members.membershipStatus, joinedAt: members.joinedAt, partyPosts: members.partyPosts,
  }).from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .where(and(anyOf(members.organizationId, branchIds), eq(members.onRoster, true)))
    .orderBy(asc(persons.name), asc(members.id)), 'branch_members');
}

/** Active 党支部 in scope, optionally under one organisation. */
export async function branchesInScope(db: DbOrTx, scope: Scope, under?: { path: string }) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), eq(organizations.status, 'active')];
  if (under) parts.push(inSubtree(organizations.path, under.path));
  return runNamed(db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations)
    .where(and(...parts)).orderBy(asc(organizations.sortOrder), asc(organizations.id)), 'branches_in_scope');
}

export async function activeGroups(db: DbOrTx, tenantId: number, branchIds: number[]) {
  if (!branchIds.length) return [];
  return runNamed(db.select({ id: organizations.id, parentId: organizations.parentId }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), anyOf(organizations.parentId, branchIds), eq(organizations.kind, 'group'), eq(organizations.status, 'active'))), 'active_groups');
}

/**
 * Activities of the branches held between two dates, for the compliance calendar, with who was present for those
 * that count for a per-member rule (谈心谈话): loading every attendance of a town's year (15,000 rows in the demo)
 * to count talks made the town's board take ~0.8 s.
 */
/**
 * A lapsed plan: saved before its day and not taken up on or after it (no attendance, no file, no checklist tick, not
 * edited since). It is a draft, not a meeting held: the ledger names it under the count, and the compliance calendar
 * does not count it as done. One predicate for both, so the board and the printed ledger never disagree.
 */
export const lapsedPlan = sql`(
  (${activities.createdAt} at time zone 'Asia/Shanghai')::date < ${activities.heldOn}
  and (${activities.updatedAt} at time zone 'Asia/Shanghai')::date < ${activities.heldOn}
  and not exists (select 1 from ${attendances} lp_a where lp_a.activity_id = ${activities.id})
  and not exists (select 1 from ${activityFiles} lp_f where lp_f.activity_id = ${activities.id})
  and not exists (select 1 from ${activityChecks} lp_c where lp_c.activity_id = ${activities.id}))`;

/** Which of these activities are lapsed plans. */
export async function lapsedAmong(db: DbOrTx, activityIds: number[]): Promise<Set<number>> {
  if (!activityIds.length) return new Set();
  const rows = await db.select({ id: activities.id }).from(activities).where(and(anyOf(activities.id, activityIds), lapsedPlan));
  return new Set(rows.map((r) => r.id));
}

export async function activitiesBetween(db: DbOrTx, branchIds: number[], from: string, to: string, attendeeKinds: readonly string[] = []) {
  if (!branchIds.length) return [];
  const rows = await runNamed(db.select({
    id: activities.id, organizationId: activities.organizationId, groupId: activities.groupId, kind: activities.kind,
    countsFor: activities.countsFor, heldOn: activities.heldOn, supervisorUserId: activities.supervisorUserId, reviewStatus: activities.reviewStatus,
  }).from(activities)
    .where(and(anyOf(activities.organizationId, branchIds), gte(activities.heldOn, from), lte(activities.heldOn, to), sql`not ${lapsedPlan}`)), 'activities_between');
  const needed = rows.filter((r) => attendeeKinds.includes(r.kind) || r.countsFor.some((k) => attendeeKinds.includes(k))).map((r) => r.id);
  const present = needed.length
    ? await runNamed(db.select({ activityId: attendances.activityId, memberId: attendances.memberId }).from(attendances)
      .where(and(anyOf(attendances.activityId, needed), eq(attendances.state, 'present'))), 'activities_present')
    : [];
  const byActivity = new Map<number, number[]>();
  // Appended in place: copying the list per row was quadratic in an activity's attendance.
  for (const p of present) {
    const list = byActivity.get(p.activityId);
    if (list) list.push(p.memberId);
    else byActivity.set(p.activityId, [p.memberId]);
  }
  return rows.map((r) => ({ ...r, attendeeIds: byActivity.get(r.id) ?? [] }));
}

/** Outflows with a 流动党员活动证 of these members: on the dates they cover, the member attends where registered. */
export async function outflowsWithCard(db: DbOrTx, memberIds: number[]) {
  if (!memberIds.length) return [];
  return db.select({ memberId: memberFlows.memberId, startedOn: memberFlows.startedOn, endedOn: memberFlows.endedOn }).from(memberFlows).where(and(
    inArray(memberFlows.memberId, memberIds), eq(memberFlows.direction, 'outflow'), sql`coalesce(${memberFlows.activityCardNo}, '') <> ''`,
  ));
}

/** Who of those outflows is away on a date. */
export function awayOn(flows: Awaited<ReturnType<typeof outflowsWithCard>>, on: string): Set<number> {
  return new Set(flows.filter((f) => f.startedOn <= on && (!f.endedOn || f.endedOn >= on)).map((f) => f.memberId));
}

/** The 民主评议 grades recorded for an activity. */
export async function gradesOf(db: DbOrTx, activityId: number) {
  return db.select().from(appraisalGrades).where(eq(appraisalGrades.activityId, activityId));
}

/** Replaces an activity's grades with the given ones (a save states the whole appraisal). */
export async function replaceGrades(db: DbOrTx, activityId: number, rows: (typeof appraisalGrades.$inferInsert)[]) {
  await db.delete(appraisalGrades).where(eq(appraisalGrades.activityId, activityId));
  if (rows.length) await db.insert(appraisalGrades).values(rows);
}

/** The member record of a signed-in person in their town (a member answering for themselves), if any. */
export async function memberOfPerson(db: DbOrTx, tenantId: number, personId: number) {
  const [m] = await db.select({ id: members.id, organizationId: members.organizationId }).from(members)
    .where(and(eq(members.personId, personId), eq(members.tenantId, tenantId))).limit(1);
  return m;
}

/** A branch's activities held on or after a day, newest first: what one of its members is shown. */
export async function branchActivitiesSince(db: DbOrTx, organizationId: number, since: string, max: number) {
  return db.select({
    id: activities.id, kind: activities.kind, heldOn: activities.heldOn, place: activities.place, topic: activities.topic, organizationName: organizations.name,
    organizationId: activities.organizationId, groupId: activities.groupId,
  }).from(activities).innerJoin(organizations, eq(organizations.id, activities.organizationId))
    .where(and(eq(activities.organizationId, organizationId), gte(activities.heldOn, since)))
    .orderBy(desc(activities.heldOn), asc(activities.id)).limit(max);
}

/** Which of these activities have attendance recorded: a meeting whose attendance is in has been held. */
export async function activitiesWithAttendance(db: DbOrTx, activityIds: number[]): Promise<number[]> {
  if (!activityIds.length) return [];
  const rows = await db.selectDistinct({ id: attendances.activityId }).from(attendances).where(inArray(attendances.activityId, activityIds));
  return rows.map((r) => r.id);
}

/** One member's attendance at these activities. */
export async function memberAttendance(db: DbOrTx, activityIds: number[], memberId: number) {
  if (!activityIds.length) return [];
  return db.select().from(attendances).where(and(inArray(attendances.activityId, activityIds), eq(attendances.memberId, memberId)));
}
