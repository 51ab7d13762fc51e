import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule } from './types.js';

/**
 * 对标 (issue 17 point 4): the town's rows (tenant-wide). The foreign indicator in every place is the neighbouring
 * town's (a village's secretary is refused the whole feature first, 403 for a foreign id and a missing one alike);
 * every write probe uses 越权, checked in "untouched".
 */
const NEIGHBOUR_TOWN = '矩阵邻镇对标镇';
const NEIGHBOUR_INDICATOR = '矩阵邻镇对标指标';
const VALUE = { benchmarkValue: 1, source: '越权来源' };

const rows: Record<string, Case> = {
  'GET /api/benchmark': {},
  'PUT /api/benchmark/town': {},
  'POST /api/benchmark/indicators': {},
  'PATCH /api/benchmark/indicators/:id': { foreign: (f) => [{ url: `/api/benchmark/indicators/${f.benchmarkIndicator}`, body: { name: '越权指标' } }] },
  'PUT /api/benchmark/indicators/:id/values/:year': {
    foreign: (f) => [{ url: `/api/benchmark/indicators/${f.benchmarkIndicator}/values/2025`, body: VALUE }],
  },
};

export const benchmarkMatrix: MatrixModule = {
  rows,
  nonexistent: { benchmarkIndicator: N },

  async setup({ pool, otherTenantId }) {
    await pool.query("select setval('benchmark_indicators_id_seq', 95000000)");
    const { rows: [town] } = await pool.query(`insert into benchmark_towns (tenant_id, name) values ($1, $2)
      on conflict (tenant_id) do update set name = excluded.name returning id`, [otherTenantId, NEIGHBOUR_TOWN]);
    const { rows: [indicator] } = await pool.query(`insert into benchmark_indicators (tenant_id, town_id, name, unit, "group", higher_is_better)
      values ($1, $2, $3, '个', 'innovation', true) returning id`, [otherTenantId, town.id, NEIGHBOUR_INDICATOR]);
    const ids = { benchmarkIndicator: Number(indicator.id) };
    return { xihuagou: ids, yingzi: ids, other: ids };
  },

  async lists(s, role) {
    const res = await s.get('/api/benchmark?years=1');
    if (role !== 'admin') {
      expect(res.statusCode, `${role}: 对标`).toBe(403);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(NEIGHBOUR_TOWN);
    expect(res.body).not.toContain(NEIGHBOUR_INDICATOR);
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from benchmark_values where source like '越权%')
      + (select count(*) from benchmark_indicators where name like '越权%')
      + (1 - (select count(*) from benchmark_towns where name = '${NEIGHBOUR_TOWN}')) as n`);
    expect(Number(n.n)).toBe(0);
  },
};
