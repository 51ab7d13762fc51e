import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => { await ctx.close(); });

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('POST /api/auth/login', () => {
  it('signs in with the demo password and sets an HttpOnly SameSite session cookie', async () => {
    const res = await login('admin', 'demo123456');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.roles).toEqual(['town_admin']);
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43); // 32 random bytes
  });

  it('answers unknown users and wrong passwords with the same message', async () => {
    const unknown = await login('nobody', 'demo123456');
    const wrong = await login('xihuagou', 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account for 15 minutes after 5 failures, refuses even the right password, and unlocks after', async () => {
    for (let i = 0; i < 4; i++) expect((await login('supervisor', 'bad')).statusCode).toBe(401);
    // Case variants share the same account and counter.
    expect((await login('SUPERVISOR', 'bad')).statusCode).toBe(401);
    const during = await login('supervisor', 'demo123456');
    expect(during.statusCode).toBe(401);
    expect(during.json()).toEqual((await login('nobody', 'x')).json());
    const { rows } = await ctx.pool.query(`select locked_until - now() as left from users where username = 'supervisor'`);
    expect(rows[0].left.minutes).toBeGreaterThanOrEqual(14);
    await ctx.pool.query(`update users set locked_until = now() - interval '1 second' where username = 'supervisor'`);
    expect((await login('supervisor', 'demo123456')).statusCode).toBe(200);
  });

  it('resets the failure counter on success', async () => {
    for (let i = 0; i < 4; i++) await login('inspector', 'bad');
    expect((await login('inspector', 'demo123456')).statusCode).toBe(200);
    const { rows } = await ctx.pool.query(`select failed_logins from users where username = 'inspector'`);
    expect(rows[0].failed_logins).toBe(0);
  });

  it('stores only argon2id hashes with m=19456, t=2 and unique salts', async () => {
    const { rows } = await ctx.pool.query<{ password_hash: string }>('select password_hash from users');
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
  });

  it('names the field when the body is invalid', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { path: string }) => f.path).sort()).toEqual(['password', 'username']);
    expect(res.json().message).toContain('用户名');
  });

  it('audits success, failure and lockout with user, ip, action and result', async () => {
    const { rows } = await ctx.pool.query(`select username, ip, action, result from audit_events where action = 'auth.login'`);
    const results = new Set(rows.map((r) => `${r.username}:${r.result}`));
    expect(results).toContain('admin:ok');
    expect(results).toContain('nobody:failed');
    expect(results).toContain('supervisor:locked');
    for (const r of rows) expect(r.ip).toBeTruthy();
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers 401 without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('logout kills the session: the old cookie gets 401 afterwards', async () => {
    const s = await ctx.signIn('member');
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires after 30 idle minutes and after 12 hours in all', async () => {
    const idle = await ctx.signIn('yingzi');
    await ctx.pool.query(`update sessions set last_seen_at = now() - interval '31 minutes'`);
    expect((await idle.get('/api/auth/me')).statusCode).toBe(401);
    const old = await ctx.signIn('yingzi');
    await ctx.pool.query(`update sessions set created_at = now() - interval '12 hours 1 minute'`);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    const fresh = await ctx.signIn('yingzi');
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('a disabled user loses every session at once', async () => {
    const s = await ctx.signIn('xihuagou');
    await ctx.pool.query(`update users set disabled = true where username = 'xihuagou'`);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    await ctx.pool.query(`update users set disabled = false where username = 'xihuagou'`);
  });

  it('refuses unsafe requests without the CSRF token, with a wrong one, and accepts the right one', async () => {
    const s = await ctx.signIn('admin');
    const body = { parentId: 1, name: '测试党支部', kind: 'branch' };
    const none = await ctx.app.inject({ method: 'POST', url: '/api/organizations', payload: body, headers: { cookie: s.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CSRF');
    const wrong = await s.request('POST', '/api/organizations', body, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    expect((await s.post('/api/organizations', body)).statusCode).toBe(201);
  });

  it('a revoked scope takes effect on the next request', async () => {
    const s = await ctx.signIn('supervisor');
    const before = (await s.get('/api/organizations?range=self')).json().items.length;
    await ctx.pool.query(`delete from user_scopes where user_id = (select id from users where username = 'supervisor') and organization_id = (select id from organizations where name = '营子村党支部')`);
    const after = (await s.get('/api/organizations?range=self')).json().items.length;
    expect(after).toBe(before - 1);
  });
});
