import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Case, MatrixModule } from './types.js';

/**
 * 集体经济 (issue 18 points 1–2): a village's year named by its branch. Another village's or town's branch answers 404
 * for every verb; the overview lists only villages in scope. Every write probe uses the year 2002, checked in "untouched".
 * The import names villages inside the file: one outside the scope is a refused row (import.test), not a route id.
 */
const amounts = { operating: 1, contracting: 0, investment: 0, subsidy: 0, other: 0 };
const year = (org: number, tail = '') => `/api/economy/villages/${org}/years/2002${tail}`;

const rows: Record<string, Case> = {
  'GET /api/economy': { list: '/api/economy' },
  'GET /api/economy/villages/:orgId/years/:year': { foreign: (f) => [{ url: year(f.org) }] },
  'PUT /api/economy/villages/:orgId/years/:year': { foreign: (f) => [{ url: year(f.org), body: { amounts } }] },
  'POST /api/economy/villages/:orgId/years/:year/submit': { foreign: (f) => [{ url: year(f.org, '/submit') }] },
  'POST /api/economy/villages/:orgId/years/:year/approve': { foreign: (f) => [{ url: year(f.org, '/approve') }] },
  'POST /api/economy/import': {},
  'GET /api/economy/table.:format': { list: '/api/economy/table.xlsx?year=2002' },
  'GET /api/economy/villages/:orgId/report.:format': { foreign: (f) => ['pdf', 'docx'].map((format) => ({ url: `/api/economy/villages/${f.org}/report.${format}?year=2002` })) },
};

export const economyMatrix: MatrixModule = {
  rows,
  publicRoutes: ['GET /public/villages/:code/economy', 'GET /public/towns/:code/products'],

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/economy');
    if (role === 'member') {
      expect(res.statusCode, `${role}: 集体经济`).toBe(403);
      return;
    }
    expect(res.statusCode, `${role}: 集体经济`).toBe(200);
    for (const v of res.json().villages as { organizationId: number }[]) expect(visible.has(v.organizationId), `${role}: village ${v.organizationId}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
    // The yearly table names the same villages as the overview, the caller's own and no other.
    const file = await s.get('/api/economy/table.xlsx?year=2002');
    expect(file.statusCode, `${role}: 集体经济统计表`).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const named: string[] = [];
    wb.worksheets[0].eachRow((row, n) => { if (n > 3) named.push(String(row.getCell(1).value)); });
    expect(named.slice(0, -1), `${role}: 统计表的村`).toEqual(res.json().villages.map((v: { villageName: string }) => v.villageName));
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query('select count(*) from economy_incomes where year = 2002');
    expect(Number(n.count)).toBe(0);
  },
};
