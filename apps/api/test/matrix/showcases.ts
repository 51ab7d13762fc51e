import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 党建示范点 and 党建动态 (issue 20 points 5–6): a showcase is its branch's, a post the town root's. Another branch's
 * showcase (or another town's post) answers 404 for every verb, as a nonexistent id does; writes use 越权 names or the
 * year 2001, checked in "untouched". The town's public site shows published rows only, of the town named in the URL.
 */
const SHOWCASE = { name: '越权示范点', theme: '越权主题', status: 'named' };
const POST = { title: '越权动态标题', summary: '越权动态摘要', body: '越权动态正文十个字以上', author: '越权作者' };
const EVALUATION = { evaluatedOn: '2001-03-01', conclusion: 'keep', items: [{ criterionId: 1, result: 'met' }] };

const rows: Record<string, Case> = {
  'GET /api/showcases': { list: '/api/showcases' },
  'GET /api/showcases/criteria': {},
  'PUT /api/showcases/criteria': {},
  'GET /api/showcases/:id': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}` }] },
  'POST /api/showcases': { foreign: (f) => [{ url: '/api/showcases', body: { ...SHOWCASE, organizationId: f.showcaseBranch } }] },
  'PATCH /api/showcases/:id': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}`, body: SHOWCASE }] },
  'PUT /api/showcases/:id/practices': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/practices`, body: { practices: '越权做法' } }] },
  'PUT /api/showcases/:id/evaluations/:year': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/evaluations/2001`, body: EVALUATION }] },
  'POST /api/showcases/:id/visits': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/visits`, body: { visitedOn: '2001-01-02', visitors: '越权单位', people: 1 } }] },
  'DELETE /api/showcases/:id/visits/:childId': {
    foreign: (f, own) => [{ url: `/api/showcases/${f.showcase}/visits/${f.showcaseVisit}` }, { url: `/api/showcases/${own.showcase}/visits/${f.showcaseVisit}` }],
  },
  'POST /api/showcases/:id/photos': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/photos`, body: {} }] },
  'GET /api/showcases/:id/photos/:childId': {
    foreign: (f, own) => [{ url: `/api/showcases/${f.showcase}/photos/${f.showcasePhoto}` }, { url: `/api/showcases/${own.showcase}/photos/${f.showcasePhoto}` }],
  },
  'GET /api/showcases/:id/report.:format': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/report.pdf` }, { url: `/api/showcases/${f.showcase}/report.docx` }] },
  'POST /api/showcases/:id/publish': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/publish` }] },
  'POST /api/showcases/:id/unpublish': { foreign: (f) => [{ url: `/api/showcases/${f.showcase}/unpublish` }] },

  'GET /api/news': { list: '/api/news' },
  'POST /api/news': {},
  'GET /api/news/:id': { foreign: (f) => [{ url: `/api/news/${f.news}` }] },
  'PATCH /api/news/:id': { foreign: (f) => [{ url: `/api/news/${f.news}`, body: POST }] },
  'POST /api/news/:id/approve': { foreign: (f) => [{ url: `/api/news/${f.news}/approve` }] },
  'POST /api/news/:id/publish': { foreign: (f) => [{ url: `/api/news/${f.news}/publish` }] },
  'POST /api/news/:id/withdraw': { foreign: (f) => [{ url: `/api/news/${f.news}/withdraw` }] },
  'POST /api/news/:id/images': { foreign: (f) => [{ url: `/api/news/${f.news}/images`, body: {} }] },
  'GET /api/news/:id/images/:imageId': { foreign: (f) => [{ url: `/api/news/${f.news}/images/${f.newsImage}` }] },
};

const START = { showcases: 66000000, showcase_visits: 66100000, showcase_photos: 66200000, town_news: 66300000, town_news_images: 66400000 };
let codes: Record<Place, string> = { xihuagou: '', yingzi: '', other: '' };
let made: Record<Place, Record<string, number>>;

export const showcasesMatrix: MatrixModule = {
  rows,
  nonexistent: { showcase: N, showcaseBranch: N, showcaseVisit: N, showcasePhoto: N, news: N, newsImage: N },
  publicRoutes: [
    'GET /public/towns/:code', 'GET /public/towns/:code/news/:id', 'GET /public/towns/:code/news/:id/images/:childId',
    'GET /public/towns/:code/showcases/:id', 'GET /public/towns/:code/showcases/:id/photos/:childId',
  ],

  async setup({ pool, ids, otherBranchId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const root = `(select id from organizations where tenant_id = ${tenant} and parent_id is null)`;
    // Published on the public site, so the public probes below see the foreign rows as they are (another town's).
    const at = async (orgId: number) => {
      const showcase = await one(`insert into showcases (tenant_id, organization_id, name, theme, status, published_at) values (${tenant}, $1, '矩阵示范点', '矩阵主题', 'named', now()) returning id`, [orgId]);
      const showcaseVisit = await one(`insert into showcase_visits (tenant_id, organization_id, showcase_id, visited_on, visitors, people) values (${tenant}, $1, $2, '2020-01-01', '矩阵单位', 3) returning id`, [orgId, showcase]);
      const showcasePhoto = await one(`insert into showcase_photos (tenant_id, organization_id, showcase_id, mime, size, data) values (${tenant}, $1, $2, 'image/jpeg', 3, '\\x616263') returning id`, [orgId, showcase]);
      const news = await one(`insert into town_news (tenant_id, organization_id, title, summary, body, author, status, published_at) values (${tenant}, ${root}, '矩阵动态', '矩阵摘要', '矩阵正文', '矩阵作者', 'published', now()) returning id`, [orgId]);
      const newsImage = await one(`insert into town_news_images (tenant_id, organization_id, news_id, mime, size, data) values (${tenant}, ${root}, $2, 'image/jpeg', 3, '\\x616263') returning id`, [orgId, news]);
      return { showcase, showcaseBranch: orgId, showcaseVisit, showcasePhoto, news, newsImage };
    };
    const codeOf = async (orgId: number) => String((await pool.query('select t.code from tenants t join organizations o on o.tenant_id = t.id where o.id = $1', [orgId])).rows[0].code);
    codes = { xihuagou: await codeOf(ids['西花沟村党支部']), yingzi: await codeOf(ids['营子村党支部']), other: await codeOf(otherBranchId) };
    made = { xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId) };
    return made;
  },

  async lists(s, role, visible) {
    const list = await s.get('/api/showcases');
    if (role === 'member') expect(list.statusCode, `${role}: 示范点`).toBe(403);
    else {
      expect(list.statusCode, list.body).toBe(200);
      for (const r of list.json().items as { organizationId: number }[]) expect(visible.has(r.organizationId), `${role}: showcase ${r.organizationId}`).toBe(true);
    }
    // The public site names its town in the URL: another town's post or showcase is as unknown as a made-up id there.
    const other = made.other;
    const paths = [`news/${other.news}`, `showcases/${other.showcase}`, `news/${other.news}/images/${other.newsImage}`, `showcases/${other.showcase}/photos/${other.showcasePhoto}`];
    for (const path of paths) {
      const res = await s.get(`/public/towns/${codes.yingzi}/${path}`);
      expect(res.statusCode, `public ${path}`).toBe(404);
    }
    expect((await s.get(`/public/towns/${codes.other}/news/${other.news}`)).statusCode).toBe(200);
    expect((await s.get(`/public/towns/${codes.yingzi}`)).statusCode).toBe(200);
  },

  async untouched(pool) {
    const { rows: [r] } = await pool.query(`select
        (select count(*) from showcases where name like '越权%' or practices like '越权%' or id > 66000000 and (name <> '矩阵示范点' or published_at is null))
      + (select count(*) from showcase_evaluations where year = 2001)
      + (select count(*) from showcase_visits where visitors like '越权%')
      + (select count(*) from showcase_photos where id > 66200003)
      + (select count(*) from town_news where title like '越权%' or id > 66300000 and status <> 'published')
      + (select count(*) from town_news_images where id > 66400003) as n`);
    expect(Number(r.n)).toBe(0);
    const { rows: [kept] } = await pool.query(`select (select count(*) from showcase_visits where id > 66100000)::int as visits`);
    expect(kept).toEqual({ visits: 3 });
  },
};
