import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createActivity, createBranch, createMember, createTown, type Branch, type Town } from '../../../test/factories.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { storeRead } from '../../lib/kept-reads.js';

/**
 * The town 驾驶舱 kept as built (migration 0060, docs/decisions/014): served while the town's version holds, built
 * again after any write to the town's rows (raised once per transaction, at its commit), never after a read or
 * another town's write, and never replaced by a build of an older version.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let town: Town;
let other: Town;
let branch: Branch;
let member: number;

const version = async (tenantId = town.tenantId) =>
  Number((await ctx.pool.query<{ version: string }>('select version from town_versions where tenant_id = $1', [tenantId])).rows[0].version);
const builds = async () => (await ctx.pool.query<{ version: string; body: string }>('select version, body from town_reads where tenant_id = $1', [town.tenantId])).rows;
const board = async () => {
  const res = await town.admin.get('/api/dashboard/town');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
/** Puts a marker into the stored build: a reader who gets it was served the stored text. */
const mark = async () => {
  const [held] = await builds();
  await ctx.pool.query('update town_reads set body = $2 where tenant_id = $1', [town.tenantId, JSON.stringify({ ...JSON.parse(held.body), today: 'stored' })]);
};

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  other = await createTown(ctx);
  branch = await createBranch(town, { name: '东岭村党支部' });
  member = await createMember(town, branch.id);
});
afterAll(async () => { await ctx.close(); });

describe('the town 驾驶舱 kept as built', () => {
  it('is served from the build while nothing of the town is written: not after a read that writes, nor another town\'s write', async () => {
    const first = await board();
    expect((await builds()).map((b) => Number(b.version))).toEqual([await version()]);
    await mark();
    expect((await board()).today).toBe('stored');
    // The compliance board stores its summaries and a member's full record writes an audit line: reads, not the town's records.
    expect((await town.admin.get('/api/compliance')).statusCode).toBe(200);
    expect((await town.admin.get(`/api/members/${member}`)).statusCode).toBe(200);
    expect((await board()).today).toBe('stored');
    await createMember(other, (await createBranch(other)).id);
    expect((await board()).today).toBe('stored');
    // A write of the town's own: built again, with the figure the write changed.
    await createActivity(town.admin, branch.id, {});
    const again = await board();
    expect(again.today).toBe(first.today);
    expect((await builds()).map((b) => Number(b.version))).toEqual([await version()]);
  });

  it('raises the version once per transaction, at its commit: another writer of the town does not wait for it meanwhile', async () => {
    const before = await version();
    const client = await ctx.pool.connect();
    try {
      await client.query('begin');
      await client.query('update members set on_roster = on_roster where tenant_id = $1', [town.tenantId]);
      await client.query('update organizations set sort_order = sort_order where id = $1', [town.committeeId]);
      // Taken at the statement, the version's row would hold this write until the transaction above ends.
      const second = await ctx.pool.connect();
      try {
        await second.query('begin');
        await second.query(`set local lock_timeout = '2s'`);
        await second.query('update organizations set sort_order = sort_order where id = $1', [branch.id]);
        await second.query('commit');
      } finally {
        second.release();
      }
      expect(await version()).toBe(before + 1);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await version()).toBe(before + 2);
  });

  it('keeps a build made from an older version from replacing a newer one', async () => {
    await board();
    const { rows: [held] } = await ctx.pool.query<{ reader: string; version: string; body: string }>('select reader, version, body from town_reads where tenant_id = $1', [town.tenantId]);
    const { rows: [root] } = await ctx.pool.query<{ path: string }>('select path from organizations where id = $1', [town.committeeId]);
    // A request that read the version before the last write stores last.
    await withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [root.path] }), () =>
      storeRead(ctx.appDb, town.tenantId, held.reader, Number(held.version) - 1, 'older', '{}'));
    expect(await builds()).toEqual([{ version: held.version, body: held.body }]);
  });
});
