// Issue 14 point 2: the hot queries run as named (prepared) statements, and row-level security stays exact with them.
// One connection as the platform's role (dj_app) runs the member list of two towns alternately, past the point where
// PostgreSQL may reuse a generic plan and with generic plans forced: each run sees only what its app.scope allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, TEST_CONNECT_TIMEOUT_MS, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, type Town } from '../../../test/factories.js';
import { dbScopeOf, openDatabase, withRowScope, type Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import * as members from './repository.js';
import { executeNamed } from '../../db/prepared.js';

let ctx: TestContext;
let one: Database;
const towns: { town: Town; scope: Scope; memberIds: number[] }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  for (let i = 0; i < 2; i++) {
    const town = await createTown(ctx);
    const branch = await createBranch(town);
    const memberIds = [await createMember(town, branch.id), await createMember(town, branch.id)];
    const { rows: [root] } = await ctx.pool.query<{ path: string }>('select path from organizations where id = $1', [town.committeeId]);
    towns.push({ town, scope: { tenantId: town.tenantId, paths: [root.path] }, memberIds });
  }
  // One connection, so every run below shares its prepared statements and their cached plans.
  one = openDatabase(ctx.appDatabaseUrl, 1, TEST_CONNECT_TIMEOUT_MS);
});
afterAll(async () => {
  await one?.close();
  await ctx?.close();
});

const filter = (): members.MemberFilter => ({ range: 'subtree', filter: 'all', today: todayInShanghai() });
const listAs = (rowScope: Scope, asked: Scope) =>
  withRowScope(dbScopeOf(rowScope), async () => (await members.list(one.db, asked, filter(), 1, 20)).items.map((m) => m.id).sort());

describe('14.2 named statements under row-level security', () => {
  it('14.2 the member list is prepared once per shape and a cached generic plan still obeys app.scope', async () => {
    await one.pool.query('set plan_cache_mode = force_generic_plan');
    const [a, b] = towns;
    for (let round = 0; round < 7; round++) {
      expect(await listAs(a.scope, a.scope)).toEqual([...a.memberIds].sort());
      expect(await listAs(b.scope, b.scope)).toEqual([...b.memberIds].sort());
      // Asking for the other town's rows under one's own app.scope: the policies, not the WHERE, decide.
      expect(await listAs(a.scope, b.scope)).toEqual([]);
    }
    const { rows } = await one.pool.query<{ name: string; generic_plans: string }>(
      `select name, generic_plans from pg_prepared_statements where name like 'member_list_%'`);
    expect(rows.map((r) => r.name.replace(/_[0-9a-f]{16}$/, '')).sort()).toEqual(['member_list_count', 'member_list_keys', 'member_list_rows']);
    expect(rows.every((r) => Number(r.generic_plans) > 0)).toBe(true);
  });

  it('14.2 a raw statement run by executeNamed is prepared once and its cached plan still obeys app.scope', async () => {
    await one.pool.query('set plan_cache_mode = force_generic_plan');
    const ids = (rowScope: Scope) => withRowScope(dbScopeOf(rowScope), async () =>
      (await executeNamed<{ id: number }>(one.db, sql`select m.id from members m where m.on_roster order by m.id`, 'test_raw_members')).rows.map((r) => r.id));
    const [a, b] = towns;
    for (let round = 0; round < 7; round++) {
      expect(await ids(a.scope)).toEqual([...a.memberIds].sort((x, y) => x - y));
      expect(await ids(b.scope)).toEqual([...b.memberIds].sort((x, y) => x - y));
    }
    const { rows } = await one.pool.query<{ name: string; generic_plans: string }>(
      `select name, generic_plans from pg_prepared_statements where name like 'test_raw_members_%'`);
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].generic_plans)).toBeGreaterThan(0);
  });
});
