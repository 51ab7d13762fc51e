import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureTestAuditChain, createTestContext, createTestDatabase, testCipher, testConfig, type TestContext } from '../../test/context.js';
import { startPlatform } from '../platform.js';
import { DEMO_ACCOUNTS, seedDemoTown } from './index.js';
import { DEMO_DISTRICT_ACCOUNT } from './demo-district.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
// startPlatform keys the audit chain with its config's anchor file; the next file in this worker must not inherit it.
afterAll(async () => { configureTestAuditChain(); await ctx.close(); });

describe('demo town 西王庄镇', () => {
  it('has a branch for each of the 18 村委会 with its official 2023 division code', async () => {
    const { rows } = await ctx.pool.query(
      `select v.code, o.name from organizations o join villages v on v.id = o.village_id where o.kind = 'branch' order by v.code`);
    expect(rows).toHaveLength(18);
    expect(rows[0]).toEqual({ code: '370402105200', name: '营子村党支部' });
    expect(rows[17]).toEqual({ code: '370402105217', name: '西街村党支部' });
    expect(rows.map((r) => r.code)).toEqual(Array.from({ length: 18 }, (_, i) => `3704021052${String(i).padStart(2, '0')}`));
  });

  it('has the enterprise branches, the town-organ branch and groups inside the larger branches, all marked demo', async () => {
    const { rows } = await ctx.pool.query(`select name, kind, sector, is_demo from organizations where village_id is null and tenant_id = (select id from tenants where code = '370402105') order by sort_order`);
    expect(rows.map((r) => [r.name, r.sector])).toEqual([
      ['西王庄镇党委', 'government'], ['泰和水处理党支部', 'private_enterprise'], ['康力医疗党支部', 'private_enterprise'], ['西王庄镇机关党支部', 'government'],
    ]);
    const { rows: groups } = await ctx.pool.query(`select count(*)::int as n from organizations where kind = 'group'`);
    expect(groups[0].n).toBe(8);
    const { rows: demo } = await ctx.pool.query(`select bool_and(is_demo) as all from organizations`);
    expect(demo[0].all).toBe(true);
  });

  it('every demo account signs in with the demo password and has its role', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const me = (await (await ctx.signIn(account.username)).get('/api/auth/me')).json();
      expect(me.user.roles).toEqual([account.role]);
      expect(me.scope.map((s: { name: string }) => s.name).sort()).toEqual(account.scope.split(',').sort());
      expect(me.user.isDemo).toBe(true);
    }
  });

  it('puts the town in the district 市中区, whose 区委组织部 account quwei reads it side by side (issue 17 point 5)', async () => {
    const quwei = await ctx.signIn(DEMO_DISTRICT_ACCOUNT.username);
    const me = (await quwei.get('/api/auth/me')).json();
    expect(me.user.roles).toEqual(['district_viewer']);
    expect(me.user.isDemo).toBe(true);
    const board = (await quwei.get('/api/district/dashboard')).json();
    expect(board.towns.map((t: { code: string }) => t.code)).toEqual(['370402105']);
  });

  it('is idempotent', async () => {
    expect(await seedDemoTown(ctx.db, 'demo123456', testCipher())).toBe(false);
    // The town and its district.
    const { rows } = await ctx.pool.query(`select count(*)::int as n from tenants`);
    expect(rows[0].n).toBe(2);
  });
});

describe('start-up on a PostgreSQL server (DATABASE_URL)', () => {
  async function tenants(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try { return (await client.query('select count(*)::int as n from tenants')).rows[0].n as number; } finally { await client.end(); }
  }

  // Two steps, each its own test: the migration of an empty database, then the demo seed (most of the start-up's time).
  let url: string;
  it('migrates an empty database and seeds nothing when the demo is off or in production', async () => {
    url = await createTestDatabase({ empty: true });
    for (const env of [{ SEED_DEMO: 'false' }, { NODE_ENV: 'production' }] as Record<string, string>[]) {
      const platform = await startPlatform(testConfig({ DATABASE_URL: url, ...env }), { logger: false });
      expect(platform.seeded).toBe(false);
      expect(platform.mode).toBe('server');
      await platform.stop();
      expect(await tenants(url)).toBe(0);
    }
  });

  it('seeds the migrated database once when allowed, and never twice', async () => {
    const first = await startPlatform(testConfig({ DATABASE_URL: url }), { logger: false });
    expect(first.seeded).toBe(true);
    await first.stop();
    const again = await startPlatform(testConfig({ DATABASE_URL: url }), { logger: false });
    expect(again.seeded).toBe(false);
    await again.stop();
    expect(await tenants(url)).toBe(2);
  });
});
