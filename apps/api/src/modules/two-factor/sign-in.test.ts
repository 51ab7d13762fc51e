import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../../../test/context.js';
import {
  createTown, createUser, enrolSecondFactor, pendingSignIn, sessionOf, totpCode, type Account, type Town,
} from '../../../test/factories.js';

/**
 * The second factor at sign-in (issue 12 point 3): a town that requires it (every factory town: the setting is on
 * by default) gives its admins and inspectors no session for a password alone; codes are computed from the secret
 * with the same library an authenticator app follows (RFC 6238), for the current step or the next one.
 */
let ctx: TestContext;
let town: Town;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
});
afterAll(async () => { await ctx.close(); });

const login = (username: string, password = DEMO_PASSWORD) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const admin = () => createUser(town, 'town_admin', [town.committeeId]);
const lastAuditId = async () => Number((await ctx.pool.query('select coalesce(max(id), 0) as id from audit_events')).rows[0].id);
const auditSince = async (id: number) => (await ctx.pool.query(
  'select username, action, result, detail from audit_events where id > $1 order by id', [id])).rows;

describe('issue 12 point 3: a password alone opens no session where a second factor is required', () => {
  it('a town admin without a factor gets a pending sign-in to enrol, no session cookie, and the pending cookie is no session', async () => {
    const { username, userId } = await admin();
    const sessions = async () => (await ctx.pool.query('select count(*)::int as n from sessions where user_id = $1', [userId])).rows[0].n;
    const before = await sessions();
    const res = await login(username);
    expect(res.statusCode).toBe(200);
    expect(res.json().secondFactor.step).toBe('enrol');
    expect(res.json().user).toBeUndefined();
    expect(res.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    const pending = res.cookies.find((c) => c.name === 'sid_2fa');
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/two-factor/sign-in' });
    expect(await sessions()).toBe(before);
    // Sent as a session cookie, the pending token opens nothing.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sid=${pending?.value}` } })).statusCode).toBe(401);
  });

  it('an inspector too; a branch secretary without a factor signs in with the password alone', async () => {
    const inspector = await createUser(town, 'inspector', [town.committeeId]);
    expect((await login(inspector.username)).json().secondFactor.step).toBe('enrol');
    const secretary = await createUser(town, 'branch_secretary', [town.committeeId]);
    const res = await login(secretary.username);
    expect(res.json().user.username).toBe(secretary.username);
  });

  it('the second-step routes want the pending cookie and its own CSRF token', async () => {
    const { username } = await admin();
    const p = await pendingSignIn(ctx, username);
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/two-factor/sign-in/enrolment', headers: { cookie: p.cookie } });
    expect(noToken.statusCode).toBe(403);
    const noCookie = await ctx.app.inject({ method: 'POST', url: '/api/two-factor/sign-in/enrolment', headers: { 'x-csrf-token': p.csrfToken } });
    expect(noCookie.statusCode).toBe(401);
    await ctx.pool.query(`update pending_sign_ins set expires_at = now() - interval '1 second'`);
    expect((await p.post('/enrolment')).statusCode).toBe(401);
  });
});

describe('issue 12 point 3: enrolment at sign-in', () => {
  it('shows a locally drawn QR code and the key, keeps the secret sealed, and a first code opens the session with 10 recovery codes', async () => {
    const { username, userId } = await admin();
    const p = await pendingSignIn(ctx, username);
    const started = await p.post('/enrolment');
    expect(started.statusCode, started.body).toBe(200);
    const { secret, qrCode, otpauthUri } = started.json();
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    expect(otpauthUri).toContain(`secret=${secret.replace(/\s/g, '')}`);
    const { rows: [stored] } = await ctx.pool.query('select secret_enc, confirmed_at from user_second_factors where user_id = $1', [userId]);
    expect(stored.secret_enc).toMatch(/^v[12]:/);
    expect(stored.secret_enc).not.toContain(secret.replace(/\s/g, ''));
    expect(stored.confirmed_at).toBeNull();

    expect((await p.post('/enrolment/confirm', { code: '000000' === totpCode(secret) ? '111111' : '000000' })).statusCode).toBe(400);
    const done = await p.post('/enrolment/confirm', { code: totpCode(secret) });
    expect(done.statusCode, done.body).toBe(200);
    const { recoveryCodes, me } = done.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const { rows: hashes } = await ctx.pool.query('select code_hash from second_factor_recovery_codes where user_id = $1', [userId]);
    expect(hashes.map((h) => h.code_hash)).not.toContain(recoveryCodes[0]);
    const session = sessionOf(ctx, done, me.csrfToken);
    expect((await session.get('/api/auth/me')).json().user.username).toBe(username);
    // The pending sign-in is spent.
    expect((await p.post('/enrolment/confirm', { code: totpCode(secret, 1) })).statusCode).toBe(401);
    // From now on the password leads to the code, not to enrolment.
    expect((await login(username)).json().secondFactor.step).toBe('verify');
  });
});

describe('issue 12 point 3: the code at sign-in', () => {
  let account: Account;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    account = await admin();
    ({ secret, recoveryCodes } = await enrolSecondFactor(account.session));
  });

  it('a right code opens a session and is audited; the same code again, within its step, is refused', async () => {
    const before = await lastAuditId();
    // Enrolment used this step's code: the next step's is the first one left.
    const code = totpCode(secret, 1);
    const first = await pendingSignIn(ctx, account.username);
    const ok = await first.post('/verify', { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await sessionOf(ctx, ok, ok.json().csrfToken).get('/api/auth/me')).statusCode).toBe(200);
    const again = await (await pendingSignIn(ctx, account.username)).post('/verify', { code });
    expect(again.statusCode).toBe(401);
    expect(again.json().message).toBe('验证码错误,或账号已被暂时锁定');
    expect(again.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    const written = (await auditSince(before)).filter((r) => r.action !== 'auth.login');
    expect(written.map((r) => `${r.action}:${r.result}`)).toEqual(['auth.second_factor:ok', 'auth.second_factor:failed']);
  });

  it('a recovery code works once, typed in any case and without the dash', async () => {
    const typed = recoveryCodes[0].toUpperCase().replace('-', '');
    const ok = await (await pendingSignIn(ctx, account.username)).post('/verify', { code: typed });
    expect(ok.statusCode, ok.body).toBe(200);
    const session = sessionOf(ctx, ok, ok.json().csrfToken);
    expect((await session.get('/api/two-factor/status')).json()).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 9 });
    expect((await (await pendingSignIn(ctx, account.username)).post('/verify', { code: recoveryCodes[0] })).statusCode).toBe(401);
  });
});

describe('issue 12 point 3: 10 wrong codes lock the account like wrong passwords', () => {
  it('locks for 15 minutes, refuses even the right code and the password with the same answers, and unlocks after', async () => {
    const account = await admin();
    const { secret } = await enrolSecondFactor(account.session);
    const p = await pendingSignIn(ctx, account.username);
    const wrong = (i: number) => String((Number(totpCode(secret, 1)) + 1 + i) % 1_000_000).padStart(6, '0');
    let first = '';
    for (let i = 0; i < 9; i++) {
      const res = await p.post('/verify', { code: wrong(i) });
      expect(res.statusCode).toBe(401);
      first ||= res.body;
    }
    const { rows: [counted] } = await ctx.pool.query('select failed_codes from user_second_factors where user_id = $1', [account.userId]);
    expect(counted.failed_codes).toBe(9);
    const tenth = await p.post('/verify', { code: wrong(9) });
    expect(tenth.body).toBe(first);
    const { rows: [user] } = await ctx.pool.query('select locked_until - now() as left from users where id = $1', [account.userId]);
    expect(user.left.minutes).toBeGreaterThanOrEqual(14);
    const right = await p.post('/verify', { code: totpCode(secret, 1) });
    expect(right.statusCode).toBe(401);
    expect(right.body).toBe(first);
    // The password step is locked too, with its usual answer.
    expect((await login(account.username)).json()).toEqual((await login('nobody')).json());
    const { rows } = await ctx.pool.query(
      `select result from audit_events where action = 'auth.second_factor' and user_id = $1 order by id desc limit 2`, [account.userId]);
    expect(rows.map((r) => r.result)).toEqual(['locked', 'locked']);

    await ctx.pool.query(`update users set locked_until = now() - interval '1 second' where id = $1`, [account.userId]);
    expect((await (await pendingSignIn(ctx, account.username)).post('/verify', { code: totpCode(secret, 1) })).statusCode).toBe(200);
  });
});
