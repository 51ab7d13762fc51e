import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdList, MyHouseholds, Task } from '@dj/contracts';
import { createTestContext, orgIds, type TestContext } from '../../test/context.js';

let ctx: TestContext;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('demo 党员联户 of 营子村 and 西花沟村 (issue 20 point 8)', () => {
  it('gives each village households with members and visits; some past the interval are on the secretary\'s 待办; the demo 党员 has three', async () => {
    const yingzi = await ctx.signIn('yingzi');
    const list = (await yingzi.get(`/api/households?orgId=${ids['营子村党支部']}`)).json() as HouseholdList;
    expect(list.total).toBe(30);
    expect(list.items.every((h) => h.links.length === 1 && h.lastVisitOn !== null)).toBe(true);
    const overdue = list.items.filter((h) => h.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    const tasks = (await yingzi.get('/api/tasks?kind=HOUSEHOLD_VISIT_DUE&pageSize=100')).json().items as Task[];
    expect(tasks.reduce((n, t) => n + Number(/联系的(\d+)户/.exec(t.message)![1]), 0)).toBe(overdue);
    const xihuagou = (await (await ctx.signIn('xihuagou')).get(`/api/households?orgId=${ids['西花沟村党支部']}`)).json() as HouseholdList;
    expect(xihuagou.total).toBe(24);
    const mine = (await (await ctx.signIn('member')).get('/api/my/households')).json() as MyHouseholds;
    expect(mine.items).toHaveLength(3);
    expect(mine.items.every((h) => h.visits.every((v) => !v.proxy))).toBe(true);
  });
});
