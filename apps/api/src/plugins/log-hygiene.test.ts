import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { createTestDatabase, signIn, TEST_CONNECT_TIMEOUT_MS, testCipher, testConfig } from '../../test/context.js';

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
});
