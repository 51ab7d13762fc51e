import { todayInShanghai } from '@dj/contracts';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of the 对标 (issue 17 point 4): the town admin reads it (benchmark.read) and keeps it
 * (benchmark.manage); no other role sees it. Every probe of the admin succeeds: the benchmark town exists from the
 * first probe on, each new indicator has a name of its own, a year's values may be put again.
 */
let made = 0;
const town = (env: RoleEnv) => env.state.shared('benchmark town', async () =>
  (await env.state.ok(env.world.town.admin.request('PUT', '/api/benchmark/town', { name: '角色表对标镇' }), 'benchmark town')).id as number);
const indicator = (env: RoleEnv) => env.state.shared('benchmark indicator', async () => {
  await town(env);
  return (await env.state.ok(env.world.town.admin.post('/api/benchmark/indicators', { name: '角色表对标指标', unit: '个', group: 'innovation', higherIsBetter: true }), 'benchmark indicator')).id as number;
});
const lastYear = () => Number(todayInShanghai().slice(0, 4)) - 1;

export const BENCHMARK_ROWS: Record<string, RoleRow> = {
  'GET /api/benchmark': { permission: 'benchmark.read', probe: () => ({ url: '/api/benchmark?years=1' }) },
  'PUT /api/benchmark/town': { permission: 'benchmark.manage', probe: () => ({ url: '/api/benchmark/town', body: { name: '角色表对标镇', note: '角色表' } }) },
  'POST /api/benchmark/indicators': {
    permission: 'benchmark.manage',
    probe: async (env) => {
      await town(env);
      return { url: '/api/benchmark/indicators', body: { name: `角色表自定义指标${++made}`, unit: '个', group: 'governance', higherIsBetter: true } };
    },
  },
  'PATCH /api/benchmark/indicators/:id': { permission: 'benchmark.manage', probe: async (env) => ({ url: `/api/benchmark/indicators/${await indicator(env)}`, body: { group: 'governance' } }) },
  'PUT /api/benchmark/indicators/:id/values/:year': {
    permission: 'benchmark.manage',
    probe: async (env) => ({ url: `/api/benchmark/indicators/${await indicator(env)}/values/${lastYear()}`, body: { benchmarkValue: 3, source: '角色表来源' } }),
  },
};
