/**
 * 培训阵地 (issue 19 point 5): venues with capacity, bookings that refuse an overlap or more people than the venue
 * holds (each refusal names its field and rule), and 参观考察 groups hosted, counted per year by the database.
 * Every row is its organisation's: the town's own are the town admin's, a village's its secretary's (venues.manage at
 * the path); the branches' readers see those of their scope. Out of scope is 404 before any permission (403).
 */
import {
  BookingCreateSchema, HostedGroupCreateSchema, VenueCreateSchema, VenueUpdateSchema, addDays, todayInShanghai,
  type BookingCreate, type BookingList, type HostedGroupCreate, type HostedGroupList, type Venue, type VenueCreate, type VenueList, type VenueUpdate,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import * as repo from './venues-repository.js';

type Found = NonNullable<Awaited<ReturnType<typeof repo.findVenue>>>;
const MANAGE_DENIED = '只有场地所属单位(镇党委管理员或本村党支部书记)可以管理该场地';
/** The default window of the bookings list, and the longest one asked for. */
const BOOKING_DAYS = { window: 60, max: 366 } as const;

export async function loadVenue(db: DbOrTx, user: AuthUser, id: number): Promise<Found> {
  const row = isSelfOnly(user) ? undefined : await repo.findVenue(db, user.scope, id);
  if (!row) throw notFound('培训场地');
  return row;
}

/** An organisation in scope to file a venue or a group under, or 404; a plain 党员 names none. */
async function organizerIn(db: DbOrTx, user: AuthUser, id: number, what: string) {
  if (isSelfOnly(user)) throw notFound(what);
  return loadOrganizationInScope(db, user, id, what);
}

function venueOf(user: AuthUser, { path, ...row }: Found): Venue {
  return { ...row, can: { manage: can(user, 'venues.manage', path) } };
}

export async function listVenues(db: Db, user: AuthUser): Promise<VenueList> {
  requirePermission(user, 'venues.read');
  const rows = await repo.venuesIn(db, user.scope);
  const organizers = user.scopeRoots.filter((r) => can(user, 'venues.manage', r.path)).map((r) => ({ id: r.organizationId, name: r.name }));
  return { items: rows.map((r) => venueOf(user, r)), organizers };
}

export async function createVenue(db: Db, caller: Caller, body: VenueCreate): Promise<Venue> {
  const { organizationId, ...fields } = VenueCreateSchema.parse(body);
  return db.transaction(async (tx) => {
    const org = await organizerIn(tx, caller.user, organizationId, '所属单位');
    requirePermission(caller.user, 'venues.manage', MANAGE_DENIED, org.path);
    const id = await repo.insertVenue(tx, { ...fields, tenantId: caller.user.tenantId, organizationId });
    await audit(tx, caller, { action: 'education.venue.create', objectType: 'education_venue', objectId: id, detail: { organizationId, ...fields } });
    return venueOf(caller.user, await loadVenue(tx, caller.user, id));
  });
}

export async function updateVenue(db: Db, caller: Caller, id: number, body: VenueUpdate): Promise<Venue> {
  const fields = VenueUpdateSchema.parse(body);
  return db.transaction(async (tx) => {
    const venue = await loadVenue(tx, caller.user, id);
    requirePermission(caller.user, 'venues.manage', MANAGE_DENIED, venue.path);
    await repo.updateVenue(tx, id, fields);
    const before = { name: venue.name, capacity: venue.capacity, areaSqm: venue.areaSqm };
    await audit(tx, caller, { action: 'education.venue.update', objectType: 'education_venue', objectId: id, detail: { organizationId: venue.organizationId, before, after: fields } });
    return venueOf(caller.user, await loadVenue(tx, caller.user, id));
  });
}

export async function listBookings(db: Db, user: AuthUser, query: { from?: string; to?: string }): Promise<BookingList> {
  requirePermission(user, 'venues.read');
  const from = query.from ?? todayInShanghai();
  const to = query.to ?? addDays(from, BOOKING_DAYS.window);
  if (to < from) throw invalid('to', '结束日期不能早于开始日期');
  if (to > addDays(from, BOOKING_DAYS.max)) throw invalid('to', `一次最多查看${BOOKING_DAYS.max}天的预约`);
  const rows = isSelfOnly(user) ? [] : await repo.bookingsIn(db, user.scope, from, to);
  return { from, to, items: rows.map(({ path, ...r }) => ({ ...r, can: { cancel: can(user, 'venues.manage', path) } })) };
}

/** The capacity rule: more people than the venue holds is refused on the 人数 field. */
function checkCapacity(venue: Found, people: number) {
  if (people > venue.capacity) throw invalid('people', `人数:${people}人超过“${venue.name}”的容纳人数${venue.capacity}人,请减少人数或另选场地`);
}

/** The overlap rule: one booking per venue and time; a range ending when another starts does not overlap. */
async function checkOverlap(tx: DbOrTx, venue: Found, b: { date: string; startsAt: string; endsAt: string }) {
  const other = await repo.overlapping(tx, venue.id, b.date, b.startsAt, b.endsAt);
  if (!other) return;
  const message = `开始时间、结束时间:${b.date} ${b.startsAt}–${b.endsAt}与“${venue.name}”已有预约“${other.purpose}”(${other.startsAt}–${other.endsAt})时段重叠,同一场地同一时段只能预约一次`;
  throw new AppError('CONFLICT', message, [{ path: 'startsAt', message }, { path: 'endsAt', message }]);
}

export async function createBooking(db: Db, caller: Caller, venueId: number, body: BookingCreate): Promise<BookingList['items'][number]> {
  const input = BookingCreateSchema.parse(body);
  if (input.date < todayInShanghai()) throw invalid('date', '日期:不能预约今天以前的日期');
  return db.transaction(async (tx) => {
    const venue = await loadVenue(tx, caller.user, venueId);
    requirePermission(caller.user, 'venues.manage', MANAGE_DENIED, venue.path);
    checkCapacity(venue, input.people);
    await repo.lockVenue(tx, venue.id);
    await checkOverlap(tx, venue, input);
    const id = await repo.insertBooking(tx, { ...input, tenantId: caller.user.tenantId, organizationId: venue.organizationId, venueId, bookedBy: caller.user.id });
    await audit(tx, caller, { action: 'education.booking.create', objectType: 'education_venue', objectId: venueId, detail: { bookingId: id, ...input } });
    const { path: _p, ...row } = (await repo.findBooking(tx, venueId, id))!;
    return { ...row, can: { cancel: true } };
  });
}

export async function cancelBooking(db: Db, caller: Caller, venueId: number, bookingId: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const venue = await loadVenue(tx, caller.user, venueId);
    const booking = await repo.findBooking(tx, venueId, bookingId);
    if (!booking) throw notFound('预约');
    requirePermission(caller.user, 'venues.manage', MANAGE_DENIED, venue.path);
    await repo.deleteBooking(tx, bookingId);
    const { path: _p, bookedByName: _b, ...detail } = booking;
    await audit(tx, caller, { action: 'education.booking.cancel', objectType: 'education_venue', objectId: venueId, detail });
    return { ok: true as const };
  });
}

export async function listHosted(db: Db, user: AuthUser, year?: number): Promise<HostedGroupList> {
  requirePermission(user, 'venues.read');
  const shown = year ?? Number(todayInShanghai().slice(0, 4));
  if (isSelfOnly(user)) return { year: shown, items: [], years: [] };
  const [rows, years] = await Promise.all([repo.hostedIn(db, user.scope, shown), repo.hostedYears(db, user.scope)]);
  return { year: shown, items: rows.map(({ path, ...r }) => ({ ...r, can: { remove: can(user, 'venues.manage', path) } })), years };
}

export async function createHosted(db: Db, caller: Caller, body: HostedGroupCreate): Promise<HostedGroupList['items'][number]> {
  const input = HostedGroupCreateSchema.parse(body);
  if (input.visitedOn > todayInShanghai()) throw invalid('visitedOn', '日期:接待参观考察的日期不能晚于今天');
  return db.transaction(async (tx) => {
    const org = await organizerIn(tx, caller.user, input.organizationId, '接待单位');
    if (input.venueId) await loadVenue(tx, caller.user, input.venueId);
    requirePermission(caller.user, 'venues.manage', '只有镇党委管理员和本村党支部书记可以登记参观考察', org.path);
    const id = await repo.insertHosted(tx, { ...input, tenantId: caller.user.tenantId, createdBy: caller.user.id });
    await audit(tx, caller, { action: 'education.hosted.create', objectType: 'education_hosted_group', objectId: id, detail: input });
    const { path: _p, ...row } = (await repo.findHosted(tx, caller.user.scope, id))!;
    return { ...row, can: { remove: true } };
  });
}

export async function removeHosted(db: Db, caller: Caller, id: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const row = isSelfOnly(caller.user) ? undefined : await repo.findHosted(tx, caller.user.scope, id);
    if (!row) throw notFound('参观考察记录');
    requirePermission(caller.user, 'venues.manage', '只有镇党委管理员和本村党支部书记可以删除参观考察记录', row.path);
    await repo.deleteHosted(tx, id);
    const { path: _p, ...detail } = row;
    await audit(tx, caller, { action: 'education.hosted.remove', objectType: 'education_hosted_group', objectId: id, detail });
    return { ok: true as const };
  });
}
