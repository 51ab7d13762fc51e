import JSZip from 'jszip';
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
    // The town's report names no record: the town admin's (the only holder) covers their town, checked in lists below.
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
    // The report is the town admin's (dashboard.report); its text (Word's XML, cheaper than a PDF) names no other town's.
    const report = await s.get('/api/dashboard/reports/monthly.docx');
    expect(report.statusCode, `${role}: the monthly report`).toBe(role === 'admin' ? 200 : 403);
    if (role !== 'admin') return;
    const xml = await (await JSZip.loadAsync(report.rawPayload)).file('word/document.xml')!.async('string');
    for (const name of foreignNames) expect(xml).not.toContain(name);
  },
};
