import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from '../../../test/context.js';
import { buildMessyRoster, type MessyRoster } from './excel/fixtures.js';

let ctx: TestContext;
let ids: Record<string, number>;
let yingzi: Session;
let roster: MessyRoster;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await orgIds(ctx.pool);
  yingzi = await ctx.signIn('yingzi');
  roster = await buildMessyRoster({ count: 40, organizationNames: ['营子村党支部'], seed: 7, withErrors: true });
  // The import below takes 营子村 past the approval threshold (50); approval is tested in export-control.test.ts.
  const admin = await ctx.signIn('admin');
  expect((await admin.patch('/api/settings/export.approvalThreshold', { value: 10000 })).statusCode).toBe(200);
});
afterAll(async () => { await ctx.close(); });

function multipart(file: Buffer, name = 'roster.xlsx') {
  const boundary = '----dj-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(session: Session, file: Buffer, query: string) {
  const body = multipart(file);
  return ctx.app.inject({
    method: 'POST', url: `/api/members/import?${query}`, payload: body.payload,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': body.contentType },
  });
}

const memberCount = async () => Number((await ctx.pool.query('select count(*) from members')).rows[0].count);

describe('POST /api/members/import', () => {
  it('dry run: reports every row with its problems in Chinese and writes nothing', async () => {
    const before = await memberCount();
    const res = await upload(yingzi, roster.file, `orgId=${ids['营子村党支部']}&dryRun=true`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.dryRun).toBe(true);
    const serviceRejects = roster.unknownOrganizationRows.length + roster.badCheckDigitRows.length;
    expect(report.total).toBe(roster.expectedValid + roster.expectedInvalid);
    expect(report.invalid).toBe(roster.expectedInvalid + serviceRejects);
    expect(report.created).toBe(roster.expectedValid - serviceRejects);
    for (const r of roster.unknownOrganizationRows) {
      expect(report.rows.find((x: { row: number }) => x.row === r).errors[0].column).toBe('所在党支部');
    }
    for (const r of roster.badCheckDigitRows) {
      expect(report.rows.find((x: { row: number }) => x.row === r).errors[0].message).toMatch(/校验位/);
    }
    expect(await memberCount()).toBe(before);
  });

  it('imports the valid rows in one go, and a second import of the same file changes nothing', async () => {
    const before = await memberCount();
    const first = (await upload(yingzi, roster.file, `orgId=${ids['营子村党支部']}&dryRun=false`)).json();
    expect(first.created).toBeGreaterThan(30);
    expect(await memberCount()).toBe(before + first.created);
    const again = (await upload(yingzi, roster.file, `orgId=${ids['营子村党支部']}&dryRun=false`)).json();
    expect(again.created).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.rows.filter((r: { status: string }) => r.status === 'unchanged')).toHaveLength(first.created);
    expect(await memberCount()).toBe(before + first.created);
    const found = (await yingzi.get(`/api/members?q=${encodeURIComponent(roster.sampleNames[0])}`)).json();
    expect(found.total).toBeGreaterThan(0);
  });

  it('answers a file that is not xlsx with a clear Chinese error', async () => {
    const res = await upload(yingzi, Buffer.from('姓名,身份证号\n张三,1'), `orgId=${ids['营子村党支部']}&dryRun=true`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Excel/);
  });

  it('only town admins and branch secretaries import', async () => {
    const supervisor = await ctx.signIn('supervisor');
    expect((await upload(supervisor, roster.file, `orgId=${ids['营子村党支部']}&dryRun=true`)).statusCode).toBe(403);
  });
});

async function sheetText(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
  return lines.join('\n');
}

describe('GET /api/members/export and the template', () => {
  it('exports full numbers to the branch secretary, masks for the supervisor, and audits both', async () => {
    await yingzi.stepUp();
    const full = await yingzi.get(`/api/members/export?orgId=${ids['营子村党支部']}`);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toContain('spreadsheetml');
    const text = await sheetText(full.rawPayload);
    expect(text).toMatch(/370402\d{11}[\dX]/);
    expect(text).toContain('营子村党支部书记 张志强(演示)(yingzi)');
    const supervisor = await ctx.signIn('supervisor');
    const masked = await sheetText((await supervisor.get(`/api/members/export?orgId=${ids['营子村党支部']}`)).rawPayload);
    expect(masked).not.toMatch(/370402\d{11}[\dX]/);
    expect(masked).toMatch(/370402\*{8}/);
    const { rows } = await ctx.pool.query(`select username, detail from audit_events where action = 'member.export' order by id`);
    expect(rows.map((r) => [r.username, r.detail.fullNumbers])).toEqual([['yingzi', true], ['supervisor', false]]);
  });

  it('serves an import template that the importer itself reads as empty', async () => {
    const res = await yingzi.get('/api/members/import-template');
    expect(res.statusCode).toBe(200);
    const report = (await upload(yingzi, res.rawPayload, `orgId=${ids['营子村党支部']}&dryRun=true`)).json();
    expect(report.total).toBe(0);
  });
});

describe('export → import round trip', () => {
  it('re-importing a fresh export changes nothing', async () => {
    await yingzi.stepUp();
    const exported = (await yingzi.get(`/api/members/export?orgId=${ids['营子村党支部']}`)).rawPayload;
    const report = (await upload(yingzi, exported, `orgId=${ids['营子村党支部']}&dryRun=true`)).json();
    const byStatus = (s: string) => report.rows.filter((r: { status: string }) => r.status === s).length;
    expect(report.total).toBeGreaterThan(20);
    expect(byStatus('update'), JSON.stringify(report.rows.find((r: { status: string }) => r.status !== 'unchanged'))).toBe(0);
    expect(byStatus('unchanged')).toBe(report.total);
  });

  it('a column missing from the file leaves that field as it is', async () => {
    const one = (await yingzi.get(`/api/members?q=${encodeURIComponent(roster.sampleNames[1])}`)).json().items[0];
    expect(one.address).toBeTruthy();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    await yingzi.stepUp();
    const reveal = async (field: string) => (await yingzi.post(`/api/members/${one.id}/reveal`, { field, reason: '导入测试' })).json().value;
    ws.addRow(['姓名', '性别', '出生日期', '身份证号', '入党日期', '转正日期', '所在党支部', '村民小组']);
    ws.addRow([one.name, one.gender === 'male' ? '男' : '女', one.birthDate, await reveal('idNumber'), one.joinedAt, one.confirmedAt, one.organizationName, '九组']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const report = (await upload(yingzi, file, `orgId=${ids['营子村党支部']}&dryRun=false`)).json();
    expect(report.updated, JSON.stringify(report.rows)).toBe(1);
    const after = (await yingzi.get(`/api/members/${one.id}`)).json();
    expect(after.hamlet).toBe('九组');
    expect(after.address).toBe(one.address);
    expect(after.phoneMasked).toBe(one.phoneMasked);
  });
});
