import { expect } from 'vitest';
import type { MatrixModule } from './types.js';

/**
 * 驾驶舱 (issue 17): the town overview reads the branches in the caller's scope (its matrix names no other), and a
 * village's card outside the scope is "does not exist". The dashboard owns no records: nothing to leave untouched.
 */
export const dashboardMatrix: MatrixModule = {
  rows: {
    'GET /api/dashboard/town': {},
    'GET /api/dashboard/villages/:orgId': { foreign: (f) => [{ url: `/api/dashboard/villages/${f.org}` }] },
    // The town's report names no record; only the town admin makes it, of their own town (reports.test checks that the
    // file names no other tenant's organisation: a file per role here would cost seconds of rendering each).
    'GET /api/dashboard/reports/monthly.:format': {},
    'GET /api/dashboard/reports/yearly.:format': {},
  },

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/dashboard/town');
    if (role === 'member') {
      expect(res.statusCode, `${role}: the dashboard`).toBe(403);
      return;
    }
    expect(res.statusCode, `${role}: the dashboard`).toBe(200);
    const ids = res.json().matrix.rows.map((r: { organizationId: number }) => r.organizationId);
    for (const id of ids) expect(visible.has(id), `${role}: organisation ${id}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },
};
