import { nextFutureDay } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 培训阵地 (issue 19 point 5): the branches' readers read (venues.read); the venue's organisation —
 * here the branch: the town and its secretary — keeps venues, bookings and 参观考察 records (venues.manage). A plain
 * 党员 sees none (personal: 404). Each booking probe takes a day of its own, so no probe meets another's slot.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const VENUE = { name: '角色表场地', capacity: 50 };
const booking = () => ({ date: nextFutureDay(), startsAt: '09:00', endsAt: '10:00', purpose: '角色表预约', people: 10 });
const group = (env: RoleEnv) => ({ organizationId: env.world.branch.id, visitedOn: '2025-05-01', unit: '角色表来访单位', people: 10, topic: '参观考察' });

const venue = (env: RoleEnv) => env.state.shared('education venue', async () =>
  (await env.state.ok(env.world.town.admin.post('/api/education/venues', { ...VENUE, organizationId: env.world.branch.id }), 'venue')).id);

async function withBooking(env: RoleEnv): Promise<string> {
  const id = await venue(env);
  const made: Json = await env.state.ok(env.world.town.admin.post(`/api/education/venues/${id}/bookings`, booking()), 'booking');
  return `/api/education/venues/${id}/bookings/${made.id}`;
}

async function hosted(env: RoleEnv): Promise<number> {
  return (await env.state.ok(env.world.town.admin.post('/api/education/hosted-groups', group(env)), 'hosted group')).id;
}

export const VENUE_ROWS: Record<string, RoleRow> = {
  'GET /api/education/venues': { permission: 'venues.read', probe: () => ({ url: '/api/education/venues' }) },
  'POST /api/education/venues': { permission: 'venues.manage', personal: true, probe: (env) => ({ url: '/api/education/venues', body: { ...VENUE, organizationId: env.world.branch.id } }) },
  'PATCH /api/education/venues/:id': { permission: 'venues.manage', personal: true, probe: async (env) => ({ url: `/api/education/venues/${await venue(env)}`, body: VENUE }) },
  'GET /api/education/bookings': { permission: 'venues.read', probe: () => ({ url: '/api/education/bookings' }) },
  'POST /api/education/venues/:id/bookings': { permission: 'venues.manage', personal: true, probe: async (env) => ({ url: `/api/education/venues/${await venue(env)}/bookings`, body: booking() }) },
  'DELETE /api/education/venues/:id/bookings/:bookingId': { permission: 'venues.manage', personal: true, probe: async (env) => ({ url: await withBooking(env) }) },
  'GET /api/education/hosted-groups': { permission: 'venues.read', probe: () => ({ url: '/api/education/hosted-groups' }) },
  'POST /api/education/hosted-groups': { permission: 'venues.manage', personal: true, probe: (env) => ({ url: '/api/education/hosted-groups', body: group(env) }) },
  'DELETE /api/education/hosted-groups/:id': { permission: 'venues.manage', personal: true, probe: async (env) => ({ url: `/api/education/hosted-groups/${await hosted(env)}` }) },
};
