import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, filename, pdfText } from '../../../test/documents.js';
import { createBranch, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 18 point 7: the town's yearly collective-economy table (xlsx and A4 PDF) and a village's yearly report (PDF and
 * Word), from the approved years only, villages in tree order, each download audited.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
const WAN = 1_000_000;

async function approve(secretary: Session, orgId: number, year: number, operatingWan: number, contractingWan = 0) {
  const url = `/api/economy/villages/${orgId}/years/${year}`;
  const put = await secretary.request('PUT', url, { amounts: { operating: operatingWan * WAN, contracting: contractingWan * WAN, investment: 0, subsidy: 2 * WAN, other: 0 } });
  expect(put.statusCode, put.body).toBe(200);
  expect((await secretary.post(`${url}/submit`)).statusCode).toBe(200);
  expect((await town.admin.post(`${url}/approve`)).statusCode).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  await approve(secretaryA, a.id, 2023, 8);
  await approve(secretaryA, a.id, 2024, 9, 3);
  await approve(secretaryB, b.id, 2024, 30);
});
afterAll(async () => { await ctx.close(); });

describe('18.7 documents', () => {
  it('the town\'s table: each village\'s sources, 经营性收入, the year before, growth and status, then the sum', async () => {
    const res = await town.admin.get('/api/economy/table.xlsx?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(filename(res)).toMatch(/2024年度村集体经济收入统计表\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[2]).toEqual(['村', '经营收入', '发包及上交收入', '投资收益', '补助收入', '其他收入', '经营性收入', '总收入', '上年经营性收入', '经营性收入增长', '状态']);
    // a: 9 + 3 = 12 万元 of 经营性收入 against 8 the year before: crossed the default line of 10 万元 this year.
    expect(rows[3]).toEqual([town.villages[0].name, 9, 3, 0, 2, 0, 12, 14, 8, '50.0%', '本年消薄']);
    expect(rows[4]).toEqual([town.villages[1].name, 30, 0, 0, 2, 0, 30, 32, '—', '—', '']);
    expect(rows[5].slice(0, 8)).toEqual(['合计(已审核2个村)', 39, 3, 0, 4, 0, 42, 46]);
    const pdf = await town.admin.get('/api/economy/table.pdf?year=2024');
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf)).toMatch(/本年消薄/);
    const { rows: audited } = await ctx.pool.query(`select detail->>'format' as format from audit_events where action = 'economy.export' and tenant_id = $1 order by id`, [town.tenantId]);
    expect(audited.map((r) => r.format)).toEqual(['xlsx', 'pdf']);
  });

  it('a secretary\'s table holds their own village only', async () => {
    const res = await secretaryB.get('/api/economy/table.pdf?year=2024');
    const text = pdfText(res);
    expect(text).toContain(town.villages[1].name);
    expect(text).not.toContain(town.villages[0].name);
  });

  it('a village\'s report in PDF and Word: the year against the one before, five years against the line; 404 for another village', async () => {
    const pdf = await secretaryA.get(`/api/economy/villages/${a.id}/report.pdf?year=2024`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const text = pdfText(pdf);
    expect(text).toContain(`${town.villages[0].name}2024年度村集体经济报告`);
    expect(text).toContain('经营性收入12.008.0050.0%');
    expect(text).toContain('无村企合作项目');
    const docx = await docxText(await secretaryA.get(`/api/economy/villages/${a.id}/report.docx?year=2024`));
    expect(docx).toContain('近五年经营性收入');
    expect((await secretaryB.get(`/api/economy/villages/${a.id}/report.pdf?year=2024`)).statusCode).toBe(404);
  });
});
