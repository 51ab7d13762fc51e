import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, postFile, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 18 point 1: the 三资 system's income export imported with a dry run and a row-by-row Chinese report, then for real
 * in one transaction; two layouts (wide with a title and merged headers in 万元; long per source in 元 with 合计 rows).
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('收入'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One row per village, a title, 单位:万元, 经营性收入 merged over its three sources, 村名 and the others merged down. */
const wide = (rows: (string | number | null)[][]) => xlsx((ws) => {
  ws.addRow(['2024年度村集体经济收入统计表']);
  ws.mergeCells('A1:H1');
  ws.addRow(['单位:万元']);
  ws.addRow(['序号', '村名', '经营性收入', null, null, '补助收入', '其他收入', '合计']);
  ws.addRow([null, null, '经营收入', '发包及上交收入', '投资收益', null, null, null]);
  ws.mergeCells('C3:E3');
  for (const col of ['A', 'B', 'F', 'G', 'H']) ws.mergeCells(`${col}3:${col}4`);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow(['合计', null, 99, 99, 99, 99, 99, 99]);
});

/** One row per village × source, amounts in 元, a 年度 column, a 合计 row under each village. */
const long = (rows: (string | number | null)[][]) => xlsx((ws) => {
  ws.addRow(['村名', '年度', '收入项目', '金额(元)']);
  for (const r of rows) ws.addRow(r);
});

const importFile = (s: Session, data: Buffer, query: string) => postFile(s, `/api/economy/import?${query}`, { data, name: '三资收入.xlsx' });
const versions = async () => Number((await ctx.pool.query('select count(*) from economy_incomes where tenant_id = $1', [town.tenantId])).rows[0].count);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
});
afterAll(async () => { await ctx.close(); });

describe('18.1 import of the 三资 export', () => {
  it('18.1 the wide layout in 万元: a dry run writes nothing, the real run writes each village\'s draft', async () => {
    const file = await wide([[town.villages[0].name, 3.5, 2, 0.123456, 10, null, null], [town.villages[1].name, 12, 0, 0, 5, 0.01, null]]);
    // A row of figures without its village's name is refused, not skipped.
    const unnamed = (await importFile(town.admin, await wide([[null, 1, 0, 0, 0, 0, null]]), 'dryRun=true')).json();
    expect(unnamed.rows[0].errors[0]).toEqual({ column: '村名', message: '必填项为空' });
    const dry = await importFile(town.admin, file, 'dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, total: 2, valid: 2, invalid: 0, created: 2 });
    expect(await versions()).toBe(0);
    const real = (await importFile(town.admin, file, 'dryRun=false')).json();
    expect(real).toMatchObject({ dryRun: false, created: 2, invalid: 0 });
    const year = (await town.admin.get(`/api/economy/villages/${a.id}/years/2024`)).json();
    expect(year.open).toMatchObject({ status: 'draft', origin: 'import', version: 1 });
    expect(year.open.amounts).toEqual({ operating: 3_500_000, contracting: 2_000_000, investment: 123_456, subsidy: 10_000_000, other: 0 });
    const { rows } = await ctx.pool.query("select count(*) from audit_events where action in ('economy.draft', 'economy.import')");
    expect(Number(rows[0].count)).toBe(3);
    // Imported again: the open drafts are updated, not duplicated.
    expect((await importFile(town.admin, file, 'dryRun=false')).json()).toMatchObject({ created: 0, updated: 2 });
    expect(await versions()).toBe(2);
  });

  it('18.1 the long layout in 元 with 合计 rows; bad rows named in Chinese and nothing half-written', async () => {
    const good = await long([
      [town.villages[0].name, 2023, '经营收入', '12,000.50'], [town.villages[0].name, 2023, '发包及上交收入', 30000], [town.villages[0].name, 2023, '合计', 42000.5],
      [town.villages[1].name, 2023, '投资收益', 800], [town.villages[1].name, 2023, '补助收入', 50000], ['合计', null, null, 92800.5],
    ]);
    const report = (await importFile(secretaryA, good, 'dryRun=true')).json();
    // The secretary of village a may not enter village b: that row is refused, and the real run writes nothing.
    expect(report.rows.map((r: Json) => r.status)).toEqual(['create', 'create', 'invalid', 'invalid']);
    expect(report.rows[2].errors[0].message).toContain('不是您可以填报的村');
    const before = await versions();
    expect((await importFile(secretaryA, good, 'dryRun=false')).json()).toMatchObject({ dryRun: false, created: 0, invalid: 2 });
    expect(await versions()).toBe(before);

    const bad = await long([
      [town.villages[0].name, 2022, '租金收入', 100], [town.villages[0].name, 2022, '经营收入', -5], [town.villages[0].name, 2022, '投资收益', '12.345'],
      ['不存在村', 2022, '经营收入', 100], [town.villages[0].name, '二〇二二', '其他收入', 1], [town.villages[1].name, 2022, '经营收入', 100],
    ]);
    const refused = (await importFile(town.admin, bad, 'dryRun=false')).json();
    const messages = refused.rows.map((r: Json) => r.errors.map((e: Json) => `${e.column}:${e.message}`).join(';'));
    expect(messages[0]).toContain('收入项目:“租金收入”不是三资收入科目');
    expect(messages[1]).toContain('金额(元):金额不能为负');
    expect(messages[2]).toContain('精确到分');
    expect(messages[3]).toContain('“不存在村”不是您可以填报的村');
    expect(messages[4]).toContain('年度:年度应为');
    expect(refused.rows[5].status).toBe('create');
    expect(refused).toMatchObject({ created: 0, invalid: 5 });
    expect(await versions()).toBe(before);

    // The town imports the good file: village a's 2023 and village b's 2023, 合计 rows skipped.
    expect((await importFile(town.admin, good, 'dryRun=false')).json()).toMatchObject({ created: 2, invalid: 0, total: 4 });
    const year = (await town.admin.get(`/api/economy/villages/${a.id}/years/2023`)).json();
    expect(year.open.amounts).toMatchObject({ operating: 1_200_050, contracting: 3_000_000, investment: 0 });
  });

  it('18.1 a year already approved needs a reason; a file without a year takes the chosen one; a file that is no income table is refused', async () => {
    for (const step of ['submit', 'approve']) expect((await town.admin.post(`/api/economy/villages/${a.id}/years/2023/${step}`)).statusCode).toBe(200);
    const file = await long([[town.villages[0].name, 2023, '经营收入', 1]]);
    const noReason = (await importFile(town.admin, file, 'dryRun=true')).json();
    expect(noReason.rows[0].errors[0].message).toContain('更正原因');
    expect((await importFile(town.admin, file, `dryRun=false&reason=${encodeURIComponent('三资系统调账')}`)).json()).toMatchObject({ created: 1 });
    expect((await town.admin.get(`/api/economy/villages/${a.id}/years/2023`)).json().open).toMatchObject({ version: 2, reason: '三资系统调账' });

    const noYear = await xlsx((ws) => { ws.addRow(['村名', '经营收入', '补助收入']); ws.addRow([town.villages[1].name, 100, 0]); });
    expect((await importFile(town.admin, noYear, 'dryRun=true')).json().rows[0].errors[0].message).toContain('请在导入时选择年度');
    expect((await importFile(town.admin, noYear, 'dryRun=true&year=2021')).json().rows[0]).toMatchObject({ status: 'create', notes: ['2021年度'] });

    const other = await xlsx((ws) => { ws.addRow(['姓名', '性别']); ws.addRow(['张三', '男']); });
    const res = await importFile(town.admin, other, 'dryRun=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('未找到表头');
  });
});
