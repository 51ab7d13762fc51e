import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 村干部 (issue 15): a village's posts, changes and terms, the town board and the secretary adjustment list, all owned
 * by a village branch. `cadresBranch` is the place's branch itself (own.org is a 党小组), for probes that nest a
 * foreign holding or person in an own branch's request. Every write probe uses the reason 越权, checked in "untouched".
 */
const CHANGE = { kind: 'election', post: 'committee_member', occurredOn: '2001-02-03', reason: '越权' };

const PROFILE = { education: 'college', localTalent: true };
const EMPLOYMENT = { since: '2021-02-03', ruleText: '越权', careerTreatment: true };
const REVIEW = { year: 2001, result: 'incompetent', note: '越权' };
const team = (orgId: number) => ({ name: '越权队员', unit: '越权单位', teamName: '越权服务队', startedOn: '2001-02-03', endsOn: '2002-02-03', organizationIds: [orgId] });

const rows: Record<string, Case> = {
  'GET /api/cadres/villages/:orgId': { foreign: (f) => [{ url: `/api/cadres/villages/${f.org}` }] },
  'POST /api/cadres/villages/:orgId/changes': {
    foreign: (f, own) => [
      { url: `/api/cadres/villages/${f.org}/changes`, body: { ...CHANGE, personId: f.cadrePerson } },
      // A person or a holding of another village cannot be named in an own village's change.
      { url: `/api/cadres/villages/${own.cadresBranch}/changes`, body: { ...CHANGE, personId: f.cadrePerson } },
      { url: `/api/cadres/villages/${own.cadresBranch}/changes`, body: { kind: 'resignation', cadrePostId: f.cadrePost, occurredOn: '2001-02-03', reason: '越权' } },
    ],
  },
  'POST /api/cadres/villages/:orgId/terms': { foreign: (f) => [{ url: `/api/cadres/villages/${f.org}/terms`, body: { startYear: 2001, endYear: 2004, electedOn: '2001-02-03' } }] },
  'GET /api/cadres/board': { list: '/api/cadres/board' },
  'POST /api/cadres/adjustments': { foreign: (f) => [{ url: '/api/cadres/adjustments', body: { organizationId: f.org, reason: '越权', markedOn: '2001-02-03' } }] },
  'GET /api/cadres/structure': { list: '/api/cadres/structure' },
  'PUT /api/cadres/villages/:orgId/people/:personId/profile': {
    // Only the foreign village: a person id in an own village's path may equal a foreign member's id, which the harness
    // then requires to answer 404 where a role without cadres.manage rightly gets 403 (structure.test covers 404).
    foreign: (f) => [{ url: `/api/cadres/villages/${f.org}/people/${f.cadrePerson}/profile`, body: PROFILE }],
  },
  'PUT /api/cadres/villages/:orgId/holdings/:id/employment': {
    foreign: (f, own) => [
      { url: `/api/cadres/villages/${f.org}/holdings/${f.cadrePost}/employment`, body: EMPLOYMENT },
      { url: `/api/cadres/villages/${own.cadresBranch}/holdings/${f.cadrePost}/employment`, body: EMPLOYMENT },
    ],
  },
  'POST /api/cadres/villages/:orgId/holdings/:id/employment/reviews': {
    foreign: (f, own) => [
      { url: `/api/cadres/villages/${f.org}/holdings/${f.cadrePost}/employment/reviews`, body: REVIEW },
      { url: `/api/cadres/villages/${own.cadresBranch}/holdings/${f.cadrePost}/employment/reviews`, body: REVIEW },
    ],
  },
  'POST /api/cadres/service-team': {
    foreign: (f, own) => [
      { url: '/api/cadres/service-team', body: team(f.org) },
      { url: '/api/cadres/service-team', body: { ...team(own.cadresBranch), organizationIds: [own.cadresBranch, f.org] } },
    ],
  },
  'PUT /api/cadres/service-team/:id': {
    foreign: (f, own) => [
      { url: `/api/cadres/service-team/${f.serviceTeamMember}`, body: team(own.cadresBranch) },
      // An own member cannot be sent to serve a village outside the scope.
      { url: `/api/cadres/service-team/${own.serviceTeamMember}`, body: { ...team(own.cadresBranch), organizationIds: [own.cadresBranch, f.org] } },
    ],
  },
  'POST /api/cadres/adjustments/:id/decision': {
    foreign: (f) => [{ url: `/api/cadres/adjustments/${f.cadreAdjustment}/decision`, body: { decision: 'adjusted', decisionNote: '越权', decidedOn: '2001-02-03' } }],
  },
};

const START = { cadre_posts: 94000000, secretary_adjustments: 94100000, service_team_members: 94200000 };

export const cadresMatrix: MatrixModule = {
  rows,
  nonexistent: { cadresBranch: N, cadrePerson: N, cadrePost: N, cadreAdjustment: N, serviceTeamMember: N },

  async setup({ pool, ids, otherBranchId, otherMemberId, memberOf, anyUserId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number, memberId: number) => {
      const cadrePerson = await one('select person_id as id from members where id = $1', [memberId]);
      // A 委员 (several may hold it) and an adjustment already decided, so the demo's own cadres are not in the way.
      const cadrePost = await one(`insert into cadre_posts (tenant_id, organization_id, person_id, post, how, started_on, created_by)
        values (${tenant}, $1, $2, 'committee_member', 'election', '2021-01-15', $3) returning id`, [orgId, cadrePerson, anyUserId]);
      const cadreAdjustment = await one(`insert into secretary_adjustments (tenant_id, organization_id, person_id, reason, marked_on, decision, decision_note, decided_on, created_by)
        values (${tenant}, $1, $2, '矩阵调整', '2024-01-01', 'kept', '矩阵决定', '2024-02-01', $3) returning id`, [orgId, cadrePerson, anyUserId]);
      const serviceTeamMember = await one(`insert into service_team_members (tenant_id, name, unit, team_name, started_on, ends_on, created_by)
        values (${tenant}, '矩阵队员', '矩阵单位', '矩阵服务队', '2024-01-01', '2026-01-01', $2) returning id`, [orgId, anyUserId]);
      await pool.query(`insert into service_team_villages (tenant_id, member_id, organization_id) values (${tenant}, $2, $1)`, [orgId, serviceTeamMember]);
      return { cadresBranch: orgId, cadrePerson, cadrePost, cadreAdjustment, serviceTeamMember };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部'], await memberOf('西花沟村党支部')),
      yingzi: await at(ids['营子村党支部'], await memberOf('营子村党支部')),
      other: await at(otherBranchId, otherMemberId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/cadres/board');
    if (role !== 'admin') {
      expect(res.statusCode, `${role}: the town board`).toBe(403);
      return;
    }
    const board = res.json();
    const structure = (await s.get('/api/cadres/structure')).json();
    const served = board.serviceTeam.flatMap((m: { villages: { organizationId: number }[] }) => m.villages);
    const orgIds = [...board.villages, ...board.assigned, ...board.adjustments, ...structure.villages, ...served].map((r: { organizationId: number }) => r.organizationId);
    expect(orgIds.length).toBeGreaterThan(0);
    for (const id of orgIds) expect(visible.has(id), `${role}: organisation ${id}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from cadre_changes where reason like '越权%' or occurred_on = '2001-02-03')
      + (select count(*) from cadre_posts where started_on = '2001-02-03' or ended_on = '2001-02-03' or id >= 94000000 and ended_on is not null)
      + (select count(*) from cadre_terms where elected_on = '2001-02-03')
      + (select count(*) from secretary_adjustments where reason like '越权%' or decision_note like '越权%' or id >= 94100000 and decision <> 'kept')
      + (select count(*) from cadre_employments where rule_text like '越权%' or since = '2021-02-03')
      + (select count(*) from cadre_employment_reviews where note like '越权%' or year = 2001)
      + (select count(*) from service_team_members where name like '越权%' or id >= 94200000 and (name <> '矩阵队员' or ends_on <> '2026-01-01'))
      + (select count(*) from service_team_villages where member_id >= 94200000 and member_id not in (select id from service_team_members)) as n`);
    expect(Number(dev.n)).toBe(0);
  },
};
