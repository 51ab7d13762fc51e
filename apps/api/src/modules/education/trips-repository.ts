import { and, asc, desc, eq, exists, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TripTopic } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import {
  educationTripActions as a, educationTripParticipants as tp, educationTrips as t, organizations, roleGrants, users,
} from '../../db/schema/index.js';
import { inSubtree, scopeFilter, type Scope } from '../../db/scope.js';
import { runNamed } from '../../db/prepared.js';

/**
 * 对标学习's queries. A trip is in scope when its organiser is, or when one of its participants or actions belongs to a
 * unit in scope (a village's part of a town trip); participants and actions are filtered by their own unit.
 */
const unit = alias(organizations, 'unit');

const tripVisible = (db: DbOrTx, scope: Scope) => or(
  scopeFilter(organizations, scope),
  exists(db.select({ one: sql`1` }).from(tp).innerJoin(unit, eq(unit.id, tp.organizationId)).where(and(eq(tp.tripId, t.id), scopeFilter(unit, scope)))),
  exists(db.select({ one: sql`1` }).from(a).innerJoin(unit, eq(unit.id, a.organizationId)).where(and(eq(a.tripId, t.id), scopeFilter(unit, scope)))),
);

const summaryColumns = {
  id: t.id, organizationId: t.organizationId, organizationName: organizations.name, path: organizations.path,
  title: t.title, destination: t.destination, startsOn: t.startsOn, endsOn: t.endsOn, topics: sql<TripTopic[]>`${t.topics}`,
};

/** The trips in scope (under an organisation's subtree when asked), the latest first. */
export async function tripsIn(db: DbOrTx, scope: Scope, under?: string) {
  return db.select(summaryColumns).from(t).innerJoin(organizations, eq(organizations.id, t.organizationId))
    .where(and(eq(t.tenantId, scope.tenantId), tripVisible(db, scope), under ? inSubtree(organizations.path, under) : undefined))
    .orderBy(desc(t.startsOn), desc(t.id));
}

export async function findTrip(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({ ...summaryColumns, note: t.note }).from(t).innerJoin(organizations, eq(organizations.id, t.organizationId))
    .where(and(eq(t.id, id), eq(t.tenantId, scope.tenantId), tripVisible(db, scope))).limit(1);
  return row;
}

/** Participants of the trips whose unit is in scope, in the order entered. */
export async function participantsOf(db: DbOrTx, scope: Scope, tripIds: number[]) {
  if (!tripIds.length) return [];
  return db.select({
    id: tp.id, tripId: tp.tripId, userId: tp.userId, name: tp.name, organizationId: tp.organizationId, organizationName: organizations.name,
    path: organizations.path, post: tp.post, takeaway: tp.takeaway,
    takeawayAt: sql<string | null>`to_char(${tp.takeawayAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
  }).from(tp).innerJoin(organizations, eq(organizations.id, tp.organizationId))
    .where(and(inArray(tp.tripId, tripIds), scopeFilter(organizations, scope))).orderBy(asc(tp.id));
}

/** Actions of the trips whose unit is in scope, by due date. */
export async function actionsOf(db: DbOrTx, scope: Scope, tripIds: number[]) {
  if (!tripIds.length) return [];
  return db.select({
    id: a.id, tripId: a.tripId, content: a.content, ownerUserId: a.ownerUserId, ownerName: users.displayName,
    organizationId: a.organizationId, organizationName: organizations.name, path: organizations.path,
    dueOn: a.dueOn, doneOn: a.doneOn, doneNote: a.doneNote,
  }).from(a).innerJoin(organizations, eq(organizations.id, a.organizationId)).innerJoin(users, eq(users.id, a.ownerUserId))
    .where(and(inArray(a.tripId, tripIds), scopeFilter(organizations, scope))).orderBy(asc(a.dueOn), asc(a.id));
}

/**
 * 镇村干部 who sign in, in scope: each account at each organisation it holds a role other than 党员 at (the picker's
 * rows). Disabled accounts are left out.
 */
export async function peopleIn(db: DbOrTx, scope: Scope) {
  return db.selectDistinct({ userId: users.id, name: users.displayName, organizationId: organizations.id, organizationName: organizations.name, path: organizations.path })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId)).innerJoin(organizations, eq(organizations.id, roleGrants.organizationId))
    .where(and(scopeFilter(organizations, scope), eq(organizations.status, 'active'), eq(users.disabled, false), ne(roleGrants.role, 'member'), ne(roleGrants.role, 'district_viewer')))
    .orderBy(asc(organizations.path), asc(users.displayName));
}

/** The paths an account holds a cadre's role at (to check that an owner or participant sees the unit named). */
export async function cadrePathsOf(db: DbOrTx, tenantId: number, userId: number) {
  const rows = await db.select({ path: organizations.path, name: users.displayName }).from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId)).innerJoin(organizations, eq(organizations.id, roleGrants.organizationId))
    .where(and(eq(roleGrants.userId, userId), eq(users.tenantId, tenantId), eq(users.disabled, false), eq(organizations.status, 'active'),
      ne(roleGrants.role, 'member'), ne(roleGrants.role, 'district_viewer')));
  return { name: rows[0]?.name ?? null, paths: rows.map((r) => r.path) };
}

type TripColumns = Pick<typeof t.$inferInsert, 'title' | 'destination' | 'startsOn' | 'endsOn' | 'topics' | 'note'>;

export async function insertTrip(tx: DbOrTx, values: TripColumns & { tenantId: number; organizationId: number; createdBy: number }) {
  const [row] = await tx.insert(t).values(values).returning({ id: t.id });
  return row.id;
}

export async function updateTrip(tx: DbOrTx, id: number, values: TripColumns) {
  await tx.update(t).set({ ...values, updatedAt: new Date() }).where(eq(t.id, id));
}

export async function insertParticipant(tx: DbOrTx, values: typeof tp.$inferInsert) {
  const [row] = await tx.insert(tp).values(values).returning({ id: tp.id });
  return row.id;
}

export async function deleteParticipant(tx: DbOrTx, tripId: number, id: number) {
  await tx.delete(tp).where(and(eq(tp.id, id), eq(tp.tripId, tripId)));
}

export async function setTakeaway(tx: DbOrTx, id: number, takeaway: string | null, by: number) {
  await tx.update(tp).set({ takeaway, takeawayBy: takeaway ? by : null, takeawayAt: takeaway ? new Date() : null }).where(eq(tp.id, id));
}

export async function insertAction(tx: DbOrTx, values: typeof a.$inferInsert) {
  const [row] = await tx.insert(a).values(values).returning({ id: a.id });
  return row.id;
}

export async function updateAction(tx: DbOrTx, id: number, values: { dueOn: string; doneOn: string | null; doneNote: string | null }) {
  await tx.update(a).set(values).where(eq(a.id, id));
}

/** 待办: the owner's open actions whose unit is in their scope, with the trip's title and destination. */
export async function openActionsOwnedBy(db: DbOrTx, scope: Scope, userId: number, under?: string) {
  return runNamed(db.select({
    id: a.id, tripId: a.tripId, content: a.content, dueOn: a.dueOn, organizationName: organizations.name, title: t.title, destination: t.destination,
  }).from(a).innerJoin(t, eq(t.id, a.tripId)).innerJoin(organizations, eq(organizations.id, a.organizationId))
    .where(and(eq(a.ownerUserId, userId), isNull(a.doneOn), scopeFilter(organizations, scope), under ? inSubtree(organizations.path, under) : undefined))
    .orderBy(asc(a.dueOn), asc(a.id)), 'trip_actions_open');
}
