import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { createTestContext, testCipher, testConfig, type TestContext } from '../../test/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // A route that fails the way a bug would, registered before the app is ready.
  ctx.app.get('/api/test/boom', { config: { public: true } }, async () => {
    throw new Error('secret internals: password=hunter2 at /srv/app.ts:42');
  });
});
afterAll(async () => { await ctx.close(); });

describe('error bodies', () => {
  it('unknown API routes answer JSON 404 in Chinese', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().message).toMatch(/接口不存在/);
  });

  it('5xx bodies show no internals', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL', message: '服务器内部错误,请稍后重试' });
    expect(res.body).not.toMatch(/hunter2|app\.ts|stack/);
  });

  it('bodies over 1 MB get 413', async () => {
    const s = await ctx.signIn('admin');
    const res = await s.request('POST', '/api/organizations', { name: 'x'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('malformed JSON gets 400 without a stack trace', async () => {
    const s = await ctx.signIn('admin');
    const res = await s.request('POST', '/api/organizations', '{"name":', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'VALIDATION', message: '请求内容不是有效的 JSON' });
  });

  it('names a field by the label its own contract gives it, not by another schema\'s field of the same key', async () => {
    const s = await ctx.signIn('admin');
    const member = await s.post('/api/members', { name: '' });
    expect(member.statusCode).toBe(400);
    const name = member.json().fields.find((f: { path: string }) => f.path === 'name');
    expect(name.message).toContain('姓名');
    expect(member.json().message).not.toContain('组织名称');
    const organization = await s.post('/api/organizations', { parentId: 1, name: '', kind: 'branch' });
    expect(organization.json().fields).toContainEqual({ path: 'name', message: '组织名称至少2个字' });
    const unlabelled = await s.post('/api/members', { name: '张三', gender: 'other' });
    expect(unlabelled.json().fields.find((f: { path: string }) => f.path === 'gender').message).toMatch(/^性别:/);
  });

  it('sends nosniff, CSP, frame denial and no-store on API answers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const api = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('publishes the OpenAPI document with every API route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/auth/me', '/api/organizations', '/api/organizations/{id}', '/api/organizations/{id}/close']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});

describe('health', () => {
  it('GET /healthz and /readyz answer ok with the database up', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('GET /readyz answers 503 within a second when the database refuses or hangs', async () => {
    // A local server that accepts connections and never answers: a stuck database.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    for (const url of ['postgres://nobody@127.0.0.1:1/none', `postgres://nobody@127.0.0.1:${port}/none`]) {
      const database = openDatabase(url, 2, 1000);
      const app = await buildApp({ config: testConfig(), db: database.db, cipher: testCipher(), logger: false });
      const started = Date.now();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode, url).toBe(503);
      expect(Date.now() - started, url).toBeLessThan(1500);
      await app.close();
      await database.close().catch(() => undefined);
    }
    silent.close();
  });
});
