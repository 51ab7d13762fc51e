import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 一村一品, 经营主体, 村级项目 (issue 18 points 4–5), each filed under its village's branch: another village's or town's
 * record answers 404 for every verb, and so does an own village's record naming another village's talent, 四议两公开
 * or 三务公开 (a link is checked in the caller's scope first). `economyBranch` is the place's village branch (own.org
 * is a 党小组). Every write probe uses 越权 names or the year 2001, checked in "untouched".
 */
const PRODUCT = { name: '越权产品', category: 'other' };
const ACTOR = { kind: 'cooperative', name: '越权合作社' };
const PROJECT = { name: '越权项目', investmentFen: 1, stage: 'approved', approvedOn: '2001-02-03' };
const SUPPORT = { kind: 'funds', year: 2001, amountFen: 1, source: '越权来源' };

const rows: Record<string, Case> = {
  'GET /api/economy/products': { list: '/api/economy/products', foreign: (f) => [{ url: `/api/economy/products?orgId=${f.economyBranch}` }] },
  'POST /api/economy/products': { foreign: (f) => [{ url: '/api/economy/products', body: { ...PRODUCT, organizationId: f.economyBranch } }] },
  'PATCH /api/economy/products/:id': { foreign: (f) => [{ url: `/api/economy/products/${f.economyProduct}`, body: PRODUCT }] },
  'DELETE /api/economy/products/:id': { foreign: (f) => [{ url: `/api/economy/products/${f.economyProduct}` }] },

  'GET /api/economy/actors': { list: '/api/economy/actors', foreign: (f) => [{ url: `/api/economy/actors?orgId=${f.economyBranch}` }] },
  'POST /api/economy/actors': {
    foreign: (f, own) => [
      { url: '/api/economy/actors', body: { ...ACTOR, organizationId: f.economyBranch } },
      { url: '/api/economy/actors', body: { ...ACTOR, organizationId: own.economyBranch, leaderTalentId: f.talent } },
    ],
  },
  'PATCH /api/economy/actors/:id': {
    foreign: (f, own) => [
      { url: `/api/economy/actors/${f.economyActor}`, body: ACTOR },
      { url: `/api/economy/actors/${own.economyActor}`, body: { ...ACTOR, leaderTalentId: f.talent } },
    ],
  },
  'DELETE /api/economy/actors/:id': { foreign: (f) => [{ url: `/api/economy/actors/${f.economyActor}` }] },
  'POST /api/economy/actors/:id/support': { foreign: (f) => [{ url: `/api/economy/actors/${f.economyActor}/support`, body: SUPPORT }] },
  'DELETE /api/economy/actors/:id/support/:supportId': {
    foreign: (f, own) => [
      { url: `/api/economy/actors/${f.economyActor}/support/${f.economySupport}` },
      { url: `/api/economy/actors/${own.economyActor}/support/${f.economySupport}` },
    ],
  },
  'GET /api/economy/villages/:orgId/link-options': { foreign: (f) => [{ url: `/api/economy/villages/${f.economyBranch}/link-options` }] },

  'GET /api/economy/projects': { list: '/api/economy/projects', foreign: (f) => [{ url: `/api/economy/projects?orgId=${f.economyBranch}` }] },
  'GET /api/economy/projects/:id': { foreign: (f) => [{ url: `/api/economy/projects/${f.economyProject}` }] },
  'POST /api/economy/projects': {
    foreign: (f, own) => [
      { url: '/api/economy/projects', body: { ...PROJECT, organizationId: f.economyBranch } },
      { url: '/api/economy/projects', body: { ...PROJECT, organizationId: own.economyBranch, fourTwoId: f.fourTwo } },
      { url: '/api/economy/projects', body: { ...PROJECT, organizationId: own.economyBranch, disclosureId: f.disclosure } },
    ],
  },
  'PATCH /api/economy/projects/:id': {
    foreign: (f, own) => [
      { url: `/api/economy/projects/${f.economyProject}`, body: PROJECT },
      { url: `/api/economy/projects/${own.economyProject}`, body: { ...PROJECT, fourTwoId: f.fourTwo } },
      { url: `/api/economy/projects/${own.economyProject}`, body: { ...PROJECT, disclosureId: f.disclosure } },
    ],
  },
  'PUT /api/economy/projects/:id/incomes/:year': { foreign: (f) => [{ url: `/api/economy/projects/${f.economyProject}/incomes/2001`, body: { amountFen: 1 } }] },
  'DELETE /api/economy/projects/:id/incomes/:year': { foreign: (f) => [{ url: `/api/economy/projects/${f.economyProject}/incomes/2020` }] },
  'POST /api/economy/projects/:id/photos': { foreign: (f) => [{ url: `/api/economy/projects/${f.economyProject}/photos`, body: {} }] },
  'GET /api/economy/projects/:id/photos/:photoId': {
    foreign: (f, own) => [
      { url: `/api/economy/projects/${f.economyProject}/photos/${f.economyPhoto}` },
      { url: `/api/economy/projects/${own.economyProject}/photos/${f.economyPhoto}` },
    ],
  },
};

const START = {
  economy_products: 64000000, economy_actors: 64100000, economy_actor_support: 64200000, economy_projects: 64300000,
  economy_project_incomes: 64400000, economy_project_photos: 64500000,
};

export const economyActorsMatrix: MatrixModule = {
  rows,
  nonexistent: { economyBranch: N, economyProduct: N, economyActor: N, economySupport: N, economyProject: N, economyPhoto: N },

  async setup({ pool, ids, otherBranchId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number) => {
      const economyProduct = await one(`insert into economy_products (tenant_id, organization_id, name, category) values (${tenant}, $1, '矩阵产品', 'fungi') returning id`, [orgId]);
      const economyActor = await one(`insert into economy_actors (tenant_id, organization_id, kind, name) values (${tenant}, $1, 'cooperative', '矩阵合作社') returning id`, [orgId]);
      const economySupport = await one(`insert into economy_actor_support (tenant_id, organization_id, actor_id, kind, year, amount_fen, source) values (${tenant}, $1, $2, 'funds', 2020, 100, '矩阵来源') returning id`, [orgId, economyActor]);
      const economyProject = await one(`insert into economy_projects (tenant_id, organization_id, name, investment_fen, stage, approved_on) values (${tenant}, $1, '矩阵项目', 100, 'approved', '2020-01-01') returning id`, [orgId]);
      await pool.query(`insert into economy_project_incomes (tenant_id, organization_id, project_id, year, amount_fen) values (${tenant}, $1, $2, 2020, 100)`, [orgId, economyProject]);
      const economyPhoto = await one(`insert into economy_project_photos (tenant_id, organization_id, project_id, mime, size, data) values (${tenant}, $1, $2, 'image/jpeg', 3, '\\x616263') returning id`, [orgId, economyProject]);
      return { economyBranch: orgId, economyProduct, economyActor, economySupport, economyProject, economyPhoto };
    };
    // The neighbouring town's branch is not a village's: its records are there all the same, to be refused by the scope.
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const lists = await Promise.all(['products', 'actors', 'projects'].map((l) => s.get(`/api/economy/${l}`)));
    if (role === 'member') {
      for (const res of lists) expect(res.statusCode, `${role}: 经营主体等`).toBe(403);
      return;
    }
    for (const res of lists) {
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { villages: { organizationId: number }[]; items: { organizationId: number }[] };
      for (const r of [...body.villages, ...body.items]) expect(visible.has(r.organizationId), `${role}: organisation ${r.organizationId}`).toBe(true);
      expect(body.items.length, `${role} sees the matrix records of its own villages`).toBeGreaterThan(0);
      for (const name of foreignNames) expect(res.body).not.toContain(name);
    }
  },

  async untouched(pool) {
    const { rows: [r] } = await pool.query(`select
        (select count(*) from economy_products where name like '越权%' or id > 64000000 and id < 64100000 and name <> '矩阵产品')
      + (select count(*) from economy_actors where name like '越权%' or id > 64100000 and id < 64200000 and (name <> '矩阵合作社' or leader_talent_id is not null))
      + (select count(*) from economy_actor_support where year = 2001 or source like '越权%')
      + (select count(*) from economy_projects where name like '越权%' or four_two_id is not null and id > 64300000 or disclosure_id is not null and id > 64300000)
      + (select count(*) from economy_project_incomes where year = 2001)
      + (select count(*) from economy_project_photos where id > 64500003) as n`);
    expect(Number(r.n)).toBe(0);
    const { rows: [kept] } = await pool.query(`select (select count(*) from economy_products where id > 64000000)::int as products,
      (select count(*) from economy_actor_support where id > 64200000)::int as support, (select count(*) from economy_project_incomes where year = 2020 and id > 64400000)::int as incomes`);
    expect(kept).toEqual({ products: 3, support: 3, incomes: 3 });
  },
};
