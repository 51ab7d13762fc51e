import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 考核方案 (issue 16 point 1): the schemes are the town's (tenant-wide). Foreign ones: the demo town's 镇机关 scheme for
 * the village places (a village's secretary sees the village cadres' schemes only) and a scheme of the neighbouring
 * town. Every write probe uses 越权, checked in "untouched".
 */
const VERSION = {
  posts: [], effectiveFrom: '2099-01', note: '越权',
  indicators: [{ key: 'work', name: '越权指标', weight: 100, scorer: 'town_office' }], bands: [{ label: '合格', min: 60 }],
};

const rows: Record<string, Case> = {
  'GET /api/assessment/schemes': { list: '/api/assessment/schemes' },
  'POST /api/assessment/schemes': {},
  'GET /api/assessment/schemes/:id': { foreign: (f) => [{ url: `/api/assessment/schemes/${f.assessmentScheme}` }] },
  'POST /api/assessment/schemes/:id/versions': { foreign: (f) => [{ url: `/api/assessment/schemes/${f.assessmentScheme}/versions`, body: VERSION }] },
  // 考核计量 (point 2): another village's branch answers like a missing one.
  'GET /api/assessment/measures': { foreign: (f) => [{ url: `/api/assessment/measures?orgId=${f.org}&period=2026-01` }] },
};

/** The tree as the service stores it (every field filled in), for the rows setup writes directly. */
const STORED_TREE = [{ key: 'work', name: '矩阵指标', weight: 100, scorer: 'town_office', measure: null, evidence: null, children: [] }];
const STAFF_NAME = '矩阵镇机关考核方案';
const NEIGHBOUR_NAME = '矩阵邻镇考核方案';

export const assessmentMatrix: MatrixModule = {
  rows,
  nonexistent: { assessmentScheme: N },

  async setup({ pool, ids, otherTenantId }) {
    await pool.query("select setval('assessment_schemes_id_seq', 96000000)");
    const tenantOf = async (orgId: number) => Number((await pool.query('select tenant_id from organizations where id = $1', [orgId])).rows[0].tenant_id);
    const make = async (tenantId: number, name: string, audience: string) => {
      const { rows: [s] } = await pool.query(`insert into assessment_schemes (tenant_id, name, audience, period_kind) values ($1, $2, $3, 'month')
        on conflict (tenant_id, name) do update set name = excluded.name returning id`, [tenantId, name, audience]);
      await pool.query(`insert into assessment_scheme_versions (tenant_id, scheme_id, version, effective_from, posts, indicators, bands)
        values ($1, $2, 1, '2020-01', $3, $4, $5) on conflict do nothing`,
      [tenantId, s.id, JSON.stringify(audience === 'village_cadre' ? ['secretary'] : []), JSON.stringify(STORED_TREE), JSON.stringify(VERSION.bands)]);
      return { assessmentScheme: Number(s.id) };
    };
    const staff = await make(await tenantOf(ids['西花沟村党支部']), STAFF_NAME, 'town_staff');
    const made: Record<Place, Record<string, number>> = { xihuagou: staff, yingzi: staff, other: await make(otherTenantId, NEIGHBOUR_NAME, 'village_cadre') };
    return made;
  },

  async lists(s, role) {
    const res = await s.get('/api/assessment/schemes');
    if (!['admin', 'xihuagou', 'yingzi'].includes(role)) {
      expect(res.statusCode, `${role}: the schemes`).toBe(403);
      return;
    }
    expect(res.statusCode, `${role}: the schemes`).toBe(200);
    expect(res.body).not.toContain(NEIGHBOUR_NAME);
    // A village's secretary sees the village cadres' schemes only.
    if (role !== 'admin') for (const r of res.json().rows as { audience: string }[]) expect(r.audience, role).toBe('village_cadre');
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from assessment_scheme_versions where note like '越权%' or effective_from = '2099-01')
      + (select count(*) from assessment_schemes where name like '越权%') as n`);
    expect(Number(n.n)).toBe(0);
  },
};
