// npx tsx scripts/bench-workers.ts: the built server (apps/api/dist/server.js, as npm start runs it) with WORKERS=1 and
// then WORKERS=2 over the same embedded PostgreSQL (or BENCH_DATABASE_URL), in one run; for each, req/s and p50/p95 of
// the organisation subtree and the member list, signed in as the demo town's admin. The load comes from autocannon in
// a child process (it must not share a core's event loop with what it measures); its connections spread over the
// workers (node:cluster hands out connections in turn). On a 2-core machine the load generator takes one core, so
// the figure to read is the ratio of the two runs, not the absolute req/s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, makeTraversable } from '../apps/api/src/db/embedded.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const counts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);

interface Measured { rps: number; p50: number; p95: number; total: number; non2xx: number }

// The child: autocannon with every response time kept, so p95 is exact (autocannon's own summary has p90 and p97.5).
const LOADER = `
import autocannon from 'autocannon';
const [url, duration, connections, headers] = process.argv.slice(1);
const times = [];
const instance = autocannon({ url, duration: Number(duration), connections: Number(connections), headers: JSON.parse(headers) }, (err, r) => {
  if (err) throw err;
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  console.log(JSON.stringify({ rps: r.requests.average, p50: at(0.5), p95: at(0.95), total: r.requests.total, non2xx: r.non2xx + r.errors }));
});
instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
`;

function load(url: string, duration: number, headers: Record<string, string>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER, url, String(duration), String(connections), JSON.stringify(headers)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measured) : reject(new Error(`autocannon exited ${code}`))));
  });
}

/** The built server with WORKERS=n; resolved once its banner (printed when every worker listens) appears. */
async function startServer(workers: number, port: number, dataDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--enable-source-maps', join(root, 'apps/api/dist/server.js')], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env, WORKERS: String(workers), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development',
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', LOG_LEVEL: 'warn', JOBS: 'on',
      // One address makes all the load: the per-address limits would turn it into a count of 429s.
      PUBLIC_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0',
    },
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (c: Buffer) => { out += c.toString(); if (out.includes('已启动')) resolve(); });
    server.once('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

async function signIn(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: process.env.DEMO_PASSWORD ?? 'demo123456' }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

const ENDPOINTS = [
  { title: 'organisation subtree (GET /api/organizations?range=subtree)', path: '/api/organizations?range=subtree' },
  { title: 'member list, first page of 20 (GET /api/members?pageSize=20)', path: '/api/members?pageSize=20' },
];

// The build helper is plain JavaScript with no declarations: imported by a computed name, typed here.
const buildHelper = './api-build.mjs';
const { ensureApiBuilt } = (await import(buildHelper)) as { ensureApiBuilt(root: string): Promise<void> };
await ensureApiBuilt(root);
const dataDir = mkdtempSync(join(tmpdir(), 'dj-bench-workers-'));
makeTraversable(dataDir);
const results: { workers: number; title: string; m: Measured }[] = [];
try {
  for (const workers of counts) {
    const port = await freePort();
    const server = await startServer(workers, port, dataDir);
    try {
      const origin = `http://127.0.0.1:${port}`;
      const cookie = await signIn(origin);
      for (const e of ENDPOINTS) {
        await load(`${origin}${e.path}`, 1, { cookie }); // warm-up of every worker: JIT, pool
        const m = await load(`${origin}${e.path}`, seconds, { cookie });
        if (m.non2xx > 0) throw new Error(`${e.title}: ${m.non2xx} non-2xx or errors`);
        results.push({ workers, title: e.title, m });
      }
    } finally {
      await stopServer(server);
    }
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nbench-workers: ${connections} connections, ${seconds} s each, node ${process.version}, database ${process.env.BENCH_DATABASE_URL ? 'server' : 'embedded'}, demo town`);
for (const e of ENDPOINTS) {
  console.log(`  ${e.title}`);
  const one = results.find((r) => r.title === e.title && r.workers === counts[0]);
  for (const r of results.filter((x) => x.title === e.title)) {
    const ratio = one && r !== one ? `; ${(r.m.rps / one.m.rps).toFixed(2)}× of WORKERS=${counts[0]}` : '';
    console.log(`    WORKERS=${r.workers}: ${r.m.rps.toFixed(0)} req/s, p50 ${r.m.p50.toFixed(1)} ms, p95 ${r.m.p95.toFixed(1)} ms, ${r.m.total} requests${ratio}`);
  }
}
