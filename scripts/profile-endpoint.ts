// Issue 14: one endpoint, one user, sequential requests on a database `npm run bench -- --scale <s>` generated and kept
// (the platform in this process, no load generator): wall time per request, the process's CPU per request, and the
// statements it sent with their time. Run under `node --cpu-prof` for where the CPU goes.
// Usage: npx tsx scripts/profile-endpoint.ts <scale> <user: village|town|district> <path> [requests, default 40]
//        node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile-endpoint.ts city town /api/tasks
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { installCapture, captureDuring } from './bench/capture.js';

const [scale = 'city', who = 'town', path = '/api/tasks', count = '40'] = process.argv.slice(2);
installCapture();
const { loadConfig } = await import('../apps/api/src/config.js');
const { makeTraversable } = await import('../apps/api/src/db/embedded.js');
const { startPlatform } = await import('../apps/api/src/platform.js');
const { APP_ROLE, ensureAppRole, urlAs } = await import('../apps/api/src/db/app-role.js');
const { SESSION_OPTIONS } = await import('../apps/api/src/db/client.js');
const { BENCH_AUDIT_KEY, BENCH_ENCRYPTION_KEY, BENCH_PASSWORD } = await import('./bench/scale.js');
const { scaleSite, signIn } = await import('./bench/endpoints.js');

const ownerUrl = `postgres://postgres@127.0.0.1:5432/dj_scale_${scale}`;
await ensureAppRole(ownerUrl, 'dj_app_test');
const dir = mkdtempSync(join(tmpdir(), 'dj-profile-'));
makeTraversable(dir);
const config = loadConfig({
  NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'off', PUBLIC_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', DATA_DIR: dir, SEED_DEMO: 'false',
  DATABASE_URL: urlAs(ownerUrl, APP_ROLE, 'dj_app_test'), MIGRATION_DATABASE_URL: ownerUrl, ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, AUDIT_KEY: BENCH_AUDIT_KEY,
});
const platform = await startPlatform(config, { logger: false });
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  const site = await scaleSite(ownerUrl, BENCH_PASSWORD, 'quwei');
  const user = site.users.find((u) => u.scope === who);
  if (!user) throw new Error(`no ${who} user`);
  const cookie = await signIn(origin, user);
  const get = async () => {
    const res = await fetch(`${origin}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.arrayBuffer()).byteLength;
  };
  const statements = await captureDuring(async () => { await get(); });
  const times: number[] = [];
  let bytes = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < Number(count); i++) {
    const started = performance.now();
    bytes = await get();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${path} as ${user.username} (${who}), ${count} sequential requests: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}; process CPU ${((used.user + used.system) / 1000 / Number(count)).toFixed(1)} ms per request; ${(bytes / 1024).toFixed(1)} KB`);
  // Each statement alone, replayed as the platform's role under the scope it ran in: median of 5, in ms.
  const client = new pg.Client({ connectionString: urlAs(ownerUrl, APP_ROLE, 'dj_app_test'), options: SESSION_OPTIONS });
  await client.connect();
  console.log(`${statements.length} statements (median of 5 replays, ms: unnamed, named):`);
  const total = { unnamed: 0, named: 0 };
  for (const s of statements) {
    await client.query(`select set_config('app.scope', $1, false)`, [s.scope ?? '']);
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await client.query({ text: s.text, values: s.values });
      ms.push(performance.now() - started);
    }
    // The same as a named statement, prepared by the first run: what planning costs of the time above.
    const named: number[] = [];
    const name = `profile_${statements.indexOf(s)}`;
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      await client.query({ name, text: s.text, values: s.values });
      if (i >= 6) named.push(performance.now() - started); // past the five custom plans: what a long-lived connection runs
    }
    total.unnamed += ms.sort((a, b) => a - b)[2];
    total.named += named.sort((a, b) => a - b)[2];
    console.log(`  ${ms[2].toFixed(1).padStart(6)} ${named[2].toFixed(1).padStart(6)}  ${s.text.replace(/\s+/g, ' ').slice(0, 140)}`);
    // EXPLAIN=<text>: the plan of the statements whose text contains it.
    if (process.env.EXPLAIN && s.text.includes(process.env.EXPLAIN)) {
      const plan = await client.query({ text: `explain (analyze, buffers) ${s.text}`, values: s.values });
      for (const r of plan.rows as { 'QUERY PLAN': string }[]) console.log(`          ${r['QUERY PLAN']}`);
    }
  }
  console.log(`  ${total.unnamed.toFixed(1).padStart(6)} ${total.named.toFixed(1).padStart(6)}  in all`);
  await client.end();
} finally {
  await platform.stop();
  rmSync(dir, { recursive: true, force: true });
}
