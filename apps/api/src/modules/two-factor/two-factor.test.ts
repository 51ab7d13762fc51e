import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../../../test/context.js';
import { createTown, createUser, enrolSecondFactor, pendingSignIn, totpCode, type Town } from '../../../test/factories.js';

/** The second factor of a signed-in user (issue 12 point 3): status, voluntary enrolment, recovery codes, disabling, an admin's reset. */
let ctx: TestContext;
let town: Town;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
});
afterAll(async () => { await ctx.close(); });

const login = (username: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
const lastAuditId = async () => Number((await ctx.pool.query('select coalesce(max(id), 0) as id from audit_events')).rows[0].id);
const auditSince = async (id: number) => (await ctx.pool.query(
  'select username, action, object_id, result, detail from audit_events where id > $1 order by id', [id])).rows;
const hasFactor = async (userId: number) =>
  (await ctx.pool.query('select count(*)::int as n from user_second_factors where user_id = $1', [userId])).rows[0].n === 1;

describe('issue 12 point 3: the demo town does not require a second factor', () => {
  it("the demo town's admin and inspector sign in with the password alone; the setting is 0 there and 1 by default elsewhere", async () => {
    for (const username of ['admin', 'inspector']) {
      const res = await login(username);
      expect(res.json().user?.username, res.body).toBe(username);
    }
    const demo = await ctx.signIn('admin');
    const setting = (await demo.get('/api/settings')).json().items.find((s: { key: string }) => s.key === 'security.twoFactorRequired');
    expect(setting).toMatchObject({ value: 0, defaultValue: 1 });
    expect((await demo.get('/api/two-factor/status')).json()).toEqual({ enabled: false, required: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect((await town.admin.get('/api/two-factor/status')).json()).toMatchObject({ enabled: false, required: true });
  });

  it('a town that turns the setting off lets its admins in with the password; on again, they must enrol', async () => {
    const other = await createTown(ctx);
    const { username } = await createUser(other, 'town_admin', [other.committeeId]);
    expect((await other.admin.patch('/api/settings/security.twoFactorRequired', { value: 0 })).statusCode).toBe(200);
    expect((await login(username)).json().user?.username).toBe(username);
    expect((await other.admin.patch('/api/settings/security.twoFactorRequired', { value: 1 })).statusCode).toBe(200);
    expect((await login(username)).json().secondFactor.step).toBe('enrol');
  });
});

describe('issue 12 point 3: voluntary use by other roles', () => {
  it('a branch secretary enrols, is then asked for the code, and may turn it off again after the password', async () => {
    const secretary = await createUser(town, 'branch_secretary', [town.committeeId]);
    const { secret } = await enrolSecondFactor(secretary.session);
    expect((await secretary.session.get('/api/two-factor/status')).json()).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await secretary.session.post('/api/two-factor/enrolment')).statusCode).toBe(409);
    const p = await pendingSignIn(ctx, secretary.username);
    expect(p.step).toBe('verify');
    expect((await p.post('/verify', { code: totpCode(secret, 1) })).statusCode).toBe(200);

    const before = await lastAuditId();
    const refused = await secretary.session.post('/api/two-factor/disable');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
    expect(await hasFactor(secretary.userId)).toBe(true);
    await secretary.session.stepUp();
    expect((await secretary.session.post('/api/two-factor/disable')).statusCode).toBe(200);
    expect(await hasFactor(secretary.userId)).toBe(false);
    expect((await auditSince(before)).filter((r) => r.action === 'two_factor.disable').map((r) => r.result)).toEqual(['denied', 'ok']);
    expect((await login(secretary.username)).json().user?.username).toBe(secretary.username);
  });

  it('a town admin where the town requires it cannot turn it off', async () => {
    const account = await createUser(town, 'town_admin', [town.committeeId]);
    await enrolSecondFactor(account.session);
    await account.session.stepUp();
    const res = await account.session.post('/api/two-factor/disable');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('不能停用');
    expect(await hasFactor(account.userId)).toBe(true);
  });

  it('new recovery codes need the password and replace the old ones', async () => {
    const account = await createUser(town, 'supervisor', [town.committeeId]);
    const { recoveryCodes: old } = await enrolSecondFactor(account.session);
    expect((await account.session.post('/api/two-factor/recovery-codes')).json().code).toBe('STEP_UP_REQUIRED');
    await account.session.stepUp();
    const res = await account.session.post('/api/two-factor/recovery-codes');
    expect(res.statusCode, res.body).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect((await (await pendingSignIn(ctx, account.username)).post('/verify', { code: old[0] })).statusCode).toBe(401);
    expect((await (await pendingSignIn(ctx, account.username)).post('/verify', { code: fresh[0] })).statusCode).toBe(200);
  });
});

describe("issue 12 point 3: an admin's reset of someone's second factor", () => {
  it('needs the permission, finds no user of another town, needs the admin\'s own step-up, and is audited', async () => {
    const inspector = await createUser(town, 'inspector', [town.committeeId]);
    await enrolSecondFactor(inspector.session);
    const url = `/api/two-factor/users/${inspector.userId}/reset`;
    const secretary = await createUser(town, 'branch_secretary', [town.committeeId]);
    await secretary.session.stepUp();
    const forbidden = await secretary.session.post(url);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');

    const elsewhere = await createTown(ctx);
    const foreign = await createUser(elsewhere, 'inspector', [elsewhere.committeeId]);
    const admin = (await createUser(town, 'town_admin', [town.committeeId])).session;
    const before = await lastAuditId();
    const refused = await admin.post(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
    expect(await hasFactor(inspector.userId)).toBe(true);
    await admin.stepUp();
    const outside = await admin.post(`/api/two-factor/users/${foreign.userId}/reset`);
    expect(outside.statusCode).toBe(404);
    expect(outside.body).toBe((await admin.post('/api/two-factor/users/99999999/reset')).body);

    expect((await admin.post(url)).statusCode).toBe(200);
    expect(await hasFactor(inspector.userId)).toBe(false);
    const written = (await auditSince(before)).filter((r) => r.action === 'two_factor.reset');
    expect(written).toEqual([
      expect.objectContaining({ object_id: String(inspector.userId), result: 'denied', detail: { reason: 'step_up_required' } }),
      expect.objectContaining({ object_id: String(inspector.userId), result: 'ok', detail: { username: inspector.username, hadFactor: true } }),
    ]);
    // Required of an inspector: the next sign-in enrols a new phone.
    expect((await login(inspector.username)).json().secondFactor.step).toBe('enrol');
  });
});
