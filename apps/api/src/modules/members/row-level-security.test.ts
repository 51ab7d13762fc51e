// Row-level security as the backstop behind scopeFilter (issue 12 point 6; docs/decisions/008-row-level-security.md):
// the members repository called with its scope filter removed (an all-seeing scope) still shows a secretary only their
// village when it runs as the platform's role (ctx.appDb) under the secretary's setting; as the owner it shows both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, type Branch, type Town } from '../../../test/factories.js';
import { acrossScope, dbScopeOf, withRowScope, type Db } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { members, organizations } from '../../db/schema/index.js';
import * as repo from './repository.js';

let ctx: TestContext;
let town: Town;
let otherTown: Town;
let village: Branch;
let neighbour: Branch;
let elsewhere: Branch;
const paths: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  otherTown = await createTown(ctx);
  village = await createBranch(town, { villageId: town.villages[0].id });
  neighbour = await createBranch(town, { villageId: town.villages[1].id });
  elsewhere = await createBranch(otherTown);
  await createMembers(town, village.id, { full: 2 });
  await createMembers(town, neighbour.id, { full: 3 });
  await createMembers(otherTown, elsewhere.id, { full: 4 });
  const { rows } = await ctx.pool.query<{ id: number; path: string }>('select id, path from organizations where id = any($1)',
    [[village.id, neighbour.id, elsewhere.id, town.committeeId, otherTown.committeeId]]);
  for (const r of rows) paths[r.id] = r.path;
});
afterAll(async () => { await ctx.close(); });

/** What the secretary of `branch` (or the admin of a town's committee) carries as the row scope. */
const settingOf = (tenantId: number, organizationId: number) => dbScopeOf({ tenantId, paths: [paths[organizationId]] });
/** The scope filter removed: every path of the tenant matches. */
const allOf = (tenantId: number): Scope => ({ tenantId, paths: ['/'] });
const filter: repo.MemberFilter = { range: 'subtree', filter: 'all', today: todayInShanghai() };

async function organisationsOf(db: Db, tenantId: number) {
  const { items } = await repo.list(db, allOf(tenantId), filter, 1, 100);
  return items.map((m) => m.organizationId);
}

describe('row-level security (issue 12 point 6)', () => {
  it('hides the other village from a secretary when the scope filter is removed', async () => {
    const seen = await withRowScope(settingOf(town.tenantId, village.id), () => organisationsOf(ctx.appDb, town.tenantId));
    expect(seen).toHaveLength(2);
    expect(new Set(seen)).toEqual(new Set([village.id]));
    // The control: the owner bypasses the policies, so the same call shows both villages.
    const asOwner = await withRowScope(settingOf(town.tenantId, village.id), () => organisationsOf(ctx.db, town.tenantId));
    expect(new Set(asOwner)).toEqual(new Set([village.id, neighbour.id]));
    expect(asOwner).toHaveLength(5);
  });

  it('hides another town from a town admin', async () => {
    const admin = settingOf(town.tenantId, town.committeeId);
    expect(await withRowScope(admin, () => organisationsOf(ctx.appDb, town.tenantId))).toHaveLength(5);
    expect(await withRowScope(admin, () => organisationsOf(ctx.appDb, otherTown.tenantId))).toEqual([]);
    const otherOrganisations = await withRowScope(admin, () =>
      ctx.appDb.select({ id: organizations.id }).from(organizations).where(sql`${organizations.tenantId} = ${otherTown.tenantId}`));
    expect(otherOrganisations).toEqual([]);
  });

  it('returns nothing with the setting unset', async () => {
    expect(await organisationsOf(ctx.appDb, town.tenantId)).toEqual([]);
    expect(await ctx.appDb.select({ id: members.id }).from(members)).toEqual([]);
    expect(await ctx.appDb.select({ id: organizations.id }).from(organizations)).toEqual([]);
    // The system's setting sees every town (jobs, start-up).
    expect((await withRowScope('*', () => ctx.appDb.select({ id: members.id }).from(members))).length).toBeGreaterThanOrEqual(9);
  });

  it('acrossScope sees every village on a pool and inside a transaction, and the setting is back afterwards', async () => {
    const secretary = settingOf(town.tenantId, village.id);
    const onPool = await withRowScope(secretary, () => acrossScope(ctx.appDb, () => ctx.appDb.select({ id: members.id }).from(members)));
    expect(onPool.length).toBeGreaterThanOrEqual(9);
    const counts = await withRowScope(secretary, () => ctx.appDb.transaction(async (tx) => {
      const count = async () => (await tx.select({ id: members.id }).from(members)).length;
      const before = await count();
      const across = await acrossScope(tx, count);
      return { before, across, after: await count() };
    }));
    expect(counts).toEqual({ before: 2, across: onPool.length, after: 2 });
  });

  it('reads several subtrees, and an empty path element widens nothing (the inlined test of migration 0027)', async () => {
    const count = (setting: string) => withRowScope(setting, async () => (await ctx.appDb.select({ id: members.id }).from(members)
      .where(sql`${members.tenantId} = ${town.tenantId}`)).length);
    const [own, next] = [paths[village.id], paths[neighbour.id]];
    expect(await count(`${town.tenantId}:${own},${next}`)).toBe(5);
    expect(await count(`${town.tenantId}:,${own},,`)).toBe(2);
    expect(await count(`${town.tenantId}:,`)).toBe(0);
    expect(await count(`${town.tenantId}:`)).toBe(0);
    // The right paths under another town's number show nothing.
    expect(await count(`${otherTown.tenantId}:${own}`)).toBe(0);
  });

  it('lets an update reach neither another village nor another town', async () => {
    const secretary = settingOf(town.tenantId, village.id);
    const touched = await withRowScope(secretary, () => ctx.appDb.execute(
      sql`update members set is_hardship = true where organization_id = ${neighbour.id}`));
    expect(touched.rowCount).toBe(0);
    const { rows: [own] } = await ctx.pool.query<{ id: number }>('select id from members where organization_id = $1 limit 1', [village.id]);
    // A row of the secretary's own village cannot be moved into another town...
    await expect(withRowScope(secretary, () => ctx.appDb.execute(
      sql`update members set organization_id = ${elsewhere.id} where id = ${own.id}`)))
      .rejects.toMatchObject({ cause: { message: expect.stringMatching(/new row violates row-level security policy/) } });
    // Nor into the neighbouring village: PostgreSQL checks the new row of an UPDATE with a WHERE against the read
    // policy too, so it must stay inside the scope. The town admin, whose scope holds both, moves it (a transfer).
    await expect(withRowScope(secretary, () => ctx.appDb.execute(
      sql`update members set organization_id = ${neighbour.id} where id = ${own.id}`)))
      .rejects.toMatchObject({ cause: { message: expect.stringMatching(/new row violates row-level security policy/) } });
    const moved = await withRowScope(settingOf(town.tenantId, town.committeeId), () => ctx.appDb.execute(
      sql`update members set organization_id = ${neighbour.id} where id = ${own.id}`));
    expect(moved.rowCount).toBe(1);
    const { rows: [after] } = await ctx.pool.query<{ organization_id: number }>('select organization_id from members where id = $1', [own.id]);
    expect(after.organization_id).toBe(neighbour.id);
  });
});
