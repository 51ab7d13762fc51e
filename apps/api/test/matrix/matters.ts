import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 村民说事 (issue 20), filed under its village's branch: another village's or town's matter answers 404 for every verb,
 * and so does an own village's matter naming another village's meeting or 四议两公开 (checked in the caller's scope).
 * `matterBranch` is the place's village branch. Write probes use 越权 texts, checked in "untouched".
 */
const RAISE = { source: 'walk_in', category: 'other', title: '越权事项', content: '越权内容越权内容', raisedOn: '2020-01-02' };
const DISCUSS = { discussedOn: '2020-01-03', forum: 'committee', discussion: '越权议事', ownerName: '越权', dueOn: '2020-02-01' };

const rows: Record<string, Case> = {
  'GET /api/matters': { list: '/api/matters', foreign: (f) => [{ url: `/api/matters?orgId=${f.matterBranch}` }] },
  'GET /api/matters/:id': { foreign: (f) => [{ url: `/api/matters/${f.matter}` }] },
  'POST /api/matters': {
    foreign: (f, own) => [
      { url: '/api/matters', body: { ...RAISE, organizationId: f.matterBranch } },
      { url: '/api/matters', body: { ...RAISE, organizationId: own.matterBranch, raisedActivityId: f.activity } },
    ],
  },
  'POST /api/matters/:id/discuss': {
    foreign: (f, own) => [
      { url: `/api/matters/${f.matter}/discuss`, body: DISCUSS },
      { url: `/api/matters/${own.matter}/discuss`, body: { ...DISCUSS, fourTwoId: f.fourTwo } },
      { url: `/api/matters/${own.matter}/discuss`, body: { ...DISCUSS, activityId: f.activity } },
    ],
  },
  'POST /api/matters/:id/steps': { foreign: (f) => [{ url: `/api/matters/${f.matter}/steps`, body: { on: '2020-01-04', text: '越权进展' } }] },
  'POST /api/matters/:id/handle': { foreign: (f) => [{ url: `/api/matters/${f.matter}/handle`, body: { handledOn: '2020-01-05', result: '越权办结' } }] },
  'POST /api/matters/:id/escalate': { foreign: (f) => [{ url: `/api/matters/${f.matter}/escalate`, body: { reason: '越权上报' } }] },
  'POST /api/matters/:id/rate': { foreign: (f) => [{ url: `/api/matters/${f.matter}/rate`, body: { ratedOn: '2020-01-06', rating: 'satisfied' } }] },
  'POST /api/matters/:id/photos': { foreign: (f) => [{ url: `/api/matters/${f.matter}/photos`, body: {} }] },
  'GET /api/matters/:id/photos/:photoId': {
    foreign: (f, own) => [{ url: `/api/matters/${f.matter}/photos/${f.matterPhoto}` }, { url: `/api/matters/${own.matter}/photos/${f.matterPhoto}` }],
  },
  'GET /api/matters/villages/:orgId/link-options': { foreign: (f) => [{ url: `/api/matters/villages/${f.matterBranch}/link-options` }] },
  'GET /api/matters/meetings/:activityId': { foreign: (f) => [{ url: `/api/matters/meetings/${f.activity}` }] },
  'GET /api/matters/ledger/:orgId.:format': { foreign: (f) => [{ url: `/api/matters/ledger/${f.matterBranch}.pdf?period=2020` }] },
};

/** The matrix matters' receipts (valid receipt letters): the public status page is probed with them. */
const receiptOf = (n: number) => `MATRXAAAAAA${n + 1}`;
/** 营子村 of the demo town: its public form. */
const YINGZI_CODE = '370402105200';

const START = { matters: 66000000, matter_events: 66100000, matter_photos: 66200000 };

export const mattersMatrix: MatrixModule = {
  rows,
  nonexistent: { matterBranch: N, matter: N, matterPhoto: N },
  publicRoutes: ['GET /public/villages/:code/matters/new', 'GET /public/villages/:code/matters/poster', 'POST /public/villages/:code/matters', 'GET /public/matters/:receipt'],

  async setup({ pool, ids, otherBranchId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number, n: number) => {
      // A discussed matter: every stage action is allowed on it, so only the scope can refuse.
      const matter = await one(`insert into matters (tenant_id, organization_id, receipt, source, category, title, content, raised_on, stage, discussed_on, owner_name, due_on)
        values (${tenant}, $1, $2, 'walk_in', 'other', '矩阵事项', '矩阵内容', '2020-01-01', 'discussed', '2020-01-02', '矩阵', '2099-01-01') returning id`, [orgId, receiptOf(n)]);
      await pool.query(`insert into matter_events (tenant_id, organization_id, matter_id, kind, "on", text) values (${tenant}, $1, $2, 'raised', '2020-01-01', '矩阵')`, [orgId, matter]);
      const matterPhoto = await one(`insert into matter_photos (tenant_id, organization_id, matter_id, mime, size, data) values (${tenant}, $1, $2, 'image/jpeg', 3, '\\x616263') returning id`, [orgId, matter]);
      return { matterBranch: orgId, matter, matterPhoto };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部'], 1), yingzi: await at(ids['营子村党支部'], 2), other: await at(otherBranchId, 3),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    // The public side, the same for every caller: a status page by receipt shows no text of the case; an unknown receipt
    // and an unknown village answer the 404 page; a form without consent stores nothing.
    // The two demo villages' matrix matters (the neighbouring town's branch has no 行政村, so no public page).
    for (const n of [1, 2]) {
      const status = await s.get(`/public/matters/${receiptOf(n)}`);
      expect(status.statusCode).toBe(200);
      expect(status.body).not.toContain('矩阵内容');
    }
    expect((await s.get('/public/matters/ZZZZZZZZZZZZ')).statusCode).toBe(404);
    expect((await s.get(`/public/villages/${YINGZI_CODE}/matters/new`)).statusCode).toBe(200);
    expect((await s.get(`/public/villages/${YINGZI_CODE}/matters/poster`)).statusCode).toBe(200);
    expect((await s.get('/public/villages/999999999999/matters/new')).statusCode).toBe(404);
    const refused = await s.request('POST', `/public/villages/${YINGZI_CODE}/matters`, 'category=other&content=%E8%B6%8A%E6%9D%83%E5%86%85%E5%AE%B9',
      { 'content-type': 'application/x-www-form-urlencoded' });
    expect(refused.statusCode).toBe(400);
    const res = await s.get('/api/matters?pageSize=100');
    if (role === 'member') {
      expect(res.statusCode, `${role}: 村民说事`).toBe(403);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { villages: { organizationId: number }[]; items: { organizationId: number }[] };
    for (const r of [...body.villages, ...body.items]) expect(visible.has(r.organizationId), `${role}: organisation ${r.organizationId}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [r] } = await pool.query(`select
        (select count(*) from matters where title like '越权%' or id > 66000000 and (stage <> 'discussed' or four_two_id is not null or discussion_activity_id is not null or escalated_on is not null))
      + (select count(*) from matter_events where text like '越权%' or id > 66100000 and kind <> 'raised')
      + (select count(*) from matter_photos where id > 66200003) as n`);
    expect(Number(r.n)).toBe(0);
  },
};
