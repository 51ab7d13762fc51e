import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createActivity, createBranch, createMembers, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';
import { complianceOfBranches } from './index.js';

/**
 * Issue 14: a board over a whole city reads each branch's month from compliance_summaries instead of a year of
 * activities. The summary is a cache the database keeps honest — these tests plant a marker in a stored summary
 * (summary.total = 999, a figure no branch has) and check that the board shows it while nothing changed, and stops
 * showing it after each kind of write the calendar reads.
 */
let ctx: TestContext;
let town: Town;
let secretary: Session;
let branch: Branch;
const lastMonth = monthFromIndex(monthIndex(todayInShanghai().slice(0, 7)) - 1);
const MARK = 999;

type Row = { ruleKey: string; done: number; status: string; groupId: number | null };
async function board(session: Session = secretary) {
  const res = await session.get(`/api/compliance?orgId=${branch.id}&period=${lastMonth}`);
  expect(res.statusCode, res.body).toBe(200);
  const { branches } = res.json() as { branches: { organizationId: number; rows: Row[]; summary: { total: number } }[] };
  return branches.find((b) => b.organizationId === branch.id)!;
}

/** Reads the board (storing its summary), then marks the stored summary. */
async function markStored() {
  await board();
  const { rowCount } = await ctx.pool.query(
    `update compliance_summaries set summary = jsonb_set(summary, '{total}', to_jsonb($3::int)) where organization_id = $1 and period = $2`, [branch.id, lastMonth, MARK]);
  expect(rowCount, 'the board stored its month').toBe(1);
}
const fromStore = async () => (await board()).summary.total === MARK;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = await createBranch(town);
  await createMembers(town, branch.id, { full: 6 });
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
});
afterAll(async () => { await ctx.close(); });

describe('compliance calendar summaries (issue 14 point 4: whole-tenant boards from summaries the database maintains)', () => {
  it('stores the month it computed, exactly as computed, and serves it back while nothing it reads changes', async () => {
    const computed = await board();
    const { rows: [stored] } = await ctx.pool.query('select rows, summary, computed_on::text as day from compliance_summaries where organization_id = $1 and period = $2', [branch.id, lastMonth]);
    expect(stored).toEqual({ rows: computed.rows, summary: computed.summary, day: todayInShanghai() });
    await markStored();
    expect(await fromStore(), 'a second read comes from the summary').toBe(true);
    expect((await board(town.admin)).summary.total, 'and so does the town admin\'s').toBe(MARK);
  });

  it('a recorded meeting and its attendance reach the board at once', async () => {
    await markStored();
    const meeting = await createActivity(town.admin, branch.id, { kind: 'theme_day', heldOn: `${lastMonth}-20` });
    expect(await fromStore(), 'an activity of the branch raises its version').toBe(false);
    const { rows: members } = await ctx.pool.query<{ id: number }>('select id from members where organization_id = $1', [branch.id]);
    await markStored();
    const res = await town.admin.request('PUT', `/api/activities/${meeting.id}/attendance`, { records: members.map((m) => ({ memberId: m.id, state: 'present' })) });
    expect(res.statusCode, res.body).toBe(200);
    expect(await fromStore(), 'saving attendance (one statement, many rows) raises it too').toBe(false);
    expect((await board()).rows.find((r) => r.ruleKey === 'theme_day.monthly')).toMatchObject({ done: 1, status: 'done' });
  });

  it('the roster: a seventh 正式党员 makes a 支部委员会 expected (支部工作条例第八条), without waiting for the next day', async () => {
    const committeeRule = async () => (await board()).rows.some((r) => r.ruleKey.startsWith('committee'));
    expect(await committeeRule(), 'six 正式党员: no committee expected').toBe(false);
    await markStored();
    await createMembers(town, branch.id, { full: 1 });
    expect(await fromStore()).toBe(false);
    expect(await committeeRule(), 'seven: a monthly 支委会').toBe(true);
  });

  it('a new 党小组 adds its own row, and a changed town setting recomputes every branch', async () => {
    await markStored();
    const group = await town.admin.post('/api/organizations', { parentId: branch.id, name: '新建党小组', kind: 'group' });
    expect(group.statusCode, group.body).toBe(201);
    expect(await fromStore()).toBe(false);
    expect((await board()).rows.some((r) => r.groupId === group.json().id)).toBe(true);
    await markStored();
    expect((await town.admin.patch('/api/settings/activity.partyLecturesPerQuarter', { value: 2 })).statusCode).toBe(200);
    expect(await fromStore(), 'the settings are part of the summary\'s key').toBe(false);
  });

  it('a summary holds only on the day it was computed, and only for the version it was computed from', async () => {
    await markStored();
    await ctx.pool.query(`update compliance_summaries set computed_on = computed_on - 1 where organization_id = $1`, [branch.id]);
    expect(await fromStore(), 'yesterday\'s statuses are not today\'s').toBe(false);
    await markStored();
    // What a request stores after a write landed during its computation: the version it read before.
    await ctx.pool.query(`update compliance_summaries set version = version - 1 where organization_id = $1`, [branch.id]);
    expect(await fromStore()).toBe(false);
  });

  it('computes only the branches whose summaries do not hold, and keeps the order it was given', async () => {
    const other = await createBranch(town);
    await markStored();
    const today = todayInShanghai();
    const branches = [{ id: other.id, name: other.name }, { id: branch.id, name: branch.name }];
    const calendar = await complianceOfBranches(ctx.db, town.tenantId, branches, lastMonth, today);
    expect(calendar.map((c) => c.organizationId)).toEqual([other.id, branch.id]);
    expect(calendar[1].summary.total, 'the held one is read').toBe(MARK);
    expect(calendar[0].summary.total).not.toBe(MARK);
  });
});
