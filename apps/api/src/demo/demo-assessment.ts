/**
 * 考核 of the demo town (issue 16 point 7): both example schemes ("3+7" for the 18 villages' cadres, "3+1" for the
 * town's staff) scored every month for a year.
 *   - the twelve months from 13 months back to 2 months back: scored, published (公示), the objection window passed,
 *     approved by the town committee and locked;
 *   - last month: opened at the start of this month and scored by the town, except the supervisor's leaves of the
 *     demo 包村干部's three villages (营子村, 付刘耀村, 天齐庙村), which are his to enter: the scoring desk has work;
 *   - objections in the latest locked month: 西花沟村 on 人居环境 (upheld, 6 → 8 points), 营子村 on 坐班值班 and the
 *     inspector on 工作作风 (both rejected, with the town's reason); one adjustment after locking (天齐庙村, 集体增收);
 *   - two 奖励绩效: 营子村's secretary for the 示范点 (fixed 500元), 付刘耀村's for 集体增收 (1 % of 8万元).
 * Points are deterministic for a given `today`: most villages 良好 or 优秀 most months, a few 合格 months, so the band
 * distribution has a shape. Measure leaves take the points the period froze at its 公示: the record figures as of that
 * day (figuresOfBranches, the module's own), 分值 × ratio half up (measureLeafPoints).
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { demoAdminUser } from './demo-admin.js';
import {
  addDays, addMonths, assessmentPeriodBounds, measureLeafPoints,
  type AssessmentAudience, type AssessmentIndicator, type AssessmentMeasure, type AssessmentMeasureFigure, type AssessmentScorer, type RewardItem,
} from '@dj/contracts';
import type { Tx } from '../db/client.js';
import {
  assessmentAdjustments, assessmentObjections, assessmentPayItems, assessmentPeriods, assessmentSchemes, assessmentSchemeVersions, assessmentScores,
  cadrePosts, users,
} from '../db/schema/index.js';
import { settingValue } from '../modules/settings/index.js';
import { figuresOfBranches, staffSubjects } from '../modules/assessment/index.js';
import type { AuthUser } from '../lib/access/index.js';
import type { DemoTown } from './demo-positions.js';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const monthStart = (month: string) => `${month}-01`;

/** A small deterministic hash: the same town and day give the same points. */
function hash(...parts: Array<string | number>): number {
  let h = 2166136261;
  for (const c of parts.join('|')) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 1000;
}

const LOSS_REASONS: Partial<Record<AssessmentScorer, string[]>> = {
  town_office: ['台账更新不及时', '材料不全,已要求补齐', '交办事项超期2天办结'],
  supervisor: ['抽查时值班人员不在岗', '会议记录要素不全'],
  inspection_team: ['检查时公共区域有杂物堆放', '卫生死角未及时清理'],
  villager_appraisal: ['部分村民反映办事等待时间长'],
};

const EVIDENCE_BY: Record<AssessmentScorer, string> = {
  town_office: '镇党委办公室月度核查', supervisor: '包村干部评分表', inspection_team: '联督联查组月度检查', villager_appraisal: '村民代表评议', measure: '平台记录',
};

/** Points lost on a leaf: usually none or one; 低分 months (a village's weak month) lose more. */
function lossOf(key: string, weight: number, subject: number, month: string, weak: boolean): number {
  const h = hash(key, subject, month);
  const loss = h < 400 ? 0 : h < 800 ? 1 : 2;
  return Math.min(weight, weak ? loss + 2 : loss);
}

interface Leaf { key: string; name: string; weight: number; scorer: AssessmentScorer; measure: AssessmentMeasure | null; evidence: string | null }
const leavesOf = (nodes: AssessmentIndicator[]): Leaf[] => nodes.flatMap((n) => (n.children.length ? leavesOf(n.children)
  : [{ key: n.key, name: n.name, weight: n.weight, scorer: n.scorer ?? 'town_office', measure: n.measure, evidence: n.evidence }]));

export interface DemoAssessmentCounts { periods: number; locked: number; scores: number; objections: number; upheld: number; adjustments: number; rewards: number }

interface Subject { organizationId: number | null; subjectUserId: number | null; id: number; supervisedByDemo: boolean }

interface SeedCtx { tx: Tx; tenantId: number; town: DemoTown; user: AuthUser; nothingDuePct: number; counts: DemoAssessmentCounts }

/** The record figures of every village for a month, as of the day it was published. */
type MonthFigures = Map<number, Map<AssessmentMeasure, AssessmentMeasureFigure>>;
async function monthFigures(ctx: SeedCtx, month: string, asOf: string, leaves: Leaf[]): Promise<MonthFigures> {
  const measures = leaves.flatMap((l) => (l.measure ? [l.measure] : []));
  const bounds = assessmentPeriodBounds(month);
  if (!measures.length || !bounds) return new Map();
  return figuresOfBranches(ctx.tx, ctx.user, ctx.town.branches, bounds, asOf, measures);
}

/** A measure leaf's frozen entry, worded as the publish step words it (period-measures.ts frozenEvidence). */
function measureEntry(ctx: SeedCtx, leaf: Leaf, figure: AssessmentMeasureFigure | undefined, asOf: string) {
  if (!figure?.available) return { points: 0, evidence: `平台记录(截至${asOf}):${leaf.name} 暂无记录` };
  const points = measureLeafPoints(leaf.weight, figure.ratioBasisPoints, ctx.nothingDuePct);
  const shown = figure.denominator === 0 ? `本期无应办事项(按分值的${ctx.nothingDuePct}%计)` : `${figure.numerator}/${figure.denominator}(${figure.display})`;
  return { points, evidence: `平台记录(截至${asOf}):${figure.label} ${shown},计 ${points} 分` };
}

/** One subject's entries of one month: every leaf, except those `skip` leaves to their scorer. */
interface MonthScoring { periodId: number; month: string; leaves: Leaf[]; figures: MonthFigures; asOf: string; when: Date }
function scoreSubject(ctx: SeedCtx, m: MonthScoring, subject: Subject, skip: (l: Leaf) => boolean) {
  const { periodId, month, leaves, when } = m;
  const { admin, supervisor } = ctx.town.users;
  const weak = hash('weak', subject.id, month) < 90;
  const rows = [];
  for (const leaf of leaves) {
    if (skip(leaf)) continue;
    let points: number;
    let evidence: string;
    if (leaf.scorer === 'measure') {
      // Still scoring (last month): the live figure shows on the page and is frozen at 公示, so no entry yet.
      if (!m.figures.size) continue;
      ({ points, evidence } = measureEntry(ctx, leaf, m.figures.get(subject.id)?.get(leaf.measure as AssessmentMeasure), m.asOf));
    } else {
      const loss = lossOf(leaf.key, leaf.weight, subject.id, month, weak);
      const reasons = LOSS_REASONS[leaf.scorer] ?? ['有不足'];
      points = leaf.weight - loss;
      evidence = `${EVIDENCE_BY[leaf.scorer]}:${leaf.evidence ?? leaf.name}${loss ? `;扣${loss}分,${reasons[hash(leaf.key, month) % reasons.length]}` : ';无扣分'}`;
    }
    // The demo 包村干部 enters his villages' supervisor leaves; the town's office enters the rest (包村干部's written sheets).
    const scoredBy = leaf.scorer === 'supervisor' && subject.supervisedByDemo ? supervisor : admin;
    rows.push({ tenantId: ctx.tenantId, periodId, organizationId: subject.organizationId, subjectUserId: subject.subjectUserId, indicatorKey: leaf.key, points, evidence, scoredBy, scoredAt: when });
  }
  return rows;
}

/** The period of one month: opened on the 1st of the next month, 公示 on the 5th, approved two days after the window. */
async function seedMonth(ctx: SeedCtx, scheme: DemoScheme, month: string, subjects: Subject[], locked: boolean, objectionDays: number) {
  const next = monthStart(addMonths(monthStart(month), 1).slice(0, 7));
  const published = addDays(next, 4);
  const objectionUntil = addDays(published, objectionDays);
  const { admin } = ctx.town.users;
  const [period] = await ctx.tx.insert(assessmentPeriods).values({
    tenantId: ctx.tenantId, schemeId: scheme.id, versionId: scheme.versionId, period: month, openedBy: admin, openedAt: at(next, '09:00'),
    ...(locked ? {
      status: 'locked' as const, publishedAt: at(published, '10:00'), objectionUntil, approvedBy: scheme.approverId, approvedAt: at(addDays(objectionUntil, 2), '16:00'),
      approvalNote: '经镇党委会议研究,同意公示结果',
    } : {}),
  }).returning({ id: assessmentPeriods.id });
  const leaves = leavesOf(scheme.indicators);
  const figures = locked && subjects.some((s) => s.organizationId) ? await monthFigures(ctx, month, published, leaves) : new Map();
  const scoring: MonthScoring = { periodId: period.id, month, leaves, figures, asOf: published, when: at(addDays(next, 2), '15:00') };
  const rows = subjects.flatMap((subject) => scoreSubject(ctx, scoring, subject, (l) => !locked && l.scorer === 'supervisor' && subject.supervisedByDemo));
  // One statement per period: the seed runs at every start of an empty demo database.
  if (rows.length) await ctx.tx.insert(assessmentScores).values(rows);
  ctx.counts.scores += rows.length;
  ctx.counts.periods++;
  if (locked) ctx.counts.locked++;
  return { id: period.id, published, leaves };
}

export async function seedDemoAssessment(tx: Tx, { tenantId, today, town }: { tenantId: number; today: string; town: DemoTown }): Promise<DemoAssessmentCounts> {
  const user = await demoAdminUser(tx, tenantId);
  const counts: DemoAssessmentCounts = { periods: 0, locked: 0, scores: 0, objections: 0, upheld: 0, adjustments: 0, rewards: 0 };
  const nothingDuePct = await settingValue(tx, tenantId, 'assessment.measureNothingDuePct');
  const ctx: SeedCtx = { tx, tenantId, town, user, nothingDuePct, counts };
  const objectionDays = await settingValue(tx, tenantId, 'assessment.objectionDays');
  const { village, staff } = await demoSchemes(tx, tenantId);
  const supervised = new Set(['营子村', '付刘耀村', '天齐庙村'].map((v) => town.branch(v).id));
  const villages: Subject[] = town.branches.map((b) => ({ organizationId: b.id, subjectUserId: null, id: b.id, supervisedByDemo: supervised.has(b.id) }));
  const people: Subject[] = (await staffSubjects(tx, tenantId)).map((u) => ({ organizationId: null, subjectUserId: u.id, id: u.id, supervisedByDemo: false }));
  const thisMonth = today.slice(0, 7);
  let latestLocked: { village: number; staff: number; published: string } | undefined;
  for (let back = 13; back >= 1; back--) {
    const month = addMonths(monthStart(thisMonth), -back).slice(0, 7);
    const locked = back >= 2;
    const v = await seedMonth(ctx, village, month, villages, locked, objectionDays);
    const s = await seedMonth(ctx, staff, month, people, locked, objectionDays);
    if (back === 2) latestLocked = { village: v.id, staff: s.id, published: v.published };
    if (back === 5) await seedAdjustment(ctx, v.id, town.branch('天齐庙村').id, month);
    if (back === 4 || back === 3) await seedReward(ctx, v.id, REWARDS[back]);
  }
  if (latestLocked) await seedObjections(ctx, latestLocked, town.users.inspector);
  return counts;
}

/** The two 奖励绩效 of the year, each for a village's secretary, entered before the month was approved. */
const REWARDS: Record<number, { village: string; item: RewardItem }> = {
  // 营子村: the article's 示范点 "党建引领乡村治理" passed the district's acceptance.
  4: { village: '营子村', item: { kind: 'demonstration', rule: 'fixed', amountFen: 50_000, label: '党建引领乡村治理示范点通过区级验收' } },
  // 付刘耀村: 1 % of the collective income the 综合农事服务 added this year, 8万元.
  3: { village: '付刘耀村', item: { kind: 'collective_income', rule: 'percent', baseFen: 8_000_000, rateBp: 100, label: '综合农事服务集体增收' } },
};

async function seedReward(ctx: SeedCtx, periodId: number, { village, item }: { village: string; item: RewardItem }) {
  const organizationId = ctx.town.branch(village).id;
  const [secretary] = await ctx.tx.select({ personId: cadrePosts.personId }).from(cadrePosts)
    .where(and(eq(cadrePosts.organizationId, organizationId), eq(cadrePosts.post, 'secretary'), isNull(cadrePosts.endedOn))).limit(1);
  if (!secretary) throw new Error(`demo seed: 考核: no secretary of ${village}`);
  await ctx.tx.insert(assessmentPayItems).values({
    tenantId: ctx.tenantId, periodId, organizationId, personId: secretary.personId, kind: 'reward', item, createdBy: ctx.town.users.admin,
  });
  ctx.counts.rewards++;
}

/** 天齐庙村's 集体增收 was confirmed by the 三资 account after the month was locked: +1, entered as an adjustment. */
async function seedAdjustment(ctx: SeedCtx, periodId: number, organizationId: number, month: string) {
  // The month's entry lacked the 入账凭证, one point off; the adjustment puts it back once the account shows it.
  await ctx.tx.update(assessmentScores).set({ points: 9, evidence: '镇党委办公室月度核查:村集体经济收入台账;扣1分,集体增收入账凭证未到' })
    .where(sqlScore(periodId, organizationId, 'income'));
  await ctx.tx.insert(assessmentAdjustments).values({
    tenantId: ctx.tenantId, periodId, organizationId, indicatorKey: 'income', delta: 1, adjustedBy: ctx.town.users.admin,
    reason: `${month.slice(0, 4)}年${Number(month.slice(5))}月集体增收经三资平台入账核实,补计1分(镇党委会议研究同意)`,
    adjustedAt: at(addDays(monthStart(addMonths(monthStart(month), 2).slice(0, 7)), 9), '11:00'),
  });
  ctx.counts.adjustments++;
}

const sqlScore = (periodId: number, organizationId: number, key: string) =>
  and(eq(assessmentScores.periodId, periodId), eq(assessmentScores.organizationId, organizationId), eq(assessmentScores.indicatorKey, key));

/** The objections of the latest locked month: one upheld (its score corrected), two rejected. */
async function seedObjections(ctx: SeedCtx, latest: { village: number; staff: number; published: string }, inspectorId: number | null) {
  const { tx, tenantId, town } = ctx;
  const raisedAt = at(addDays(latest.published, 1), '10:30');
  const ruledAt = at(addDays(latest.published, 4), '15:00');
  const xihuagou = town.branch('西花沟村').id;
  // Upheld: the inspection found the clutter cleared the same day; the team's re-check photo was missed in the scoring.
  await tx.update(assessmentScores).set({ points: 8 }).where(sqlScore(latest.village, xihuagou, 'environment'));
  const rows = [
    {
      periodId: latest.village, organizationId: xihuagou, subjectUserId: null, indicatorKey: 'environment', raisedBy: town.users.xihuagou,
      reason: '检查当日发现的杂物已于当天下午清理完毕,联督联查组复查照片可证,请求恢复扣分', ruling: 'upheld' as const, correctedPoints: 8,
      rulingNote: '经核对复查照片,问题当日整改到位,异议成立,更正为8分',
    },
    {
      periodId: latest.village, organizationId: town.branch('营子村').id, subjectUserId: null, indicatorKey: 'conduct_duty', raisedBy: town.users.yingzi,
      reason: '抽查当日值班人员在村内处理漏水,不属于脱岗', ruling: 'rejected' as const, correctedPoints: null,
      rulingNote: '值班登记簿未登记外出事由,按方案规定扣分,异议不成立',
    },
    ...(inspectorId ? [{
      periodId: latest.staff, organizationId: null, subjectUserId: inspectorId, indicatorKey: 'conduct_style', raisedBy: inspectorId,
      reason: '督查通报所列迟报事项系系统故障所致,已提交截图', ruling: 'rejected' as const, correctedPoints: null,
      rulingNote: '经核实当日系统运行正常,异议不成立',
    }] : []),
  ];
  await tx.insert(assessmentObjections).values(rows.map((r) => ({ ...r, tenantId, raisedAt, ruledBy: town.users.admin, ruledAt })));
  ctx.counts.objections += rows.length;
  ctx.counts.upheld += rows.filter((r) => r.ruling === 'upheld').length;
}

/** A shipped example scheme with the version in force over the demo's year (the first: the examples start 13 months back). */
interface DemoScheme { id: number; versionId: number; indicators: AssessmentIndicator[]; approverId: number }

async function schemeOf(tx: Tx, tenantId: number, audience: AssessmentAudience, approverId: number): Promise<DemoScheme> {
  const [row] = await tx.select({ id: assessmentSchemes.id, versionId: assessmentSchemeVersions.id, indicators: assessmentSchemeVersions.indicators })
    .from(assessmentSchemes).innerJoin(assessmentSchemeVersions, eq(assessmentSchemeVersions.schemeId, assessmentSchemes.id))
    .where(and(eq(assessmentSchemes.tenantId, tenantId), eq(assessmentSchemes.audience, audience), eq(assessmentSchemes.isExample, true)))
    .orderBy(asc(assessmentSchemes.id), desc(assessmentSchemeVersions.version)).limit(1);
  if (!row) throw new Error(`demo seed: 考核: no example scheme for ${audience}`);
  return { ...row, approverId };
}

/** The two example schemes; the committee's approval is the 镇党委书记's (the demo account shuji). */
async function demoSchemes(tx: Tx, tenantId: number) {
  const [shuji] = await tx.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, 'shuji')));
  if (!shuji) throw new Error('demo seed: 考核: no user shuji');
  return { village: await schemeOf(tx, tenantId, 'village_cadre', shuji.id), staff: await schemeOf(tx, tenantId, 'town_staff', shuji.id) };
}
