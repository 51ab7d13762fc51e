import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CADRE_IMPORT_MAX_ROWS } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, postFile, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 15 point 8: a village's 两委 roster imported from xlsx in three layouts towns use, with a dry run, a row-by-row
 * Chinese report naming the column and the rule, the history lines written by the cadres service, and nothing written
 * when any row is wrong.
 */
let ctx: TestContext;
let town: Town;
const branches: Branch[] = [];
let secretary: Session;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Cells = (ExcelJS.CellValue | undefined)[][];
const ids: Record<string, string> = {};

async function xlsx(rows: Cells, merges: [number, number, number, number][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('两委');
  rows.forEach((cells, r) => cells.forEach((v, c) => { if (v !== undefined) ws.getCell(r + 1, c + 1).value = v; }));
  for (const [t, l, b, r] of merges) ws.mergeCells(t, l, b, r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (session: Session, orgId: number, file: Buffer, dryRun: boolean) =>
  postFile(session, `/api/cadres/villages/${orgId}/import?dryRun=${dryRun}`, { data: file, name: '两委名册.xlsx' });
const count = async (sql: string, params: unknown[] = []) => Number((await ctx.pool.query(sql, params)).rows[0].n);
const posts = (orgId: number) => count('select count(*) as n from cadre_posts where organization_id = $1', [orgId]);
const member = async (branch: Branch, key: string, gender: 'male' | 'female' = 'male') => {
  ids[key] = testIdNumber('1978-04-05', gender);
  await createMember(town, branch.id, { gender, birthDate: '1978-04-05', idNumber: ids[key], name: key });
};

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 3 });
  for (const v of town.villages) branches.push(await createBranch(town, { villageId: v.id }));
  await member(branches[0], '周书记');
  await member(branches[1], '吴书记');
  await member(branches[2], '郑书记');
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branches[0].id]));
});
afterAll(async () => { await ctx.close(); });

/** Layout 1: a title merged above the header, our column names, dates typed as text, 男/女, a signature line under it. */
const layout1 = async () => xlsx([
  ['东村村"两委"成员名册'],
  ['序号', '姓名', '性别', '身份证号', '职务', '任职时间', '联系电话', '是否党员'],
  [1, '周书记', '男', ids['周书记'], '党支部书记、村委会主任', '2021.01.15', '13800001111', '是'],
  [2, '王芳', '女', (ids['王芳'] ??= testIdNumber('1985-02-03', 'female')), '村委会委员', '2021年1月15日', '13800002222', '否'],
  [3, '李秀英', '女', (ids['李秀英'] ??= testIdNumber('1990-06-07', 'female')), '妇女主任', '2021-03-01', null, '否'],
  ['填表人:张三'],
], [[1, 1, 1, 8]]);

describe('15.8 两委 import', () => {
  it('15.8 layout 1 (merged title, text dates): a dry run writes nothing, the real run writes every post with its history line', async () => {
    const before = await posts(branches[0].id);
    const dry = (await upload(town.admin, branches[0].id, await layout1(), true)).json() as Json;
    expect(dry).toMatchObject({ dryRun: true, total: 3, valid: 3, invalid: 0, created: 3 });
    expect(dry.rows.map((r: Json) => [r.row, r.name, r.status])).toEqual([[3, '周书记', 'create'], [4, '王芳', 'create'], [5, '李秀英', 'create']]);
    expect(await posts(branches[0].id)).toBe(before);
    const res = await upload(town.admin, branches[0].id, await layout1(), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 3 });
    const v = (await town.admin.get(`/api/cadres/villages/${branches[0].id}`)).json() as Json;
    expect(v.current.map((h: Json) => [h.post, h.name, h.startedOn, h.how])).toEqual([
      ['secretary', '周书记', '2021-01-15', 'election'], ['director', '周书记', '2021-01-15', 'election'],
      ['committee_member', '王芳', '2021-01-15', 'election'], ['women_director', '李秀英', '2021-03-01', 'appointment'],
    ]);
    expect(v.combined).toMatchObject({ name: '周书记' });
    expect(v.history.map((h: Json) => h.reason)).toEqual(Array(4).fill('导入村"两委"成员名册'));
    // The new people are sealed like members: the phone masked, never in clear.
    const { rows: [wang] } = await ctx.pool.query(`select phone_masked, phone_enc from persons where name = '王芳' and tenant_id = $1`, [town.tenantId]);
    expect(wang.phone_masked).toBe('138****2222');
    expect(wang.phone_enc).not.toContain('13800002222');
    expect(await count(`select count(*) as n from audit_events where action = 'cadres.import' and object_id = $1`, [branches[0].id])).toBe(1);
    // The same file again changes nothing.
    const again = (await upload(town.admin, branches[0].id, await layout1(), false)).json() as Json;
    expect(again.rows.map((r: Json) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await posts(branches[0].id)).toBe(4);
  });

  it('15.8 layout 2: other column names and order, 政治面貌, no gender column (from the ID number), Excel dates', async () => {
    ids['钱计生'] = testIdNumber('1992-09-09', 'female');
    ids['孙报账'] = testIdNumber('1970-12-01', 'male');
    const file = await xlsx([
      ['现任职务', '姓名', '公民身份号码', '任现职时间', '政治面貌', '手机号'],
      ['书记', '吴书记', ids['吴书记'], new Date(Date.UTC(2021, 0, 15)), '中共党员', null],
      ['计生专干', '钱计生', ids['钱计生'], new Date(Date.UTC(2022, 4, 10)), '群众', '13900003333'],
      ['报账员', '孙报账', ids['孙报账'], new Date(Date.UTC(2020, 10, 2)), '群众', null],
    ]);
    const res = await upload(town.admin, branches[1].id, file, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, created: 3, invalid: 0 });
    const { rows } = await ctx.pool.query(`select p.name, p.gender, p.birth_date::text as birth, c.post, c.started_on::text as started
      from cadre_posts c join persons p on p.id = c.person_id where c.organization_id = $1 order by c.id`, [branches[1].id]);
    expect(rows.map((r) => [r.name, r.gender, r.birth, r.post, r.started])).toEqual([
      ['吴书记', 'male', '1978-04-05', 'secretary', '2021-01-15'],
      ['钱计生', 'female', '1992-09-09', 'family_planning', '2022-05-10'],
      ['孙报账', 'male', '1970-12-01', 'bookkeeper', '2020-11-02'],
    ]);
  });

  it('15.8 layout 3 (serial-number dates, 书记兼主任) with bad rows: each names its column and rule, and nothing is written', async () => {
    const bad = testIdNumber('1980-01-01', 'male');
    const file = await xlsx([
      ['序号', '姓名', '性别', '身份证号', '职务', '任职日期', '是否党员'],
      [1, '郑书记', '男', ids['郑书记'], '书记兼主任', 44211, '是'],
      [2, '冯二', '男', testIdNumber('1981-01-01', 'male'), '村长', 44211, '否'],
      [3, '陈三', '男', testIdNumber('1982-01-01', 'male'), '党支部书记', 44211, '否'],
      [4, '褚四', '男', bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0'), '村委会委员', 44211, '否'],
      [5, '卫五', '女', testIdNumber('1983-01-01', 'male'), '村委会委员', 44211, '否'],
      [6, '蒋六', '男', testIdNumber('1984-01-01', 'male'), '委员', 44211, '否'],
      [7, '沈七', '男', testIdNumber('1985-01-01', 'male'), '村委会委员', 44211, '是'],
    ]);
    const dry = await upload(town.admin, branches[2].id, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json() as Json;
    expect(report).toMatchObject({ total: 7, valid: 1, invalid: 6 });
    const errors = Object.fromEntries(report.rows.map((r: Json) => [r.name, r.errors.map((e: Json) => `${e.column}:${e.message}`)]));
    expect(errors['郑书记']).toEqual([]);
    expect(errors['冯二'][0]).toMatch(/^职务:无法识别“村长”,职务应填写:党支部书记、/);
    expect(errors['陈三']).toEqual(['职务:与第2行同为党支部书记,同一时间只能一人担任']);
    expect(errors['褚四']).toEqual(['身份证号:身份证号校验位不正确,请核对']);
    expect(errors['卫五'][0]).toMatch(/^性别:.*性别为男/);
    expect(errors['蒋六'][0]).toContain('职务:“委员”未说明是党支部委员还是村委会委员');
    expect(errors['沈七']).toEqual(['是否党员:表中为党员,但党员名册中没有此身份证号:请先在党员名册中登记,再导入村干部']);
    const real = await upload(town.admin, branches[2].id, file, false);
    expect(real.statusCode).toBe(400);
    expect(real.body).toContain('表格中有6行有误,未写入任何记录');
    expect(await posts(branches[2].id)).toBe(0);
    expect(await count(`select count(*) as n from persons where name in ('冯二', '陈三') and tenant_id = $1`, [town.tenantId])).toBe(0);
  });

  it('15.8 a post already held is refused by name, the secretary may not import, and size limits hold', async () => {
    const file = await xlsx([
      ['姓名', '身份证号', '职务', '任职时间'],
      ['韩新', testIdNumber('1979-01-01', 'male'), '党支部书记', '2024-01-01'],
    ]);
    const report = (await upload(town.admin, branches[0].id, file, true)).json() as Json;
    expect(report.rows[0].errors).toEqual([{ column: '职务', message: '党支部书记现由周书记担任,同一时间只能一人担任:请先在村干部页面登记其离任' }]);
    expect((await upload(secretary, branches[0].id, file, true)).statusCode).toBe(403);
    expect((await upload(secretary, branches[1].id, file, true)).statusCode).toBe(404);
    const many = await xlsx([['姓名', '身份证号', '职务', '任职时间'], ...Array.from({ length: CADRE_IMPORT_MAX_ROWS + 1 }, (_, i) => [`人${i}`, testIdNumber(), '村委会委员', '2021-01-15'])]);
    const tooMany = await upload(town.admin, branches[1].id, many, true);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain(`表格超过${CADRE_IMPORT_MAX_ROWS}行`);
    const notXlsx = await upload(town.admin, branches[1].id, Buffer.from('姓名,身份证号\n'), true);
    expect(notXlsx.statusCode, 'the upload policy refuses a file that is not a workbook').toBe(415);
  });
});
