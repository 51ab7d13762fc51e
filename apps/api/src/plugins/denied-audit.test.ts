import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createBranch, createMember, createMemberAccount, createTown, createUser, type Account, type Town } from '../../test/factories.js';

/**
 * Denied accesses are audited (issue 12 point 5): a signed-in user's 404 (another village's id, or none at all) and 403
 * leave one 'denied' line naming the user, the matched route and the object; a burst of them raises one notice to
 * the town admins. The town keeps the default burst setting (security.deniedBurstCount 10 in 5 minutes).
 */
let ctx: TestContext;
let town: Town;
/** The secretary of village A's branch, and a member of village B's branch. */
let secretaryA: Account;
let memberOfB: number;
let secondAdmin: Account;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { name: '拒绝审计镇', villages: 2 });
  const [branchA, branchB] = [await createBranch(town), await createBranch(town, { villageId: town.villages[1].id })];
  memberOfB = await createMember(town, branchB.id);
  secretaryA = await createUser(town, 'branch_secretary', [branchA.id]);
  secondAdmin = await createUser(town, 'town_admin', [town.committeeId]);
});
afterAll(async () => { await ctx.close(); });

const deniedLines = async (userId: number) => (await ctx.pool.query(
  `select action, object_type, object_id, detail from audit_events where user_id = $1 and result = 'denied' order by id`, [userId])).rows;
const burstNotices = async () => (await ctx.pool.query(
  `select user_id, count(*)::int as n from notifications where kind = 'access.denied_burst' group by user_id order by user_id`)).rows;

describe('denied accesses in the audit log', () => {
  it('a secretary of village A asking for a member of village B gets 404 and leaves one denied line with the route pattern', async () => {
    const res = await secretaryA.session.get(`/api/members/${memberOfB}`);
    expect(res.statusCode).toBe(404);
    const lines = await deniedLines(secretaryA.userId);
    expect(lines).toEqual([{
      action: 'access.denied', object_type: 'members', object_id: String(memberOfB),
      detail: { method: 'GET', route: '/api/members/:id', status: 404 },
    }]);
  });

  it('a burst raises exactly one notice for each town admin, none before the threshold', async () => {
    // The first request above counted: 9 in all stay below the default of 10.
    for (let i = 0; i < 8; i++) expect((await secretaryA.session.get(`/api/members/${memberOfB}`)).statusCode).toBe(404);
    expect(await burstNotices()).toEqual([]);
    for (let i = 0; i < 3; i++) expect((await secretaryA.session.get(`/api/members/${memberOfB}`)).statusCode).toBe(404);
    expect(await deniedLines(secretaryA.userId)).toHaveLength(12);
    expect(await burstNotices()).toEqual([{ user_id: town.adminId, n: 1 }, { user_id: secondAdmin.userId, n: 1 }]);
    const { rows } = await ctx.pool.query(`select body, link from notifications where kind = 'access.denied_burst'`);
    expect(rows[0].body).toContain(`测试账号${secretaryA.username}`);
  });

  it('a refused export is audited as denied, with the query ids but never a query value', async () => {
    const member = await createMemberAccount(town, (await createBranch(town)).id);
    const res = await member.session.get('/api/members/export?masked=true&q=370102198001011234');
    expect(res.statusCode).toBe(403);
    const lines = await deniedLines(member.userId);
    expect(lines).toEqual([{ action: 'access.denied', object_type: 'members', object_id: null, detail: { method: 'GET', route: '/api/members/export', status: 403 } }]);
    expect(JSON.stringify(lines)).not.toContain('370102');
  });

  it('a failing audit write leaves the 404 a 404', async () => {
    await ctx.pool.query('alter table audit_events rename to audit_events_away');
    try {
      expect((await secondAdmin.session.get('/api/members/999999999')).statusCode).toBe(404);
    } finally {
      await ctx.pool.query('alter table audit_events_away rename to audit_events');
    }
  });
});
