import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 党员联户 (issue 20 point 3): another village's or town's household answers 404 for every verb, the village named in a
 * create, list or import too; 我的联户 visits to a household the caller does not look after as well. Write probes use
 * 越权 names, checked in "untouched"; 转为村民说事 of another place's visit leaves it without a case.
 */
const VISIT = { visitedOn: '2001-02-03', method: 'door', raised: '越权事项' };

const rows: Record<string, Case> = {
  'GET /api/households': { list: '/api/households', foreign: (f) => [{ url: `/api/households?orgId=${f.org}` }] },
  'POST /api/households': { foreign: (f) => [{ url: '/api/households', body: { organizationId: f.org, headName: '越权农户' } }] },
  'POST /api/households/import': { foreign: (f) => [{ url: `/api/households/import?orgId=${f.org}&dryRun=true`, body: {} }] },
  'GET /api/households/:id': { foreign: (f) => [{ url: `/api/households/${f.household}` }] },
  'PATCH /api/households/:id': { foreign: (f) => [{ url: `/api/households/${f.household}`, body: { headName: '越权农户' } }] },
  'PUT /api/households/:id/links': { foreign: (f) => [{ url: `/api/households/${f.household}/links`, body: { personIds: [] } }] },
  'POST /api/households/:id/visits': { foreign: (f) => [{ url: `/api/households/${f.household}/visits`, body: { ...VISIT, personId: 1 } }] },
  'GET /api/my/households': {},
  'POST /api/my/households/:id/visits': { foreign: (f) => [{ url: `/api/my/households/${f.household}/visits`, body: VISIT }] },
  'POST /api/households/:id/visits/:visitId/matter': { foreign: (f) => [{ url: `/api/households/${f.household}/visits/${f.visit}/matter`, body: {} }] },
  'POST /api/my/households/:id/visits/:visitId/matter': { foreign: (f) => [{ url: `/api/my/households/${f.household}/visits/${f.visit}/matter`, body: {} }] },
};

export const householdsMatrix: MatrixModule = {
  rows,
  nonexistent: { household: N, visit: N },

  async setup({ pool, ids, otherBranchId, anyUserId }) {
    await pool.query(`select setval('households_id_seq', 97000000)`);
    const at = async (orgId: number) => {
      const { rows: [h] } = await pool.query(`insert into households (tenant_id, organization_id, head_name, hamlet, created_by)
        values ((select tenant_id from organizations where id = $1), $1, '矩阵农户', '一组', $2) returning id`, [orgId, anyUserId]);
      // A visit with a raised matter, for 转为村民说事 (its matter_id stays null: checked in "untouched").
      const { rows: [v] } = await pool.query(`insert into household_visits (tenant_id, organization_id, household_id, person_id, visited_on, method, raised, entered_by)
        select tenant_id, organization_id, id, (select min(id) from persons), '2001-02-03', 'door', '矩阵反映事项', $2 from households where id = $1 returning id`, [h.id, anyUserId]);
      return { household: Number(h.id), visit: Number(v.id) };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const list = await s.get('/api/households');
    const mine = await s.get('/api/my/households');
    expect(mine.statusCode, `${role}: 我的联户`).toBe(200);
    if (role === 'member') {
      expect(list.statusCode, `${role}: 联户`).toBe(403);
      return;
    }
    for (const x of list.json().items as { organizationId: number }[]) expect(visible.has(x.organizationId), `${role}: household of ${x.organizationId}`).toBe(true);
    for (const name of foreignNames) expect(list.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from households where head_name like '越权%')
      + (select count(*) from household_visits where raised like '越权%')
      + (select count(*) from household_visits where raised = '矩阵反映事项' and matter_id is not null)
      + (select count(*) from household_links l join households h on h.id = l.household_id where h.head_name = '矩阵农户')
      + (select 3 - count(*) from households where head_name = '矩阵农户' and hamlet = '一组') as n`);
    expect(Number(n.n)).toBe(0);
  },
};
