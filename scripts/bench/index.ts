// npm run bench [-- --scale town|county|city|province|all] [-- --workers] [-- --lighthouse]
// Each hot endpoint, signed in as a village secretary, a town admin (a tenant is a town) and the district's 区委组织部,
// measured against its own SQL (captured from the app, replayed by a bare node-postgres server) and a bare route, in one run; then issue 14's
// targets with 达标/未达标, written to bench-results/<scale>.json. Without --scale: the demo town (BENCH_DATABASE_URL,
// an empty database it may fill, or a throwaway embedded PostgreSQL), plus the demo-only documents and import.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { installCapture, captureDuring, capturedConnection, describe, replayPlan } from './capture.js';
import { SCALES, type Scale } from './scale-plan.js';
import type { Generation } from './scale.js';

const log = (line: string) => console.log(line);
const argScale = (() => { const i = process.argv.indexOf('--scale'); return i >= 0 ? process.argv[i + 1] : undefined; })();
const self = fileURLToPath(import.meta.url);
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** A child of this same bench (tsx), stdout passed through or collected; stderr always passed through. */
function child(args: string[], collect: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [tsx, ...args], { stdio: ['ignore', collect ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    p.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/** The abandoned request still runs in this process: wait until the app answers its health check again. */
async function untilIdle(origin: string) {
  for (;;) {
    const ok = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
    if (ok) return;
  }
}

if (process.argv.includes('--lighthouse')) {
  // Lighthouse on the sign-in page, a member's first page and a public village page (issue 21 points 4 and 5).
  await import('./lighthouse.js');
  process.exit(0);
}
if (process.argv.includes('--workers')) {
  // Throughput with 1 and 2 API processes (WORKERS) of the built server, in one run (issue 14 point 5).
  await import('./workers.js');
  process.exit(0);
}
if (argScale === 'all') {
  // One process per scale: each measures its own RSS from a clean start.
  for (const s of SCALES) await child([self, '--scale', s], false);
  (await import('./curve.js')).printCurve(log);
  process.exit(0);
}
if (argScale && !SCALES.includes(argScale as Scale)) throw new Error(`--scale ${SCALES.join('|')}|all`);

installCapture();
const { benchConfig } = await import('./platform-config.js');
const { startPlatform } = await import('../../apps/api/src/platform.js');
const { BENCH_PASSWORD } = await import('./scale.js');
const { dashboardBuilt, demoSite, endpointsOf, scaleSite, signIn } = await import('./endpoints.js');
const { connections, measure, seconds } = await import('./load.js');
const { startReplayServer } = await import('./replay-server.js');
const { evaluate, printRow, printTargets, writeResults } = await import('./targets.js');
const { demoExtras, reportFirstLoad, storeDayCalendars, storeDistrictSnapshots } = await import('./extras.js');
const { checkGenericPlans, printPlanChecks, slowGeneric } = await import('./generic-plans.js');
type Row = import('./targets.js').Row;

const generation: Generation | null = argScale ? JSON.parse(await child([fileURLToPath(new URL('./generate.ts', import.meta.url)), argScale], true)) as Generation : null;
// On the demo run, BENCH_DATABASE_URL: an empty database it may fill, or else a throwaway embedded PostgreSQL.
const ownerUrl = generation?.url ?? process.env.BENCH_DATABASE_URL ?? '';
const { config, dir } = await benchConfig(ownerUrl, Boolean(generation));
const platform = await startPlatform(config, { logger: false });
const started = performance.now();
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  // On the demo run the district is the demo's own (市中区, its 区委组织部 quwei, the demo town in it).
  const site = generation ? await scaleSite(generation.url, BENCH_PASSWORD, generation.districtUser) : demoSite(config.DEMO_PASSWORD);
  for (const user of site.users) user.cookie = await signIn(origin, user);
  // What the 00:05 job stores each day (jobs/boss.ts JOB_CALENDARS): the boards below read it, as after any midnight.
  const calendars = await storeDayCalendars(platform.databaseUrl);
  log(`calendars job: ${calendars.branches} branches of ${calendars.tenants} tenant(s) stored in ${(calendars.ms / 1000).toFixed(1)} s`);
  // What the 5-minute job keeps (JOB_DISTRICT_SNAPSHOTS): the district board reads each town's 驾驶舱快照 (issue 17 point 6).
  const snapshots = await storeDistrictSnapshots(platform.databaseUrl);
  log(`district snapshots job: ${snapshots.refreshed} of ${snapshots.towns} towns stored in ${(snapshots.ms / 1000).toFixed(1)} s`);
  const endpoints = await endpointsOf(origin, site);

  // One call each with the capture on: the statements the app sent for it are what the floor replays.
  const captured = [];
  // BENCH_SKIP: endpoint keys left out (e.g. district.town@district).
  const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((k) => k.trim()).filter(Boolean));
  // A request that has not answered within BENCH_REQUEST_LIMIT seconds (default 120) is reported, not measured.
  const limitMs = Number(process.env.BENCH_REQUEST_LIMIT ?? 120) * 1000;
  for (const e of endpoints) {
    if (skip.has(e.key)) { captured.push({ e, status: 0, slowMs: 0, statements: [], description: 'skipped (BENCH_SKIP)' }); continue; }
    let status = 0;
    let session: { cookie: string; csrf: string } | null = null;
    const call = () => fetch(e.request.url, { method: e.request.method ?? 'GET', headers: e.request.headers, body: e.request.body, signal: AbortSignal.timeout(limitMs) })
      .catch((err: Error) => { if (err.name === 'TimeoutError') return null; throw err; });
    // A read is captured on its second call: the floor replays what a reader sends once the first has stored what it
    // builds (a branch's compliance summary, the district board), not the build.
    const first = e.kind === 'login' ? undefined : await call();
    if (first === null) {
      captured.push({ e, status: 0, slowMs: limitMs, statements: [], description: `no answer within ${limitMs / 1000} s` });
      await untilIdle(origin);
      continue;
    }
    await first?.arrayBuffer();
    const callStarted = performance.now();
    const statements = await captureDuring(async () => {
      const res = await call();
      if (!res) return;
      status = res.status;
      const body = await res.text();
      if (e.kind === 'login') session = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: (JSON.parse(body) as { csrfToken: string }).csrfToken };
    });
    // The session the captured sign-in created goes again, so the replay (rolled back each time) may insert its key.
    const ended = session as { cookie: string; csrf: string } | null;
    if (ended) await fetch(`${origin}/api/auth/logout`, { method: 'POST', headers: { cookie: ended.cookie, 'x-csrf-token': ended.csrf } });
    const slowMs = performance.now() - callStarted;
    if (status === 0) {
      captured.push({ e, status, slowMs, statements: [], description: `no answer within ${limitMs / 1000} s` });
      await untilIdle(origin);
      continue;
    }
    captured.push({ e, status, slowMs, statements: replayPlan(statements), description: describe(statements) });
    // BENCH_SHOW_SQL=1: what the floor replays, for reading next to the figures.
    if (process.env.BENCH_SHOW_SQL) for (const st of replayPlan(statements)) log(`  [${e.key}] ${st.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  const planChecks = await checkGenericPlans(capturedConnection()!, captured.map((c) => ({ key: c.e.key, statements: c.statements })));
  const replay = await startReplayServer(platform.databaseUrl, capturedConnection());
  const bare = await measure({ url: `http://127.0.0.1:${replay.port}/bare` }, false);
  const name = argScale ?? 'demo';
  log(`\nbench ${name}: ${connections} connections, ${seconds} s each, node ${process.version}, database ${platform.mode}${generation ? ` ${generation.database}` : ''}`);
  if (generation) log(`  district: ${generation.towns} town tenants, ${generation.branches} branches, ${generation.members.toLocaleString('en')} members; generated in ${generation.seconds.toFixed(0)} s${generation.reused ? ' (kept from an earlier run)' : ''}; database ${(generation.bytes / 2 ** 30).toFixed(2)} GB`);
  log(`  bare route (node:http, GET /bare): ${bare.rps.toFixed(0)} req/s, p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms`);
  printPlanChecks(planChecks, log);
  const rows: Row[] = [];
  for (const c of captured) {
    if (c.status < 200 || c.status > 299) {
      rows.push({ endpoint: c.e, statements: c.description, app: null, sql: null, note: c.status ? `skipped: the app answered ${c.status}` : `not measured: ${c.description}` });
      printRow(rows[rows.length - 1], bare.rps, log);
      continue;
    }
    const n = replay.register(c.statements);
    const replayError = await replay.check(n);
    const app = await measure(c.e.request, true, c.slowMs);
    const sql = replayError ? null : await measure({ url: `http://127.0.0.1:${replay.port}/replay/${n}` }, false, c.slowMs);
    rows.push({ endpoint: c.e, statements: c.description, app, sql, note: replayError ? `SQL replay failed: ${replayError}` : undefined });
    printRow(rows[rows.length - 1], bare.rps, log);
  }
  const town = site.users.find((u) => u.scope === 'town')!;
  const dashboard = await dashboardBuilt(origin, town.cookie ?? '');
  log(`  dashboard: ${dashboard ? 'built (dashboard.town and district.dashboard above)' : 'not built'}`);
  const web = await reportFirstLoad(origin, log);
  const targets = evaluate(name, rows);
  printTargets(targets, log);
  const file = writeResults(name, {
    scale: name, seconds, connections, generation, bare, snapshots, calendars, dashboard: dashboard ? 'built' : 'not built', web,
    endpoints: rows.map((r) => ({ key: r.endpoint.key, title: r.endpoint.title, scope: r.endpoint.scope, statements: r.statements, app: r.app, sql: r.sql, note: r.note,
      ratioSql: r.app && r.sql?.rps ? r.app.rps / r.sql.rps : null, ratioBare: r.app ? r.app.rps / bare.rps : null })),
    targets, genericPlans: { checked: planChecks.length, slow: slowGeneric(planChecks) }, benchSeconds: (performance.now() - started) / 1000,
  });
  log(`\nresults: ${file} (bench ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await replay.close();
  if (!generation && process.env.BENCH_EXTRAS !== 'off') {
    const cookie = town.cookie!;
    const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: config.DEMO_PASSWORD }) });
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    await demoExtras(origin, (login.headers.get('set-cookie') ?? cookie).split(';')[0], csrf, log);
  }
} finally {
  await platform.stop();
  rmSync(dir, { recursive: true, force: true });
}
// The demo run ends with 1 against 2 processes, after this process's own server has stopped.
if (!argScale && process.env.BENCH_EXTRAS !== 'off') await child([self, '--workers'], false);
