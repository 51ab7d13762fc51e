import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_PASSWORD, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, sessionFor, type Account, type Branch, type Town } from '../../../test/factories.js';
import { hashToken } from '../../plugins/auth.js';

/**
 * 安全测试清单第26项 (masking and step-up): a full 身份证号 or phone leaves the platform only after an explicit
 * action, by an allowed role, with a reason, and after the session re-entered its password within
 * security.stepUpMinutes. The same holds for roster exports that carry full numbers.
 */
let ctx: TestContext;
let town: Town;
/** The secretary of `here`, whose member is revealed; the secretary of `there`, whose account gets locked. */
let here: Branch;
let there: Branch;
let secretary: Account;
let neighbour: Account;
let secretarySession: Session;
let member: number;
let foreignMember: number;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  here = await createBranch(town);
  there = await createBranch(town);
  [member, foreignMember] = [await createMember(town, here.id, { phone: '13812345678' }), await createMember(town, there.id)];
  await createMember(town, here.id);
  secretary = await createUser(town, 'branch_secretary', [here.id]);
  neighbour = await createUser(town, 'branch_secretary', [there.id]);
  secretarySession = secretary.session;
});
afterAll(async () => { await ctx.close(); });

const BAD_LOGIN = { code: 'UNAUTHENTICATED', message: '用户名或密码错误,或账号已被暂时锁定' };
const REVEAL_REQUIRED = { code: 'STEP_UP_REQUIRED', message: '查看完整号码前请再次输入登录密码确认身份' };
const EXPORT_REQUIRED = { code: 'STEP_UP_REQUIRED', message: '导出完整身份证号和手机号前请再次输入登录密码确认身份' };
/** A full 18-digit 身份证号; a masked one has asterisks in the middle. */
const FULL_ID = /\d{17}[\dX]/;

const sessionId = (s: Session) => hashToken(s.cookie.replace(/^sid=/, ''));
const lastAuditId = async () => Number((await ctx.pool.query('select coalesce(max(id), 0) as id from audit_events')).rows[0].id);
const auditSince = async (id: number) =>
  (await ctx.pool.query('select username, action, result, detail from audit_events where id > $1 order by id', [id])).rows;
const reveal = (s: Session, id = member, field = 'idNumber') => s.post(`/api/members/${id}/reveal`, { field, reason: '办理组织关系转接' });
const failedLogins = async (username: string) =>
  (await ctx.pool.query(`select u.failed_logins, f.locked_until from users u
    left join login_failures f on f.user_id = u.id and f.address = '127.0.0.1' where u.username = $1`, [username])).rows[0];

async function sheetText(file: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.worksheets[0].eachRow((row) => lines.push((row.values as unknown[]).map((v) => String(v ?? '')).join('|')));
  return lines.join('\n');
}

describe('安全测试清单第26项: revealing a full number needs a step-up', () => {
  it('without a step-up the reveal answers 403 STEP_UP_REQUIRED, reveals nothing and audits the refusal', async () => {
    const before = await lastAuditId();
    const res = await reveal(secretarySession);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(REVEAL_REQUIRED);
    expect(res.body).not.toMatch(FULL_ID);
    expect(await auditSince(before)).toEqual([{
      username: secretary.username, action: 'member.reveal', result: 'denied', detail: { field: 'idNumber', reason: 'step_up_required' },
    }]);
  });

  it('a member out of scope still answers 404 (not 403) without a step-up, like a nonexistent one', async () => {
    const before = await lastAuditId();
    const foreign = await reveal(secretarySession, foreignMember);
    const absent = await reveal(secretarySession, 99_999_999);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(absent.body);
    // No reveal is recorded; each leaves the same denied-access line (plugins/denied-audit.ts), which cannot tell them apart either.
    const lines = await auditSince(before);
    expect(lines.map((l) => `${l.action}:${l.result}`)).toEqual(['access.denied:denied', 'access.denied:denied']);
    expect(lines[0]).toEqual(lines[1]);
  });

  it('a role that may not reveal is refused for its role, step-up or not', async () => {
    const supervisor = (await createUser(town, 'supervisor', [here.id])).session;
    await supervisor.stepUp();
    const res = await reveal(supervisor);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('the right password steps this session up for security.stepUpMinutes (10), audited; the reveal then works', async () => {
    const before = await lastAuditId();
    const res = await secretarySession.post('/api/auth/step-up', { password: DEMO_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const { rows: [row] } = await ctx.pool.query('select stepped_up_at from sessions where id = $1', [sessionId(secretarySession)]);
    expect(Date.parse(res.json().steppedUpUntil) - row.stepped_up_at.getTime()).toBe(10 * 60_000);
    expect(await auditSince(before)).toEqual([{ username: secretary.username, action: 'auth.step_up', result: 'ok', detail: { minutes: 10 } }]);

    const shown = await reveal(secretarySession);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json().value).toMatch(FULL_ID);
    // Within the window the session does not ask again.
    expect((await reveal(secretarySession, member, 'phone')).statusCode).toBe(200);
    const { rows } = await ctx.pool.query(`select result, detail from audit_events where action = 'member.reveal' and id > $1 order by id`, [before]);
    expect(rows).toEqual([
      { result: 'ok', detail: { field: 'idNumber', reason: '办理组织关系转接' } },
      { result: 'ok', detail: { field: 'phone', reason: '办理组织关系转接' } },
    ]);
  });

  it('after the window the session is asked again; the window is the town setting security.stepUpMinutes', async () => {
    await secretarySession.stepUp();
    await ctx.pool.query(`update sessions set stepped_up_at = now() - interval '11 minutes' where id = $1`, [sessionId(secretarySession)]);
    const late = await reveal(secretarySession);
    expect(late.statusCode).toBe(403);
    expect(late.json()).toEqual(REVEAL_REQUIRED);
    const admin = town.admin;
    expect((await admin.patch('/api/settings/security.stepUpMinutes', { value: 30 })).statusCode).toBe(200);
    expect((await reveal(secretarySession)).statusCode).toBe(200);
    expect((await admin.patch('/api/settings/security.stepUpMinutes', { value: 61 })).statusCode).toBe(400);
    expect((await admin.patch('/api/settings/security.stepUpMinutes', { value: 10 })).statusCode).toBe(200);
    expect((await reveal(secretarySession)).json()).toEqual(REVEAL_REQUIRED);
  });

  it("one session's step-up does not count for another session of the same user", async () => {
    const first = await sessionFor(ctx, secretary.userId);
    const second = await sessionFor(ctx, secretary.userId);
    await first.stepUp();
    expect((await reveal(first)).statusCode).toBe(200);
    const other = await reveal(second);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toEqual(REVEAL_REQUIRED);
  });

  it('is a signed-in, CSRF-protected route', async () => {
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/auth/step-up', payload: { password: DEMO_PASSWORD } });
    expect(anonymous.statusCode).toBe(401);
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/auth/step-up', payload: { password: DEMO_PASSWORD }, headers: { cookie: secretarySession.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF');
    expect((await secretarySession.post('/api/auth/step-up', {})).statusCode).toBe(400);
  });
});

describe('安全测试清单第26项: step-up shares the sign-in lockout', () => {
  it('a wrong password is refused like a failed sign-in and counts; 5 failures lock, then even the right password is refused', async () => {
    const neighbourSession = neighbour.session;
    const name = neighbour.username;
    const before = await lastAuditId();
    const wrong = await neighbourSession.post('/api/auth/step-up', { password: 'wrong-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(BAD_LOGIN);
    expect(wrong.json()).toEqual((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } })).json());
    expect((await failedLogins(name)).failed_logins).toBe(1);
    // The same counter as sign-in: failed sign-ins and failed step-ups add up.
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: name, password: 'bad' } })).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await neighbourSession.post('/api/auth/step-up', { password: 'bad' })).statusCode).toBe(401);
    expect((await failedLogins(name)).failed_logins).toBe(4);
    expect((await neighbourSession.post('/api/auth/step-up', { password: 'bad' })).statusCode).toBe(401);
    const locked = await failedLogins(name);
    expect(locked.locked_until).not.toBeNull();

    const right = await neighbourSession.post('/api/auth/step-up', { password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(BAD_LOGIN);
    const { rows: [session] } = await ctx.pool.query('select stepped_up_at from sessions where id = $1', [sessionId(neighbourSession)]);
    expect(session.stepped_up_at).toBeNull();
    expect((await reveal(neighbourSession, foreignMember)).json()).toEqual(REVEAL_REQUIRED);
    const { rows } = await ctx.pool.query(`select result, detail from audit_events where action = 'auth.step_up' and id > $1 order by id`, [before]);
    expect(rows).toEqual([
      { result: 'failed', detail: { reason: 'bad_password' } },
      { result: 'failed', detail: { reason: 'bad_password' } },
      { result: 'failed', detail: { reason: 'bad_password' } },
      { result: 'locked', detail: { reason: 'bad_password' } },
      { result: 'locked', detail: { passwordCorrect: true } },
    ]);

    // Once the lock has run out, the right password steps up and clears the counter.
    await ctx.pool.query(`update login_failures set locked_until = now() - interval '1 minute' where user_id = $1`, [neighbour.userId]);
    expect((await neighbourSession.post('/api/auth/step-up', { password: DEMO_PASSWORD })).statusCode).toBe(200);
    expect((await failedLogins(name)).failed_logins).toBe(0);
    expect((await reveal(neighbourSession, foreignMember)).statusCode).toBe(200);
  });
});

describe('安全测试清单第26项: exports with full numbers need a step-up, masked ones do not', () => {
  const url = () => `/api/members/export?orgId=${here.id}`;

  it('a direct full export is refused without a step-up and audited; masked and role-masked exports are not', async () => {
    const s = await sessionFor(ctx, secretary.userId);
    const before = await lastAuditId();
    const refused = await s.get(url());
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual(EXPORT_REQUIRED);
    const written = await auditSince(before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ username: secretary.username, action: 'member.export', result: 'denied', detail: { refused: 'step_up_required' } });
    // A refusal is not an export: the daily quota is untouched.
    expect((await s.get(`/api/members/export/preview?orgId=${here.id}`)).json().quotaLeft).toBe(5);

    const masked = await s.get(`${url()}&masked=true`);
    expect(masked.statusCode, masked.body).toBe(200);
    expect(await sheetText(masked.rawPayload)).not.toMatch(FULL_ID);
    // A supervisor only ever gets masks, so no step-up is asked of them.
    const supervisor = (await createUser(town, 'supervisor', [here.id])).session;
    expect((await supervisor.get(url())).statusCode).toBe(200);

    await s.stepUp();
    const full = await s.get(url());
    expect(full.statusCode, full.body).toBe(200);
    expect(await sheetText(full.rawPayload)).toMatch(FULL_ID);
  });

  it('an out-of-scope export still answers 404 without a step-up', async () => {
    const s = await sessionFor(ctx, secretary.userId);
    expect((await s.get(`/api/members/export?orgId=${there.id}`)).statusCode).toBe(404);
  });

  it('an approved full-number download needs a step-up of the downloading session too', async () => {
    const admin = town.admin;
    // A second town admin approves: the requester's own admin cannot.
    const shuji = (await createUser(town, 'town_admin', [town.committeeId])).session;
    expect((await admin.patch('/api/settings/export.approvalThreshold', { value: 1 })).statusCode).toBe(200);
    const created = await secretarySession.post('/api/member-exports', { query: { orgId: here.id }, reason: '换届选举核对党员信息' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect((await shuji.post(`/api/member-exports/${id}/approve`, {})).statusCode).toBe(200);

    const s = await sessionFor(ctx, secretary.userId);
    const before = await lastAuditId();
    const refused = await s.get(`/api/member-exports/${id}/file`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual(EXPORT_REQUIRED);
    expect((await auditSince(before))[0]).toMatchObject({ action: 'member.export', result: 'denied', detail: { refused: 'step_up_required', requestId: id } });
    const { rows: [untouched] } = await ctx.pool.query('select downloaded_at from member_export_requests where id = $1', [id]);
    expect(untouched.downloaded_at).toBeNull();

    await s.stepUp();
    const file = await s.get(`/api/member-exports/${id}/file`);
    expect(file.statusCode, file.body).toBe(200);
    expect(await sheetText(file.rawPayload)).toMatch(FULL_ID);
  });
});
