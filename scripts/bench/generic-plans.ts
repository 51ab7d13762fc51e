// Named statements and their cached generic plans (issue 14). A statement the app names is planned with its
// parameters five times, then PostgreSQL may keep one generic plan for every later execution on that connection,
// whoever runs it: planned without the values, it can be far slower than the custom plan for some users (a 学时 sum
// restricted by an IN list: 17 ms custom, 0.3-0.5 s generic on the city bench). Each named statement the endpoints
// sent is run here both ways, forced, as the role and in the row scope it ran in; the bench prints those whose
// generic plan is much slower, before any load.
import pg from 'pg';
import { SESSION_OPTIONS } from '../../apps/api/src/db/client.js';
import type { Connection, Statement } from './capture.js';
import { median, timed } from './timing.js';

export interface PlanCheck { endpoint: string; text: string; customMs: number; genericMs: number }

/** Slower than this many times the custom plan, and by more than SLACK_MS, is reported. */
const FACTOR = 3;
const SLACK_MS = 5;
const RUNS = 3;

/** Each distinct named statement of `endpoints`, timed with a custom plan and with the generic plan. */
export async function checkGenericPlans(connection: Connection, endpoints: { key: string; statements: Statement[] }[]): Promise<PlanCheck[]> {
  const client = new pg.Client({ ...connection, options: SESSION_OPTIONS });
  await client.connect();
  const checks: PlanCheck[] = [];
  const seen = new Set<string>();
  try {
    for (const e of endpoints) {
      for (const s of e.statements) {
        const key = `${s.name}\n${s.scope}`;
        if (!s.name || seen.has(key)) continue;
        seen.add(key);
        await client.query(`select set_config('app.scope', $1, false)`, [s.scope ?? '']);
        await client.query('set plan_cache_mode = force_custom_plan');
        const customMs = median(await timed(client, RUNS, { text: s.text, values: s.values }));
        await client.query('set plan_cache_mode = force_generic_plan');
        // A name of our own: the connection prepares it once, with the generic plan forced.
        const genericMs = median(await timed(client, RUNS, { name: `generic_${checks.length}`, text: s.text, values: s.values }));
        await client.query('reset plan_cache_mode');
        checks.push({ endpoint: e.key, text: s.text, customMs, genericMs });
      }
    }
  } finally {
    await client.end();
  }
  return checks;
}

/** The checks whose generic plan is much slower than the custom one: what a long-lived connection may fall into. */
export const slowGeneric = (checks: PlanCheck[]) => checks.filter((c) => c.genericMs > FACTOR * c.customMs && c.genericMs - c.customMs > SLACK_MS);

export function printPlanChecks(checks: PlanCheck[], log: (line: string) => void): void {
  const slow = slowGeneric(checks);
  log(`  named statements, generic against custom plan: ${checks.length} checked, ${slow.length} with a generic plan over ${FACTOR} × and ${SLACK_MS} ms slower`);
  for (const c of slow) log(`    ${c.endpoint}: custom ${c.customMs.toFixed(1)} ms, generic ${c.genericMs.toFixed(1)} ms — ${c.text.replace(/\s+/g, ' ').slice(0, 120)}`);
}
