// Issue 14 point 4: each figure against its target, printed with 达标/未达标 and written to bench-results/<scale>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from './endpoints.js';
import type { Figures } from './load.js';

export interface Row { endpoint: Endpoint; statements: string; app: Figures | null; sql: Figures | null; note?: string }
export interface Target { figure: string; value: number; target: string; ok: boolean }

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`);
export const verdict = (ok: boolean) => (ok ? '达标' : '未达标');

/**
 * city: p95 < 100 ms for a village or town user's lists and boards (the town admin's whole tenant is the town) and
 * < 1 s for the whole-city aggregate, which is the district's board read from 驾驶舱快照 (decision 011); the largest
 * size: < 300 ms and < 2 s.
 */
function latencyLimit(scale: string, e: Endpoint): number | null {
  if (e.kind !== 'list') return null;
  const aggregate = e.key === 'district.dashboard@district';
  if (scale === 'city') return aggregate ? 1000 : 100;
  if (scale === 'province') return aggregate ? 2000 : 300;
  return null;
}

export function evaluate(scale: string, rows: Row[]): Target[] {
  const targets: Target[] = [];
  for (const r of rows) {
    if (!r.app) continue;
    const name = r.endpoint.title;
    if (r.sql?.rps) targets.push({ figure: `${name}: app/SQL throughput`, value: r.app.rps / r.sql.rps, target: '≥ 0.8', ok: r.app.rps / r.sql.rps >= 0.8 });
    const limit = latencyLimit(scale, r.endpoint);
    if (limit !== null) targets.push({ figure: `${name}: p95 (ms)`, value: r.app.p95, target: `< ${limit} ms`, ok: r.app.p95 < limit && r.app.non2xx + r.app.errors === 0 });
    if (r.app.loopP99 !== undefined) targets.push({ figure: `${name}: event-loop delay p99 (ms)`, value: r.app.loopP99, target: '< 50 ms', ok: r.app.loopP99 < 50 });
    if (r.app.rssMax !== undefined) targets.push({ figure: `${name}: RSS under load (MB)`, value: r.app.rssMax, target: '< 350 MB', ok: r.app.rssMax < 350 });
  }
  return targets;
}

export function printRow(r: Row, bareRps: number, log: (line: string) => void) {
  log(`  ${r.endpoint.title}${r.note ? ` — ${r.note}` : ''}`);
  if (!r.app) return;
  const a = r.app;
  const failed = a.non2xx + a.errors + a.timeouts ? `, ${a.non2xx} non-2xx, ${a.errors} errors, ${a.timeouts} timeouts` : '';
  log(`    app: ${a.rps.toFixed(1)} req/s, p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, p99 ${ms(a.p99)}, ${(a.bytesPerRequest / 1024).toFixed(1)} KB/response, ${a.requests} requests${failed}`);
  log(`         event loop p99 ${ms(a.loopP99 ?? 0)}, max ${ms(a.loopMax ?? 0)}; RSS max ${(a.rssMax ?? 0).toFixed(0)} MB`);
  printSpread(a, log);
  if (r.sql) {
    const s = r.sql;
    log(`    SQL replayed (${r.statements}): ${s.rps.toFixed(1)} req/s, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}${s.non2xx + s.errors ? `, ${s.non2xx} non-2xx, ${s.errors} errors` : ''}`);
    printSpread(s, log);
    log(`    ratio app/SQL ${s.rps ? (a.rps / s.rps).toFixed(2) : '—'}, app/bare ${(a.rps / bareRps).toFixed(4)}`);
  } else log(`    ratio app/bare ${(a.rps / bareRps).toFixed(4)}`);
}

/** BENCH_REPEAT > 1: how far the runs were apart (the figures printed are the median run's). */
function printSpread(f: Figures, log: (line: string) => void) {
  if (f.spread) log(`         ${f.spread.runs} runs: ${f.spread.rps[0].toFixed(1)}–${f.spread.rps[1].toFixed(1)} req/s, p95 ${ms(f.spread.p95[0])}–${ms(f.spread.p95[1])}`);
}

export function printTargets(targets: Target[], log: (line: string) => void) {
  const passed = targets.filter((t) => t.ok).length;
  log(`\n目标 (issue 14 第4点): ${passed}/${targets.length} 达标`);
  for (const t of targets) log(`  ${verdict(t.ok)}  ${t.figure}: ${t.value.toFixed(t.value < 10 ? 2 : 0)} (目标 ${t.target})`);
}

export function writeResults(name: string, payload: Record<string, unknown>): string {
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(file, `${JSON.stringify({ when: new Date().toISOString(), machine, ...payload }, null, 2)}\n`);
  return file;
}
