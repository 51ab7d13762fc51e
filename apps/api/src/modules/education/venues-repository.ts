import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { educationHostedGroups as h, educationVenueBookings as b, educationVenues as v, organizations, users } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

/** 培训阵地's queries: every row joins its organisation and is filtered by the caller's scope. */
const venueColumns = {
  id: v.id, organizationId: v.organizationId, organizationName: organizations.name, path: organizations.path,
  name: v.name, capacity: v.capacity, areaSqm: v.areaSqm, address: v.address, note: v.note,
};
const hhmm = (column: typeof b.startsAt | typeof b.endsAt) => sql<string>`to_char(${column}, 'HH24:MI')`;

export async function venuesIn(db: DbOrTx, scope: Scope) {
  return db.select(venueColumns).from(v).innerJoin(organizations, eq(organizations.id, v.organizationId))
    .where(scopeFilter(organizations, scope)).orderBy(asc(organizations.path), asc(v.id));
}

export async function findVenue(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select(venueColumns).from(v).innerJoin(organizations, eq(organizations.id, v.organizationId))
    .where(and(eq(v.id, id), scopeFilter(organizations, scope))).limit(1);
  return row;
}

/** Serialises bookings of one venue: the overlap check and the insert see the same day (two clerks, one slot). */
export async function lockVenue(tx: DbOrTx, id: number) {
  await tx.execute(sql`select 1 from ${v} where ${v.id} = ${id} for update`);
}

export type VenueColumns = Pick<typeof v.$inferInsert, 'name' | 'capacity' | 'areaSqm' | 'address' | 'note'>;

export async function insertVenue(tx: DbOrTx, values: VenueColumns & { tenantId: number; organizationId: number }) {
  const [row] = await tx.insert(v).values(values).returning({ id: v.id });
  return row.id;
}

export async function updateVenue(tx: DbOrTx, id: number, values: VenueColumns) {
  await tx.update(v).set(values).where(eq(v.id, id));
}

const bookingColumns = {
  id: b.id, venueId: b.venueId, venueName: v.name, path: organizations.path, date: b.date, startsAt: hhmm(b.startsAt), endsAt: hhmm(b.endsAt),
  purpose: b.purpose, people: b.people, bookedByName: users.displayName,
};

/** The bookings of the venues in scope between two days, by day and time. */
export async function bookingsIn(db: DbOrTx, scope: Scope, from: string, to: string) {
  return db.select(bookingColumns).from(b).innerJoin(v, eq(v.id, b.venueId)).innerJoin(organizations, eq(organizations.id, b.organizationId))
    .leftJoin(users, eq(users.id, b.bookedBy))
    .where(and(scopeFilter(organizations, scope), gte(b.date, from), lte(b.date, to))).orderBy(asc(b.date), asc(b.startsAt), asc(v.id));
}

export async function findBooking(db: DbOrTx, venueId: number, id: number) {
  const [row] = await db.select(bookingColumns).from(b).innerJoin(v, eq(v.id, b.venueId)).innerJoin(organizations, eq(organizations.id, b.organizationId))
    .leftJoin(users, eq(users.id, b.bookedBy)).where(and(eq(b.id, id), eq(b.venueId, venueId))).limit(1);
  return row;
}

/** The first booking of the venue's day whose time range meets [startsAt, endsAt) (touching ends do not overlap). */
export async function overlapping(tx: DbOrTx, venueId: number, date: string, startsAt: string, endsAt: string) {
  const [row] = await tx.select({ purpose: b.purpose, startsAt: hhmm(b.startsAt), endsAt: hhmm(b.endsAt) }).from(b)
    .where(and(eq(b.venueId, venueId), eq(b.date, date), lt(b.startsAt, endsAt), gt(b.endsAt, startsAt))).orderBy(asc(b.startsAt)).limit(1);
  return row;
}

export async function insertBooking(tx: DbOrTx, values: typeof b.$inferInsert) {
  const [row] = await tx.insert(b).values(values).returning({ id: b.id });
  return row.id;
}

export async function deleteBooking(tx: DbOrTx, id: number) {
  await tx.delete(b).where(eq(b.id, id));
}

const hostedColumns = {
  id: h.id, organizationId: h.organizationId, organizationName: organizations.name, path: organizations.path, visitedOn: h.visitedOn,
  unit: h.unit, people: h.people, topic: h.topic, venueId: h.venueId, venueName: v.name,
};
const yearOf = sql<number>`extract(year from ${h.visitedOn})::int`;

export async function hostedIn(db: DbOrTx, scope: Scope, year: number) {
  return db.select(hostedColumns).from(h).innerJoin(organizations, eq(organizations.id, h.organizationId)).leftJoin(v, eq(v.id, h.venueId))
    .where(and(scopeFilter(organizations, scope), gte(h.visitedOn, `${year}-01-01`), lte(h.visitedOn, `${year}-12-31`))).orderBy(desc(h.visitedOn), desc(h.id));
}

/** Groups and people hosted per year, counted by the database (the latest year first; a count, not a ranking). */
export async function hostedYears(db: DbOrTx, scope: Scope) {
  return db.select({ year: yearOf, groups: sql<number>`count(*)::int`, people: sql<number>`coalesce(sum(${h.people}), 0)::int` })
    .from(h).innerJoin(organizations, eq(organizations.id, h.organizationId))
    .where(scopeFilter(organizations, scope)).groupBy(yearOf).orderBy(desc(yearOf));
}

export async function findHosted(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select(hostedColumns).from(h).innerJoin(organizations, eq(organizations.id, h.organizationId)).leftJoin(v, eq(v.id, h.venueId))
    .where(and(eq(h.id, id), scopeFilter(organizations, scope))).limit(1);
  return row;
}

export async function insertHosted(tx: DbOrTx, values: typeof h.$inferInsert) {
  const [row] = await tx.insert(h).values(values).returning({ id: h.id });
  return row.id;
}

export async function deleteHosted(tx: DbOrTx, id: number) {
  await tx.delete(h).where(eq(h.id, id));
}
