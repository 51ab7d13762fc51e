// 驾驶舱快照 (issue 17 point 6; docs/decisions/010): the district reads each town's 驾驶舱 from the snapshot the job keeps,
// dated, until the job or the district's 刷新 computes it again; a snapshot is the town's admin's own 驾驶舱 at the time
// it was computed; no town reads another's; the job keeps district towns only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createDistrict, createTown, type District, type Town } from '../../../test/factories.js';
import { dbScopeOf, SYSTEM_SCOPE, withRowScope } from '../../db/client.js';
import { dashboardSnapshots } from '../../db/schema/index.js';
import { refreshDistrictSnapshots } from './index.js';
import { storeBoard } from './repository.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let ctx: TestContext;
let a: Town;
let b: Town;
let lone: Town;
let d: District;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await createTown(ctx);
  b = await createTown(ctx);
  lone = await createTown(ctx);
  await createBranch(a, { name: '甲村党支部' });
  await createBranch(b, { name: '丙村党支部' });
  await createBranch(lone, { name: '独村党支部' });
  d = await createDistrict(ctx, [a, b]);
});
afterAll(async () => { await ctx?.close(); });

const ok = (res: { statusCode: number; body: string; json(): Json }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const rootPath = async (tenantId: number) =>
  (await ctx.pool.query<{ path: string }>('select path from organizations where tenant_id = $1 and parent_id is null', [tenantId])).rows[0].path;
const job = () => withRowScope(SYSTEM_SCOPE, () => refreshDistrictSnapshots(ctx.appDb));
const stored = async (tenantId: number) =>
  (await ctx.pool.query<{ body: Json; computed_at: Date }>('select body, computed_at from dashboard_snapshots where tenant_id = $1', [tenantId])).rows;
const dueOf = (board: Json, i: number) => (board.rows as Json[]).find((r) => r.group === 'compliance' && r.label === '未到期')!.values[i];

describe('the job', () => {
  it('stores the snapshot of every district town, equal to the town admin\'s own 驾驶舱, and none of a town outside a district', async () => {
    await job();
    for (const t of [a, b]) {
      const [row] = await stored(t.tenantId);
      expect(row.body).toEqual(ok(await t.admin.get('/api/dashboard/town')));
    }
    expect(await stored(lone.tenantId)).toEqual([]);
  });

  it('computes again only what is older than the district\'s district.snapshotMinutes', async () => {
    const times = async () => Promise.all([a, b].map(async (t) => (await stored(t.tenantId))[0].computed_at.toISOString()));
    const first = await times();
    await job();
    expect(await times()).toEqual(first);
    const aged = async () => (await ctx.pool.query(`update dashboard_snapshots set computed_at = now() - interval '16 minutes' where tenant_id = $1 returning computed_at`, [a.tenantId])).rows[0].computed_at.toISOString();
    const old = await aged();
    await job();
    const [nowA, nowB] = await times();
    expect(nowA > old).toBe(true);
    expect(nowB).toBe(first[1]);
    // The district's own cadence: 30 minutes, so a 16-minute-old snapshot stays.
    await ctx.pool.query(`insert into settings (tenant_id, key, value) values ($1, 'district.snapshotMinutes', '30'::jsonb)`, [d.tenantId]);
    const kept = await aged();
    await job();
    expect((await times())[0]).toBe(kept);
  });
});

describe('the district dashboard', () => {
  it('shows each town as of its snapshot, dated, until 刷新 computes it again; 刷新 is audited and once a minute', async () => {
    const before = ok(await d.viewer.get('/api/district/dashboard'));
    const i = (before.towns as Json[]).findIndex((t) => t.tenantId === a.tenantId);
    const [snap] = await stored(a.tenantId);
    expect(before.towns[i].computedAt).toBe(snap.computed_at.toISOString());
    expect(before.oldestComputedAt).toBe([...before.towns.map((t: Json) => t.computedAt)].sort()[0]);
    // A record changes after the snapshot: the district still shows the snapshot's value and time.
    await createBranch(a, { name: '乙村党支部' });
    const mine = ok(await a.admin.get('/api/dashboard/town'));
    expect(mine.matrix.totals.due).toBeGreaterThan(dueOf(before, i));
    const stale = ok(await d.viewer.get('/api/district/dashboard'));
    expect(dueOf(stale, i)).toBe(dueOf(before, i));
    expect(stale.towns[i].computedAt).toBe(before.towns[i].computedAt);

    const fresh = ok(await d.viewer.post('/api/district/refresh'));
    expect(dueOf(fresh, i)).toBe(mine.matrix.totals.due);
    expect(fresh.towns[i].computedAt > before.towns[i].computedAt).toBe(true);
    expect(dueOf(ok(await d.viewer.get('/api/district/dashboard')), i)).toBe(mine.matrix.totals.due);
    const { rows } = await ctx.pool.query(`select user_id, object_id from audit_events where action = 'district.snapshot.refresh' and tenant_id = $1`, [d.tenantId]);
    expect(rows).toEqual([{ user_id: d.viewerId, object_id: String(d.tenantId) }]);

    const again = await d.viewer.post('/api/district/refresh');
    expect(again.statusCode).toBe(429);
    expect(again.json().message).toContain('每区每 60 秒最多刷新一次');
  });

  it('computes at read time only a town with no snapshot of the month (first use)', async () => {
    const c = await createTown(ctx);
    await createBranch(c, { name: '丁村党支部' });
    const d2 = await createDistrict(ctx, [c]);
    expect(await stored(c.tenantId)).toEqual([]);
    const board = ok(await d2.viewer.get('/api/district/dashboard'));
    const [row] = await stored(c.tenantId);
    expect(board.towns[0].computedAt).toBe(row.computed_at.toISOString());
  });

  it('keeps the one-town page live', async () => {
    const body = ok(await d.viewer.get(`/api/district/towns/${b.tenantId}/dashboard`));
    expect(body.dashboard).toEqual(ok(await b.admin.get('/api/dashboard/town')));
  });
});

describe('区级汇总 (issue 14 point 4: the district board from figures the database keeps in the district)', () => {
  const held = async (district: number, town: number) => (await ctx.pool.query<{ computed_at: Date; group: string; label: string; value: number }>(
    'select computed_at, "group", label, value from district_figures where tenant_id = $1 and town_tenant_id = $2 order by tile_place, figure_place, label', [district, town])).rows;

  it('holds each district town\'s totals and tile figures as its snapshot was stored, and nothing of a town outside a district', async () => {
    await job();
    for (const t of [a, b]) {
      const [snap] = await stored(t.tenantId);
      const rows = await held(d.tenantId, t.tenantId);
      expect(new Set(rows.map((r) => r.computed_at.toISOString()))).toEqual(new Set([snap.computed_at.toISOString()]));
      const totals = Object.fromEntries(rows.filter((r) => r.group === 'compliance').map((r) => [r.label, r.value]));
      expect(totals).toEqual(snap.body.matrix.totals);
      const tiles = (snap.body.tiles as Json[]).flatMap((tile) => (tile.figures as Json[]).map((f) => [tile.key, f.label, f.value]));
      expect(rows.filter((r) => r.group !== 'compliance').map((r) => [r.group, r.label, r.value])).toEqual(tiles);
    }
    expect((await ctx.pool.query('select 1 from district_figures where town_tenant_id = $1', [lone.tenantId])).rows).toEqual([]);
  });

  it('serves the board from those figures: a value written there is the value shown, until the town\'s next snapshot', async () => {
    const board = ok(await d.viewer.get('/api/district/dashboard'));
    const i = (board.towns as Json[]).findIndex((t) => t.tenantId === b.tenantId);
    // Written as the owner, with the version raised as the trigger raises it on each town's store (migration 0059).
    await ctx.pool.query(`update district_figures set value = 4321 where tenant_id = $1 and town_tenant_id = $2 and "group" = 'compliance' and label = 'due'`, [d.tenantId, b.tenantId]);
    await ctx.pool.query('update district_board_versions set version = version + 1 where tenant_id = $1', [d.tenantId]);
    expect(dueOf(ok(await d.viewer.get('/api/district/dashboard')), i)).toBe(4321);
    await ctx.pool.query(`update dashboard_snapshots set computed_at = now() - interval '1 day' where tenant_id = $1`, [b.tenantId]);
    await job();
    expect(dueOf(ok(await d.viewer.get('/api/district/dashboard')), i)).toBe(dueOf(board, i));
  });

  it('serves the board last built while the figures\' version holds; a town stored since makes it stale, and an older build never replaces a newer', async () => {
    const board = ok(await d.viewer.get('/api/district/dashboard'));
    const held = async () => (await ctx.pool.query<{ version: number; built: number }>(`select v.version, b.version as built
      from district_board_versions v join district_boards b using (tenant_id, period) where v.tenant_id = $1`, [d.tenantId])).rows[0];
    const { version } = await held();
    expect(await held()).toEqual({ version, built: version });
    // Served from the stored text: a marker put there is what the next reader gets.
    await ctx.pool.query(`update district_boards set body = $2 where tenant_id = $1`, [d.tenantId, JSON.stringify({ ...board, today: 'stored' })]);
    expect(ok(await d.viewer.get('/api/district/dashboard')).today).toBe('stored');
    // A town's figures stored again raise the version: the stored board is not served, and the one built now is kept.
    await ctx.pool.query(`update dashboard_snapshots set computed_at = now() - interval '1 day' where tenant_id = $1`, [a.tenantId]);
    await job();
    expect(ok(await d.viewer.get('/api/district/dashboard')).today).toBe(board.today);
    const after = await held();
    expect(after.version).toBeGreaterThan(version);
    expect(after.built).toBe(after.version);
    // A request that read the figures before that store cannot put its board back over the newer one.
    const asDistrict = dbScopeOf({ tenantId: d.tenantId, paths: [await rootPath(d.tenantId)] });
    await withRowScope(asDistrict, () => storeBoard(ctx.appDb, d.tenantId, board.today.slice(0, 7), version, 'older', '{}'));
    expect(await held()).toEqual(after);
  });

  it('is written by the database only: the application role neither writes it nor reads another tenant\'s', async () => {
    const [root] = (await ctx.pool.query<{ path: string }>('select path from organizations where tenant_id = $1 and parent_id is null', [d.tenantId])).rows;
    const asDistrict = dbScopeOf({ tenantId: d.tenantId, paths: [root.path] });
    await expect(withRowScope(asDistrict, () => ctx.appDb.execute(sql`insert into district_figures
      (tenant_id, period, town_tenant_id, computed_at, "group", group_title, label, tile_place, figure_place, value)
      values (${d.tenantId}, '2099-01', ${lone.tenantId}, now(), 'compliance', '', 'due', 0, 0, 1)`))).rejects.toThrow();
    const [aRoot] = (await ctx.pool.query<{ path: string }>('select path from organizations where tenant_id = $1 and parent_id is null', [a.tenantId])).rows;
    const seenByTown = await withRowScope(dbScopeOf({ tenantId: a.tenantId, paths: [aRoot.path] }), () => ctx.appDb.execute(sql`select 1 from district_figures`));
    expect(seenByTown.rows).toEqual([]);
    // The figures' version (0059) likewise: the district reads it and cannot set it; a town sees neither it nor the board.
    expect((await withRowScope(asDistrict, () => ctx.appDb.execute(sql`update district_board_versions set version = 0`))).rowCount).toBe(0);
    const townSees = (table: string) => withRowScope(dbScopeOf({ tenantId: a.tenantId, paths: [aRoot.path] }), () => ctx.appDb.execute(sql`select 1 from ${sql.identifier(table)}`));
    expect((await townSees('district_board_versions')).rows).toEqual([]);
    expect((await townSees('district_boards')).rows).toEqual([]);
  });
});

describe('isolation', () => {
  it('lets a town read its own snapshot only, under row-level security', async () => {
    const [ownRoot] = (await ctx.pool.query<{ path: string }>('select path from organizations where tenant_id = $1 and parent_id is null', [a.tenantId])).rows;
    const seen = await withRowScope(dbScopeOf({ tenantId: a.tenantId, paths: [ownRoot.path] }), () =>
      ctx.appDb.select({ tenantId: dashboardSnapshots.tenantId }).from(dashboardSnapshots).where(sql`true`));
    expect(seen.map((s) => s.tenantId)).toEqual([a.tenantId]);
    await expect(withRowScope(dbScopeOf({ tenantId: a.tenantId, paths: [ownRoot.path] }), () =>
      ctx.appDb.insert(dashboardSnapshots).values({ tenantId: b.tenantId, period: '2099-01', body: {} as never }))).rejects.toThrow();
  });

  it('gives a town admin no district route: 刷新 and the dashboard are 403', async () => {
    expect((await a.admin.post('/api/district/refresh')).statusCode).toBe(403);
    expect((await a.admin.get('/api/district/dashboard')).statusCode).toBe(403);
  });
});
