import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessOf, type AuthUser } from '../../lib/access/index.js';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Account, type Town } from '../../../test/factories.js';
import { liftLoginLocks } from './index.js';

/**
 * Issue 12 point 8 (lockout without denial of service; security checklist test 9): failures count per account and
 * source address, which locks at login.pairMaxFailures (5), and per account, which locks at the higher
 * login.accountMaxFailures (30); both for login.lockMinutes (15). A stranger who knows the secretary's user name
 * locks only the stranger's own address. Messages never tell whether a user exists.
 */
let ctx: TestContext;
let town: Town;
let branch: number;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = (await createBranch(town)).id;
});
afterAll(async () => { await ctx.close(); });

const OFFICE = '198.51.100.20';
const STRANGER = '203.0.113.66';
const BAD_LOGIN = { code: 'UNAUTHENTICATED', message: '用户名或密码错误,或账号已被暂时锁定' };
const login = (username: string, password: string, from: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: from });
const secretary = () => createUser(town, 'branch_secretary', [branch]);
const fail = async (who: Account, from: string, times: number) => {
  for (let i = 0; i < times; i++) expect((await login(who.username, 'wrong-password', from)).statusCode).toBe(401);
};

describe('issue 12 point 8: a stranger cannot lock the secretary out', () => {
  it("a stranger's 20 failures from another address do not lock the secretary's own address", async () => {
    const who = await secretary();
    await fail(who, STRANGER, 20);
    const office = await login(who.username, DEMO_PASSWORD, OFFICE);
    expect(office.statusCode, office.body).toBe(200);
  });

  it("locks the stranger's address after 5 failures, even for the right password, with the unknown user's message", async () => {
    const who = await secretary();
    await fail(who, STRANGER, 5);
    const right = await login(who.username, DEMO_PASSWORD, STRANGER);
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(BAD_LOGIN);
    expect((await login('nobody-here', DEMO_PASSWORD, STRANGER)).json()).toEqual(BAD_LOGIN);
    expect((await login(who.username, DEMO_PASSWORD, OFFICE)).statusCode).toBe(200);
  });

  it('the account-wide threshold (30) still locks an account guessed at from many addresses', async () => {
    const who = await secretary();
    // 29 failures spread over addresses, none reaching the per-address threshold.
    for (let i = 0; i < 29; i++) await fail(who, `203.0.113.${100 + Math.floor(i / 4)}`, 1);
    expect((await login(who.username, DEMO_PASSWORD, OFFICE)).statusCode).toBe(200);
    // A success ends the run; 30 more lock the account everywhere, the office included.
    for (let i = 0; i < 30; i++) await fail(who, `192.0.2.${1 + Math.floor(i / 4)}`, 1);
    const office = await login(who.username, DEMO_PASSWORD, OFFICE);
    expect(office.statusCode).toBe(401);
    expect(office.json()).toEqual(BAD_LOGIN);
  });

  it('the thresholds and the lock time are town settings', async () => {
    const who = await secretary();
    expect((await town.admin.patch('/api/settings/login.pairMaxFailures', { value: 3 })).statusCode).toBe(200);
    expect((await town.admin.patch('/api/settings/login.lockMinutes', { value: 60 })).statusCode).toBe(200);
    try {
      await fail(who, STRANGER, 3);
      expect((await login(who.username, DEMO_PASSWORD, STRANGER)).statusCode).toBe(401);
      const { rows: [row] } = await ctx.pool.query(
        `select extract(epoch from locked_until - now()) as seconds from login_failures where user_id = $1 and address = $2`, [who.userId, STRANGER]);
      expect(Number(row.seconds)).toBeGreaterThan(59 * 60);
      expect((await town.admin.patch('/api/settings/login.pairMaxFailures', { value: 2 })).statusCode).toBe(400);
    } finally {
      await town.admin.patch('/api/settings/login.pairMaxFailures', { value: 5 });
      await town.admin.patch('/api/settings/login.lockMinutes', { value: 15 });
    }
  });
});

describe('issue 12 point 8: lifting a lock', () => {
  const adminCaller = async () => {
    const me = (await town.admin.get('/api/auth/me')).json();
    const user: AuthUser = {
      id: me.user.id, tenantId: me.user.tenantId, personId: null, tenantName: me.user.tenantName, isDemoTenant: false,
      username: me.user.username, displayName: me.user.displayName,
      ...accessOf(me.user.tenantId, me.scope.map((r: { organizationId: number; name: string; path: string }) => ({ role: 'town_admin', ...r }))),
    };
    return { user, ip: '127.0.0.1' };
  };

  it('lifts every address lock and the account lock of a user of the town, audited', async () => {
    const who = await secretary();
    await fail(who, STRANGER, 5);
    for (let i = 0; i < 30; i++) await fail(who, `192.0.2.${100 + Math.floor(i / 4)}`, 1);
    expect((await login(who.username, DEMO_PASSWORD, OFFICE)).statusCode).toBe(401);

    const lifted = await liftLoginLocks(ctx.db, await adminCaller(), who.userId);
    expect(lifted.accountLocked).toBe(true);
    expect(lifted.lockedAddresses).toBeGreaterThanOrEqual(1);
    expect((await login(who.username, DEMO_PASSWORD, OFFICE)).statusCode).toBe(200);
    expect((await login(who.username, DEMO_PASSWORD, STRANGER)).statusCode).toBe(200);
    const { rows } = await ctx.pool.query(
      `select username, result, detail from audit_events where action = 'auth.unlock' and object_id = $1`, [String(who.userId)]);
    expect(rows).toEqual([{ username: `admin_${town.villageCode.slice(0, -3)}`, result: 'ok', detail: lifted }]);
  });

  it('answers 404 for a user of another town and lifts nothing there', async () => {
    const other = await createTown(ctx);
    const foreign = await createUser(other, 'branch_secretary', [other.committeeId]);
    await fail(foreign, STRANGER, 5);
    await expect(liftLoginLocks(ctx.db, await adminCaller(), foreign.userId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await login(foreign.username, DEMO_PASSWORD, STRANGER)).statusCode).toBe(401);
  });
});
