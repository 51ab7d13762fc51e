import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type TestContext } from '../../../test/context.js';
import { addDays, todayInShanghai } from '../../lib/dates.js';

/** Rectifications on the to-do list: overdue ones escalate to the town, and each village sees only its own. */
type Json = Record<string, any>;

let ctx: TestContext;
let ids: Record<string, number>;

beforeAll(async () => {
  ctx = await createTestContext();
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

const tasksOf = async (user: string) => ((await (await ctx.signIn(user)).get('/api/tasks')).json().items as Json[])
  .filter((t) => String(t.kind).startsWith('RECTIFICATION'));

describe('rectification tasks', () => {
  it('an overdue rectification is on the town admin\'s list as escalated, and not on another village\'s', async () => {
    // The demo's open round has one overdue rectification at 古屯村 (seed/demo-inspection.ts).
    const { rows: late } = await ctx.pool.query(`select r.id, r.due_on::text as due, o.name from rectifications r join organizations o on o.id = r.organization_id
      where r.status <> 'accepted' and r.due_on < $1`, [todayInShanghai()]);
    expect(late.length).toBeGreaterThan(0);
    const admin = await tasksOf('admin');
    for (const r of late) {
      const task = admin.find((t) => t.kind === 'RECTIFICATION_LATE' && t.organizationName === r.name);
      expect(task, r.name).toBeDefined();
      expect(task!.message).toContain(`应于${r.due}前完成整改`);
      expect(task!.message).toContain('已上报镇党委');
    }
    const yingzi = await tasksOf('yingzi');
    expect(yingzi.filter((t) => t.organizationName !== '营子村党支部')).toEqual([]);
  });

  it('a rectification due within the reminder window is on its village\'s list until evidence is submitted', async () => {
    const { rows: [r] } = await ctx.pool.query(`select r.id from rectifications r where r.organization_id = $1 limit 1`, [ids['营子村党支部']]);
    let id: number;
    if (r) id = r.id;
    else {
      // The demo's open round has not reached 营子村 yet: give it one finding of the open round.
      const { rows: [round] } = await ctx.pool.query(`select id from inspection_rounds where status = 'open' order by id desc limit 1`);
      const { rows: [res] } = await ctx.pool.query(`insert into inspection_results (tenant_id, round_id, organization_id, item_key, outcome, note)
        values ((select tenant_id from organizations where id = $1), $2, $1, 'cleanliness', 'finding', '会议室杂物堆放') returning id`, [ids['营子村党支部'], round.id]);
      const { rows: [created] } = await ctx.pool.query(`insert into rectifications (tenant_id, round_id, result_id, organization_id, description, owner_name, due_on, required_evidence)
        values ((select tenant_id from organizations where id = $1), $2, $3, $1, '会议室杂物堆放', '张志强', $4, '整理后照片') returning id`,
        [ids['营子村党支部'], round.id, res.id, addDays(todayInShanghai(), 3)]);
      id = created.id;
    }
    await ctx.pool.query(`update rectifications set status = 'open', due_on = $2 where id = $1`, [id, addDays(todayInShanghai(), 3)]);
    const due = (await tasksOf('yingzi')).filter((t) => t.kind === 'RECTIFICATION_DUE');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ organizationName: '营子村党支部', memberId: null });
    expect((await tasksOf('xihuagou')).some((t) => t.organizationName === '营子村党支部')).toBe(false);
    await ctx.pool.query(`update rectifications set status = 'submitted' where id = $1`, [id]);
    expect((await tasksOf('yingzi')).filter((t) => t.kind === 'RECTIFICATION_DUE')).toEqual([]);
  });
});
