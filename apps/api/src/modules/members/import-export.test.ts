import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, createUser, multipartBody, type Branch } from '../../../test/factories.js';
import { buildMessyRoster, type MessyRoster } from './excel/fixtures.js';
import { REQUIRED_HEADER, xlsx } from './excel/test-workbook.js';
import { testIdNumber } from '../../../test/factories.js';

let ctx: TestContext;
let branch: Branch;
let secretary: Session;
/** How the secretary is named in an export's watermark. */
let secretaryName: string;
let supervisor: Session;
/** Usernames of the secretary and the supervisor, as the audit trail names them. */
let usernames: [string, string];
let roster: MessyRoster;
beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx);
  branch = await createBranch(town, { name: '东岭村党支部' });
  // Two members registered through the form before any import: the round trip must leave them as they are too.
  await createMembers(town, branch.id, { full: 1, probationary: 1 }, { phone: '13912345678', address: '东岭村8号', hamlet: '二组' });
  const account = await createUser(town, 'branch_secretary', [branch.id], { displayName: '东岭村党支部书记 李东' });
  secretary = account.session;
  secretaryName = `东岭村党支部书记 李东(${account.username})`;
  const supervising = await createUser(town, 'supervisor', [branch.id]);
  supervisor = supervising.session;
  usernames = [account.username, supervising.username];
  roster = await buildMessyRoster({ count: 40, organizationNames: [branch.name], seed: 7, withErrors: true });
  // The import below takes the branch past the approval threshold (50); approval is tested in export-control.test.ts.
  expect((await town.admin.patch('/api/settings/export.approvalThreshold', { value: 10000 })).statusCode).toBe(200);
});
afterAll(async () => { await ctx.close(); });

async function upload(session: Session, file: Buffer, query: string) {
  const body = multipartBody({ data: file, name: 'roster.xlsx' });
  return ctx.app.inject({
    method: 'POST', url: `/api/members/import?${query}`, payload: body.payload,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...body.headers },
  });
}

const memberCount = async () => Number((await ctx.pool.query('select count(*) from members')).rows[0].count);

describe('POST /api/members/import', () => {
  it('dry run: reports every row with its problems in Chinese and writes nothing', async () => {
    const before = await memberCount();
    const res = await upload(secretary, roster.file, `orgId=${branch.id}&dryRun=true`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.dryRun).toBe(true);
    const serviceRejects = roster.unknownOrganizationRows.length + roster.badCheckDigitRows.length;
    expect(report.total).toBe(roster.expectedValid + roster.expectedInvalid);
    expect(report.invalid).toBe(roster.expectedInvalid + serviceRejects);
    expect(report.created).toBe(roster.expectedValid - serviceRejects);
    for (const r of roster.unknownOrganizationRows) {
      // The column as the file writes it, like the parser's own errors (issue 13 point 1).
      expect(report.rows.find((x: { row: number }) => x.row === r).errors[0].column).toBe('所在党组织(必填)');
    }
    for (const r of roster.badCheckDigitRows) {
      expect(report.rows.find((x: { row: number }) => x.row === r).errors[0].message).toMatch(/校验位/);
    }
    expect(await memberCount()).toBe(before);
  });

  it('imports the valid rows in one go, and a second import of the same file changes nothing', async () => {
    const before = await memberCount();
    const first = (await upload(secretary, roster.file, `orgId=${branch.id}&dryRun=false`)).json();
    expect(first.created).toBeGreaterThan(30);
    expect(await memberCount()).toBe(before + first.created);
    const again = (await upload(secretary, roster.file, `orgId=${branch.id}&dryRun=false`)).json();
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.rows.filter((r: { status: string }) => r.status === 'unchanged')).toHaveLength(first.created);
    expect(await memberCount()).toBe(before + first.created);
    const found = (await secretary.get(`/api/members?q=${encodeURIComponent(roster.sampleNames[0])}`)).json();
    expect(found.total).toBeGreaterThan(0);
  });

  it('answers a file that is not xlsx with a clear Chinese error', async () => {
    const res = await upload(secretary, Buffer.from('姓名,身份证号\n张三,1'), `orgId=${branch.id}&dryRun=true`);
    // The one upload policy (issue 12 point 5): a wrong type is 415, not 400.
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/Excel/) });
  });

  it('a 正式党员 row without 转正日期 comes in as 正式党员 with 转正日期不详 (noted, 党龄 unknown); one within a year of 入党 is refused', async () => {
    const older = testIdNumber('1970-04-05');
    const recent = testIdNumber('1995-02-03');
    const file = await xlsx({ rows: [
      [...REQUIRED_HEADER, '人员类别', '转正日期'],
      ['周老党', '男', '1970-04-05', older, '1995-07-01', branch.name, '正式党员', null],
      ['吴新人', '男', '1995-02-03', recent, '2026-06-01', branch.name, '正式党员', null],
    ] });
    const report = (await upload(secretary, file, `orgId=${branch.id}&dryRun=false`)).json();
    const [undated, tooSoon] = report.rows;
    expect(undated).toMatchObject({ status: 'create', notes: [expect.stringMatching(/转正日期不详/)] });
    expect(tooSoon.status).toBe('invalid');
    expect(tooSoon.errors[0].message).toMatch(/第三十二条|一年/);
    const found = (await secretary.get(`/api/members?q=${encodeURIComponent('周老党')}`)).json().items[0];
    expect(found).toMatchObject({ standing: 'full', confirmedAt: null, confirmedDateUnknown: true, partyYears: null });
  });

  it('only town admins and branch secretaries import', async () => {
    expect((await upload(supervisor, roster.file, `orgId=${branch.id}&dryRun=true`)).statusCode).toBe(403);
  });
});

const FULL_ID = /\b\d{17}[\dX]\b/;

async function sheetText(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
  return lines.join('\n');
}

describe('GET /api/members/export and the template', () => {
  it('exports full numbers to the branch secretary, masks for the supervisor, and audits both', async () => {
    await secretary.stepUp();
    const full = await secretary.get(`/api/members/export?orgId=${branch.id}`);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toContain('spreadsheetml');
    const text = await sheetText(full.rawPayload);
    expect(text).toMatch(FULL_ID);
    expect(text).toContain(secretaryName);
    const masked = await sheetText((await supervisor.get(`/api/members/export?orgId=${branch.id}`)).rawPayload);
    expect(masked).not.toMatch(FULL_ID);
    expect(masked).toMatch(/\d{6}\*{8}/);
    const { rows } = await ctx.pool.query(`select username, detail from audit_events where action = 'member.export' order by id`);
    expect(rows.map((r) => [r.username, r.detail.fullNumbers])).toEqual([[usernames[0], true], [usernames[1], false]]);
  });

  it('serves an import template that the importer itself reads as empty', async () => {
    const res = await secretary.get('/api/members/import-template');
    expect(res.statusCode).toBe(200);
    const report = (await upload(secretary, res.rawPayload, `orgId=${branch.id}&dryRun=true`)).json();
    expect(report.total).toBe(0);
  });
});

describe('export → import round trip', () => {
  it('re-importing a fresh export changes nothing', async () => {
    await secretary.stepUp();
    const exported = (await secretary.get(`/api/members/export?orgId=${branch.id}`)).rawPayload;
    const report = (await upload(secretary, exported, `orgId=${branch.id}&dryRun=true`)).json();
    const byStatus = (s: string) => report.rows.filter((r: { status: string }) => r.status === s).length;
    // The import's rows and the two registered through the form.
    expect(report.total).toBe((await secretary.get('/api/members?filter=all&pageSize=1')).json().total);
    expect(report.total).toBeGreaterThan(30);
    expect(byStatus('update'), JSON.stringify(report.rows.find((r: { status: string }) => r.status !== 'unchanged'))).toBe(0);
    expect(byStatus('unchanged')).toBe(report.total);
  });

  it('a column missing from the file leaves that field as it is', async () => {
    const one = (await secretary.get(`/api/members?q=${encodeURIComponent(roster.sampleNames[1])}`)).json().items[0];
    expect(one.address).toBeTruthy();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    await secretary.stepUp();
    const reveal = async (field: string) => (await secretary.post(`/api/members/${one.id}/reveal`, { field, reason: '导入测试' })).json().value;
    ws.addRow(['姓名', '性别', '出生日期', '身份证号', '入党日期', '转正日期', '所在党支部', '村民小组']);
    ws.addRow([one.name, one.gender === 'male' ? '男' : '女', one.birthDate, await reveal('idNumber'), one.joinedAt, one.confirmedAt, one.organizationName, '九组']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const report = (await upload(secretary, file, `orgId=${branch.id}&dryRun=false`)).json();
    expect(report.updated, JSON.stringify(report.rows)).toBe(1);
    const after = (await secretary.get(`/api/members/${one.id}`)).json();
    expect(after.hamlet).toBe('九组');
    expect(after.address).toBe(one.address);
    expect(after.phoneMasked).toBe(one.phoneMasked);
  });
});
