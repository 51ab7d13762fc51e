import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_PATTERN } from '@dj/contracts';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 20 point 2: the village's public 村民说事 form without an account — consent, honeypot, body size and a per-address
 * limit of its own (decision 006), a random receipt, and a status page that never shows the name, the phone or the text.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let address = 0;

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const VALID = { category: 'livelihood', content: '村西头排水沟堵了,下雨就淹路', place: '村西头', name: '李大爷', phone: '13912345678', consent: 'yes', website: '' };
/** Each test posts from its own address: the limit counts per address. */
const post = (code: string, body: string, ip = `10.0.0.${++address}`) => ctx.app.inject({
  method: 'POST', url: `/public/villages/${code}/matters`, payload: body, remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const receiptOf = (html: string) => /class="receipt">([A-Z0-9]+)</.exec(html)?.[1] ?? '';

beforeAll(async () => {
  ctx = await createTestContext({ MATTER_INTAKE_RATE_LIMIT: '3' });
  town = await createTown(ctx);
  branch = await createBranch(town);
});
afterAll(async () => { await ctx.close(); });

describe('the public form', () => {
  it('shows the form with its consent line and a hidden honeypot, no script; the poster carries the QR code', async () => {
    const page = await ctx.app.inject({ url: `/public/villages/${town.villageCode}/matters/new` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('电话加密保存');
    expect(page.body).toMatch(/class="hp"[^>]*>.*name="website"/);
    expect(page.body).not.toContain('<script');
    const poster = await ctx.app.inject({ url: `/public/villages/${town.villageCode}/matters/poster` });
    expect(poster.body).toContain('<svg');
    expect((await ctx.app.inject({ url: '/public/villages/000000000/matters/new' })).statusCode).toBe(404);
  });

  it('files the matter under the village, phone sealed, with a random receipt; the status page shows no name, phone or text', async () => {
    const res = await post(town.villageCode, form(VALID));
    expect(res.statusCode, res.body).toBe(201);
    const receipt = receiptOf(res.body);
    expect(receipt).toMatch(RECEIPT_PATTERN);
    const { rows: [row] } = await ctx.pool.query('select organization_id, source, raiser_phone_enc, stage from matters where receipt = $1', [receipt]);
    expect(row).toMatchObject({ organization_id: branch.id, source: 'public_form', stage: 'raised' });
    expect(row.raiser_phone_enc).not.toContain('13912345678');

    const status = await ctx.app.inject({ url: `/public/matters/${receipt}` });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('民生诉求');
    expect(status.body).toContain('待议事');
    for (const secret of ['李大爷', '13912345678', '1391', '排水沟堵了']) expect(status.body).not.toContain(secret);

    const second = receiptOf((await post(town.villageCode, form(VALID))).body);
    expect(second).toMatch(RECEIPT_PATTERN);
    expect(second).not.toBe(receipt);
    expect((await ctx.app.inject({ url: '/public/matters/ABCDEFGHJKMN' })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/public/matters/1' })).statusCode).toBe(404);
  });

  it('the village\'s reply appears on the status page once the secretary discusses it', async () => {
    const receipt = receiptOf((await post(town.villageCode, form(VALID))).body);
    const { rows: [{ id }] } = await ctx.pool.query('select id from matters where receipt = $1', [receipt]);
    const { session } = await createUser(town, 'branch_secretary', [branch.id]);
    const list = (await session.get('/api/matters')).json();
    expect(list.items.map((m: { id: number }) => m.id)).toContain(id);
    const detail = (await session.get(`/api/matters/${id}`)).json();
    expect(detail.raiserPhoneMasked).toBe('139****5678');
    const res = await session.post(`/api/matters/${id}/discuss`, { discussedOn: detail.raisedOn, forum: 'committee', discussion: '安排清淤', ownerName: '王主任', dueOn: '2099-01-01', reply: '已安排清淤,一周内完成' });
    expect(res.statusCode, res.body).toBe(200);
    const status = await ctx.app.inject({ url: `/public/matters/${receipt}` });
    expect(status.body).toContain('已安排清淤,一周内完成');
    expect(status.body).toContain('办理中');
  });
});

describe('abuse guard (no captcha)', () => {
  const count = async () => Number((await ctx.pool.query('select count(*) from matters where organization_id = $1', [branch.id])).rows[0].count);

  it('a filled honeypot stores nothing', async () => {
    const before = await count();
    const res = await post(town.villageCode, form({ ...VALID, website: 'http://spam.example' }));
    expect(res.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('without consent, or with a bad phone, the form comes back with the reason and nothing is stored', async () => {
    const before = await count();
    const { consent: _c, ...noConsent } = VALID;
    const res = await post(town.villageCode, form(noConsent));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请阅读并同意信息使用说明');
    expect((await post(town.villageCode, form({ ...VALID, phone: '12345' }))).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('an oversized body is refused before it is read (413), and a long text by its limit', async () => {
    const before = await count();
    const huge = await post(town.villageCode, form({ ...VALID, content: '说'.repeat(20_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toContain('text/html');
    expect((await post(town.villageCode, form({ ...VALID, content: '说'.repeat(1001) }))).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('one address may submit MATTER_INTAKE_RATE_LIMIT times a minute; the next gets the busy page', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 3; i += 1) expect((await post(town.villageCode, form(VALID), ip)).statusCode).toBe(201);
    const refused = await post(town.villageCode, form(VALID), ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('请稍后再试');
    expect((await post(town.villageCode, form(VALID), '10.9.9.10')).statusCode).toBe(201);
  });
});
