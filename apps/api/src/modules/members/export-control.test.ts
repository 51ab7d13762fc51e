import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, createUser, type Account, type Branch } from '../../../test/factories.js';

/** An account as the export and the audit trail name it: display name and username. */
interface Who { session: Session; username: string; displayName: string }
let ctx: TestContext;
let branch: Branch;
let otherBranch: Branch;
let admin: Who;
/** The second town admin, who decides the first one's requests (and the secretary's). */
let secondAdmin: Who;
/** The secretary of `branch`. */
let secretary: Who;
/** The secretary of `otherBranch`. */
let otherSecretary: Who;
/** Members of `branch` and of the whole town. */
const BRANCH_ROWS = 4;
const TOWN_ROWS = 7;
/** The approval threshold the tests work with: the town is above it, the branch at or below it. */
const THRESHOLD = 5;
let branchRows: number;

const who = async (session: Session): Promise<Who> => ({ session, ...(await session.get('/api/auth/me')).json().user });
const account = async (made: Promise<Account>) => who((await made).session);

beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx, '导出测试镇');
  [branch, otherBranch] = [await createBranch(town, { name: '东岭村党支部' }), await createBranch(town, { name: '南坡村党支部' })];
  await createMembers(town, branch.id, { full: BRANCH_ROWS });
  await createMembers(town, otherBranch.id, { full: TOWN_ROWS - BRANCH_ROWS });
  admin = await who(town.admin);
  secondAdmin = await account(createUser(town, 'town_admin', [town.committeeId], { displayName: '镇党委书记 王审批' }));
  secretary = await account(createUser(town, 'branch_secretary', [branch.id], { displayName: '东岭村党支部书记 李东' }));
  otherSecretary = await account(createUser(town, 'branch_secretary', [otherBranch.id], { displayName: '南坡村党支部书记 赵南' }));
  // The default is 50 (the checklist's figure); the town lowers it so a town of 7 members is above it.
  expect((await admin.session.get('/api/members/export/preview')).json()).toMatchObject({ rows: TOWN_ROWS, threshold: 50, needsApproval: false });
  await setSetting('export.approvalThreshold', THRESHOLD);
});
afterAll(async () => { await ctx.close(); });

const FULL_ID = /\b\d{17}[\dX]\b/;
const MASKED_ID = /\d{6}\*{8}/;

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
  const res = await admin.session.patch(`/api/settings/${key}`, { value });
  expect(res.statusCode, res.body).toBe(200);
};
const branchQuery = () => `orgId=${branch.id}`;

describe('安全测试清单第27项: full roster exports above export.approvalThreshold need a second town admin', () => {
  it('refuses the whole-town export with full numbers, naming the rule; only a refused audit row is written', async () => {
    const preview = (await admin.session.get('/api/members/export/preview')).json();
    expect(preview).toMatchObject({ rows: TOWN_ROWS, fullNumbers: true, needsApproval: true, threshold: THRESHOLD, quotaLeft: 5 });
    const before = await lastAuditId();
    const counts = await tableCounts();
    const res = await admin.session.get('/api/members/export');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`导出完整身份证号和手机号超过${THRESHOLD}人,须经另一位镇党委管理员审批:请提交导出申请,或导出脱敏名册`);
    const written = await auditSince(before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ username: admin.username, action: 'member.export', result: 'denied', detail: { refused: 'approval_required', rows: TOWN_ROWS, threshold: THRESHOLD } });
    expect(await tableCounts()).toEqual(counts);
    // A refusal is not an export: the quota is untouched.
    expect((await admin.session.get('/api/members/export/preview')).json().quotaLeft).toBe(5);
  });

  it('masked=true exports the whole town without approval, with no full ID number in the file', async () => {
    const preview = (await admin.session.get('/api/members/export/preview?masked=true')).json();
    expect(preview).toMatchObject({ fullNumbers: false, needsApproval: false });
    const res = await admin.session.get('/api/members/export?masked=true');
    expect(res.statusCode, res.body).toBe(200);
    const text = await sheetText(res.rawPayload);
    expect(text).not.toMatch(FULL_ID);
    expect(text.match(new RegExp(MASKED_ID, 'g'))).toHaveLength(TOWN_ROWS);
    expect(text).toContain(`导出人:${admin.displayName}(${admin.username})`);
    const { rows } = await ctx.pool.query(`select detail from audit_events where action = 'member.export' and result = 'ok' and username = $1`, [admin.username]);
    expect(rows).toEqual([{ detail: { rows: preview.rows, fullNumbers: false, filter: 'all', masked: true } }]);
  });

  it('the threshold is a town setting: secretary exports her branch directly at its size, and needs approval one below it', async () => {
    const preview = (await secretary.session.get(`/api/members/export/preview?${branchQuery()}`)).json();
    branchRows = preview.rows;
    expect(branchRows).toBe(BRANCH_ROWS);
    expect(preview).toMatchObject({ fullNumbers: true, needsApproval: false, threshold: THRESHOLD });
    // Full numbers need a step-up (安全测试清单第26项; the refusal without it is in ../auth/step-up.test.ts).
    await secretary.session.stepUp();
    const direct = await secretary.session.get(`/api/members/export?${branchQuery()}`);
    expect(direct.statusCode).toBe(200);
    expect((await sheetText(direct.rawPayload)).match(new RegExp(FULL_ID, 'g'))).toHaveLength(BRANCH_ROWS);
    // Nothing to approve at this size.
    const needless = await secretary.session.post('/api/member-exports', { query: { orgId: branch.id }, reason: '核对党员信息' });
    expect(needless.statusCode).toBe(409);
    expect(needless.json().message).toContain('无需审批,可直接导出');

    await setSetting('export.approvalThreshold', branchRows);
    expect((await secretary.session.get(`/api/members/export/preview?${branchQuery()}`)).json()).toMatchObject({ needsApproval: false, threshold: branchRows });
    await setSetting('export.approvalThreshold', branchRows - 1);
    expect((await secretary.session.get(`/api/members/export/preview?${branchQuery()}`)).json()).toMatchObject({ needsApproval: true, threshold: branchRows - 1 });
    const refused = await secretary.session.get(`/api/members/export?${branchQuery()}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain(`超过${branchRows - 1}人,须经另一位镇党委管理员审批`);
    expect((await secretary.session.get(`/api/members/export?${branchQuery()}&masked=true`)).statusCode).toBe(200);
  });

  it('request → the other town admin approves → the requester downloads full numbers with the approver in the watermark', async () => {
    const created = await secretary.session.post('/api/member-exports', { query: { orgId: branch.id }, reason: '换届选举核对党员信息' });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ status: 'pending', rows: branchRows, scopeName: branch.name, requestedByName: secretary.displayName, can: { decide: false, download: false } });
    // Every other town admin is told in-app, with a link to the page where it is decided.
    const { rows: notes } = await ctx.pool.query(`select u.username, n.link, n.body from notifications n join users u on u.id = n.user_id
      where n.kind = 'export.request' order by u.username`);
    expect(notes.map((n) => [n.username, n.link])).toEqual([admin.username, secondAdmin.username].sort().map((u) => [u, '/members/exports']));
    expect(notes.every((n) => n.body.includes('换届选举核对党员信息'))).toBe(true);

    expect((await secretary.session.get(`/api/member-exports/${request.id}/file`)).statusCode).toBe(409);
    const listed = (await secondAdmin.session.get('/api/member-exports')).json().items;
    expect(listed[0]).toMatchObject({ id: request.id, can: { decide: true, download: false } });

    const approved = await secondAdmin.session.post(`/api/member-exports/${request.id}/approve`, { note: '同意,用后即删' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: secondAdmin.displayName, decisionNote: '同意,用后即删', expired: false });
    const validFor = Date.parse(approved.json().approvedUntil) - Date.now();
    expect(validFor).toBeGreaterThan(23 * 3600_000);
    expect(validFor).toBeLessThanOrEqual(24 * 3600_000);
    expect((await admin.session.post(`/api/member-exports/${request.id}/approve`, {})).statusCode).toBe(409);
    // Only the requester downloads: another admin is refused, another branch secretary does not even see it.
    expect((await admin.session.get(`/api/member-exports/${request.id}/file`)).statusCode).toBe(403);
    expect((await otherSecretary.session.get(`/api/member-exports/${request.id}/file`)).statusCode).toBe(404);

    expect((await secretary.session.get('/api/member-exports')).json().items[0]).toMatchObject({ id: request.id, can: { download: true } });
    await secretary.session.stepUp();
    const before = await lastAuditId();
    const file = await secretary.session.get(`/api/member-exports/${request.id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    const text = await sheetText(file.rawPayload);
    expect(text.match(new RegExp(FULL_ID, 'g'))).toHaveLength(BRANCH_ROWS);
    expect(text).toContain(`审批人:${secondAdmin.displayName}(${secondAdmin.username})`);
    expect(await auditSince(before)).toEqual([{
      username: secretary.username, action: 'member.export', result: 'ok',
      detail: { rows: branchRows, fullNumbers: true, filter: 'all', requestId: request.id, approvedBy: `${secondAdmin.displayName}(${secondAdmin.username})` },
    }]);
    const { rows: [stored] } = await ctx.pool.query('select downloaded_at from member_export_requests where id = $1', [request.id]);
    expect(stored.downloaded_at).not.toBeNull();
    const { rows: trail } = await ctx.pool.query(`select username, action from audit_events where action like 'member.export.%' order by id`);
    expect(trail).toEqual([{ username: secretary.username, action: 'member.export.request' }, { username: secondAdmin.username, action: 'member.export.approve' }]);
  });

  it('a requester cannot approve their own request, and a branch secretary cannot approve', async () => {
    const own = (await admin.session.post('/api/member-exports', { query: {}, reason: '全镇党员信息年度核查' })).json();
    expect(own.status).toBe('pending');
    const self = await admin.session.post(`/api/member-exports/${own.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('不能审批自己的导出申请');
    // A branch secretary sees only her own requests: someone else's looks nonexistent.
    expect((await secretary.session.post(`/api/member-exports/${own.id}/approve`, {})).statusCode).toBe(404);
    const hers = (await secretary.session.post('/api/member-exports', { query: { orgId: branch.id }, reason: '再次核对' })).json();
    const bySecretary = await secretary.session.post(`/api/member-exports/${hers.id}/approve`, {});
    expect(bySecretary.statusCode).toBe(403);
    expect(bySecretary.json().message).toContain('镇党委管理员');
    const rejected = await secondAdmin.session.post(`/api/member-exports/${own.id}/reject`, { note: '请导出脱敏名册' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '请导出脱敏名册' });
    expect((await admin.session.get(`/api/member-exports/${own.id}/file`)).statusCode).toBe(409);
    expect((await secondAdmin.session.post(`/api/member-exports/${own.id}/approve`, {})).statusCode).toBe(409);
    // Town admins see every request of the town, newest first; a secretary only hers.
    const all = (await secondAdmin.session.get('/api/member-exports')).json().items.map((r: { id: number }) => r.id);
    expect(all.slice(0, 2)).toEqual([hers.id, own.id]);
    const mine = (await secretary.session.get('/api/member-exports')).json().items;
    expect(mine.every((r: { requestedByName: string }) => r.requestedByName === secretary.displayName)).toBe(true);
    expect((await secretary.session.get('/api/member-exports/99999999/file')).statusCode).toBe(404);
    const { rows } = await ctx.pool.query(`select count(*)::int as n from audit_events where action = 'member.export.reject'`);
    expect(rows[0].n).toBe(1);
  });

  it('an approval is valid for 24 hours: a download after that is refused in Chinese', async () => {
    const request = (await secretary.session.post('/api/member-exports', { query: { orgId: branch.id }, reason: '过期测试' })).json();
    await secondAdmin.session.post(`/api/member-exports/${request.id}/approve`, {});
    await ctx.pool.query(`update member_export_requests set approved_until = now() - interval '1 minute' where id = $1`, [request.id]);
    const late = await secretary.session.get(`/api/member-exports/${request.id}/file`);
    expect([409, 410]).toContain(late.statusCode);
    expect(late.json().message).toContain('24小时');
    expect((await secretary.session.get('/api/member-exports')).json().items.find((r: { id: number }) => r.id === request.id))
      .toMatchObject({ expired: true, can: { download: false } });
  });
});

describe('安全测试清单第27项: export.dailyQuota roster exports per user and day', () => {
  it('with the quota at 2 the third export of the day is refused, audited, and the town admins alerted', async () => {
    // Approved while the threshold is still below secretary's branch (set above).
    const request = (await secretary.session.post('/api/member-exports', { query: { orgId: branch.id }, reason: '限次测试' })).json();
    expect((await secondAdmin.session.post(`/api/member-exports/${request.id}/approve`, {})).statusCode).toBe(200);
    await setSetting('export.dailyQuota', 2);
    await setSetting('export.approvalThreshold', 10000);
    const url = `/api/members/export?orgId=${otherBranch.id}`;
    await otherSecretary.session.stepUp();
    expect((await otherSecretary.session.get(url)).statusCode).toBe(200);
    expect((await otherSecretary.session.get(`${url}&masked=true`)).statusCode).toBe(200);
    expect((await otherSecretary.session.get(`/api/members/export/preview?orgId=${otherBranch.id}`)).json().quotaLeft).toBe(0);
    const before = await lastAuditId();
    const third = await otherSecretary.session.get(url);
    expect(third.statusCode).toBe(409);
    expect(third.json().message).toBe('今日已导出2次(本镇设置 export.dailyQuota),请明天再导出或联系镇党委');
    expect(await auditSince(before)).toEqual([{ username: otherSecretary.username, action: 'member.export', result: 'denied', detail: { refused: 'daily_quota', quota: 2 } }]);
    const { rows: alerts } = await ctx.pool.query(`select u.username from notifications n join users u on u.id = n.user_id where n.kind = 'export.quota' order by u.username`);
    expect(alerts.map((a) => a.username)).toEqual([admin.username, secondAdmin.username].sort());
    // secretary has exported 3 times today already (direct, masked, approved download): an approved download is refused too.
    expect((await secretary.session.get(`/api/member-exports/${request.id}/file`)).json().message).toContain('今日已导出2次');
  });
});
