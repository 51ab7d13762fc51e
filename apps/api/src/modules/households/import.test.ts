import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, postFile, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 20 point 3, the household roster import: two layouts villages keep (a titled 户籍 台账 with its header on row 3,
 * and a 联户 sheet with other column names in another order), each with a dry run and a row-by-row Chinese report, then
 * the real run in one transaction; a second run updates by 户主 and 村民小组. No ID number is stored or echoed.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Cell = string | number | null;
let ctx: TestContext;
let town: Town;
let a: Branch;
let secretaryA: Session;
let secretaryB: Session;

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Sheet1'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** 户籍 台账: a merged title, a date line, the header on row 3 with 序号 and 身份证号, a 合计 row at the foot. */
const ledger = (rows: Cell[][]) => xlsx((ws) => {
  ws.addRow(['东岭村农户花名册']);
  ws.mergeCells('A1:G1');
  ws.addRow(['填报日期:2026年3月']);
  ws.addRow(['序号', '户主姓名', '身份证号', '村民小组', '家庭住址', '家庭人口', '联系党员']);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  ws.addRow(['合计', null, null, null, null, 99, null]);
});
/** 联户 sheet: header on row 1, other names in another order (组别 first, 联户党员, 户情, 联系电话). */
const linkSheet = (rows: Cell[][]) => xlsx((ws) => {
  ws.addRow(['组别', '户主', '人口', '住址', '户情', '联系电话', '联户党员']);
  rows.forEach((r) => ws.addRow(r));
});

const importFile = (s: Session, data: Buffer, query: string) => postFile(s, `/api/households/import?${query}`, { data, name: '联户名册.xlsx' });
const count = async () => Number((await ctx.pool.query('select count(*) from households where organization_id = $1', [a.id])).rows[0].count);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town, { name: '东岭村党支部' });
  const b = await createBranch(town, { name: '南坡村党支部', villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  await createMember(town, a.id, { name: '王联户' });
  await createMember(town, a.id, { name: '张同名' });
  await createMember(town, a.id, { name: '张同名' });
  await createMember(town, b.id, { name: '李外村' });
});
afterAll(async () => { await ctx.close(); });

describe('20.3 联户名册导入', () => {
  it('the titled ledger: a dry run reports each row in Chinese, never echoes the ID number and writes nothing', async () => {
    const id = testIdNumber();
    const file = await ledger([
      ['孙大爷', id, '一组', '前街3号', 2, '王联户'],
      ['周大娘', null, '二组', '后街1号', '三口', null],
      ['吴大哥', null, '二组', null, 4, '张同名'],
      ['郑奶奶', null, '三组', null, 1, '李外村'],
      [null, null, '三组', '后街9号', 2, null],
    ]);
    const res = await importFile(secretaryA, file, `orgId=${a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const j: Json = res.json();
    expect(j).toMatchObject({ dryRun: true, total: 5, valid: 1, invalid: 4, created: 1 });
    expect(j.rows[0]).toMatchObject({ row: 4, status: 'create', name: '孙大爷', notes: ['一组 前街3号', '联系党员1名'] });
    expect(j.rows[1].errors).toEqual([{ column: '家庭人口', message: '应为1至50之间的整数' }]);
    expect(j.rows[2].errors[0]).toMatchObject({ column: '联系党员', message: expect.stringContaining('2名党员叫“张同名”') });
    expect(j.rows[3].errors[0]).toMatchObject({ column: '联系党员', message: '“李外村”不在本村党支部党员名册中' });
    expect(j.rows[4].errors).toEqual([{ column: '户主姓名', message: '必填项为空' }]);
    expect(res.body).not.toContain(id);
    expect(await count()).toBe(0);
    // A file with refused rows writes nothing even when asked for the real run.
    expect((await importFile(secretaryA, file, `orgId=${a.id}&dryRun=false`)).json()).toMatchObject({ dryRun: false, created: 0 });
    expect(await count()).toBe(0);
  });

  it('the 联户 sheet in another column order imports for real with links and a sealed phone; a second run updates', async () => {
    const rows: Cell[][] = [
      ['一组', '孙大爷', 2, '前街3号', '独居老人', '13912345678', '王联户'],
      ['二组', '周大娘', 3, '后街1号', null, null, null],
    ];
    const dry: Json = (await importFile(secretaryA, await linkSheet(rows), `orgId=${a.id}`)).json();
    expect(dry).toMatchObject({ dryRun: true, valid: 2, created: 2, updated: 0 });
    expect(await count()).toBe(0);
    const real: Json = (await importFile(secretaryA, await linkSheet(rows), `orgId=${a.id}&dryRun=false`)).json();
    expect(real).toMatchObject({ dryRun: false, valid: 2, created: 2 });
    expect(JSON.stringify(real)).not.toContain('13912345678');
    const { rows: [h] } = await ctx.pool.query(`select id, hamlet, people, situation, phone_masked, phone_enc from households where organization_id = $1 and head_name = '孙大爷'`, [a.id]);
    expect(h).toMatchObject({ hamlet: '一组', people: 2, situation: '独居老人', phone_masked: '139****5678' });
    expect(h.phone_enc).not.toContain('13912345678');
    const detail: Json = (await secretaryA.get(`/api/households/${h.id}`)).json();
    expect(detail.links.map((l: Json) => l.name)).toEqual(['王联户']);
    // Again with a changed population and a repeated row: the household is updated, the repeat refused.
    const again: Json = (await importFile(secretaryA, await linkSheet([['一组', '孙大爷', 1, '前街3号', null, null, null], ['一组', '孙大爷', 1, null, null, null, null]]), `orgId=${a.id}`)).json();
    expect(again.rows.map((r: Json) => r.status)).toEqual(['update', 'duplicate']);
    expect(again.rows[1].errors[0].message).toBe('与第2行是同一户(户主和村民小组相同)');
    const once: Json = (await importFile(secretaryA, await linkSheet([['一组', '孙大爷', 1, '前街3号', null, null, null]]), `orgId=${a.id}&dryRun=false`)).json();
    expect(once).toMatchObject({ updated: 1, created: 0 });
    expect(await count()).toBe(2);
    // An empty 联户党员 cell leaves the links as they are.
    expect(((await secretaryA.get(`/api/households/${h.id}`)).json() as Json).links.map((l: Json) => l.name)).toEqual(['王联户']);
  });

  it('another village\'s secretary gets 404; a file without a 户主 column is refused in Chinese', async () => {
    expect((await importFile(secretaryB, await linkSheet([]), `orgId=${a.id}`)).statusCode).toBe(404);
    const res = await importFile(secretaryA, await xlsx((ws) => { ws.addRow(['姓名', '地址']); ws.addRow(['某人', '某处']); }), `orgId=${a.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('未找到表头');
  });
});
