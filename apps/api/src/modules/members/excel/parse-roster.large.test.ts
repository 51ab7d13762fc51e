/**
 * A township-sized roster (5,000 members, every kind of mess, bad rows at the end) parses to exactly the rows
 * fixtures.ts promises: a correctness test on a large input. How fast it parses is `npm run bench`'s figure
 * ("parseRoster of 5,000 rows"), not an assertion here: a timed assertion fails on a busy machine, not on slow code.
 */
import { expect, it } from 'vitest';
import { buildMessyRoster } from './fixtures.js';
import { parseRoster } from './parse-roster.js';

it('parses a 5,000-row messy roster to exactly the expected rows, values and errors', async () => {
  const fixture = await buildMessyRoster({ count: 5000, organizationNames: ['东岭村党支部', '南坡村党支部', '北台村党支部', '西岭村党支部'], withErrors: true });
  const roster = await parseRoster(fixture.file);
  expect(roster.headerRow).toBe(fixture.headerRow);
  expect(roster.rows).toHaveLength(fixture.expectedValid + fixture.expectedInvalid);
  const valid = roster.rows.filter((r) => r.errors.length === 0);
  expect(valid).toHaveLength(fixture.expectedValid);
  expect(valid.map((r) => ({ row: r.row, values: r.values }))).toEqual(fixture.expectedRows);
  const invalid = roster.rows.filter((r) => r.errors.length > 0);
  expect(invalid.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })))).toEqual(fixture.expectedErrors);
});
