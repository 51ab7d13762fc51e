import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_PASSWORD, signIn, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, sessionFor, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 12 point 2 (安全测试清单第12项): the password policy as town settings, the forced change after a one-time
 * password (or an expired one in 等保 mode), and the self-service change. Each account is the test's own.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = await createBranch(town);
});
afterAll(async () => { await ctx.close(); });

const NEW_PASSWORD = '红旗渠精神2026qs';
const change = (s: Session, newPassword: string, currentPassword = DEMO_PASSWORD) => s.post('/api/auth/password', { currentPassword, newPassword });
const secretary = (options: { mustChangePassword?: boolean } = {}) => createUser(town, 'branch_secretary', [branch.id], options);
const login = (username: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const audits = async (username: string, action: string) =>
  (await ctx.pool.query('select result, detail from audit_events where username = $1 and action = $2 order by id', [username, action])).rows;
const setSetting = async (key: string, value: number) => expect((await town.admin.patch(`/api/settings/${key}`, { value })).statusCode).toBe(200);

describe('issue 12 point 2: a one-time password must be changed before anything else', () => {
  it('signs in, tells the web through /me, and answers every other route 403 PASSWORD_CHANGE_REQUIRED', async () => {
    const { username } = await secretary({ mustChangePassword: true });
    const res = await login(username, DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().passwordChange).toBe('one_time');
    const s = await signIn(ctx.app, username);
    expect((await s.get('/api/auth/me')).json().passwordChange).toBe('one_time');
    const refused = { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码:首次登录、密码被重置或密码已过期后,须设置新密码才能继续使用' };
    for (const [method, url, body] of [
      ['GET', `/api/members?orgId=${branch.id}`], ['GET', '/api/organizations'], ['GET', '/api/auth/sessions'],
      ['POST', '/api/auth/step-up', { password: DEMO_PASSWORD }], ['POST', '/api/activities', {}],
    ] as const) {
      const answer = await s.request(method, url, body);
      expect(answer.statusCode, url).toBe(403);
      expect(answer.json(), url).toEqual(refused);
    }
    expect((await s.get('/api/auth/password-policy')).json()).toEqual({ minLength: 10, dengbaoMode: false, complexityClasses: null, maxAgeDays: null });

    expect((await change(s, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().passwordChange).toBeNull();
    expect((await s.get(`/api/members?orgId=${branch.id}`)).statusCode).toBe(200);
    expect((await audits(username, 'auth.password_change'))).toEqual([{ result: 'ok', detail: { endedSessions: 2, wasDue: true } }]);
  });

  it('may still sign out while the change is due', async () => {
    const { session } = await secretary({ mustChangePassword: true });
    expect((await session.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('issue 12 point 2: changing one\'s own password', () => {
  it('checks the new password against the town policy, naming the rule', async () => {
    const { session } = await secretary();
    const cases: [string, string][] = [
      ['short7#k', '新密码至少8位'],
      ['Zq7#kd9x', '密码至少10位(本镇密码规则:最短长度),当前8位'],
      ['1qaz2wsx3edc', '该密码是常见密码,容易被猜中,请换一个(本镇密码规则:不得使用常见密码)'],
    ];
    for (const [password, message] of cases.slice(1)) {
      const res = await change(session, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().fields, password).toEqual([{ path: 'newPassword', message }]);
    }
    // Below the contract's floor the request schema answers first.
    const floor = await change(session, cases[0][0].slice(0, 7));
    expect(floor.statusCode).toBe(400);
    expect(floor.json().message).toContain('新密码');
    const same = await change(session, DEMO_PASSWORD);
    expect(same.json().fields).toEqual([{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
    // The town may ask for more: 12 characters.
    await setSetting('password.minLength', 12);
    expect((await change(session, 'Zq7#kd9xwp1')).json().fields[0].message).toBe('密码至少12位(本镇密码规则:最短长度),当前11位');
    await setSetting('password.minLength', 10);
  });

  it('asks for the current password first; a wrong one is refused on its field and counts towards the lockout', async () => {
    const { session, username } = await secretary();
    const res = await change(session, NEW_PASSWORD, 'wrong-password');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'currentPassword', message: '当前密码不正确,或因多次输错已被暂时锁定,请稍后再试' }]);
    expect((await ctx.pool.query('select failed_logins from users where username = $1', [username])).rows[0].failed_logins).toBe(1);
    expect((await audits(username, 'auth.password_change'))).toEqual([{ result: 'failed', detail: { reason: 'bad_password' } }]);
    expect((await login(username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('ends the user\'s other sessions, keeps this one, and only the new password signs in', async () => {
    const { session, username, userId } = await secretary();
    const other = await sessionFor(ctx, userId);
    const third = await sessionFor(ctx, userId);
    const res = await change(session, NEW_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, endedSessions: 2 });
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await third.get('/api/auth/me')).statusCode).toBe(401);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login(username, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login(username, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await audits(username, 'auth.password_change')).toEqual([{ result: 'ok', detail: { endedSessions: 2, wasDue: false } }]);
  });
});

describe('issue 12 point 2: 等保 mode (GB/T 22239-2019 8.1.4.1a), off by default', () => {
  it('asks for kinds of characters and, past password.maxAgeDays, a new password at sign-in', async () => {
    const { session, username, userId } = await secretary();
    // Off: a password of lower-case letters and digits is fine, and an old password does not expire.
    // The clock moves on: only the database knows when the password was set.
    await ctx.pool.query(`update users set password_changed_at = now() - interval '400 days' where id = $1`, [userId]);
    expect((await login(username, DEMO_PASSWORD)).json().passwordChange).toBeNull();

    await setSetting('password.dengbaoMode', 1);
    try {
      expect((await session.get('/api/auth/password-policy')).json()).toEqual({ minLength: 10, dengbaoMode: true, complexityClasses: 3, maxAgeDays: 90 });
      const expired = await signIn(ctx.app, username);
      expect((await expired.get('/api/auth/me')).json().passwordChange).toBe('expired');
      expect((await expired.get('/api/organizations')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await change(expired, 'zqkdxwpmt7hj');
      expect(weak.json().fields).toEqual([{ path: 'newPassword', message: '等保模式下密码须包含大写字母、小写字母、数字、符号中至少3类,当前2类' }]);
      expect((await change(expired, 'Zqkdxwpmt7hj')).statusCode).toBe(200);
      expect((await expired.get('/api/organizations')).statusCode).toBe(200);
      expect((await login(username, 'Zqkdxwpmt7hj')).json().passwordChange).toBeNull();
    } finally {
      await setSetting('password.dengbaoMode', 0);
    }
  });
});

describe('issue 12 point 2: 登录设备 (own sessions)', () => {
  it('lists the user\'s own sessions with this one marked, and never a token or its hash', async () => {
    const { session, userId } = await secretary();
    await sessionFor(ctx, userId);
    const res = await session.get('/api/auth/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items.filter((i: { current: boolean }) => i.current)).toHaveLength(1);
    expect(Object.keys(items[0]).sort()).toEqual(['createdAt', 'current', 'id', 'ip', 'lastSeenAt']);
    expect(items[0].ip).toBe('127.0.0.1');
    expect(res.body).not.toMatch(/[0-9a-f]{64}/);
  });

  it('ends another session of the user (audited), 404 for another user\'s, and ending this one signs out', async () => {
    const { session, username, userId } = await secretary();
    const other = await sessionFor(ctx, userId);
    const stranger = await secretary();
    const items = (await session.get('/api/auth/sessions')).json().items as { id: number; current: boolean }[];
    const strangerId = (await stranger.session.get('/api/auth/sessions')).json().items[0].id;

    const foreign = await session.request('DELETE', `/api/auth/sessions/${strangerId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe((await session.request('DELETE', '/api/auth/sessions/99999999')).body);
    expect((await stranger.session.get('/api/auth/me')).statusCode).toBe(200);

    const otherId = items.find((i) => !i.current)?.id;
    expect((await session.request('DELETE', `/api/auth/sessions/${otherId}`)).statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect(await audits(username, 'auth.session_end')).toEqual([{ result: 'ok', detail: { session: otherId } }]);

    const self = await session.request('DELETE', `/api/auth/sessions/${items.find((i) => i.current)?.id}`);
    expect(self.statusCode).toBe(200);
    expect(self.cookies.find((c) => c.name === 'sid')?.value).toBe('');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });
});
