import { expect } from 'vitest';
import type pg from 'pg';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 对标学习 (issue 19 point 4): a trip organised by another village's branch or another town answers 404 for every verb,
 * and so do its participant and action named under an own trip, and another village's unit named in an own trip's row.
 * Every write probe uses 越权 names, checked in "untouched" with the records' own state.
 */
const TRIP = { title: '越权对标学习', destination: '越权地点', startsOn: '2001-02-03', endsOn: '2001-02-04', topics: ['governance'] };
const base = '/api/education/trips';
/** The harness's database, kept by setup for the list check. */
let database: pg.Pool;

const rows: Record<string, Case> = {
  'GET /api/education/trips': { list: base, foreign: (f) => [{ url: `${base}?orgId=${f.org}` }] },
  'GET /api/education/trips/people': { list: `${base}/people` },
  'POST /api/education/trips': { foreign: (f) => [{ url: base, body: { ...TRIP, organizationId: f.org } }] },
  'GET /api/education/trips/:id': { foreign: (f) => [{ url: `${base}/${f.trip}` }] },
  'PATCH /api/education/trips/:id': { foreign: (f) => [{ url: `${base}/${f.trip}`, body: TRIP }] },
  'POST /api/education/trips/:id/participants': {
    foreign: (f, own) => [
      { url: `${base}/${f.trip}/participants`, body: { name: '越权人员', organizationId: own.org } },
      { url: `${base}/${own.trip}/participants`, body: { name: '越权人员', organizationId: f.org } },
    ],
  },
  'DELETE /api/education/trips/:id/participants/:participantId': {
    foreign: (f, own) => [{ url: `${base}/${f.trip}/participants/${f.tripParticipant}` }, { url: `${base}/${own.trip}/participants/${f.tripParticipant}` }],
  },
  'PUT /api/education/trips/:id/participants/:participantId/takeaway': {
    foreign: (f, own) => [
      { url: `${base}/${f.trip}/participants/${f.tripParticipant}/takeaway`, body: { takeaway: '越权心得' } },
      { url: `${base}/${own.trip}/participants/${f.tripParticipant}/takeaway`, body: { takeaway: '越权心得' } },
    ],
  },
  'POST /api/education/trips/:id/actions': {
    foreign: (f, own) => [
      { url: `${base}/${f.trip}/actions`, body: { content: '越权事项', ownerUserId: 1, organizationId: own.org, dueOn: '2001-02-03' } },
      { url: `${base}/${own.trip}/actions`, body: { content: '越权事项', ownerUserId: 1, organizationId: f.org, dueOn: '2001-02-03' } },
    ],
  },
  'PATCH /api/education/trips/:id/actions/:actionId': {
    foreign: (f, own) => [
      { url: `${base}/${f.trip}/actions/${f.tripAction}`, body: { dueOn: '2001-02-03', doneOn: '2001-02-03', doneNote: '越权' } },
      { url: `${base}/${own.trip}/actions/${f.tripAction}`, body: { dueOn: '2001-02-03', doneOn: '2001-02-03', doneNote: '越权' } },
    ],
  },
  'GET /api/education/trips/:id/report.:format': { foreign: (f) => [{ url: `${base}/${f.trip}/report.pdf` }, { url: `${base}/${f.trip}/report.docx` }] },
};

export const tripsMatrix: MatrixModule = {
  rows,
  nonexistent: { trip: N, tripParticipant: N, tripAction: N },

  async setup({ pool, ids, otherBranchId, anyUserId }) {
    database = pool;
    for (const s of ['education_trips_id_seq', 'education_trip_participants_id_seq', 'education_trip_actions_id_seq']) await pool.query(`select setval('${s}', 94000000)`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number) => {
      const trip = await one(`insert into education_trips (tenant_id, organization_id, title, destination, starts_on, ends_on, topics, created_by)
        values (${tenant}, $1, '矩阵对标学习', '周庄镇', '2020-05-01', '2020-05-03', array['party_building'], $2) returning id`, [orgId, anyUserId]);
      const tripParticipant = await one(`insert into education_trip_participants (tenant_id, organization_id, trip_id, name)
        values (${tenant}, $1, $2, '矩阵参加人员') returning id`, [orgId, trip]);
      const tripAction = await one(`insert into education_trip_actions (tenant_id, organization_id, trip_id, content, owner_user_id, due_on)
        values (${tenant}, $1, $2, '矩阵跟进事项', $3, '2020-06-01') returning id`, [orgId, trip, anyUserId]);
      return { trip, tripParticipant, tripAction };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    for (const url of [base, `${base}/people`]) {
      const res = await s.get(url);
      if (role === 'member') {
        expect(res.statusCode, `${role}: ${url}`).toBe(403);
        continue;
      }
      expect(res.statusCode, `${role}: ${url}`).toBe(200);
      const items = res.json().items as { id: number; organizationId: number }[];
      // A trip is listed when its organiser is in scope, or when one of its participants or actions is (a village's part
      // of the town's trip: the demo's 周庄镇 trip; tripVisible); a participant row only when its own unit is.
      for (const x of items) {
        const part = url === base && !visible.has(x.organizationId) && (await database.query(
          `select 1 from education_trip_participants where trip_id = $1 and organization_id = any($2)
           union all select 1 from education_trip_actions where trip_id = $1 and organization_id = any($2)`, [x.id, [...visible]])).rowCount;
        expect(visible.has(x.organizationId) || Boolean(part), `${role}: ${url} row of ${x.organizationId}`).toBe(true);
      }
      for (const name of foreignNames) expect(res.body).not.toContain(name);
    }
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from education_trips where title like '越权%' or (title = '矩阵对标学习' and updated_at <> created_at))
      + (select count(*) from education_trip_participants where name like '越权%' or takeaway is not null and trip_id > 94000000)
      + (select count(*) from education_trip_actions where content like '越权%' or (trip_id > 94000000 and done_on is not null))
      + (select 3 - count(*) from education_trip_participants where name = '矩阵参加人员') as n`);
    expect(Number(n.n)).toBe(0);
  },
};
