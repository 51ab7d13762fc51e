import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 培训阵地 (issue 19 point 5): another village's or town's venue, booking and 参观考察 record answer 404 for every verb,
 * a booking named under an own venue too, and another village's venue named in an own 参观考察 record. Write probes
 * use 越权 names and 1-person groups, checked in "untouched".
 */
const VENUE = { name: '越权场地', capacity: 10 };
const BOOKING = { date: '2099-01-02', startsAt: '09:00', endsAt: '10:00', purpose: '越权预约', people: 1 };
const GROUP = { visitedOn: '2001-02-03', unit: '越权单位', people: 1, topic: '越权' };

const rows: Record<string, Case> = {
  'GET /api/education/venues': { list: '/api/education/venues' },
  'POST /api/education/venues': { foreign: (f) => [{ url: '/api/education/venues', body: { ...VENUE, organizationId: f.org } }] },
  'PATCH /api/education/venues/:id': { foreign: (f) => [{ url: `/api/education/venues/${f.venue}`, body: VENUE }] },
  'GET /api/education/bookings': { list: '/api/education/bookings?from=2020-01-01&to=2020-12-31' },
  'POST /api/education/venues/:id/bookings': { foreign: (f) => [{ url: `/api/education/venues/${f.venue}/bookings`, body: BOOKING }] },
  'DELETE /api/education/venues/:id/bookings/:bookingId': {
    foreign: (f, own) => [{ url: `/api/education/venues/${f.venue}/bookings/${f.booking}` }, { url: `/api/education/venues/${own.venue}/bookings/${f.booking}` }],
  },
  'GET /api/education/hosted-groups': { list: '/api/education/hosted-groups?year=2020' },
  'POST /api/education/hosted-groups': {
    foreign: (f, own) => [
      { url: '/api/education/hosted-groups', body: { ...GROUP, organizationId: f.org } },
      { url: '/api/education/hosted-groups', body: { ...GROUP, organizationId: own.org, venueId: f.venue } },
    ],
  },
  'DELETE /api/education/hosted-groups/:id': { foreign: (f) => [{ url: `/api/education/hosted-groups/${f.hostedGroup}` }] },
};

export const venuesMatrix: MatrixModule = {
  rows,
  nonexistent: { venue: N, booking: N, hostedGroup: N },

  async setup({ pool, ids, otherBranchId, anyUserId }) {
    for (const s of ['education_venues_id_seq', 'education_venue_bookings_id_seq', 'education_hosted_groups_id_seq']) await pool.query(`select setval('${s}', 94000000)`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number) => {
      const venue = await one(`insert into education_venues (tenant_id, organization_id, name, capacity) values (${tenant}, $1, '矩阵场地', 50) returning id`, [orgId]);
      const booking = await one(`insert into education_venue_bookings (tenant_id, organization_id, venue_id, date, starts_at, ends_at, purpose, people, booked_by)
        values (${tenant}, $1, $2, '2020-05-01', '09:00', '10:00', '矩阵预约', 10, $3) returning id`, [orgId, venue, anyUserId]);
      const hostedGroup = await one(`insert into education_hosted_groups (tenant_id, organization_id, venue_id, visited_on, unit, people, topic)
        values (${tenant}, $1, $2, '2020-05-01', '矩阵来访单位', 20, '矩阵考察') returning id`, [orgId, venue]);
      return { venue, booking, hostedGroup };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const venues = await s.get('/api/education/venues');
    const hosted = await s.get('/api/education/hosted-groups?year=2020');
    const bookings = await s.get('/api/education/bookings?from=2020-01-01&to=2020-12-31');
    if (role === 'member') {
      for (const res of [venues, hosted, bookings]) expect(res.statusCode, `${role}: 培训阵地`).toBe(403);
      return;
    }
    for (const x of venues.json().items as { organizationId: number }[]) expect(visible.has(x.organizationId), `${role}: venue of ${x.organizationId}`).toBe(true);
    for (const x of hosted.json().items as { organizationId: number }[]) expect(visible.has(x.organizationId), `${role}: group of ${x.organizationId}`).toBe(true);
    const venueIds = new Set((venues.json().items as { id: number }[]).map((v) => v.id));
    for (const x of bookings.json().items as { venueId: number }[]) expect(venueIds.has(x.venueId), `${role}: booking of venue ${x.venueId}`).toBe(true);
    for (const res of [venues, hosted, bookings]) for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from education_venues where name like '越权%' or (name = '矩阵场地' and capacity <> 50))
      + (select count(*) from education_venue_bookings where purpose like '越权%')
      + (select count(*) from education_hosted_groups where unit like '越权%')
      + (select 3 - count(*) from education_venue_bookings where purpose = '矩阵预约')
      + (select 3 - count(*) from education_hosted_groups where unit = '矩阵来访单位') as n`);
    expect(Number(n.n)).toBe(0);
  },
};
