/**
 * Parse time of a 5,000-row roster, without a server or a database: `npx tsx scripts/parse-roster-timing.ts`.
 * The same workbook as `npm run bench` (buildMessyRoster, 5,000 rows over four branches, bad rows at the end);
 * prints the median of 5 runs after one warm-up. Used to compare the parser before and after a change.
 * Issue 13 point 1 (multi-sheet, ID reconciliation, 人员类别): measured interleaved with the previous parser at load ~0.4,
 * 7 runs each: before median 615 ms (558–681), after 609 ms (518–794) — no measurable change.
 */
import { buildMessyRoster } from '../apps/api/src/modules/members/excel/fixtures.js';
import { parseRoster } from '../apps/api/src/modules/members/excel/parse-roster.js';

const roster = await buildMessyRoster({ count: 5000, organizationNames: ['东岭村党支部', '南坡村党支部', '北台村党支部', '西岭村党支部'], withErrors: true });
await parseRoster(roster.file);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  const parsed = await parseRoster(roster.file);
  times.push(performance.now() - started);
  if (i === 0) console.log(`rows ${parsed.rows.length}, with errors ${parsed.rows.filter((r) => r.errors.length).length}`);
}
times.sort((a, b) => a - b);
console.log(`parseRoster of 5,000 rows (${(roster.file.length / 1024).toFixed(0)} KB): median ${times[2].toFixed(0)} ms of 5 (min ${times[0].toFixed(0)}, max ${times[4].toFixed(0)})`);
