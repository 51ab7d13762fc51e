import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Town } from '../../../test/factories.js';
import { enterRowScope, withRowScope } from '../../db/client.js';
import { settingValue, settingValues } from './service.js';
import { upsert } from './repository.js';

let ctx: TestContext;
let town: Town;
let admin: Session;
let secretary: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, '设置测试镇');
  admin = town.admin;
  secretary = (await createUser(town, 'branch_secretary', [(await createBranch(town)).id])).session;
});
afterAll(async () => { await ctx.close(); });

describe('local rules as settings', () => {
  it('lists every local rule with its default and the source of that default', async () => {
    const items = (await secretary.get('/api/settings')).json().items;
    const themeDay = items.find((s: { key: string }) => s.key === 'activity.themeDayOfMonth');
    expect(themeDay).toMatchObject({ value: 28, defaultValue: 28, updatedBy: null });
    for (const s of items) expect(s.source.length).toBeGreaterThan(10);
  });

  it('the town admin changes one within its bounds; the change is audited and used', async () => {
    const res = await admin.patch('/api/settings/dues.farmerFen', { value: 50 });
    expect(res.json()).toMatchObject({ value: 50, defaultValue: 20, updatedBy: '设置测试镇管理员' });
    expect(await settingValue(ctx.db, town.tenantId, 'dues.farmerFen')).toBe(50);
    // A setting is the town's own: another town keeps the default.
    expect(await settingValue(ctx.db, (await createTown(ctx)).tenantId, 'dues.farmerFen')).toBe(20);
    const { rows } = await ctx.pool.query(`select detail from audit_events where action = 'setting.update'`);
    expect(rows).toEqual([{ detail: { before: 20, after: 50 } }]);
  });

  it('refuses values outside the bounds (naming the field), unknown keys and other roles', async () => {
    const low = await admin.patch('/api/settings/dues.farmerFen', { value: 10 });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({ fields: [{ path: 'value' }] });
    expect(low.json().message).toContain('20至100');
    expect((await admin.patch('/api/settings/no.such', { value: 1 })).statusCode).toBe(404);
    expect((await secretary.patch('/api/settings/dues.farmerFen', { value: 30 })).statusCode).toBe(403);
  });
});

describe('a town\'s settings read once per request (issue 14: 8 of the to-do list\'s statements were settings)', () => {
  /** The settings statements a call sends, counted on the pool's query path. */
  async function settingsReads(fn: () => Promise<unknown>): Promise<number> {
    const query = ctx.pool.query.bind(ctx.pool);
    let n = 0;
    const counting = ((...args: Parameters<typeof query>) => {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text;
      if (/from "settings"/.test(text)) n += 1;
      return query(...args);
    }) as typeof query;
    ctx.pool.query = counting;
    try { await fn(); } finally { ctx.pool.query = query; }
    return n;
  }

  it('a request reads them once for every module that asks; a write in it is read afresh', async () => {
    const { tenantId: t, adminId } = await createTown(ctx);
    const reads = await settingsReads(() => new Promise<void>((done, fail) => {
      // As the auth hook does for each request: the request's own row scope holder carries the memo.
      setImmediate(async () => {
        try {
          enterRowScope('*');
          expect(await settingValue(ctx.db, t, 'dues.farmerFen')).toBe(20);
          expect(await settingValues(ctx.db, t, ['flow.unreachableMonths', 'dues.farmerFen'])).toMatchObject({ 'dues.farmerFen': 20 });
          await upsert(ctx.db, t, 'dues.farmerFen', 40, adminId);
          expect(await settingValue(ctx.db, t, 'dues.farmerFen')).toBe(40);
          done();
        } catch (err) { fail(err as Error); }
      });
    }));
    expect(reads).toBe(2);
  });

  it('outside a request (a job, the seed) every call reads: they may write what they read', async () => {
    const t = (await createTown(ctx)).tenantId;
    const reads = await settingsReads(() => withRowScope('*', async () => {
      await settingValue(ctx.db, t, 'dues.farmerFen');
      await settingValue(ctx.db, t, 'dues.farmerFen');
    }));
    expect(reads).toBe(2);
  });
});
