import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUserWithGrants, type Account, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 12 point 1: a permission is decided at the record's organisation by the grants there. A secretary of village A
 * who is also 包村干部 (supervisor) of village B sees B, but does a secretary's writes in A only.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let both: Account;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  a = await createBranch(town);
  b = await createBranch(town);
  both = await createUserWithGrants(town, [{ role: 'branch_secretary', organizationId: a.id }, { role: 'supervisor', organizationId: b.id }]);
});
afterAll(() => ctx?.close());

const lastMonth = () => monthFromIndex(monthIndex(todayInShanghai().slice(0, 7)) - 1);
const activity = (organizationId: number) => ({ organizationId, kind: 'theme_day', heldOn: `${lastMonth()}-21`, place: '村党群服务中心', topic: '授权测试主题党日' });
const fourTwo = (organizationId: number) => ({ organizationId, title: '授权测试四议两公开', category: 'other' });

describe('a secretary of A who supervises B', () => {
  it('sees both branches', async () => {
    const me = (await both.session.get('/api/auth/me')).json();
    expect(me.user.roles.sort()).toEqual(['branch_secretary', 'supervisor']);
    expect(me.scope.map((r: { organizationId: number }) => r.organizationId).sort()).toEqual([a.id, b.id].sort());
  });

  it('records an activity in A but not in B', async () => {
    expect((await both.session.post('/api/activities', activity(a.id))).statusCode).toBe(201);
    const res = await both.session.post('/api/activities', activity(b.id));
    expect(res.statusCode, res.body).toBe(403);
  });

  it('edits positions (四议两公开) in A but not in B', async () => {
    const mine = await both.session.post('/api/four-two', fourTwo(a.id));
    expect(mine.statusCode, mine.body).toBe(200);
    const theirs = await both.session.post('/api/four-two', fourTwo(b.id));
    expect(theirs.statusCode, theirs.body).toBe(403);
  });

  it('is not offered a secretary\'s writes on B\'s records', async () => {
    const made = await town.admin.post('/api/four-two', fourTwo(b.id));
    expect(made.statusCode, made.body).toBe(200);
    const seen = await both.session.get(`/api/four-two/${made.json().id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().can.edit).toBe(false);
  });
});
