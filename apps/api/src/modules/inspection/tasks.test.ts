import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';
import { addDays, todayInShanghai } from '@dj/contracts';

/** Rectifications on the to-do list: overdue ones escalate to the town, and each village sees only its own. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let ctx: TestContext;
let town: Town;
let inspector: Session;
/** Two inspected villages, each with its secretary. */
let here: Branch;
let there: Branch;
let hereSecretary: Session;
let thereSecretary: Session;
let roundId: number;

const TEAM = [{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'organization_dept' }, { name: '赵强', department: 'civil_affairs' }];

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  [here, there] = [await createBranch(town), await createBranch(town)];
  [hereSecretary, thereSecretary, inspector] = [
    (await createUser(town, 'branch_secretary', [here.id])).session,
    (await createUser(town, 'branch_secretary', [there.id])).session,
    (await createUser(town, 'inspector', [town.committeeId])).session,
  ];
  const today = todayInShanghai();
  const round = await town.admin.post('/api/inspections', { title: '本季度联督联查', startsOn: today, endsOn: addDays(today, 10), team: TEAM, organizationIds: [here.id, there.id] });
  expect(round.statusCode, round.body).toBe(200);
  roundId = round.json().id;
});
afterAll(async () => { await ctx.close(); });

const tasksOf = async (s: Session) => ((await s.get('/api/tasks')).json().items as Json[])
  .filter((t) => String(t.kind).startsWith('RECTIFICATION'));

/** A finding at the village opens a rectification due on the given day; returns its id. */
async function finding(branch: Branch, itemKey: string, dueOn: string): Promise<number> {
  const res = await inspector.post(`/api/inspections/${roundId}/results`, {
    organizationId: branch.id, itemKey, outcome: 'finding', note: '会议室杂物堆放', ownerName: '张志强', requiredEvidence: '整理后照片', dueOn,
  });
  expect(res.statusCode, res.body).toBe(200);
  const village = (res.json().villages as Json[]).find((v) => v.organizationId === branch.id);
  return village!.results.find((r: Json) => r.itemKey === itemKey).rectificationId;
}

describe('rectification tasks', () => {
  it('an overdue rectification is on the town admin\'s list as escalated, and not on another village\'s', async () => {
    const id = await finding(there, 'cleanliness', todayInShanghai());
    // Twenty days pass: only the clock can put a deadline in the past (the API refuses one).
    const due = addDays(todayInShanghai(), -20);
    await ctx.pool.query('update rectifications set due_on = $2 where id = $1', [id, due]);
    const task = (await tasksOf(town.admin)).find((t) => t.kind === 'RECTIFICATION_LATE' && t.organizationName === there.name);
    expect(task).toBeDefined();
    expect(task!.message).toContain(`应于${due}前完成整改`);
    expect(task!.message).toContain('已上报镇党委');
    expect((await tasksOf(hereSecretary)).filter((t) => t.organizationName !== here.name)).toEqual([]);
  });

  it('a rectification due within the reminder window is on its village\'s list until evidence is submitted', async () => {
    const id = await finding(here, 'duty_roster', addDays(todayInShanghai(), 3));
    const due = (await tasksOf(hereSecretary)).filter((t) => t.kind === 'RECTIFICATION_DUE');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ organizationName: here.name, memberId: null });
    expect((await tasksOf(thereSecretary)).some((t) => t.organizationName === here.name)).toBe(false);
    expect((await hereSecretary.post(`/api/rectifications/${id}/evidence`, { note: '已清理,照片见附件' })).statusCode).toBe(200);
    expect((await tasksOf(hereSecretary)).filter((t) => t.kind === 'RECTIFICATION_DUE')).toEqual([]);
  });
});
