import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestContext, DEMO_PASSWORD, type TestContext } from '../../test/context.js';
import { createBranch, createTown, createUser, type Account, type Town } from '../../test/factories.js';

let ctx: TestContext;
let town: Town;
/** An account of the town that signs in with DEMO_PASSWORD. */
let account: Account;
/** The town's 行政村: its public page and public JSON are the routes anyone can reach. */
let village: string;

// Small limits so the test can cross them; the defaults are 120 (public) and 30 (sign-in) per minute.
beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_RATE_LIMIT: '3', LOGIN_RATE_LIMIT: '2' });
  town = await createTown(ctx);
  village = town.villageCode;
  account = await createUser(town, 'branch_secretary', [(await createBranch(town)).id]);
});
afterAll(async () => { await ctx.close(); });

/** A request as it arrives: from a peer address, maybe through a proxy that names the client. */
const from = (remoteAddress: string, options: InjectOptions, forwardedFor?: string) =>
  ctx.app.inject({ ...options, remoteAddress, headers: { ...options.headers, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } });

describe('per-address limits on the routes anyone can reach', () => {
  it('public JSON: the fourth request in a minute from one address gets 429 in Chinese with Retry-After', async () => {
    const get = () => from('198.51.100.1', { method: 'GET', url: `/api/public/villages/${village}/disclosures` });
    for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
    const refused = await get();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json().message).toMatch(/请求过于频繁:同一地址每分钟最多 3 次,请 \d+ 秒后再试/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is counted on its own.
    expect((await from('198.51.100.2', { method: 'GET', url: `/api/public/villages/${village}/disclosures` })).statusCode).toBe(200);
  });

  it('public page: the refusal is a page, not JSON, so a villager on a phone can read it', async () => {
    const get = () => from('198.51.100.3', { method: 'GET', url: `/public/villages/${village}` });
    for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
    const refused = await get();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.body).toContain('请稍后再试');
    expect(refused.body).toContain('每分钟最多 3 次');
  });

  it('a client cannot dodge the count by naming another address; a proxy on the same host can name the client', async () => {
    const url = `/api/public/villages/${village}/disclosures`;
    // Direct from the internet: X-Forwarded-For is not trusted (TRUST_PROXY=loopback), so every request counts for 203.0.113.9.
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await from('203.0.113.9', { method: 'GET', url }, `10.0.0.${i}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    // Through a reverse proxy on 127.0.0.1, the named client is the one counted: two clients, two counts.
    for (let i = 0; i < 3; i++) expect((await from('127.0.0.1', { method: 'GET', url }, '192.0.2.10')).statusCode).toBe(200);
    expect((await from('127.0.0.1', { method: 'GET', url }, '192.0.2.10')).statusCode).toBe(429);
    expect((await from('127.0.0.1', { method: 'GET', url }, '192.0.2.11')).statusCode).toBe(200);
  });

  it('sign-in: after the limit even the right password is refused for that address, without touching the account', async () => {
    const login = (password: string) => from('198.51.100.20', { method: 'POST', url: '/api/auth/login', payload: { username: account.username, password } });
    expect((await login('wrong-password-1')).statusCode).toBe(401);
    expect((await login('wrong-password-2')).statusCode).toBe(401);
    const refused = await login(DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('RATE_LIMITED');
    // The account is not locked by it: from another address the right password works.
    expect((await from('198.51.100.21', { method: 'POST', url: '/api/auth/login', payload: { username: account.username, password: DEMO_PASSWORD } })).statusCode).toBe(200);
  });

  it('signed-in work is not limited', async () => {
    const session = town.admin;
    for (let i = 0; i < 8; i++) expect((await session.get('/api/auth/me')).statusCode).toBe(200);
  });
});
