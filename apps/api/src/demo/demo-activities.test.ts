import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { addMonths, monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { DEMO_BEHIND_BRANCHES, seedDemoActivities } from './demo-activities.js';

// The template database is seeded with the real today (seed/index.ts), so expectations are relative to it.
const today = todayInShanghai();
const current = monthIndex(today.slice(0, 7));
const lastMonth = monthFromIndex(current - 1);

interface Row { ruleKey: string; status: string; done: number; expected: number; periodLabel: string }
interface Branch { organizationId: number; organizationName: string; rows: Row[] }

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

const compliance = async (period: string) => {
  const res = await admin.get(`/api/compliance?period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { branches: Branch[] }).branches;
};

/** Everything the demo activities seed writes, without ids, in a stable order. */
async function fingerprint() {
  const { rows } = await ctx.pool.query(`
    select md5(string_agg(concat_ws('|', o.name, a.kind, a.held_on, a.topic, a.place, a.host, a.counts_for::text, a.review_status,
      (select string_agg(concat_ws(':', t.member_id, t.state, t.reason, t.makeup_on), ',' order by t.member_id) from attendances t where t.activity_id = a.id),
      (select string_agg(f.phash, ',' order by f.id) from activity_files f where f.activity_id = a.id)), E'\\n'
      order by o.name, a.held_on, a.kind, a.group_id nulls first, a.topic)) as hash
    from activities a join organizations o on o.id = a.organization_id`);
  return rows[0].hash as string;
}

describe('demo activities of 西王庄镇', () => {
  it('has plausible counts (logged), all marked demo', async () => {
    const { rows: kinds } = await ctx.pool.query(`select kind, count(*)::int as n from activities group by kind order by kind`);
    const { rows: [totals] } = await ctx.pool.query(`
      select (select count(*)::int from activities) as activities, (select count(*)::int from attendances) as attendances,
        (select count(*)::int from attendances where state = 'present') as present, (select count(*)::int from attendances where state = 'excused') as excused,
        (select count(*)::int from attendances where makeup_on is not null) as makeups,
        (select count(*)::int from activity_reviews) as reviews, (select count(*)::int from activity_files) as photos,
        (select count(*)::int from dengta_uploads) as uploads, (select count(*)::int from activity_checks) as checks,
        (select count(*)::int from supervisor_assignments) as assignments, (select count(*)::int from checklist_templates) as templates`);
    console.log('demo activities by kind', Object.fromEntries(kinds.map((k) => [k.kind, k.n])), totals);
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    // 21 branches × ~12 months of 主题党日 (some behind), 8 groups × ~12 党小组会, one 组织生活会 per branch.
    expect(byKind.theme_day + byKind.combined_day).toBeGreaterThan(21 * 10);
    expect(byKind.combined_day).toBeGreaterThan(20);
    expect(byKind.group_meeting).toBeGreaterThanOrEqual(8 * 11);
    expect(byKind.life_meeting).toBe(21);
    expect(byKind.heart_talk).toBeGreaterThan(250);
    expect(totals.attendances).toBeGreaterThan(5000);
    expect(totals.present / totals.attendances).toBeGreaterThan(0.8);
    expect(totals.present / totals.attendances).toBeLessThan(0.97);
    expect(totals.excused).toBeGreaterThan(0);
    expect(totals.makeups).toBeGreaterThan(0);
    expect(totals.templates).toBe(2);
    expect(totals.photos).toBeGreaterThan(5);
    const { rows: [demo] } = await ctx.pool.query(`select bool_and(a.is_demo) as activities, (select bool_and(is_demo) from activity_files) as files from activities a`);
    expect(demo).toEqual({ activities: true, files: true });
    const { rows: phashes } = await ctx.pool.query(`select count(distinct phash)::int as d, count(*)::int as n from activity_files`);
    expect(phashes[0].d).toBe(phashes[0].n);
  });

  it('every branch has activities in the past year, none in the future, each created by an existing user', async () => {
    const { rows } = await ctx.pool.query(`
      select o.name, count(a.id)::int as n, max(a.held_on)::text as last from organizations o
      left join activities a on a.organization_id = o.id and a.held_on >= $1
      where o.kind = 'branch' group by o.name`, [addMonths(today, -12)]);
    expect(rows).toHaveLength(21);
    for (const r of rows) expect(r.n, r.name).toBeGreaterThan(30);
    const { rows: [future] } = await ctx.pool.query(`select count(*)::int as n from activities where held_on >= $1`, [today]);
    expect(future.n).toBe(0);
  });

  it('the 包村干部 guides his three branches, the town admin none', async () => {
    const { rows } = await ctx.pool.query(`select u.username, o.name from supervisor_assignments s join users u on u.id = s.user_id join organizations o on o.id = s.organization_id order by o.name`);
    expect(rows.map((r) => r.username)).toEqual(['supervisor', 'supervisor', 'supervisor']);
    expect(rows.map((r) => r.name).sort()).toEqual(['付刘耀村党支部', '天齐庙村党支部', '营子村党支部'].sort());
    const { rows: states } = await ctx.pool.query(`select review_status, count(*)::int as n from activities where supervisor_user_id is not null group by review_status`);
    const by = Object.fromEntries(states.map((s) => [s.review_status, s.n]));
    expect(by).toMatchObject({ submitted: 1, returned: 1 });
    expect(by.signed_off).toBeGreaterThan(25);
  });

  it('the behind branches show late rows; 营子村 has none for last month', async () => {
    const late = new Map<string, string[]>();
    for (let n = 1; n <= 4; n++) {
      for (const b of await compliance(monthFromIndex(current - n))) {
        for (const r of b.rows.filter((x) => x.status === 'late')) late.set(b.organizationName, [...(late.get(b.organizationName) ?? []), `${r.periodLabel} ${r.ruleKey}`]);
      }
    }
    console.log('late rows in the last four months', Object.fromEntries(late));
    for (const name of DEMO_BEHIND_BRANCHES) expect(late.get(name)?.length ?? 0, name).toBeGreaterThan(0);
    const yingzi = (await compliance(lastMonth)).find((b) => b.organizationId === ids['营子村党支部']);
    expect(yingzi?.rows.filter((r) => r.status === 'late')).toEqual([]);
    expect(yingzi?.rows.find((r) => r.ruleKey === 'theme_day.monthly')).toMatchObject({ status: 'done' });
  });

  it("the supervisor's queue has a record to sign off", async () => {
    const supervisor = await ctx.signIn('supervisor');
    const res = await supervisor.get('/api/supervision/queue');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().toSignOff.length).toBeGreaterThanOrEqual(1);
    expect(res.json().toSignOff[0].organizationName).toBe('付刘耀村党支部');
  });

  it('is deterministic for the same today and quick (seed time printed)', async () => {
    const before = await fingerprint();
    const { rows: [tenant] } = await ctx.pool.query(`select tenant_id from organizations where name = '营子村党支部'`);
    // The demo's 支部学习 made from a 党课 name it (training_sessions.activity_id): they go with the activities.
    await ctx.pool.query(`
      delete from training_sessions where activity_id is not null;
      update matters set raised_activity_id = null, discussion_activity_id = null;
      delete from activity_checks; delete from activity_reviews; delete from dengta_uploads; delete from activity_files;
      delete from attendances; delete from attendance_responses; delete from activity_votes; delete from activities; delete from supervisor_assignments;`);
    const started = performance.now();
    const counts = await seedDemoActivities(ctx.db, { tenantId: tenant.tenant_id, today });
    const ms = Math.round(performance.now() - started);
    console.log(`demo activities seed: ${ms} ms`, counts);
    expect(await fingerprint()).toBe(before);
    expect(ms).toBeLessThan(5000);
  });
});
