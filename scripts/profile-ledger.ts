// Issue 14 point 6: time (and, under `node --cpu-prof --import tsx`, profile) the yearly ledger PDF of the demo town's
// 营子村党支部, the document the issue measured at ~4 s. A throwaway embedded PostgreSQL with the demo town.
// Usage: npx tsx scripts/profile-ledger.ts            (timings)
//        node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile-ledger.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../apps/api/src/config.js';
import { makeTraversable } from '../apps/api/src/db/embedded.js';
import { startPlatform } from '../apps/api/src/platform.js';

const runs = Number(process.env.RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'dj-ledger-'));
makeTraversable(dir);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'on', PUBLIC_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', DATA_DIR: dir });
const platform = await startPlatform(config, { logger: false });
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: config.DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const orgs = ((await (await fetch(`${origin}/api/organizations?range=subtree`, { headers: { cookie } })).json()) as { items: { id: number; name: string }[] }).items;
  const branch = orgs.find((o) => o.name === '营子村党支部')!.id;
  const year = new Date().getFullYear();
  for (const format of ['pdf', 'docx']) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await fetch(`${origin}/api/ledger?orgId=${branch}&period=${year}&format=${format}`, { headers: { cookie } });
      bytes = (await res.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`yearly ledger of 营子村党支部 ${year} (${format}), GET /api/ledger: median ${sorted[Math.floor(runs / 2)].toFixed(0)} ms of ${runs} (first ${times[0].toFixed(0)}, min ${sorted[0].toFixed(0)}, max ${sorted[runs - 1].toFixed(0)}), ${(bytes / 1024).toFixed(0)} KB`);
  }
  // What a render costs everyone else in the process: /healthz asked every 50 ms while the yearly PDF is made, and the
  // event loop's delay over that time (before the PDF thread, the render held the loop for its whole length).
  for (const format of ['pdf', 'docx']) await probeWhileRendering(origin, cookie, `/api/ledger?orgId=${branch}&period=${year}&format=${format}`);

  // The same document as an export (导出任务): what the user waits for on the request (POST) and until the file is made.
  await platform.startJobs();
  const csrf = ((await login.clone().json()) as { csrfToken: string }).csrfToken;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const res = await fetch(`${origin}/api/exports`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'branch_ledger', orgId: branch, period: String(year), format: 'pdf' }),
    });
    const { id } = (await res.json()) as { id: number };
    const posted = performance.now() - started;
    let status = 'queued';
    while (status === 'queued' || status === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await fetch(`${origin}/api/exports/${id}`, { headers: { cookie } })).json()) as { status: string }).status;
    }
    console.log(`  as an export: POST answered in ${posted.toFixed(0)} ms, file ${status} after ${(performance.now() - started).toFixed(0)} ms`);
  }
} finally {
  await platform.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Times `path` while /healthz is asked every 50 ms, and the event loop's delay over that time. */
async function probeWhileRendering(origin: string, cookie: string, path: string): Promise<void> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const probes: number[] = [];
  let rendering = true;
  const probing = (async () => {
    while (rendering) {
      const started = performance.now();
      await (await fetch(`${origin}/healthz`)).arrayBuffer();
      probes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  loop.enable();
  const rendered = performance.now();
  await (await fetch(`${origin}${path}`, { headers: { cookie } })).arrayBuffer();
  const took = performance.now() - rendered;
  rendering = false;
  await probing;
  loop.disable();
  const ms = (ns: number) => (ns / 1e6).toFixed(0);
  console.log(`while ${path} rendered (${took.toFixed(0)} ms): /healthz ${probes.length} probes, slowest ${Math.max(...probes).toFixed(0)} ms; event-loop delay p99 ${ms(loop.percentile(99))} ms, max ${ms(loop.max)} ms`);
}
