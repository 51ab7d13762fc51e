// Issue 14: one endpoint, one user, sequential requests on a database `npm run bench -- --scale <s>` generated and kept
// (the platform in this process, no load generator): wall time per request, the process's CPU per request, and the
// statements it sent with their time. Run under `node --cpu-prof` for where the CPU goes.
// Usage: npx tsx scripts/profile-endpoint.ts <scale> <user: village|town|district> <path> [requests, default 40]
//        node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile-endpoint.ts city town /api/tasks
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { installCapture, captureDuring } from './bench/capture.js';
import { SCALES, planOf, type Scale } from './bench/scale-plan.js';
import { median, timed } from './bench/timing.js';

const [scale = 'city', who = 'town', path = '/api/tasks', count = '40'] = process.argv.slice(2);
installCapture();
const { startPlatform } = await import('../apps/api/src/platform.js');
const { SESSION_OPTIONS } = await import('../apps/api/src/db/client.js');
const { BENCH_PASSWORD } = await import('./bench/scale.js');
const { scaleSite, signIn } = await import('./bench/endpoints.js');
const { BENCH_DISTRICT_USER } = await import('./bench/gen-orgs.js');
const { appUrlOf, benchConfig } = await import('./bench/platform-config.js');

if (!(SCALES as readonly string[]).includes(scale)) throw new Error(`scale: one of ${SCALES.join(', ')}`);
const ownerUrl = `postgres://postgres@127.0.0.1:5432/${planOf(scale as Scale).database}`;
const { config, dir } = await benchConfig(ownerUrl, true, 'dj-profile-');
const platform = await startPlatform(config, { logger: false });
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  const site = await scaleSite(ownerUrl, BENCH_PASSWORD, BENCH_DISTRICT_USER);
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
  console.log(`${path} as ${user.username} (${who}), ${count} sequential requests: median ${median(times).toFixed(1)} ms, min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}; process CPU ${((used.user + used.system) / 1000 / Number(count)).toFixed(1)} ms per request; ${(bytes / 1024).toFixed(1)} KB`);
  // Each statement alone, replayed as the platform's role under the scope it ran in: median of 5, in ms.
  const client = new pg.Client({ connectionString: appUrlOf(ownerUrl), options: SESSION_OPTIONS });
  await client.connect();
  console.log(`${statements.length} statements (median of 5 replays, ms: unnamed, named):`);
  const total = { unnamed: 0, named: 0 };
  for (const [n, s] of statements.entries()) {
    await client.query(`select set_config('app.scope', $1, false)`, [s.scope ?? '']);
    const unnamed = median(await timed(client, 5, { text: s.text, values: s.values }));
    // The same as a named statement, prepared by its first run; past the five custom plans (runs 7-12): what a
    // long-lived connection runs, the generic plan where PostgreSQL chose it.
    const named = median((await timed(client, 12, { name: `profile_${n}`, text: s.text, values: s.values })).slice(6));
    total.unnamed += unnamed;
    total.named += named;
    console.log(`  ${unnamed.toFixed(1).padStart(6)} ${named.toFixed(1).padStart(6)}  ${s.text.replace(/\s+/g, ' ').slice(0, 140)}`);
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
