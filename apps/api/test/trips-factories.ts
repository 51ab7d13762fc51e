import { expect } from 'vitest';
import { addDays, todayInShanghai, type BookingCreate, type TripActionCreate, type TripCreate, type TripParticipantInput, type VenueCreate } from '@dj/contracts';
import type { Session } from './context.js';
import type { Town } from './factories.js';

/**
 * Test factories of 对标学习 and 培训阵地 (issue 19 points 4–5): records made through the product's routes, by the town
 * admin unless another session is given, so a test names what differs from an ordinary record and nothing else.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function ok(res: Awaited<ReturnType<Session['post']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A three-day trip to 周庄镇 on 基层党建 and 美丽乡村, organised by the town's 党委 unless said otherwise. */
export function tripBody(town: Town, over: Partial<TripCreate> = {}): TripCreate {
  const start = addDays(todayInShanghai(), -30);
  return {
    organizationId: town.committeeId, title: '赴周庄镇对标学习', destination: '江苏省无锡市周庄镇', startsOn: start, endsOn: addDays(start, 2),
    topics: ['party_building', 'beautiful_village'], note: null, ...over,
  };
}

export async function createTrip(town: Town, over: Partial<TripCreate> = {}, as: Session = town.admin): Promise<Json> {
  return ok(await as.post('/api/education/trips', tripBody(town, over)));
}

export async function addTripParticipant(town: Town, tripId: number, body: TripParticipantInput, as: Session = town.admin): Promise<Json> {
  return ok(await as.post(`/api/education/trips/${tripId}/participants`, body));
}

/** A follow-up due in ten days unless said otherwise. */
export async function addTripAction(town: Town, tripId: number, body: Omit<TripActionCreate, 'dueOn'> & { dueOn?: string }, as: Session = town.admin): Promise<Json> {
  return ok(await as.post(`/api/education/trips/${tripId}/actions`, { dueOn: addDays(todayInShanghai(), 10), ...body }));
}

/** The article's 150 m² 乡村振兴讲习所 (capacity 120) of the town unless said otherwise. */
export async function createVenue(town: Town, over: Partial<VenueCreate> = {}, as: Session = town.admin): Promise<Json> {
  return ok(await as.post('/api/education/venues', { organizationId: town.committeeId, name: '乡村振兴讲习所', capacity: 120, areaSqm: 150, ...over }));
}

/** A morning booking a week ahead unless said otherwise. */
export function bookingBody(over: Partial<BookingCreate> = {}): BookingCreate {
  return { date: addDays(todayInShanghai(), 7), startsAt: '09:00', endsAt: '11:30', purpose: '党员集中轮训', people: 60, ...over };
}
