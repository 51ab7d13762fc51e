import { and, asc, desc, eq, exists, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TrainingKind } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations, persons, trainingAttendees as a, trainingFiles as f, trainingSessions as s } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

const scoped = alias(organizations, 'scoped_org');
/** The ids of the organisations in the caller's subtrees, as a subquery (the scope stays in SQL). */
export const orgsIn = (db: DbOrTx, scope: Scope) => db.select({ id: scoped.id }).from(scoped).where(scopeFilter(scoped, scope));

/**
 * A session is seen by the organisations in whose subtree it was held and by those whose people attended it (a
 * branch reads the town's 集中轮训 its members went to); the same rule as the tables' row-level policies (0046).
 */
export function sessionVisible(db: DbOrTx, scope: Scope): SQL {
  const attended = db.select({ one: sql`1` }).from(a).where(and(eq(a.sessionId, s.id), inArray(a.organizationId, orgsIn(db, scope))));
  return or(inArray(s.organizationId, orgsIn(db, scope)), exists(attended)) as SQL;
}

const counted = {
  attendees: sql<number>`(select count(*) from training_attendees x where x.session_id = ${s.id})::int`,
  present: sql<number>`(select count(*) from training_attendees x where x.session_id = ${s.id} and x.state = 'present')::int`,
};
const columns = {
  id: s.id, organizationId: s.organizationId, organizationName: organizations.name, organizationPath: organizations.path, kind: s.kind,
  title: s.title, startsOn: s.startsOn, endsOn: s.endsOn, hours: s.hours, venue: s.venue, lecturers: s.lecturers, note: s.note,
  activityId: s.activityId, isDemo: s.isDemo, ...counted,
};

export interface SessionFilter { underPath?: string; kind?: TrainingKind; year?: number }

/** Sessions in scope, newest first; `underPath` keeps those held in that subtree or attended by its people. */
export async function listSessions(db: DbOrTx, scope: Scope, filter: SessionFilter, max = 500) {
  const conditions = [sessionVisible(db, scope)];
  if (filter.underPath) conditions.push(sessionVisible(db, { tenantId: scope.tenantId, paths: [filter.underPath] }));
  if (filter.kind) conditions.push(eq(s.kind, filter.kind));
  if (filter.year) conditions.push(gte(s.startsOn, `${filter.year}-01-01`), lte(s.startsOn, `${filter.year}-12-31`));
  return db.select(columns).from(s).innerJoin(organizations, eq(organizations.id, s.organizationId))
    .where(and(...conditions)).orderBy(desc(s.startsOn), desc(s.id)).limit(max);
}

/** One session in scope; `lock` serialises two writers of it (attendance and an edit). */
export async function findSession(db: DbOrTx, scope: Scope, id: number, lock = false) {
  const [row] = await db.select(columns).from(s).innerJoin(organizations, eq(organizations.id, s.organizationId))
    .where(and(eq(s.id, id), sessionVisible(db, scope))).limit(1);
  if (row && lock) await db.execute(sql`select id from training_sessions where id = ${id} for update`);
  return row;
}

export async function sessionOfActivity(db: DbOrTx, activityId: number) {
  const [row] = await db.select({ id: s.id }).from(s).where(eq(s.activityId, activityId)).limit(1);
  return row;
}

export type SessionValues = Omit<typeof s.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertSession(db: DbOrTx, values: SessionValues) {
  const [row] = await db.insert(s).values(values).returning({ id: s.id });
  return row.id;
}

export async function updateSession(db: DbOrTx, id: number, values: Partial<SessionValues>) {
  await db.update(s).set({ ...values, updatedAt: new Date() }).where(eq(s.id, id));
}

const attendeeOrg = alias(organizations, 'attendee_org');

/** A session's attendance lines with the person's name (no personal numbers: only the name is read). */
export async function attendeesOf(db: DbOrTx, sessionId: number) {
  return db.select({
    id: a.id, personId: a.personId, name: sql<string>`coalesce(${persons.name}, ${a.villagerName})`, villagerName: a.villagerName,
    organizationName: attendeeOrg.name, state: a.state, hoursCredited: a.hoursCredited,
    isMember: sql<boolean>`exists (select 1 from members m where m.person_id = ${a.personId})`,
  }).from(a).leftJoin(persons, eq(persons.id, a.personId)).innerJoin(attendeeOrg, eq(attendeeOrg.id, a.organizationId))
    .where(eq(a.sessionId, sessionId)).orderBy(asc(a.id));
}

export type AttendeeValues = Omit<typeof a.$inferInsert, 'id'>;

/** What a line records; a line of the same person (or the same villager's name) with the same values is kept as it is. */
type LineKey = Pick<AttendeeValues, 'personId' | 'villagerName'>;
const keyOf = (l: LineKey) => (l.personId !== null && l.personId !== undefined ? `p${l.personId}` : `v${l.villagerName ?? ''}`);
const sameLine = (was: AttendeeValues, now: AttendeeValues) => was.state === now.state && Number(was.hoursCredited) === Number(now.hoursCredited)
  && was.organizationId === now.organizationId && was.sessionOrganizationId === now.sessionOrganizationId;

export interface AttendanceChanges { removed: number[]; changed: (AttendeeValues & { id: number })[]; added: AttendeeValues[] }

/**
 * The lines to delete, update and insert to turn a session's `old` lines into `rows`, pairing lines by person (or
 * villager's name, in order). Writing only these keeps the 学时 triggers to one recount of the people concerned: a
 * delete of every line and an insert of them all recounted each person twice (0057).
 */
export function attendanceChanges(old: readonly (AttendeeValues & { id: number })[], rows: readonly AttendeeValues[]): AttendanceChanges {
  const unmatched = new Map<string, (AttendeeValues & { id: number })[]>();
  for (const line of old) unmatched.set(keyOf(line), [...(unmatched.get(keyOf(line)) ?? []), line]);
  const changes: AttendanceChanges = { removed: [], changed: [], added: [] };
  for (const row of rows) {
    const was = unmatched.get(keyOf(row))?.shift();
    if (!was) changes.added.push(row);
    else if (!sameLine(was, row)) changes.changed.push({ ...row, id: was.id });
  }
  changes.removed = [...unmatched.values()].flat().map((l) => l.id);
  return changes;
}

/** Replaces the attendance of a session with `rows`, writing only what changed; returns what was there (for the audit line). */
export async function replaceAttendees(tx: DbOrTx, sessionId: number, rows: AttendeeValues[]) {
  const old = await tx.select().from(a).where(eq(a.sessionId, sessionId)).orderBy(asc(a.id));
  const { removed, changed, added } = attendanceChanges(old, rows);
  if (removed.length) await tx.delete(a).where(inArray(a.id, removed));
  if (changed.length) await updateLines(tx, changed);
  if (added.length) await tx.insert(a).values(added);
  return old.map(({ personId, villagerName, state, hoursCredited }) => ({ personId, villagerName, state, hoursCredited }));
}

/** Every changed line in one statement, so the 学时 trigger recounts their people once. */
async function updateLines(tx: DbOrTx, lines: (AttendeeValues & { id: number })[]) {
  const column = <T>(pick: (l: AttendeeValues & { id: number }) => T) => sql.param(lines.map(pick));
  await tx.execute(sql`update training_attendees t set state = v.state, hours_credited = v.hours,
      organization_id = v.organization_id, session_organization_id = v.session_organization_id
    from unnest(${column((l) => l.id)}::int[], ${column((l) => l.state)}::text[], ${column((l) => l.hoursCredited)}::numeric[],
      ${column((l) => l.organizationId)}::int[], ${column((l) => l.sessionOrganizationId)}::int[]) as v(id, state, hours, organization_id, session_organization_id)
    where t.id = v.id`);
}

/** Keeps credited hours within a session's new length (an edit that shortens it). */
export async function capCredited(tx: DbOrTx, sessionId: number, hours: number) {
  await tx.update(a).set({ hoursCredited: sql`least(${a.hoursCredited}, ${hours})` }).where(eq(a.sessionId, sessionId));
}

export async function filesOf(db: DbOrTx, sessionId: number) {
  return db.select({ id: f.id, name: f.name, size: f.size, uploadedAt: f.uploadedAt }).from(f).where(eq(f.sessionId, sessionId)).orderBy(asc(f.id));
}

export async function insertFile(tx: DbOrTx, values: Omit<typeof f.$inferInsert, 'id' | 'uploadedAt'>) {
  const [row] = await tx.insert(f).values(values).returning({ id: f.id });
  return row.id;
}

export async function fileOf(db: DbOrTx, sessionId: number, fileId: number) {
  const [row] = await db.select({ name: f.name, mime: f.mime, data: f.data }).from(f).where(and(eq(f.id, fileId), eq(f.sessionId, sessionId))).limit(1);
  return row;
}

export async function deleteFile(tx: DbOrTx, sessionId: number, fileId: number) {
  const [row] = await tx.delete(f).where(and(eq(f.id, fileId), eq(f.sessionId, sessionId))).returning({ name: f.name, size: f.size });
  return row;
}
