/**
 * Issue 13 point 1, "Rosters as towns really keep them": the eleven layouts of test/fixtures/rosters (README.md there)
 * are imported as a town would, each by the account that would import it, and every layout's report must name the
 * same rows, acceptances and errors (by the column as written in the file). The town and its branches come from the
 * factories. Prints a table layout | rows | accepted | errors.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from './context.js';
import { createBranch, createTown, createUser, type Branch, type Town } from './factories.js';
import { BRANCHES } from './fixtures/rosters/generate.js';

type Importer = 'town' | 'liuwan' | 'secretary';
interface Expected { file: string; importer: Importer; rows: number; accepted: number; errorColumns: string[] }

/** What each layout's dry run must report; the error columns are sorted, one entry per error. */
const CORPUS: Expected[] = [
  { file: '01-national-export.xlsx', importer: 'liuwan', rows: 8, accepted: 6, errorColumns: ['人员类别', '公民身份号码'] },
  { file: '02-hand-kept-merged-header.xlsx', importer: 'liuwan', rows: 7, accepted: 5, errorColumns: ['入党时间', '联系电话'] },
  { file: '03-sheet-per-branch.xlsx', importer: 'town', rows: 9, accepted: 7, errorColumns: ['入党日期', '身份证号'] },
  { file: '04-odd-column-order.xlsx', importer: 'liuwan', rows: 6, accepted: 4, errorColumns: ['入党时间', '姓名'] },
  { file: '05-dates-six-styles.xlsx', importer: 'liuwan', rows: 8, accepted: 6, errorColumns: ['入党时间', '转正时间'] },
  { file: '06-full-width-digits.xlsx', importer: 'liuwan', rows: 6, accepted: 5, errorColumns: ['联系电话'] },
  { file: '07-town-wide.xlsx', importer: 'town', rows: 8, accepted: 7, errorColumns: ['所在党组织'] },
  { file: '08-town-wide-by-secretary.xlsx', importer: 'secretary', rows: 7, accepted: 4, errorColumns: ['党组织名称', '党组织名称', '党组织名称'] },
  { file: '09-no-birth-gender.xlsx', importer: 'liuwan', rows: 6, accepted: 5, errorColumns: ['身份证号'] },
  { file: '10-birth-gender-disagree.xlsx', importer: 'liuwan', rows: 6, accepted: 4, errorColumns: ['出生日期', '性别'] },
  { file: '11-town-wide-merged-blocks.xlsx', importer: 'town', rows: 9, accepted: 7, errorColumns: ['党内职务', '入党日期'] },
];

let ctx: TestContext;
let town: Town;
let branches: Branch[];
let secretary: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 3 });
  branches = [];
  for (const [i, name] of BRANCHES.entries()) branches.push(await createBranch(town, { name, villageId: town.villages[i].id }));
  secretary = (await createUser(town, 'branch_secretary', [branches[0].id])).session;
});
afterAll(async () => { await ctx.close(); });

const fixture = (file: string) => readFileSync(new URL(`./fixtures/rosters/${file}`, import.meta.url));

async function upload(session: Session, file: Buffer, orgId: number, dryRun: boolean): Promise<ImportReport> {
  const boundary = '----dj-roster-corpus';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  const res = await ctx.app.inject({
    method: 'POST', url: `/api/members/import?orgId=${orgId}&dryRun=${dryRun}`,
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

function importerOf(importer: Importer): { session: Session; orgId: number } {
  if (importer === 'town') return { session: town.admin, orgId: town.committeeId };
  if (importer === 'secretary') return { session: secretary, orgId: branches[0].id };
  return { session: town.admin, orgId: branches[0].id };
}

describe('Rosters as towns really keep them (issue 13 point 1): the corpus of eleven layouts', () => {
  const table: string[] = [];
  afterAll(() => {
    console.log(['layout | rows | accepted | errors', ...table].join('\n'));
  });

  it.each(CORPUS)('imports $file (dry run): rows, acceptances and errors as expected, each error naming its column', async (layout) => {
    const { session, orgId } = importerOf(layout.importer);
    const report = await upload(session, fixture(layout.file), orgId, true);
    table.push(`${layout.file} | ${report.total} | ${report.created} | ${report.invalid}`);
    const errorColumns = report.rows.flatMap((r) => r.errors.map((e) => e.column)).sort();
    expect({ rows: report.total, accepted: report.created, errors: report.invalid, errorColumns })
      .toEqual({ rows: layout.rows, accepted: layout.accepted, errors: layout.rows - layout.accepted, errorColumns: [...layout.errorColumns].sort() });
    // Every error says in Chinese what is wrong, not a field code, and every refused row says why.
    for (const row of report.rows) for (const e of row.errors) expect(e.message, `${layout.file} row ${row.row}`).toMatch(/[\u4e00-\u9fff]/);
    expect(report.rows.filter((r) => r.status === 'invalid' || r.status === 'duplicate').every((r) => r.errors.length > 0)).toBe(true);
  });

  it('says why: a month-only 入党时间, a 预备党员 with a 转正日期, an unknown branch, another branch of the town, an ID that disagrees', async () => {
    const messages = async (file: string, importer: Importer) => {
      const { session, orgId } = importerOf(importer);
      return (await upload(session, fixture(file), orgId, true)).rows.flatMap((r) => r.errors.map((e) => `${r.sheet}!${r.row} ${e.column}:${e.message}`));
    };
    expect(await messages('05-dates-six-styles.xlsx', 'liuwan')).toContainEqual(expect.stringMatching(/^党员!8 入党时间:日期不完整/));
    expect(await messages('01-national-export.xlsx', 'liuwan')).toContainEqual(expect.stringMatching(/^党员信息!5 人员类别:人员类别为预备党员,但填写了转正日期/));
    expect(await messages('07-town-wide.xlsx', 'town')).toContainEqual(expect.stringMatching(/^全镇党员!8 所在党组织:本镇没有名为“红旗村党支部”的党支部/));
    const bySecretary = await messages('08-town-wide-by-secretary.xlsx', 'secretary');
    expect(bySecretary).toContainEqual(expect.stringMatching(/^Sheet1!3 党组织名称:“石桥村党支部”是石桥村党支部,不在本次导入的范围\(柳湾村党支部\)内/));
    const disagree = await messages('10-birth-gender-disagree.xlsx', 'liuwan');
    expect(disagree).toContainEqual(expect.stringMatching(/^Sheet1!3 出生日期:与身份证号不一致:身份证号第7–14位表示出生日期为/));
    expect(disagree).toContainEqual(expect.stringMatching(/^Sheet1!5 性别:与身份证号不一致:身份证号第17位表示性别为/));
    expect(await messages('03-sheet-per-branch.xlsx', 'town')).toContainEqual('石桥村!4 身份证号:与工作表“柳湾村”第3行重复');
  });

  it('a real import of the town-wide roster writes the valid rows in one go, each into the branch its 所在党组织 names', async () => {
    const report = await upload(town.admin, fixture('11-town-wide-merged-blocks.xlsx'), town.committeeId, false);
    expect(report.created).toBe(7);
    const placed = await ctx.pool.query<{ name: string; n: string }>(
      `select o.name, count(*) as n from members m join organizations o on o.id = m.organization_id where o.id = any($1) group by o.name order by o.name`,
      [branches.map((b) => b.id)],
    );
    expect(Object.fromEntries(placed.rows.map((r) => [r.name, Number(r.n)]))).toEqual({ 柳湾村党支部: 2, 石桥村党支部: 2, 杏林村党支部: 3 });
    // Derived fields: 出生日期 and 性别 of layout 09 come from the ID number.
    const derived = await upload(town.admin, fixture('09-no-birth-gender.xlsx'), branches[0].id, false);
    expect(derived.created).toBe(5);
  });
});
