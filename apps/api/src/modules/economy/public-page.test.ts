import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 18 point 6: a village's public page of 集体经济 (no sign-in) shows its 一村一品 and last year's collective income
 * only as the town approved it (never a draft or a year waiting for approval), and only while the town publishes it
 * (setting economy.publishIncome); the town's page lists every village's products.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let secretary: Session;
const last = Number(todayInShanghai().slice(0, 4)) - 1;
const WAN = 1_000_000;
const page = async (url: string) => { const res = await ctx.app.inject({ method: 'GET', url }); return { status: res.statusCode, text: res.body }; };

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = await createBranch(town);
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  const made = await secretary.post('/api/economy/products', { organizationId: branch.id, name: '薄皮核桃', category: 'orchard', naturalVillage: '东岭', areaMu: 300, households: 45, brand: '绿色食品认证' });
  expect(made.statusCode, made.body).toBe(200);
});
afterAll(async () => { await ctx.close(); });

describe('18.6 public pages', () => {
  it('the village\'s products, and last year\'s income only once the town approved it', async () => {
    const url = `/public/villages/${town.villageCode}/economy`;
    const year = `/api/economy/villages/${branch.id}/years/${last}`;
    expect((await secretary.request('PUT', year, { amounts: { operating: 8 * WAN, contracting: 3 * WAN, investment: 0, subsidy: 5 * WAN, other: 0 } })).statusCode).toBe(200);
    expect((await secretary.post(`${year}/submit`)).statusCode).toBe(200);
    const waiting = await page(url);
    expect(waiting.status).toBe(200);
    expect(waiting.text).toContain('薄皮核桃');
    expect(waiting.text).toContain('绿色食品认证');
    expect(waiting.text).toContain(`${last}年村集体收入尚未经镇审核公开`);
    expect((await town.admin.post(`${year}/approve`)).statusCode).toBe(200);
    const approved = (await page(url)).text;
    expect(approved).toMatch(/经营性收入<\/td><td[^>]*>11\.00</);
    expect((await town.admin.patch('/api/settings/economy.publishIncome', { value: 0 })).statusCode).toBe(200);
    expect((await page(url)).text).not.toContain('11.00');
    expect((await town.admin.patch('/api/settings/economy.publishIncome', { value: 1 })).statusCode).toBe(200);
  });

  it('the town lists its villages\' products; unknown and malformed codes answer the same 404 page', async () => {
    const list = await page(`/public/towns/${town.code}/products`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('薄皮核桃');
    expect(list.text).toContain(`/public/villages/${town.villageCode}/economy`);
    expect((await page('/public/villages/999999999999/economy')).status).toBe(404);
    expect((await page('/public/villages/abc/economy')).status).toBe(404);
    // The village's 三务公开 page links here.
    expect((await page(`/public/villages/${town.villageCode}`)).text).toContain(`/public/villages/${town.villageCode}/economy`);
  });
});
