// npm run bench: requests per second of the authenticated organisation-subtree list against a bare
// Fastify route, measured in the same run with the same load, and their ratio.
// Uses BENCH_DATABASE_URL (an empty database it may fill) or a throwaway embedded PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadConfig } from '../apps/api/src/config.js';
import { makeTraversable } from '../apps/api/src/db/embedded.js';
import { startPlatform } from '../apps/api/src/platform.js';
import { buildMessyRoster } from '../apps/api/src/modules/members/excel/fixtures.js';
import { parseRoster } from '../apps/api/src/modules/members/excel/parse-roster.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const execFileAsync = promisify(execFile);
const autocannonBin = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

/** The load generator runs in its own process, so it does not share the server's event loop. */
async function load(url: string, duration: number, headers: Record<string, string>): Promise<autocannon.Result> {
  const args = [autocannonBin, '--json', '-c', String(connections), '-d', String(duration)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  // Asynchronous on purpose: a synchronous spawn would stall the server under test in this process.
  const { stdout } = await execFileAsync(process.execPath, [...args, url], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as autocannon.Result;
}

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  await load(url, 1, headers); // warm-up: JIT, pool, caches
  const r = await load(url, seconds, headers);
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

/** Follows the static imports from index.html's entry (plus one page chunk) and adds up the bytes sent with brotli accepted. */
async function firstLoadBytes(origin: string, page: string) {
  const html = await (await fetch(`${origin}/`, { headers: { accept: 'text/html' } })).text();
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) return null;
  const seen = new Set<string>();
  let raw = 0;
  let sent = 0;
  let encoding = 'uncompressed';
  const visit = async (file: string, withPage: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const res = await fetch(`${origin}/assets/${file}`, { headers: { 'accept-encoding': 'br, gzip' } });
    const text = await res.text();
    encoding = res.headers.get('content-encoding') ?? encoding;
    raw += Buffer.byteLength(text);
    sent += Number(res.headers.get('content-length') ?? Buffer.byteLength(text));
    const imports = [...text.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
    if (withPage) imports.push(...[...text.matchAll(new RegExp(`${page}-[\\w-]+\\.js`, 'g'))].map((m) => m[0]));
    for (const next of imports) await visit(next, false);
  };
  await visit(entry, true);
  return { files: seen.size, raw, sent, encoding };
}

const dir = mkdtempSync(join(tmpdir(), 'dj-bench-'));
makeTraversable(dir);
// The per-address limits would turn a load test from one address into a count of 429s: off here.
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'off', PUBLIC_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', DATA_DIR: dir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '' });
const platform = await startPlatform(config, { logger: false });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ status: 'ok' }));
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (platform.app.server.address() as AddressInfo).port;
  const barePort = (bare.server.address() as AddressInfo).port;
  const login = await fetch(`http://127.0.0.1:${appPort}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: config.DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const listUrl = `http://127.0.0.1:${appPort}/api/organizations?range=subtree`;
  const items = ((await (await fetch(listUrl, { headers: { cookie } })).json()) as { items: unknown[] }).items.length;

  const baseline = await measure('bare Fastify route (GET /bare)', `http://127.0.0.1:${barePort}/bare`);
  const subject = await measure(`organisation subtree, signed in (GET /api/organizations?range=subtree, ${items} orgs)`, listUrl, { cookie });
  console.log(`\nbench: ${connections} connections, ${seconds} s each, node ${process.version}, database ${platform.mode}`);
  for (const m of [baseline, subject]) {
    console.log(`  ${m.title}\n    ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.total} requests`);
  }
  console.log(`  ratio (organisation list / bare): ${(subject.rps / baseline.rps).toFixed(3)}`);

  // The roster: list and search latency against the same baseline, then a 5,000-row Excel import.
  const base = `http://127.0.0.1:${appPort}/api/members`;
  const list = await measure('member list, first page of 20 (GET /api/members)', `${base}?pageSize=20`, { cookie });
  const search = await measure('member search by a 2-character name (GET /api/members?q=建国)', `${base}?q=${encodeURIComponent('建国')}`, { cookie });
  for (const m of [list, search]) {
    console.log(`  ${m.title}\n    ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms; ratio to bare ${(m.rps / baseline.rps).toFixed(3)}`);
  }
  const csrf = ((await login.clone().json()) as { csrfToken: string }).csrfToken;

  // Organisation life: the town's compliance board (every branch, every rule) and a branch's yearly ledger.
  const board = await measure('compliance board, whole town (GET /api/compliance)', `http://127.0.0.1:${appPort}/api/compliance`, { cookie });
  console.log(`  ${board.title}\n    ${board.rps.toFixed(0)} req/s, p50 ${board.p50} ms, p99 ${board.p99} ms; ratio to bare ${(board.rps / baseline.rps).toFixed(4)}`);
  const orgs = ((await (await fetch(`http://127.0.0.1:${appPort}/api/organizations?range=subtree`, { headers: { cookie } })).json()) as { items: { id: number; name: string }[] }).items;
  const yingzi = orgs.find((o) => o.name === '营子村党支部')!.id;
  const year = new Date().getFullYear();
  for (const format of ['pdf', 'docx']) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${appPort}/api/ledger?orgId=${yingzi}&period=${year}&format=${format}`, { headers: { cookie } });
      bytes = (await res.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`  yearly ledger of 营子村党支部 ${year} (${format}): median ${times[1].toFixed(0)} ms of 3 (min ${times[0].toFixed(0)}, max ${times[2].toFixed(0)}), ${(bytes / 1024).toFixed(0)} KB`);
  }
  // Member recruitment: the pipeline board (every recruitment in the town, rules evaluated on read).
  const recruitmentBoard = await measure('recruitment board, whole town (GET /api/recruitment/board)', `http://127.0.0.1:${appPort}/api/recruitment/board`, { cookie });
  console.log(`  ${recruitmentBoard.title}\n    ${recruitmentBoard.rps.toFixed(0)} req/s, p50 ${recruitmentBoard.p50} ms, p99 ${recruitmentBoard.p99} ms; ratio to bare ${(recruitmentBoard.rps / baseline.rps).toFixed(4)}`);
  // The public village page (no sign-in, server-rendered): size and time to first byte, then throughput.
  const publicUrl = `http://127.0.0.1:${appPort}/public/villages/370402105200`;
  const ttfb: number[] = [];
  let publicBytes = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const res = await fetch(publicUrl);
    const reader = res.body!.getReader();
    const first = await reader.read();
    ttfb.push(performance.now() - started);
    publicBytes = first.value?.byteLength ?? 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) publicBytes += chunk.value.byteLength;
  }
  ttfb.sort((a, b) => a - b);
  // fetch() decompresses for us; ask once with a browser's accept-encoding and count what crosses the wire.
  const wire = await fetch(publicUrl, { headers: { 'accept-encoding': 'gzip' } }).then(async (r) => ({ encoding: r.headers.get('content-encoding'), bytes: Number(r.headers.get('content-length') ?? 0) || (await r.arrayBuffer()).byteLength }));
  console.log(`  public page of 营子村 (GET /public/villages/370402105200): ${(publicBytes / 1024).toFixed(1)} KB of HTML, ${(wire.bytes / 1024).toFixed(1)} KB sent (${wire.encoding ?? 'uncompressed'}), time to first byte median ${ttfb[2].toFixed(1)} ms of 5 (min ${ttfb[0].toFixed(1)}, max ${ttfb[4].toFixed(1)})`);
  const publicPage = await measure('public page of 营子村, no session (GET /public/villages/:code)', publicUrl);
  console.log(`  ${publicPage.title}\n    ${publicPage.rps.toFixed(0)} req/s, p50 ${publicPage.p50} ms, p99 ${publicPage.p99} ms; ratio to bare ${(publicPage.rps / baseline.rps).toFixed(4)}`);
  // The web app as a member's phone first gets it: the entry and what it imports, plus the 我的组织生活 page chunk.
  const webBytes = await firstLoadBytes(`http://127.0.0.1:${appPort}`, 'MyActivitiesPage');
  if (webBytes) console.log(`  web app, first load of 我的组织生活: ${webBytes.files} files, ${(webBytes.raw / 1024).toFixed(0)} KB of JavaScript, ${(webBytes.sent / 1024).toFixed(0)} KB sent (${webBytes.encoding})`);
  const town = ((await (await fetch(`http://127.0.0.1:${appPort}/api/organizations?range=self`, { headers: { cookie } })).json()) as { items: { id: number }[] }).items[0].id;
  const branches = ((await (await fetch(`http://127.0.0.1:${appPort}/api/organizations?range=children`, { headers: { cookie } })).json()) as { items: { name: string; kind: string }[] }).items
    .filter((o) => o.kind === 'branch').map((o) => o.name);
  const roster = await buildMessyRoster({ count: 5000, organizationNames: branches, seed: 5000 });
  // The parser alone (the upload's first step), in this process: median of 3.
  const parseTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await parseRoster(roster.file);
    parseTimes.push(performance.now() - started);
  }
  parseTimes.sort((a, b) => a - b);
  console.log(`  parseRoster of 5,000 rows (${(roster.file.length / 1024).toFixed(0)} KB): median ${parseTimes[1].toFixed(0)} ms of 3 (min ${parseTimes[0].toFixed(0)}, max ${parseTimes[2].toFixed(0)})`);
  for (const dryRun of [true, false]) {
    const form = new FormData();
    form.append('file', new Blob([roster.file]), 'roster-5000.xlsx');
    const started = performance.now();
    const res = await fetch(`${base}/import?orgId=${town}&dryRun=${dryRun}`, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': csrf } });
    const report = (await res.json()) as { total: number; created: number; invalid: number };
    const seconds = (performance.now() - started) / 1000;
    console.log(`  import of ${roster.file.length} bytes, ${report.total} rows (${dryRun ? 'dry run' : 'real'}): ${seconds.toFixed(1)} s, created ${report.created}, invalid ${report.invalid}`);
  }
} finally {
  await bare.close();
  await platform.stop();
  rmSync(dir, { recursive: true, force: true });
}
