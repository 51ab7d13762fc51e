import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { createTestDatabase, TEST_CONNECT_TIMEOUT_MS, testCipher, testConfig } from '../../test/context.js';

/** The built web app as a phone gets it: precompressed, cached by hashed name, one chunk per page. `npm test` builds it first. */
const dist = fileURLToPath(new URL('../../../web/dist', import.meta.url));
let app: FastifyInstance;
let database: Database;

beforeAll(async () => {
  expect(existsSync(`${dist}/index.html`), 'apps/web/dist is missing: npm test builds it (npm run build)').toBe(true);
  database = openDatabase(await createTestDatabase(), 2, TEST_CONNECT_TIMEOUT_MS);
  app = await buildApp({ config: testConfig(), db: database.db, cipher: testCipher(), logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const entry = () => /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(`${dist}/index.html`, 'utf8'))![1];

describe('the web app as served', () => {
  it('sends the brotli or gzip file written at build time, the same bytes as the plain one, cached for a year by its hashed name', async () => {
    const url = `/assets/${entry()}`;
    const plain = await app.inject({ method: 'GET', url });
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    for (const res of [plain, br, gz]) expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('index.html is checked on every visit (it names the hashed files), also for the app\'s own paths', async () => {
    const root = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.headers['cache-control']).toBe('no-cache');
    const deep = await app.inject({ method: 'GET', url: '/recruitment/recruitments/5', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain(entry());
  });

  it('pages are separate chunks: the first load does not carry every page', () => {
    const files = readdirSync(`${dist}/assets`);
    for (const page of ['RecruitmentPage', 'InspectionRoundPage', 'MyActivitiesPage', 'DisclosuresPage']) {
      expect(files.some((f) => f.startsWith(`${page}-`) && f.endsWith('.js')), page).toBe(true);
    }
    // A text only the recruitment page shows is in some chunk, and not in the one every visitor loads first.
    const holding = files.filter((f) => f.endsWith('.js') && readFileSync(`${dist}/assets/${f}`, 'utf8').includes('已作废的记录'));
    expect(holding.length).toBeGreaterThan(0);
    expect(holding).not.toContain(entry());
  });
});
