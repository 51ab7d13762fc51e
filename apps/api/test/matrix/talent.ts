import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 人才 (issue 15 point 6): talents and their support, filed under a village branch. `talentBranch` is the place's
 * branch itself, for probes that name a foreign person in an own village's request. Every write probe uses 越权,
 * checked in "untouched".
 */
const TALENT = { kind: 'rural_star', field: 'planting', note: '越权' };

const rows: Record<string, Case> = {
  'GET /api/talent': { list: '/api/talent', foreign: (f) => [{ url: `/api/talent?orgId=${f.org}` }] },
  'GET /api/talent/progress': { list: '/api/talent/progress' },
  'PUT /api/talent/targets/:year': {},
  'POST /api/talent': {
    foreign: (f, own) => [
      { url: '/api/talent', body: { ...TALENT, organizationId: f.org, personId: f.talentPerson } },
      // A person of another village cannot be named in an own village's entry.
      { url: '/api/talent', body: { ...TALENT, organizationId: own.talentBranch, personId: f.talentPerson } },
    ],
  },
  'GET /api/talent/import-template': {},
  'GET /api/talent/roster': { foreign: (f) => [{ url: `/api/talent/roster?orgId=${f.org}&format=xlsx` }] },
  // The file is read only after the scope check: an out-of-scope village answers 404 whatever was sent.
  'POST /api/talent/import': { foreign: (f) => [{ url: `/api/talent/import?orgId=${f.org}&dryRun=false` }] },
  'GET /api/talent/:id': { foreign: (f) => [{ url: `/api/talent/${f.talent}` }] },
  'PATCH /api/talent/:id': { foreign: (f) => [{ url: `/api/talent/${f.talent}`, body: { ...TALENT } }] },
  'POST /api/talent/:id/support': { foreign: (f) => [{ url: `/api/talent/${f.talent}/support`, body: { givenOn: '2001-02-03', what: '越权', givenBy: '越权单位' } }] },
  'POST /api/talent/:id/reveal': { foreign: (f) => [{ url: `/api/talent/${f.talent}/reveal`, body: { field: 'phone', reason: '越权' } }] },
};

export const talentMatrix: MatrixModule = {
  rows,
  nonexistent: { talentBranch: N, talentPerson: N, talent: N },

  async setup({ pool, ids, otherBranchId, otherMemberId, memberOf, anyUserId }) {
    await pool.query("select setval('talents_id_seq', 95000000)");
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number, memberId: number) => {
      const talentPerson = await one('select person_id as id from members where id = $1', [memberId]);
      const talent = await one(`insert into talents (tenant_id, organization_id, person_id, kind, tier, selected_year, field, note, created_by)
        values (${tenant}, $1, $2, 'new_farmer', 'thousand', 2024, 'breeding', '矩阵人才', $3)
        on conflict (tenant_id, person_id) do update set note = '矩阵人才' returning id`, [orgId, talentPerson, anyUserId]);
      return { talentBranch: orgId, talentPerson, talent };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部'], await memberOf('西花沟村党支部')),
      yingzi: await at(ids['营子村党支部'], await memberOf('营子村党支部')),
      other: await at(otherBranchId, otherMemberId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/talent');
    if (role === 'member') {
      expect(res.statusCode, `${role}: the registry`).toBe(403);
      return;
    }
    const list = res.json();
    for (const r of list.rows as { organizationId: number }[]) expect(visible.has(r.organizationId), `${role}: organisation ${r.organizationId}`).toBe(true);
    for (const v of list.villages as { organizationId: number }[]) expect(visible.has(v.organizationId), `${role}: village ${v.organizationId}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from talents where note like '越权%')
      + (select count(*) from talent_support where what like '越权%' or given_on = '2001-02-03') as n`);
    expect(Number(dev.n)).toBe(0);
  },
};
