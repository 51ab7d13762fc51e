// The cost curve town → county → city → province, read back from bench-results/<scale>.json after --scale all
// (or on its own: npx tsx scripts/bench/curve.ts): generation time, database size, and each endpoint's p95 per scale.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCALES } from './scale-plan.js';

interface Result {
  generation: { members: number; branches: number; seconds: number; bytes: number } | null;
  endpoints: { key: string; app: { rps: number; p95: number; requests: number } | null; ratioSql: number | null }[];
  targets: { ok: boolean }[];
}

export function printCurve(log: (line: string) => void = console.log) {
  const results = SCALES.map((s) => ({ s, file: join(process.cwd(), 'bench-results', `${s}.json`) }))
    .filter((r) => existsSync(r.file)).map((r) => ({ s: r.s, r: JSON.parse(readFileSync(r.file, 'utf8')) as Result }));
  if (!results.length) return;
  log('\n规模曲线 (cost curve)');
  log(`  ${'scale'.padEnd(10)}${'members'.padStart(11)}${'branches'.padStart(10)}${'generation'.padStart(12)}${'database'.padStart(10)}${'targets met'.padStart(13)}`);
  for (const { s, r } of results) {
    const g = r.generation;
    log(`  ${s.padEnd(10)}${String(g?.members ?? '').padStart(11)}${String(g?.branches ?? '').padStart(10)}${(g ? `${g.seconds.toFixed(0)} s` : '').padStart(12)}${(g ? `${(g.bytes / 2 ** 30).toFixed(2)} GB` : '').padStart(10)}${`${r.targets.filter((t) => t.ok).length}/${r.targets.length}`.padStart(13)}`);
  }
  const keys = [...new Set(results.flatMap(({ r }) => r.endpoints.map((e) => e.key)))];
  log(`\n  p95 ms (app/SQL)  ${results.map(({ s }) => s.padStart(18)).join('')}`);
  for (const key of keys) {
    const cells = results.map(({ r }) => {
      const e = r.endpoints.find((x) => x.key === key);
      if (!e) return '—'.padStart(18);
      if (!e.app) return 'not measured'.padStart(18);
      if (!e.app.requests) return 'none answered'.padStart(18);
      return `${e.app.p95.toFixed(0)} (${e.ratioSql?.toFixed(2) ?? '—'})`.padStart(18);
    });
    log(`  ${key.padEnd(32)}${cells.join('')}`);
  }
}

if (process.argv[1]?.endsWith('curve.ts')) printCurve();
