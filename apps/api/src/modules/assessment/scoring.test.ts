import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { type Json, leaf, ok, subjectOf } from '../../../test/assessment-fixtures.js';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createSupervisor, createTown, createUser, type Town } from '../../../test/factories.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import * as periods from './period-repository.js';

/**
 * Issue 16 point 3, the monthly scoring flow: open the period → a 包村干部 scores the village with evidence → the draft
 * is published → the village objects within the window (setting assessment.objectionDays) → the town rules → the
 * committee approves and the period is locked → a correction is an audited adjustment, never an edit.
 */
let ctx: TestContext;
let town: Town;
let villageA: number;
let villageB: number;
let supervisor: Session;
let secretaryA: Session;
let secretaryB: Session;
let made = 0;

const month = () => todayInShanghai().slice(0, 7);
/** 基层党建 60 (组织生活 20 from the records, 党员管理 40 by the 包村干部) + 中心工作 40 by the town office. */
const INDICATORS = [
  { key: 'party', name: '基层党建', weight: 60, children: [
    leaf('party_life', '组织生活', 20, 'measure', { measure: 'organization_life_on_time' }), leaf('party_members', '党员管理', 40, 'supervisor'),
  ] },
  leaf('work', '中心工作', 40, 'town_office'),
];
/** The 镇机关's: no measure (the records are a village branch's), 组织生活 by the town office. */
const STAFF_INDICATORS = [
  { key: 'party', name: '基层党建', weight: 60, children: [leaf('party_life', '组织生活', 20, 'town_office'), leaf('party_members', '党员管理', 40, 'supervisor')] },
  leaf('work', '中心工作', 40, 'town_office'),
];
const BANDS = [{ label: '优秀', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }];

/** A new scheme of this audience in force from this month, and its period for this month opened by the town. */
async function openPeriod(audience = 'village_cadre'): Promise<number> {
  const scheme = await ok(town.admin.post('/api/assessment/schemes', {
    name: `评分测试方案${++made}`, audience, periodKind: 'month', posts: audience === 'village_cadre' ? ['secretary'] : [],
    effectiveFrom: month(), indicators: audience === 'village_cadre' ? INDICATORS : STAFF_INDICATORS, bands: BANDS,
  }));
  return (await ok(town.admin.post('/api/assessment/periods', { schemeId: scheme.id, period: month() }))).id;
}
const score = (s: Session, id: number, subjectId: number, indicatorKey: string, points: number, evidence = '查阅党员花名册及活动记录') =>
  s.request('PUT', `/api/assessment/periods/${id}/scores`, { subjectId, indicatorKey, points, evidence });
const object = (s: Session, id: number, subjectId: number, indicatorKey = 'party_members') =>
  s.post(`/api/assessment/periods/${id}/objections`, { subjectId, indicatorKey, reason: '本月已按时完成党员信息核对,材料已报送' });
/** 公示 waits for a complete draft: every leaf still missing for any subject, scored 0 by the town. */
async function fillMissing(id: number) {
  const period = await ok(town.admin.get(`/api/assessment/periods/${id}`));
  for (const s of period.subjects) for (const key of s.progress.missing) await ok(score(town.admin, id, s.subjectId, key, 0, '补充评分'));
}
/** Ends the objection window: the period as if published days ago. */
const endWindow = (id: number) => ctx.pool.query('update assessment_periods set objection_until = $2 where id = $1', [id, addDays(todayInShanghai(), -1)]);
/** A period scored by the supervisor (party_members 35) and the town (work 38), published. */
async function publishedPeriod(): Promise<number> {
  const id = await openPeriod();
  await ok(score(supervisor, id, villageA, 'party_members', 35));
  await ok(score(town.admin, id, villageA, 'work', 38, '中心工作台账'));
  await fillMissing(id);
  await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
  return id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  villageA = (await createBranch(town, { villageId: town.villages[0].id })).id;
  villageB = (await createBranch(town, { villageId: town.villages[1].id })).id;
  ({ session: supervisor } = await createSupervisor(town, [villageA]));
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [villageA]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [villageB]));
  // The measure leaf 组织生活 earns nothing here (period-measures.test.ts tests it): nothing due counts 0, not full
  // points, so the scores below are the entered ones whatever day of the month the test runs.
  await ok(town.admin.patch('/api/settings/assessment.measureNothingDuePct', { value: 0 }));
});
afterAll(async () => { await ctx.close(); });

describe('16.3 monthly scoring flow', () => {
  it('16.3 open → score with evidence → publish → object → uphold → approve (locked) → adjust, every step audited', async () => {
    const id = await openPeriod();
    let period = await ok(supervisor.get(`/api/assessment/periods/${id}`));
    expect(period).toMatchObject({ status: 'scoring', period: month(), version: 1, can: { score: true, manage: false } });
    // The supervisor sees the village assigned to them only.
    expect(period.subjects.map((s: Json) => s.subjectId)).toEqual([villageA]);
    // Each leaf comes with the scheme's 评分依据, shown to the scorer beside the points.
    expect(period.indicators.find((l: Json) => l.key === 'party_members')).toEqual({ key: 'party_members', name: '党员管理', weight: 40, scorer: 'supervisor', measure: null, evidence: '工作台账' });

    period = await ok(score(supervisor, id, villageA, 'party_members', 35));
    expect(subjectOf(period, villageA).entries[0]).toMatchObject({ indicatorKey: 'party_members', points: 35, evidence: '查阅党员花名册及活动记录' });
    period = await ok(score(town.admin, id, villageA, 'work', 38, '中心工作台账'));
    expect(subjectOf(period, villageA)).toMatchObject({ score: 73, grade: '合格' });

    await fillMissing(id);
    period = await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
    expect(period).toMatchObject({ status: 'objection', objectionUntil: addDays(todayInShanghai(), 3) });

    // The village's secretary reads its own draft and objects within the window.
    period = await ok(object(secretaryA, id, villageA));
    expect(period.subjects.map((s: Json) => s.subjectId)).toEqual([villageA]);
    const objection = subjectOf(period, villageA).objections[0];
    expect(objection).toMatchObject({ indicatorKey: 'party_members', ruling: null });

    period = await ok(town.admin.post(`/api/assessment/periods/${id}/objections/${objection.id}/ruling`, { ruling: 'upheld', correctedPoints: 40, note: '核实材料齐全,予以更正' }));
    expect(subjectOf(period, villageA)).toMatchObject({ score: 78, grade: '合格' });
    expect(subjectOf(period, villageA).objections[0]).toMatchObject({ ruling: 'upheld', correctedPoints: 40, rulingNote: '核实材料齐全,予以更正' });

    await endWindow(id);
    expect((await ok(town.admin.get(`/api/assessment/periods/${id}`))).status).toBe('approval');
    period = await ok(town.admin.post(`/api/assessment/periods/${id}/approve`, { note: '镇党委会议审议通过' }));
    expect(period).toMatchObject({ status: 'locked', approvalNote: '镇党委会议审议通过' });
    expect(period.approvedAt).not.toBeNull();

    // Locked: an edit is refused; the correction is an adjustment that changes the total (80 is 优秀's lowest score).
    const edit = await score(town.admin, id, villageA, 'work', 40);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('已审批锁定');
    period = await ok(town.admin.post(`/api/assessment/periods/${id}/adjustments`, { subjectId: villageA, indicatorKey: 'work', delta: 2, reason: '补录上级表彰加分' }));
    const result = subjectOf(period, villageA);
    expect(result).toMatchObject({ score: 80, grade: '优秀' });
    expect(result.entries.find((e: Json) => e.indicatorKey === 'work').points).toBe(38);
    expect(result.adjustments).toEqual([expect.objectContaining({ indicatorKey: 'work', delta: 2, reason: '补录上级表彰加分' })]);

    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'assessment_period' and object_id = $1 order by id", [String(id)]);
    expect(rows.map((r) => r.action)).toEqual([
      // The supervisor's and the town's scores of village A, then the town's of village B (fillMissing).
      'assessment.period.open', 'assessment.period.score', 'assessment.period.score', 'assessment.period.score', 'assessment.period.score', 'assessment.period.publish',
      'assessment.period.object', 'assessment.period.rule', 'assessment.period.approve', 'assessment.period.adjust',
    ]);
  });

  it('16.3 an objection after the window is refused, naming the last day', async () => {
    const id = await publishedPeriod();
    await endWindow(id);
    const res = await object(secretaryA, id, villageA);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`异议期已于 ${addDays(todayInShanghai(), -1)} 结束,不再受理异议`);
  });

  it('16.3 the window is the setting assessment.objectionDays', async () => {
    await ok(town.admin.patch('/api/settings/assessment.objectionDays', { value: 5 }));
    try {
      const id = await publishedPeriod();
      expect((await ok(town.admin.get(`/api/assessment/periods/${id}`))).objectionUntil).toBe(addDays(todayInShanghai(), 5));
    } finally {
      await ok(town.admin.patch('/api/settings/assessment.objectionDays', { value: 3 }));
    }
  });

  it('16.3 a village objects on its own score only: another village is 404, and before publishing it is refused', async () => {
    const id = await openPeriod();
    await ok(score(supervisor, id, villageA, 'party_members', 30));
    expect((await object(secretaryA, id, villageA)).json().message).toBe('考核结果尚未公示,公示后方可提出异议');
    await fillMissing(id);
    await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
    expect((await object(secretaryB, id, villageA)).statusCode).toBe(404);
    // The supervisor sees the village but is not it; the town admin rules, it does not object.
    expect((await object(supervisor, id, villageA)).statusCode).toBe(403);
    expect((await object(town.admin, id, villageA)).statusCode).toBe(403);
    const b = await ok(secretaryB.get(`/api/assessment/periods/${id}`));
    expect(b.subjects.map((s: Json) => s.subjectId)).toEqual([villageB]);
    expect(JSON.stringify(b)).not.toContain('查阅党员花名册');
  });

  it('16.3 approval is refused during the window and while an objection is open', async () => {
    const id = await publishedPeriod();
    const early = await town.admin.post(`/api/assessment/periods/${id}/approve`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('期满后方可审批');
    const objection = subjectOf(await ok(object(secretaryA, id, villageA)), villageA).objections[0];
    await endWindow(id);
    // The list shows it in the objection period still (not 待审批) while the objection is open.
    expect((await ok(town.admin.get('/api/assessment/periods'))).rows.find((r: Json) => r.id === id).status).toBe('objection');
    const open = await town.admin.post(`/api/assessment/periods/${id}/approve`, {});
    expect(open.statusCode).toBe(409);
    expect(open.json().message).toBe('还有 1 条异议未裁定,全部裁定后方可审批');
    await ok(town.admin.post(`/api/assessment/periods/${id}/objections/${objection.id}/ruling`, { ruling: 'rejected', note: '材料未按时报送,维持原分' }));
    expect((await ok(town.admin.get('/api/assessment/periods'))).rows.find((r: Json) => r.id === id).status).toBe('approval');
    const period = await ok(town.admin.post(`/api/assessment/periods/${id}/approve`, {}));
    expect(period.status).toBe('locked');
    expect(subjectOf(period, villageA).score).toBe(73);
  });

  it('16.3 scores outside 0..分值, on a measure, by the wrong scorer or for an unassigned village are refused', async () => {
    const id = await openPeriod();
    const over = await score(supervisor, id, villageA, 'party_members', 41);
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toBe('指标“党员管理”的得分应在0到40分(分值)之间,现为41');
    expect((await score(town.admin, id, villageA, 'work', -1)).statusCode).toBe(400);
    expect((await score(town.admin, id, villageA, 'party_life', 10)).json().message).toBe('指标“组织生活”由平台记录自动计算,不手工评分');
    expect((await score(supervisor, id, villageA, 'work', 10)).json().message).toContain('包村干部只评由包村干部评分的指标');
    expect((await score(supervisor, id, villageB, 'party_members', 10)).statusCode).toBe(404);
    expect((await score(secretaryA, id, villageA, 'party_members', 10)).statusCode).toBe(403);
    expect((await score(town.admin, id, villageA, 'party', 10)).json().message).toBe('指标“party”不是本考核期方案的末级指标');
    // Scoring again replaces the entry.
    await ok(score(supervisor, id, villageA, 'party_members', 0));
    const period = await ok(score(supervisor, id, villageA, 'party_members', 40));
    expect(subjectOf(period, villageA)).toMatchObject({ score: 40, grade: '不合格' });
  });

  it('16.3 a period opens once, under the version in force, and is scored only while scoring', async () => {
    const id = await publishedPeriod();
    const again = await score(town.admin, id, villageA, 'work', 30);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已公示,不能再评分');
    const period = await ok(town.admin.get(`/api/assessment/periods/${id}`));
    const twice = await town.admin.post('/api/assessment/periods', { schemeId: period.schemeId, period: month() });
    expect(twice.statusCode).toBe(409);
    expect((await town.admin.post('/api/assessment/periods', { schemeId: period.schemeId, period: '2026-Q4' })).json().message).toContain('格式如 2026-11');
    expect((await town.admin.post(`/api/assessment/periods/${id}/adjustments`, { subjectId: villageA, indicatorKey: 'work', delta: 1, reason: '锁定前调整' })).statusCode).toBe(409);
  });

  it('16.3 a 镇机关 staff member objects on their own score, not on a colleague\'s', async () => {
    const id = await openPeriod('town_staff');
    const { userId: inspectorId, session: inspector } = await createUser(town, 'inspector', [town.committeeId]);
    const { userId: supervisorId } = await createUser(town, 'supervisor', [villageB]);
    await ok(score(town.admin, id, inspectorId, 'work', 36, '镇机关工作台账'));
    const draft = await ok(town.admin.get(`/api/assessment/periods/${id}`));
    expect(draft.measuresAsOf).toBeNull();
    expect(subjectOf(draft, inspectorId)).toMatchObject({ measures: [], progress: { scored: 1, total: 3, missing: ['party_life', 'party_members'] } });
    await fillMissing(id);
    await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
    const own = await ok(inspector.get(`/api/assessment/periods/${id}`));
    expect(own.subjects).toEqual([expect.objectContaining({ subjectId: inspectorId, score: 36 })]);
    expect((await object(inspector, id, supervisorId, 'work')).statusCode).toBe(404);
    await ok(object(inspector, id, inspectorId, 'work'));
    // A branch secretary has no part in the 镇机关's periods.
    expect((await secretaryA.get(`/api/assessment/periods/${id}`)).statusCode).toBe(404);
  });

  it('16.3 a 包村干部 is a subject in a 镇机关 period, not its scorer: no score of their own leaves', async () => {
    const id = await openPeriod('town_staff');
    const { userId: selfId, session: self } = await createUser(town, 'supervisor', [villageB]);
    const own = await ok(self.get(`/api/assessment/periods/${id}`));
    expect(own.subjects.map((s: Json) => s.subjectId)).toEqual([selfId]);
    expect(own.can.score).toBe(false);
    const refused = await score(self, id, selfId, 'party_members', 40);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('本人不为自己评分');
    expect(subjectOf(await ok(town.admin.get(`/api/assessment/periods/${id}`)), selfId).entries).toEqual([]);
  });

  it('16.3 row-level security: under a village\'s scope the period\'s rows of another village are hidden, even unfiltered', async () => {
    const id = await openPeriod();
    await ok(score(town.admin, id, villageA, 'work', 30, '中心工作台账'));
    await ok(score(town.admin, id, villageB, 'work', 20, '中心工作台账'));
    const { rows: [b] } = await ctx.pool.query('select path from organizations where id = $1', [villageB]);
    // entriesOf asks for the whole period; the policies keep village B's secretary to village B.
    const seen = await withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [b.path] }), () => periods.entriesOf(ctx.appDb, id));
    expect(seen.scores.map((r) => r.organizationId)).toEqual([villageB]);
    expect((await periods.entriesOf(ctx.db, id)).scores.map((r) => r.organizationId)).toEqual([villageA, villageB]);
  });
});
