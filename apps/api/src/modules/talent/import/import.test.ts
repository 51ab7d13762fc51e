import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from 'exceljs';
import { createTestContext, type TestContext } from '../../../../test/context.js';
import { createBranch, createMember, createTown, createUser, postFile, testIdNumber, type Branch, type Town } from '../../../../test/factories.js';
import { xlsx } from '../../members/excel/test-workbook.js';

/**
 * Issue 15 point 8: the talent roster import, through the member roster importer's machinery, on layouts as villages
 * and towns keep them: title rows and merged titles above the header, their own column names and order, 男/女 and
 * 1/2, dates as text, Date cells and serials, footers. Dry run first; the real run is all or nothing.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let villageName: string;
let otherVillage: string;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const upload = (orgId: number, data: Buffer, dryRun: boolean, session = town.admin) =>
  postFile(session, `/api/talent/import?orgId=${orgId}&dryRun=${dryRun}`, { data, name: '人才名册.xlsx' });
const talentsOf = async (orgId: number) => (await ctx.pool.query('select t.kind, t.tier, t.selected_year, t.field, t.leads, p.name, p.gender, p.birth_date::text from talents t join persons p on p.id = t.person_id where t.organization_id = $1 order by p.name', [orgId])).rows;
/** Excel's serial of a date (1900 system). */
const serial = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / 86_400_000 + 25_569;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  villageName = town.villages[0].name;
  otherVillage = town.villages[1].name;
});
afterAll(async () => { await ctx.close(); });

describe('15.8 talent import', () => {
  it('15.8 layout 1: a village\'s list with a merged title row and a note row above the header, 男/女, years as "2024年"', async () => {
    const header = ['序号', '姓名', '性别', '身份证号', '联系电话', '人才类别', '层次', '入选年度', '从事领域', '领办项目'];
    const rows: CellValue[][] = [
      ['人才"十百千"工程人才名册'], ['填报单位:村党支部    填报日期:2025年3月'], header,
      [1, '周 红', '女', testIdNumber('1986-04-02', 'female'), '13912340001', '乡村之星', '百', '2024年', '种植', '合作社:绿源果蔬专业合作社;产品:石榴'],
      [2, '吴强', '男', testIdNumber('1979-11-20'), null, '新型职业农民', null, null, '养殖业', '吴强家庭农场'],
      ['填表人:张三'],
    ];
    const file = await xlsx({ rows, merges: [[1, 1, 1, 10]] });
    const dry = (await upload(branch.id, file, true)).json() as Json;
    expect(dry).toMatchObject({ total: 2, valid: 2, invalid: 0, created: 2, dryRun: true });
    expect(await talentsOf(branch.id)).toEqual([]);
    const real = (await upload(branch.id, file, false)).json() as Json;
    expect(real).toMatchObject({ created: 2, dryRun: false });
    const saved = await talentsOf(branch.id);
    expect(saved.map((t) => [t.name, t.kind, t.tier, t.selected_year, t.field, t.gender])).toEqual([
      ['吴强', 'new_farmer', null, null, 'breeding', 'male'], ['周红', 'rural_star', 'hundred', 2024, 'planting', 'female'],
    ]);
    expect(saved[1].leads).toEqual([{ kind: 'cooperative', name: '绿源果蔬专业合作社' }, { kind: 'product', name: '石榴' }]);
    // Imported twice, nothing changes.
    expect((await upload(branch.id, file, false)).json()).toMatchObject({ created: 0, updated: 0, rows: [{ status: 'unchanged' }, { status: 'unchanged' }] });
  });

  it('15.8 layout 2: a town-wide list in its own column names and order, 1/2 for gender, serial and Date cells, levels for tiers', async () => {
    const rows: CellValue[][] = [
      ['人员姓名', '村别', '公民身份号码', '性别代码', '出生年月', '类型', '级别', '入选时间', '行业', '主要产品'],
      ['郑立', villageName.replace(/村$/, ''), testIdNumber('1990-02-03'), 1, serial('1990-02-03'), '返乡创业人员', '区级', new Date(Date.UTC(2025, 4, 1)), '电子商务', '枣庄郑立电子商务有限公司'],
      ['王芳', `${otherVillage}党支部`, testIdNumber('1992-07-08', 'female'), 2, serial('1992-07-08'), '致富带头人', '十', serial('2023-06-30'), '加工', null],
    ];
    const real = (await upload(town.committeeId, await xlsx({ rows }), false)).json() as Json;
    expect(real, JSON.stringify(real.rows)).toMatchObject({ created: 2, invalid: 0 });
    expect((await talentsOf(branch.id)).find((t) => t.name === '郑立')).toMatchObject({ kind: 'returnee', tier: 'hundred', selected_year: 2025, field: 'ecommerce', leads: [{ kind: 'enterprise', name: '枣庄郑立电子商务有限公司' }], birth_date: '1990-02-03' });
    expect((await talentsOf(other.id)).find((t) => t.name === '王芳')).toMatchObject({ kind: 'development_leader', tier: 'ten', selected_year: 2023, gender: 'female' });
  });

  it('15.8 layout 3: two title rows, dates as text, a 合计 footer, a party member of the village linked by ID number', async () => {
    const memberId = testIdNumber('1975-09-09');
    await createMember(town, branch.id, { name: '刘党员', birthDate: '1975-09-09', idNumber: memberId });
    const rows: CellValue[][] = [
      [`${villageName}本土人才登记表`], [null, '基本情况', null, null, '人才情况'],
      ['编号', '姓名', '出生日期', '身份证号码', '人才分类', '产业', '入选层次', '入选日期', '备注'],
      ['01', '刘党员', '1975.09.09', memberId, '本土人才', '技能', '千层次', '2024-03-15', '木工手艺'],
      ['02', '陈静', '1993年1月2日', testIdNumber('1993-01-02', 'female'), '回流', '其他', '无', null, null],
      ['合计', '2人'],
    ];
    const real = (await upload(branch.id, await xlsx({ rows, merges: [[1, 1, 1, 9], [2, 2, 2, 4]] }), false)).json() as Json;
    expect(real, JSON.stringify(real.rows)).toMatchObject({ total: 2, created: 2 });
    const { rows: [linked] } = await ctx.pool.query("select exists (select 1 from members m where m.person_id = t.person_id) as member from talents t join persons p on p.id = t.person_id where p.name = '刘党员'");
    expect(linked.member).toBe(true);
    expect((await talentsOf(branch.id)).find((t) => t.name === '陈静')).toMatchObject({ kind: 'returnee', tier: null, birth_date: '1993-01-02', gender: 'female' });
  });

  it('15.8 reports each refused row by column and rule, and writes nothing when any row is refused', async () => {
    const badId = testIdNumber('1980-01-01').slice(0, 17) + 'Y';
    const rows: CellValue[][] = [
      ['姓名', '所在村', '身份证号', '人才类别', '从事领域', '层次', '入选年度'],
      ['好人', villageName, testIdNumber('1981-01-01'), '乡村之星', '种植', null, null],
      ['甲', villageName, testIdNumber('1982-01-01'), '能人', '种植', null, null],
      ['乙某', '不存在村', badId, '乡村之星', '种植', null, null],
      ['丙某', villageName, testIdNumber('1983-01-01'), '乡村之星', '种植', '百', null],
    ];
    const before = (await talentsOf(branch.id)).length;
    const res = (await upload(town.committeeId, await xlsx({ rows }), false)).json() as Json;
    expect(res).toMatchObject({ dryRun: false, created: 0, invalid: 3 });
    expect(await talentsOf(branch.id)).toHaveLength(before);
    const errors = (n: number) => (res.rows as Json[]).find((r) => r.row === n)!.errors;
    expect(errors(3)).toEqual([{ column: '人才类别', message: expect.stringContaining('无法识别“能人”,人才类别应填写:乡村之星、农村发展带头人') }]);
    expect(errors(4)).toEqual(expect.arrayContaining([{ column: '所在村', message: expect.stringContaining('“不存在村”不是本次导入范围内的村') }]));
    expect(errors(5)).toEqual([{ column: '入选年度', message: '已入选层次的,请填写入选年度' }]);
  });

  it('15.8 refuses a village secretary\'s file naming another village, an .xls and an oversized list', async () => {
    const { session } = await createUser(town, 'branch_secretary', [branch.id]);
    const rows: CellValue[][] = [['姓名', '所在村', '身份证号', '人才类别', '从事领域'], ['外村人', otherVillage, testIdNumber('1984-01-01'), '乡村之星', '种植']];
    const res = (await upload(branch.id, await xlsx({ rows }), true, session)).json() as Json;
    expect(res.rows[0].errors[0]).toMatchObject({ column: '所在村' });
    expect((await upload(other.id, await xlsx({ rows }), true, session)).statusCode).toBe(404);
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    const old = await postFile(town.admin, `/api/talent/import?orgId=${branch.id}&dryRun=true`, { data: xls, name: '人才.xls' });
    expect(old.statusCode).toBe(415);
    expect(old.body).toContain('人才名册只接受');
    const many: CellValue[][] = [['姓名', '身份证号', '人才类别', '从事领域'], ...Array.from({ length: 2001 }, (_, i) => [`人${i}`, `1${i}`, '乡村之星', '种植'])];
    const big = await upload(branch.id, await xlsx({ rows: many }), true);
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('超过2000行');
  });
});
