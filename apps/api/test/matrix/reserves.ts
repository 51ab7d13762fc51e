import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 后备人才 (issue 15 point 4): a village's reserves, their moves, mentor, evaluations and leaving, the town's pipeline board
 * and the roster. `reservesBranch` is the place's branch itself, for probes that name a foreign person or mentor in an own
 * village's request. Every write probe uses 越权 or the day 2001-02-03, checked in "untouched".
 */
const rows: Record<string, Case> = {
  'GET /api/reserves/villages/:orgId': { foreign: (f) => [{ url: `/api/reserves/villages/${f.org}` }] },
  'POST /api/reserves/villages/:orgId': {
    foreign: (f, own) => [
      { url: `/api/reserves/villages/${f.org}`, body: { personId: f.reservePerson, source: 'other', sourceNote: '越权', enteredOn: '2001-02-03' } },
      // A person or a mentor of another village cannot be named in an own village's request.
      { url: `/api/reserves/villages/${own.reservesBranch}`, body: { personId: f.reservePerson, source: 'other', sourceNote: '越权', enteredOn: '2001-02-03' } },
      { url: `/api/reserves/villages/${own.reservesBranch}`, body: { personId: own.reservePerson, source: 'other', sourceNote: '越权', enteredOn: '2001-02-03', mentorPostId: f.reserveMentorPost } },
    ],
  },
  'POST /api/reserves/:id/moves': { foreign: (f) => [{ url: `/api/reserves/${f.reserve}/moves`, body: { toStage: 'training', occurredOn: '2001-02-03', reason: '越权' } }] },
  'POST /api/reserves/:id/mentor': {
    foreign: (f, own) => [
      { url: `/api/reserves/${f.reserve}/mentor`, body: { mentorPostId: null, occurredOn: '2001-02-03', reason: '越权' } },
      { url: `/api/reserves/${own.reserve}/mentor`, body: { mentorPostId: f.reserveMentorPost, occurredOn: '2001-02-03', reason: '越权' } },
    ],
  },
  'POST /api/reserves/:id/evaluations': {
    foreign: (f) => [{ url: `/api/reserves/${f.reserve}/evaluations`, body: { period: '2001-H1', evaluatedOn: '2001-02-03', result: 'poor', comment: '越权' } }],
  },
  'POST /api/reserves/:id/leave': { foreign: (f) => [{ url: `/api/reserves/${f.reserve}/leave`, body: { outcome: 'exited', occurredOn: '2001-02-03', reason: '越权' } }] },
  'GET /api/reserves/board': { list: '/api/reserves/board' },
  'GET /api/reserves/roster/:format': { foreign: (f) => [{ url: `/api/reserves/roster/xlsx?orgId=${f.org}` }] },
};

const START = { reserve_candidates: 95000000 };

export const reservesMatrix: MatrixModule = {
  rows,
  nonexistent: { reservesBranch: N, reservePerson: N, reserve: N, reserveMentorPost: N },

  async setup({ pool, ids, otherBranchId, otherMemberId, memberOf, anyUserId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number, memberId: number) => {
      const reservePerson = await one('select person_id as id from members where id = $1', [memberId]);
      // The mentor: a 委员 (several may hold it) of the village; the reserve: the member, in 储备 since 2024.
      const reserveMentorPost = await one(`insert into cadre_posts (tenant_id, organization_id, person_id, post, how, started_on, created_by)
        values (${tenant}, $1, $2, 'branch_member', 'election', '2021-01-15', $3) returning id`, [orgId, reservePerson, anyUserId]);
      const reserve = await one(`insert into reserve_candidates (tenant_id, organization_id, person_id, source, stage, stage_since, entered_on, mentor_post_id, created_by)
        values (${tenant}, $1, $2, 'local_talent', 'reserve', '2024-01-10', '2024-01-10', $3, $4) returning id`, [orgId, reservePerson, reserveMentorPost, anyUserId]);
      return { reservesBranch: orgId, reservePerson, reserve, reserveMentorPost };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部'], await memberOf('西花沟村党支部')),
      yingzi: await at(ids['营子村党支部'], await memberOf('营子村党支部')),
      other: await at(otherBranchId, otherMemberId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/reserves/board');
    if (role !== 'admin') {
      expect(res.statusCode, `${role}: the pipeline board`).toBe(403);
      return;
    }
    const orgIds = (res.json().villages as { organizationId: number }[]).map((r) => r.organizationId);
    expect(orgIds.length).toBeGreaterThan(0);
    for (const id of orgIds) expect(visible.has(id), `${role}: organisation ${id}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from reserve_moves where reason like '越权%' or occurred_on = '2001-02-03')
      + (select count(*) from reserve_evaluations where comment like '越权%' or evaluated_on = '2001-02-03')
      + (select count(*) from reserve_candidates where entered_on = '2001-02-03' or left_on = '2001-02-03' or id >= 95000000 and (status <> 'active' or stage <> 'reserve' or mentor_post_id is null)) as n`);
    expect(Number(dev.n)).toBe(0);
  },
};
