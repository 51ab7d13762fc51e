import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { createTestDatabase, signIn, TEST_CONNECT_TIMEOUT_MS, testCipher, testConfig } from '../../test/context.js';

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

  /** What a page loads before anything is drawn: its entry and the entry's static imports, from Vite's manifest. */
  function firstLoad(html: string): { files: string[]; gzipped: number } {
    const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
    const first = new Set<string>();
    const visit = (key: string) => { if (!first.has(key)) { first.add(key); for (const next of manifest[key].imports ?? []) visit(next); } };
    visit(html);
    const files = [...first].map((k) => manifest[k].file);
    return { files, gzipped: files.reduce((sum, f) => sum + gzipSync(readFileSync(`${dist}/${f}`), { level: 9 }).length, 0) };
  }

  it('the sign-in page is plain HTML with one small script: no React, no antd (issue 21 point 4)', () => {
    const { files, gzipped } = firstLoad('login.html');
    const app = firstLoad('index.html').files;
    // It shares only the contracts (the same rules and messages as the server) with the app, which the app needs anyway.
    expect(files.filter((f) => app.includes(f))).toHaveLength(1);
    for (const f of files) expect(readFileSync(`${dist}/${f}`, 'utf8'), f).not.toMatch(/react\.(transitional\.)?element|ant-btn/);
    // Measured at 30 KiB gzipped (the app's first load was 286 KiB with the sign-in page in it, 411 KiB before issue 21).
    expect(gzipped).toBeLessThan(40 * 1024);
  });

  it("the app's first load carries neither the signed-in frame nor any page: each comes with its route", () => {
    const { files, gzipped } = firstLoad('index.html');
    for (const later of ['SignedInShell', 'SecondStep', 'MyActivitiesPage', 'DashboardPage', 'NotFoundPage']) {
      expect(files.some((f) => f.includes(`/${later}-`)), later).toBe(false);
    }
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  it('/login sends the sign-in page, and someone signed in straight on to the page they came for', async () => {
    const page = await app.inject({ method: 'GET', url: '/login?next=%2Ftasks', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<form id="sign-in" method="post"');
    const session = await signIn(app, 'admin');
    const go = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie, accept: 'text/html' } });
    for (const [url, to] of [['/login?next=%2Ftasks', '/tasks'], ['/login', '/'], ['/login?next=%2F%2Fevil.example', '/']]) {
      const res = await go(url);
      expect([res.statusCode, res.headers.location], url).toEqual([302, to]);
    }
  });

  it('both pages describe the platform and link the icon the API serves (written once, vite.config.ts platformHead)', async () => {
    for (const page of ['index.html', 'login.html']) {
      const html = readFileSync(`${dist}/${page}`, 'utf8');
      expect(html, page).toMatch(/<meta name="description" content="[^"]{20,}"/);
      expect(html, page).toContain('<link rel="icon" href="/favicon.svg"');
      expect(html, page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1.0"');
    }
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toContain('image/svg+xml');
    expect(icon.body).toContain('<svg');
    const ico = await app.inject({ method: 'GET', url: '/favicon.ico' });
    expect([ico.statusCode, ico.headers.location]).toEqual([301, '/favicon.svg']);
  });
});
