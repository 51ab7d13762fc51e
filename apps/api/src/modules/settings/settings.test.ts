import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { settingValue } from './service.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => { await ctx.close(); });

describe('local rules as settings', () => {
  it('lists every local rule with its default and the source of that default', async () => {
    const items = (await (await ctx.signIn('yingzi')).get('/api/settings')).json().items;
    const themeDay = items.find((s: { key: string }) => s.key === 'activity.themeDayOfMonth');
    expect(themeDay).toMatchObject({ value: 28, defaultValue: 28, updatedBy: null });
    for (const s of items) expect(s.source.length).toBeGreaterThan(10);
  });

  it('the town admin changes one within its bounds; the change is audited and used', async () => {
    const admin = await ctx.signIn('admin');
    const res = await admin.patch('/api/settings/dues.farmerFen', { value: 50 });
    expect(res.json()).toMatchObject({ value: 50, defaultValue: 20, updatedBy: '镇党委组织办(演示)' });
    expect(await settingValue(ctx.db, 1, 'dues.farmerFen')).toBe(50);
    const { rows } = await ctx.pool.query(`select detail from audit_events where action = 'setting.update'`);
    expect(rows).toEqual([{ detail: { before: 20, after: 50 } }]);
  });

  it('refuses values outside the bounds (naming the field), unknown keys and other roles', async () => {
    const admin = await ctx.signIn('admin');
    const low = await admin.patch('/api/settings/dues.farmerFen', { value: 10 });
    expect(low.statusCode).toBe(400);
    expect(low.json()).toMatchObject({ fields: [{ path: 'value' }] });
    expect(low.json().message).toContain('20至100');
    expect((await admin.patch('/api/settings/no.such', { value: 1 })).statusCode).toBe(404);
    expect((await (await ctx.signIn('yingzi')).patch('/api/settings/dues.farmerFen', { value: 30 })).statusCode).toBe(403);
  });
});
