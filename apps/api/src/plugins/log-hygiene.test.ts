import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { createTestDatabase, signIn, TEST_CONNECT_TIMEOUT_MS, testCipher, testConfig, type TestContext } from '../../test/context.js';
import { createBranch, createMember, createTown, testIdNumber } from '../../test/factories.js';

let app: FastifyInstance;
let database: Database;
const lines: string[] = [];
beforeAll(async () => {
  database = openDatabase(await createTestDatabase(), 2, TEST_CONNECT_TIMEOUT_MS);
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  app = await buildApp({ config: testConfig({ LOG_LEVEL: 'trace' }), db: database.db, cipher: testCipher(), logger: true, logStream: stream });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('application logs', () => {
  it('carry no password, session token or CSRF token, even at trace level and on failures', async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Wrong-Secret-987' } });
    const session = await signIn(app, 'admin');
    await session.get('/api/organizations?range=subtree');
    await session.post('/api/organizations', { parentId: 999_999, name: '日志测试党小组', kind: 'group' });
    await session.post('/api/auth/logout');
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of ['Wrong-Secret-987', 'demo123456', session.cookie.slice(4), session.csrfToken]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/"cookie"|x-csrf-token/i);
  });

  // Issue 12 point 5: the request log wrote whole URLs (a search by ID number logged it) and a database error logged
  // every query parameter (a search by mobile logged it twice over).
  it('point 5 · no personal numbers in logs: searches by ID number and mobile and a database error leave 0 of either', async () => {
    const ctx: TestContext = {
      app, db: database.db, pool: database.pool, databaseUrl: '', appDb: database.db, appDatabaseUrl: '',
      signIn: (name) => signIn(app, name), close: async () => undefined,
    };
    const town = await createTown(ctx);
    const branchId = (await createBranch(town)).id;
    const idNumber = testIdNumber('1975-03-09');
    const mobile = '13912345678';
    await createMember(town, branchId, { idNumber, birthDate: '1975-03-09', phone: mobile });
    const from = lines.length;
    const found = await town.admin.get(`/api/members?q=${idNumber}`);
    expect(found.json().items).toHaveLength(1);
    await town.admin.get(`/api/members?q=${mobile}&orgId=${branchId}`);
    await town.admin.get(`/api/members/${idNumber}`);
    // A database error on a query whose parameters carry the mobile: the name column is briefly away.
    await database.pool.query('alter table persons rename column name to name_away');
    try {
      const failed = await town.admin.get(`/api/members?q=${mobile}`);
      expect(failed.statusCode).toBe(500);
    } finally {
      await database.pool.query('alter table persons rename column name_away to name');
    }
    const log = lines.slice(from).join('');
    expect(log).toMatch(/request failed/);
    expect(log).toMatch(/\/api\/members/);
    expect(log.match(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g) ?? [], 'ID numbers in the log').toEqual([]);
    expect(log.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? [], 'mobiles in the log').toEqual([]);
  });
});
