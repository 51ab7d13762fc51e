import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, MEASURE_NOTHING_DUE, todayInShanghai } from '@dj/contracts';
import { type Json, leaf, ok, subjectOf } from '../../../test/assessment-fixtures.js';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createActivity, createBranch, createSupervisor, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 16 point 2 in the 考核期: a measure leaf's points come from the records — live while the period is scored
 * (分值 × ratio, half up), frozen into score entries at 公示 (later records do not move them), objected to and ruled
 * like any leaf; and 公示 waits until every leaf entered by hand is scored (point 3).
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let supervisor: Session;
let secretaryA: Session;
let made = 0;

const today = todayInShanghai();
/** A month two to four months back, the middle of its quarter: only the monthly 组织生活 rules fall due in it. */
const M = [2, 3, 4].map((k) => addMonths(today, -k).slice(0, 7)).find((m) => Number(m.slice(5)) % 3 === 2) as string;
/** 组织生活 20 from the records, 党员管理 40 by the 包村干部, 中心工作 40 by the town office. */
const INDICATORS = [
  leaf('party_life', '组织生活', 20, 'measure', { measure: 'organization_life_on_time' }),
  leaf('party_members', '党员管理', 40, 'supervisor'),
  leaf('work', '中心工作', 40, 'town_office'),
];
const BANDS = [{ label: '优秀', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }];

/**
 * A period of a new scheme, opened by the town for this month (a scheme starts this month at the earliest) and then
 * moved to `period`, so that its deadlines have passed; `period` null keeps this month.
 */
async function openPeriod(period: string | null = M): Promise<number> {
  const scheme = await ok(town.admin.post('/api/assessment/schemes', {
    name: `计量评分测试方案${++made}`, audience: 'village_cadre', periodKind: 'month', posts: ['secretary'],
    effectiveFrom: today.slice(0, 7), indicators: INDICATORS, bands: BANDS,
  }));
  const { id } = await ok(town.admin.post('/api/assessment/periods', { schemeId: scheme.id, period: today.slice(0, 7) }));
  if (period) await ctx.pool.query('update assessment_periods set period = $2 where id = $1', [id, period]);
  return id;
}
const score = (s: Session, id: number, subjectId: number, indicatorKey: string, points: number) =>
  ok(s.request('PUT', `/api/assessment/periods/${id}/scores`, { subjectId, indicatorKey, points, evidence: '查阅工作台账' }));
const entryOf = (subject: Json, key: string) => subject.entries.find((e: Json) => e.indicatorKey === key);
/** Every leaf entered by hand scored: A by its 包村干部 and the town, B by the town. */
async function scoreAll(id: number) {
  await score(supervisor, id, a.id, 'party_members', 35);
  await score(town.admin, id, a.id, 'work', 38);
  await score(town.admin, id, b.id, 'party_members', 30);
  return score(town.admin, id, b.id, 'work', 30);
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town, { villageId: town.villages[0].id, groups: 1 });
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: supervisor } = await createSupervisor(town, [a.id]));
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  // A held its 主题党日 in time and no 党小组会 (1 of 2); B held nothing (0 of 1).
  await createActivity(town.admin, a.id, { kind: 'theme_day', heldOn: `${M}-10` });
});
afterAll(async () => { await ctx.close(); });

describe('16.2 measures in the 考核期', () => {
  it('while scoring, each village\'s measure leaf shows its live figure, points 分值 × ratio, counted in the draft score', async () => {
    const id = await openPeriod();
    let period = await ok(supervisor.get(`/api/assessment/periods/${id}`));
    expect(period.measuresAsOf).toBe(today);
    expect(period.indicators[0]).toMatchObject({ key: 'party_life', scorer: 'measure', measure: 'organization_life_on_time' });
    const subject = subjectOf(period, a.id);
    expect(subject.measures).toEqual([{
      indicatorKey: 'party_life', measure: 'organization_life_on_time', label: '组织生活按期', source: '组织生活合规日历', weight: 20, points: 10,
      numerator: 1, denominator: 2, ratioBasisPoints: 5000, display: '50%', nothingDue: false, link: `/compliance?orgId=${a.id}&period=${M}`,
    }]);
    expect(subject).toMatchObject({ score: 10, progress: { scored: 0, total: 2, missing: ['party_members', 'work'] } });

    period = await score(supervisor, id, a.id, 'party_members', 35);
    expect(subjectOf(period, a.id)).toMatchObject({ score: 45, progress: { scored: 1, total: 2, missing: ['work'] } });
    const all = await ok(town.admin.get(`/api/assessment/periods/${id}`));
    expect(subjectOf(all, b.id).measures[0]).toMatchObject({ numerator: 0, denominator: 1, points: 0, display: '0%' });
  });

  it('nothing due is nothing late: full points by default, the share the town\'s setting assessment.measureNothingDuePct says', async () => {
    const id = await openPeriod(addMonths(today, 1).slice(0, 7));
    const m = subjectOf(await ok(town.admin.get(`/api/assessment/periods/${id}`)), a.id).measures[0];
    expect(m).toMatchObject({ denominator: 0, ratioBasisPoints: null, display: MEASURE_NOTHING_DUE, nothingDue: true, points: 20 });
    await ok(town.admin.patch('/api/settings/assessment.measureNothingDuePct', { value: 50 }));
    try {
      expect(subjectOf(await ok(town.admin.get(`/api/assessment/periods/${id}`)), a.id).measures[0].points).toBe(10);
    } finally {
      await ok(town.admin.patch('/api/settings/assessment.measureNothingDuePct', { value: 100 }));
    }
  });

  it('公示 is refused while a leaf entered by hand lacks a score, naming each village and how many', async () => {
    const id = await openPeriod();
    await score(supervisor, id, a.id, 'party_members', 35);
    const res = await town.admin.post(`/api/assessment/periods/${id}/publish`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`${a.name}还有 1 项指标未评分;${b.name}还有 2 项指标未评分,全部评分后方可公示`);
    const period = await ok(town.admin.get(`/api/assessment/periods/${id}`));
    expect(period.status).toBe('scoring');
    // Nothing was frozen: the refused transaction wrote no measure entry.
    expect(entryOf(subjectOf(period, a.id), 'party_life')).toBeUndefined();
  });

  it('公示 freezes the measure points as entries of the publisher naming the figure; a later record does not move them', async () => {
    const id = await openPeriod();
    await scoreAll(id);
    const published = await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
    expect(published).toMatchObject({ status: 'objection', measuresAsOf: null });
    const subject = subjectOf(published, a.id);
    expect(subject.measures).toEqual([]);
    expect(entryOf(subject, 'party_life')).toMatchObject({
      points: 10, evidence: `平台记录(截至${today}):组织生活按期 1/2(50%),计 10 分`, link: `/compliance?orgId=${a.id}&period=${M}`,
    });
    // Scored by the publisher (the town admin, who also entered 中心工作).
    expect(entryOf(subject, 'party_life').scoredBy).toBe(entryOf(subject, 'work').scoredBy);
    expect(entryOf(subject, 'work').link).toBeNull();
    expect(subject).toMatchObject({ score: 83, grade: '优秀', progress: { scored: 2, total: 2, missing: [] } });
    expect(subjectOf(published, b.id)).toMatchObject({ score: 60 });

    // B records its 主题党日 of that month now: its live figure is 100 %, the published points stay 0.
    await createActivity(town.admin, b.id, { kind: 'theme_day', heldOn: `${M}-12` });
    const live = await ok(town.admin.get(`/api/assessment/measures?orgId=${b.id}&period=${M}`));
    expect(live.measures.find((x: Json) => x.measure === 'organization_life_on_time')).toMatchObject({ numerator: 1, denominator: 1 });
    const later = subjectOf(await ok(town.admin.get(`/api/assessment/periods/${id}`)), b.id);
    expect(entryOf(later, 'party_life').points).toBe(0);
    expect(later.score).toBe(60);

    const { rows: [audit] } = await ctx.pool.query("select detail from audit_events where action = 'assessment.period.publish' and object_id = $1", [String(id)]);
    expect(audit.detail.measures).toEqual(expect.arrayContaining([{ subjectId: a.id, indicatorKey: 'party_life', points: 10 }, { subjectId: b.id, indicatorKey: 'party_life', points: 0 }]));
  });

  it('the village objects to a frozen measure entry; the town upholds it and the corrected points replace it', async () => {
    const id = await openPeriod();
    await scoreAll(id);
    await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
    // A's 党小组会 was held in the month but never recorded; A objects to its 10 of 20.
    let period = await ok(secretaryA.post(`/api/assessment/periods/${id}/objections`, { subjectId: a.id, indicatorKey: 'party_life', reason: '本村当月党小组会已召开,会议记录已报镇党委' }));
    const objection = subjectOf(period, a.id).objections[0];
    expect(objection).toMatchObject({ indicatorKey: 'party_life', ruling: null });
    period = await ok(town.admin.post(`/api/assessment/periods/${id}/objections/${objection.id}/ruling`, { ruling: 'upheld', correctedPoints: 20, note: '核实会议记录,予以更正' }));
    const subject = subjectOf(period, a.id);
    expect(entryOf(subject, 'party_life')).toMatchObject({ points: 20, evidence: expect.stringContaining('组织生活按期 1/2(50%),计 10 分') });
    expect(subject.objections[0]).toMatchObject({ ruling: 'upheld', correctedPoints: 20 });
    expect(subject).toMatchObject({ score: 93, grade: '优秀' });
  });
});

describe('16.2 the figures of all villages at once', () => {
  /** The statements the server sends while answering (every pg client of this process). */
  async function statements(run: () => Promise<unknown>): Promise<number> {
    const query = pg.Client.prototype.query;
    let n = 0;
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      n += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      await run();
    } finally {
      pg.Client.prototype.query = query;
    }
    return n;
  }
  const detail = (id: number) => async () => ok(town.admin.get(`/api/assessment/periods/${id}`));

  // Last in the file: the villages it adds are subjects of every period after it.
  it('the period detail costs the same statements for 2 villages as for 6: no loop of queries per village', async () => {
    const id = await openPeriod();
    await detail(id)(); // the month's calendars computed and stored once
    const two = await statements(detail(id));
    for (let i = 0; i < 4; i++) await createBranch(town, { villageId: town.villages[i % 2].id });
    await detail(id)();
    const six = await statements(detail(id));
    expect((await detail(id)()).subjects).toHaveLength(6);
    expect(two).toBeGreaterThan(5);
    expect(six).toBe(two);
  });
});
