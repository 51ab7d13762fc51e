import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from '../../../test/context.js';

let ctx: TestContext;
let ids: Record<string, number>;
let admin: Session;
let shuji: Session;
let yingzi: Session;
/** Members of 营子村党支部 in the demo town (the preview counts them). */
let branchRows: number;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await orgIds(ctx.pool);
  admin = await ctx.signIn('admin');
  shuji = await ctx.signIn('shuji');
  yingzi = await ctx.signIn('yingzi');
});
afterAll(async () => { await ctx.close(); });

const FULL_ID = /370402\d{11}[\dX]/;

async function sheetText(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
  return lines.join('\n');
}

const lastAuditId = async () => Number((await ctx.pool.query('select coalesce(max(id), 0) as id from audit_events')).rows[0].id);
const auditSince = async (id: number) =>
  (await ctx.pool.query('select username, action, result, detail from audit_events where id > $1 order by id', [id])).rows;
const tableCounts = async () => (await ctx.pool.query(`select (select count(*) from member_export_requests)::int as requests,
  (select count(*) from notifications)::int as notifications`)).rows[0];
const setSetting = async (key: string, value: number) => {
  const res = await admin.patch(`/api/settings/${key}`, { value });
  expect(res.statusCode, res.body).toBe(200);
};
const yingziQuery = () => `orgId=${ids['营子村党支部']}`;

describe('安全测试清单第27项: full roster exports above export.approvalThreshold need a second town admin', () => {
  it('refuses the whole-town export with full numbers, naming the rule; only a refused audit row is written', async () => {
    const preview = (await admin.get('/api/members/export/preview')).json();
    expect(preview).toMatchObject({ fullNumbers: true, needsApproval: true, threshold: 50, quotaLeft: 5 });
    expect(preview.rows).toBeGreaterThan(50);
    const before = await lastAuditId();
    const counts = await tableCounts();
    const res = await admin.get('/api/members/export');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('导出完整身份证号和手机号超过50人,须经另一位镇党委管理员审批:请提交导出申请,或导出脱敏名册');
    const written = await auditSince(before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ username: 'admin', action: 'member.export', result: 'denied', detail: { refused: 'approval_required', rows: preview.rows, threshold: 50 } });
    expect(await tableCounts()).toEqual(counts);
    // A refusal is not an export: the quota is untouched.
    expect((await admin.get('/api/members/export/preview')).json().quotaLeft).toBe(5);
  });

  it('masked=true exports the whole town without approval, with no full ID number in the file', async () => {
    const preview = (await admin.get('/api/members/export/preview?masked=true')).json();
    expect(preview).toMatchObject({ fullNumbers: false, needsApproval: false });
    const res = await admin.get('/api/members/export?masked=true');
    expect(res.statusCode, res.body).toBe(200);
    const text = await sheetText(res.rawPayload);
    expect(text).not.toMatch(FULL_ID);
    expect(text).toMatch(/370402\*{8}/);
    expect(text).toContain('导出人:镇党委组织办(演示)(admin)');
    const { rows } = await ctx.pool.query(`select detail from audit_events where action = 'member.export' and result = 'ok' and username = 'admin'`);
    expect(rows).toEqual([{ detail: { rows: preview.rows, fullNumbers: false, filter: 'all', masked: true } }]);
  });

  it('the threshold is a town setting: yingzi exports her branch directly at its size, and needs approval one below it', async () => {
    const preview = (await yingzi.get(`/api/members/export/preview?${yingziQuery()}`)).json();
    branchRows = preview.rows;
    expect(branchRows).toBeGreaterThan(10);
    expect(branchRows).toBeLessThanOrEqual(50);
    expect(preview).toMatchObject({ fullNumbers: true, needsApproval: false, threshold: 50 });
    // Full numbers need a step-up (安全测试清单第26项; the refusal without it is in ../auth/step-up.test.ts).
    await yingzi.stepUp();
    const direct = await yingzi.get(`/api/members/export?${yingziQuery()}`);
    expect(direct.statusCode).toBe(200);
    expect(await sheetText(direct.rawPayload)).toMatch(FULL_ID);
    // Nothing to approve at this size.
    const needless = await yingzi.post('/api/member-exports', { query: { orgId: ids['营子村党支部'] }, reason: '核对党员信息' });
    expect(needless.statusCode).toBe(409);
    expect(needless.json().message).toContain('无需审批,可直接导出');

    await setSetting('export.approvalThreshold', branchRows);
    expect((await yingzi.get(`/api/members/export/preview?${yingziQuery()}`)).json()).toMatchObject({ needsApproval: false, threshold: branchRows });
    await setSetting('export.approvalThreshold', branchRows - 1);
    expect((await yingzi.get(`/api/members/export/preview?${yingziQuery()}`)).json()).toMatchObject({ needsApproval: true, threshold: branchRows - 1 });
    const refused = await yingzi.get(`/api/members/export?${yingziQuery()}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain(`超过${branchRows - 1}人,须经另一位镇党委管理员审批`);
    expect((await yingzi.get(`/api/members/export?${yingziQuery()}&masked=true`)).statusCode).toBe(200);
  });

  it('request → the other town admin approves → the requester downloads full numbers with the approver in the watermark', async () => {
    const created = await yingzi.post('/api/member-exports', { query: { orgId: ids['营子村党支部'] }, reason: '换届选举核对党员信息' });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ status: 'pending', rows: branchRows, scopeName: '营子村党支部', requestedByName: '营子村党支部书记 张志强(演示)', can: { decide: false, download: false } });
    // Every other town admin is told in-app, with a link to the page where it is decided.
    const { rows: notes } = await ctx.pool.query(`select u.username, n.link, n.body from notifications n join users u on u.id = n.user_id
      where n.kind = 'export.request' order by u.username`);
    expect(notes.map((n) => [n.username, n.link])).toEqual([['admin', '/members/exports'], ['shuji', '/members/exports']]);
    expect(notes[1].body).toContain('换届选举核对党员信息');

    expect((await yingzi.get(`/api/member-exports/${request.id}/file`)).statusCode).toBe(409);
    const listed = (await shuji.get('/api/member-exports')).json().items;
    expect(listed[0]).toMatchObject({ id: request.id, can: { decide: true, download: false } });

    const approved = await shuji.post(`/api/member-exports/${request.id}/approve`, { note: '同意,用后即删' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: '镇党委书记 孙立华(演示)', decisionNote: '同意,用后即删', expired: false });
    const validFor = Date.parse(approved.json().approvedUntil) - Date.now();
    expect(validFor).toBeGreaterThan(23 * 3600_000);
    expect(validFor).toBeLessThanOrEqual(24 * 3600_000);
    expect((await admin.post(`/api/member-exports/${request.id}/approve`, {})).statusCode).toBe(409);
    // Only the requester downloads: another admin is refused, another branch secretary does not even see it.
    expect((await admin.get(`/api/member-exports/${request.id}/file`)).statusCode).toBe(403);
    expect((await (await ctx.signIn('xihuagou')).get(`/api/member-exports/${request.id}/file`)).statusCode).toBe(404);

    expect((await yingzi.get('/api/member-exports')).json().items[0]).toMatchObject({ id: request.id, can: { download: true } });
    await yingzi.stepUp();
    const before = await lastAuditId();
    const file = await yingzi.get(`/api/member-exports/${request.id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    const text = await sheetText(file.rawPayload);
    expect(text).toMatch(FULL_ID);
    expect(text).toContain('审批人:镇党委书记 孙立华(演示)(shuji)');
    expect(await auditSince(before)).toEqual([{
      username: 'yingzi', action: 'member.export', result: 'ok',
      detail: { rows: branchRows, fullNumbers: true, filter: 'all', requestId: request.id, approvedBy: '镇党委书记 孙立华(演示)(shuji)' },
    }]);
    const { rows: [stored] } = await ctx.pool.query('select downloaded_at from member_export_requests where id = $1', [request.id]);
    expect(stored.downloaded_at).not.toBeNull();
    const { rows: trail } = await ctx.pool.query(`select username, action from audit_events where action like 'member.export.%' order by id`);
    expect(trail).toEqual([{ username: 'yingzi', action: 'member.export.request' }, { username: 'shuji', action: 'member.export.approve' }]);
  });

  it('a requester cannot approve their own request, and a branch secretary cannot approve', async () => {
    const own = (await admin.post('/api/member-exports', { query: {}, reason: '全镇党员信息年度核查' })).json();
    expect(own.status).toBe('pending');
    const self = await admin.post(`/api/member-exports/${own.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('不能审批自己的导出申请');
    // A branch secretary sees only her own requests: someone else's looks nonexistent.
    expect((await yingzi.post(`/api/member-exports/${own.id}/approve`, {})).statusCode).toBe(404);
    const hers = (await yingzi.post('/api/member-exports', { query: { orgId: ids['营子村党支部'] }, reason: '再次核对' })).json();
    const secretary = await yingzi.post(`/api/member-exports/${hers.id}/approve`, {});
    expect(secretary.statusCode).toBe(403);
    expect(secretary.json().message).toContain('镇党委管理员');
    const rejected = await shuji.post(`/api/member-exports/${own.id}/reject`, { note: '请导出脱敏名册' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '请导出脱敏名册' });
    expect((await admin.get(`/api/member-exports/${own.id}/file`)).statusCode).toBe(409);
    expect((await shuji.post(`/api/member-exports/${own.id}/approve`, {})).statusCode).toBe(409);
    // Town admins see every request of the town, newest first; a secretary only hers.
    const all = (await shuji.get('/api/member-exports')).json().items.map((r: { id: number }) => r.id);
    expect(all.slice(0, 2)).toEqual([hers.id, own.id]);
    const mine = (await yingzi.get('/api/member-exports')).json().items;
    expect(mine.every((r: { requestedByName: string }) => r.requestedByName.includes('张志强'))).toBe(true);
    expect((await yingzi.get('/api/member-exports/99999999/file')).statusCode).toBe(404);
    const { rows } = await ctx.pool.query(`select count(*)::int as n from audit_events where action = 'member.export.reject'`);
    expect(rows[0].n).toBe(1);
  });

  it('an approval is valid for 24 hours: a download after that is refused in Chinese', async () => {
    const request = (await yingzi.post('/api/member-exports', { query: { orgId: ids['营子村党支部'] }, reason: '过期测试' })).json();
    await shuji.post(`/api/member-exports/${request.id}/approve`, {});
    await ctx.pool.query(`update member_export_requests set approved_until = now() - interval '1 minute' where id = $1`, [request.id]);
    const late = await yingzi.get(`/api/member-exports/${request.id}/file`);
    expect([409, 410]).toContain(late.statusCode);
    expect(late.json().message).toContain('24小时');
    expect((await yingzi.get('/api/member-exports')).json().items.find((r: { id: number }) => r.id === request.id))
      .toMatchObject({ expired: true, can: { download: false } });
  });
});

describe('安全测试清单第27项: export.dailyQuota roster exports per user and day', () => {
  it('with the quota at 2 the third export of the day is refused, audited, and the town admins alerted', async () => {
    // Approved while the threshold is still below yingzi's branch (set above).
    const request = (await yingzi.post('/api/member-exports', { query: { orgId: ids['营子村党支部'] }, reason: '限次测试' })).json();
    expect((await shuji.post(`/api/member-exports/${request.id}/approve`, {})).statusCode).toBe(200);
    await setSetting('export.dailyQuota', 2);
    await setSetting('export.approvalThreshold', 10000);
    const xihuagou = await ctx.signIn('xihuagou');
    const url = `/api/members/export?orgId=${ids['西花沟村党支部']}`;
    await xihuagou.stepUp();
    expect((await xihuagou.get(url)).statusCode).toBe(200);
    expect((await xihuagou.get(`${url}&masked=true`)).statusCode).toBe(200);
    expect((await xihuagou.get(`/api/members/export/preview?orgId=${ids['西花沟村党支部']}`)).json().quotaLeft).toBe(0);
    const before = await lastAuditId();
    const third = await xihuagou.get(url);
    expect(third.statusCode).toBe(409);
    expect(third.json().message).toBe('今日已导出2次(本镇设置 export.dailyQuota),请明天再导出或联系镇党委');
    expect(await auditSince(before)).toEqual([{ username: 'xihuagou', action: 'member.export', result: 'denied', detail: { refused: 'daily_quota', quota: 2 } }]);
    const { rows: alerts } = await ctx.pool.query(`select u.username from notifications n join users u on u.id = n.user_id where n.kind = 'export.quota' order by u.username`);
    expect(alerts.map((a) => a.username)).toEqual(['admin', 'shuji']);
    // yingzi has exported 3 times today already (direct, masked, approved download): an approved download is refused too.
    expect((await yingzi.get(`/api/member-exports/${request.id}/file`)).json().message).toContain('今日已导出2次');
  });
});
