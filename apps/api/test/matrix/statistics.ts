import { expect } from 'vitest';
import type { Case, MatrixModule } from './types.js';

/**
 * 党内统计 (issue 17 point 3): the tables of an organisation outside the scope, and the members behind a cell of
 * another branch, must look like nothing at all (404), whatever the role.
 */
const CELL = 'asOf=2025-12-31&table=flows&column=end';
const rows: Record<string, Case> = {
  'GET /api/statistics/party': { foreign: (f) => [{ url: `/api/statistics/party?orgId=${f.org}` }] },
  'GET /api/statistics/party.:format': { foreign: (f) => ['xlsx', 'pdf'].map((format) => ({ url: `/api/statistics/party.${format}?orgId=${f.org}` })) },
  'GET /api/statistics/party/members': {
    foreign: (f, own) => [
      { url: `/api/statistics/party/members?${CELL}&row=${f.org}` },
      { url: `/api/statistics/party/members?${CELL}&row=total&orgId=${f.org}` },
      { url: `/api/statistics/party/members?${CELL}&row=${f.org}&orgId=${own.org}` },
    ],
  },
};

export const statisticsMatrix: MatrixModule = {
  rows,
  async lists(s, role, _visible, foreignNames) {
    // The tables name the branches of the scope only; roles without statistics.read are refused.
    const res = await s.get('/api/statistics/party');
    if (!['admin', 'yingzi', 'xihuagou'].includes(role)) {
      expect(res.statusCode, `${role}: 党内统计`).toBe(403);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    for (const name of foreignNames) expect(res.body, `${role}: ${name}`).not.toContain(name);
  },
};
