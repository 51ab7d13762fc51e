import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 三务公开 (disclosure): disclosures are scoped through their village branch. The public pages (no session) are
 * not rows here, because the harness requires a session on every row; they are probed in `lists` below: a draft,
 * a submitted and an approved-but-unpublished disclosure (and their files) answer exactly like a nonexistent id,
 * and no public answer ever contains an unpublished title.
 */

const DRAFT_BODY = { category: 'finance', ruleKey: 'finance_monthly', period: '2001-02', title: '越权起草的公开' };
// Every probe that could write uses the marker text 越权 or the period 2001-02, checked in "left untouched".
const rows: Record<string, Case> = {
  'GET /api/disclosure/rules': {},
  'GET /api/disclosures/board': { list: '/api/disclosures/board', foreign: (f) => [{ url: `/api/disclosures/board?orgId=${f.org}` }] },
  'GET /api/disclosures': { list: '/api/disclosures', foreign: (f) => [{ url: `/api/disclosures?orgId=${f.org}` }] },
  'POST /api/disclosures': {
    foreign: (f, own) => [
      { url: '/api/disclosures', body: { ...DRAFT_BODY, organizationId: f.org } },
      // Correcting another village's published disclosure from an own branch.
      { url: '/api/disclosures', body: { ...DRAFT_BODY, organizationId: own.org, supersedesId: f.disclosure } },
    ],
  },
  'GET /api/disclosures/:id': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosure}` }, { url: `/api/disclosures/${f.disclosureDraft}` }] },
  'PATCH /api/disclosures/:id': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureDraft}`, body: { title: '越权修改' } }] },
  'POST /api/disclosures/:id/files': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureDraft}/files`, body: {} }] },
  'GET /api/disclosures/:id/files/:fileId': {
    foreign: (f, own) => [{ url: `/api/disclosures/${f.disclosure}/files/${f.disclosureFile}` }, { url: `/api/disclosures/${own.disclosure}/files/${f.disclosureFile}` }],
  },
  'DELETE /api/disclosures/:id/files/:fileId': {
    foreign: (f, own) => [{ url: `/api/disclosures/${f.disclosureDraft}/files/${f.disclosureDraftFile}` }, { url: `/api/disclosures/${own.disclosureDraft}/files/${f.disclosureDraftFile}` }],
  },
  'POST /api/disclosures/:id/table': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureDraft}/table`, body: {} }] },
  'POST /api/disclosures/:id/submit': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureDraft}/submit`, body: { note: '越权' } }] },
  'POST /api/disclosures/:id/review': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureSubmitted}/review`, body: { note: '越权' } }] },
  'POST /api/disclosures/:id/approve': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureReviewed}/approve`, body: { note: '越权' } }] },
  'POST /api/disclosures/:id/publish': { foreign: (f) => [{ url: `/api/disclosures/${f.disclosureApproved}/publish`, body: { note: '越权' } }] },
  'POST /api/disclosures/:id/return': {
    foreign: (f) => [{ url: `/api/disclosures/${f.disclosureSubmitted}/return`, body: { reason: '越权退回' } }, { url: `/api/disclosures/${f.disclosureReviewed}/return`, body: { reason: '越权退回' } }],
  },
};

const START = { disclosures: 86000000, disclosure_files: 87000000, disclosure_events: 88000000 };
const KINDS = ['disclosure', 'disclosureDraft', 'disclosureSubmitted', 'disclosureReviewed', 'disclosureApproved', 'disclosureFile', 'disclosureDraftFile'] as const;
type Made = Record<(typeof KINDS)[number], number>;

/** What setup made, for the public probes (the harness gives `lists` no ids). */
const made: Partial<Record<Place, Made & { code: string; titles: { published: string; hidden: string[] } }>> = {};

export const disclosureMatrix: MatrixModule = {
  rows,
  publicRoutes: [
    'GET /api/public/villages/:code/disclosures', 'GET /api/public/villages/:code/disclosures/:id', 'GET /api/public/files/:fileId',
    'GET /public/villages/:code', 'GET /public/villages/:code/disclosures/:id', 'GET /public/villages/:code/micro-power',
  ],
  nonexistent: Object.fromEntries(KINDS.map((k) => [k, N])),

  async setup({ pool, ids, otherTenantId, otherBranchId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    // The neighbouring town gets a village of its own for its branch's public page.
    const { rows: [v2] } = await pool.query(`insert into villages (tenant_id, code, name) values ($1, '999999001201', '邻村') returning id, code`, [otherTenantId]);
    const at = async (place: Place, orgId: number, name: string) => {
      const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
      const { rows: [org] } = await pool.query(`select o.tenant_id, o.village_id, v.code from organizations o left join villages v on v.id = o.village_id where o.id = $1`, [orgId]);
      const villageId = org.village_id ?? v2.id;
      const code: string = org.code ?? v2.code;
      const insert = (status: string, title: string) => one(`insert into disclosures (tenant_id, organization_id, village_id, category, rule_key, period, title, content, status, published_at)
        values ($1, $2, $3, 'finance', 'finance_monthly', '2023-04', $4, $5, $6, case when $6 = 'published' then now() end) returning id`,
      [org.tenant_id, orgId, villageId, title, `${title}正文`, status]);
      const titles = { published: `${name}已公开财务`, draft: `${name}财务草稿`, submitted: `${name}已提出财务`, reviewed: `${name}已审核财务`, approved: `${name}待公开财务` };
      const disclosure = await insert('published', titles.published);
      const disclosureDraft = await insert('draft', titles.draft);
      const disclosureSubmitted = await insert('submitted', titles.submitted);
      const disclosureReviewed = await insert('reviewed', titles.reviewed);
      const disclosureApproved = await insert('approved', titles.approved);
      const file = (id: number, label: string) => one(`insert into disclosure_files (tenant_id, disclosure_id, name, mime, size, data) values ($1, $2, $3, 'text/plain; charset=utf-8', 3, '\\x616263') returning id`, [org.tenant_id, id, `${name}${label}.txt`]);
      const disclosureFile = await file(disclosure, '凭证');
      const disclosureDraftFile = await file(disclosureDraft, '草稿凭证');
      await pool.query(`insert into disclosure_events (tenant_id, disclosure_id, kind) values ($1, $2, 'published')`, [org.tenant_id, disclosure]);
      const out: Made = { disclosure, disclosureDraft, disclosureSubmitted, disclosureReviewed, disclosureApproved, disclosureFile, disclosureDraftFile };
      made[place] = { ...out, code, titles: { published: titles.published, hidden: [titles.draft, titles.submitted, titles.reviewed, titles.approved] } };
      return out;
    };
    return {
      xihuagou: await at('xihuagou', ids['西花沟村党支部'], '西花沟'),
      yingzi: await at('yingzi', ids['营子村党支部'], '营子'),
      other: await at('other', otherBranchId, '邻村党支部'),
    };
  },

  async lists(s, role, visible, foreignNames) {
    const items: { organizationId: number; title: string }[] = (await s.get(rows['GET /api/disclosures'].list as string)).json().items;
    for (const d of items) expect(visible.has(d.organizationId), d.title).toBe(true);
    if (role === 'member') expect(items).toEqual([]);
    else expect(items.length, 'every scope tested holds a matrix disclosure').toBeGreaterThan(0);
    const board = (await s.get(rows['GET /api/disclosures/board'].list as string)).json();
    for (const b of board.branches) expect(visible.has(b.organizationId), b.organizationName).toBe(true);
    const all = JSON.stringify(items) + JSON.stringify(board);
    for (const name of foreignNames) expect(all).not.toContain(name);

    // The public side, the same for every caller (the session is ignored there).
    for (const place of Object.values(made)) {
      const absent = await s.get(`/api/public/villages/${place.code}/disclosures/${N}`);
      expect(absent.statusCode).toBe(404);
      for (const id of [place.disclosureDraft, place.disclosureSubmitted, place.disclosureReviewed, place.disclosureApproved]) {
        const res = await s.get(`/api/public/villages/${place.code}/disclosures/${id}`);
        expect([res.statusCode, res.body], `public ${id}`).toEqual([absent.statusCode, absent.body]);
        const pageRes = await s.get(`/public/villages/${place.code}/disclosures/${id}`);
        const pageAbsent = await s.get(`/public/villages/${place.code}/disclosures/${N}`);
        expect([pageRes.statusCode, pageRes.body]).toEqual([404, pageAbsent.body]);
      }
      const fileAbsent = await s.get(`/api/public/files/${N}`);
      const draftFile = await s.get(`/api/public/files/${place.disclosureDraftFile}`);
      expect([draftFile.statusCode, draftFile.body]).toEqual([404, fileAbsent.body]);
      expect((await s.get(`/api/public/files/${place.disclosureFile}`)).statusCode).toBe(200);
      const list = await s.get(`/api/public/villages/${place.code}/disclosures`);
      const html = await s.get(`/public/villages/${place.code}`);
      const power = await s.get(`/public/villages/${place.code}/micro-power`);
      expect([list.statusCode, html.statusCode, power.statusCode]).toEqual([200, 200, 200]);
      for (const hidden of place.titles.hidden) expect(power.body).not.toContain(hidden);
      expect(list.body).toContain(place.titles.published);
      for (const hidden of place.titles.hidden) {
        expect(list.body).not.toContain(hidden);
        expect(html.body).not.toContain(hidden);
      }
    }
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from disclosures where title like '%越权%' or period = '2001-02' or return_reason is not null)
      + (select count(*) from disclosure_events where note like '%越权%' or disclosure_id >= 86000000 and kind <> 'published')
      + (select count(*) from disclosure_files where id > 87000006 or disclosure_id >= 86000000 and name like '%越权%') as n`);
    expect(Number(dev.n)).toBe(0);
    const { rows: states } = await pool.query(`select status, count(*)::int as n from disclosures where id >= 86000000 group by status order by status`);
    expect(states).toEqual(['approved', 'draft', 'published', 'reviewed', 'submitted'].map((status) => ({ status, n: 3 })));
    const { rows: [files] } = await pool.query('select count(*)::int as n from disclosure_files where disclosure_id >= 86000000');
    expect(files.n).toBe(6);
  },
};
