/**
 * The writes of a period's flow (issue 16 point 3), each refused with the rule it breaks: 评分 only while scoring and
 * within 0..分值; 异议 only by the subject, within the window; 裁定 by the town, an upheld objection replacing the
 * points; after approval no score changes, a correction is an 调整 entry. Every write is audited.
 */
import {
  AdjustAssessmentScoreSchema, ASSESSMENT_SCORER_LABELS, EnterAssessmentScoreSchema, RaiseObjectionSchema, RuleObjectionSchema,
  type AdjustAssessmentScore, type AssessmentPeriodDetail, type EnterAssessmentScore, type RaiseObjection, type RuleObjection,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, can, requirePermission, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import * as periods from './period-repository.js';
import { leafOf, loadPeriod, loadSubject, refused, today, view, type Leaf } from './period-service.js';

const LOCKED = '本考核期已审批锁定,得分不能再修改;如需更正,请由镇党委录入调整';

/** A leaf's points stay within 0..its 分值. */
function withinWeight(leaf: Leaf, points: number, field: string, what = '得分') {
  if (points < 0 || points > leaf.weight) throw invalid(field, `指标“${leaf.name}”的${what}应在0到${leaf.weight}分(分值)之间,现为${points}`);
}

/** 评分: a scorer enters (or replaces) a leaf's points with the evidence seen. */
export async function enterScore(db: Db, caller: Caller, id: number, body: EnterAssessmentScore): Promise<AssessmentPeriodDetail> {
  const { user } = caller;
  requirePermission(user, 'assessment.score');
  const input = EnterAssessmentScoreSchema.parse(body);
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, user, id, true);
    const subject = await loadSubject(tx, user, period, input.subjectId);
    if (period.status === 'locked') throw refused(LOCKED);
    if (period.status !== 'scoring') throw refused('考核结果已公示,不能再评分;如有异议请由被考核对象提出,由镇党委裁定');
    // A 包村干部 is also 镇机关 staff: in a 镇机关 period the only subject they see is themself, and nobody scores their own.
    if (!can(user, 'assessment.manage') && period.audience === 'town_staff') throw refused('镇机关工作人员的考核由镇党委评分,本人不为自己评分');
    const leaf = leafOf(period, input.indicatorKey);
    if (leaf.scorer === 'measure') throw refused(`指标“${leaf.name}”由平台记录自动计算,不手工评分`);
    // The town enters any scorer's points (office, inspection team, villagers' appraisal); a 包村干部 only the
    // supervisor's leaves, and only for the villages assigned to them (subjectsFor already checked the assignment).
    if (!can(user, 'assessment.manage') && leaf.scorer !== 'supervisor') {
      throw refused(`指标“${leaf.name}”由${ASSESSMENT_SCORER_LABELS[leaf.scorer]}评分,包村干部只评由包村干部评分的指标`);
    }
    withinWeight(leaf, input.points, 'points');
    await periods.upsertScore(tx, {
      tenantId: user.tenantId, periodId: id, ...subject.ref, indicatorKey: leaf.key, points: input.points, evidence: input.evidence, scoredBy: user.id,
    });
    await audit(tx, caller, {
      action: 'assessment.period.score', objectType: 'assessment_period', objectId: id,
      detail: { subjectId: subject.id, indicatorKey: leaf.key, points: input.points, evidence: input.evidence },
    });
    return view(tx, user, id);
  });
}

/** 异议: the subject itself (the village's secretary, or the staff member) within the window, on its own score. */
export async function raiseObjection(db: Db, caller: Caller, id: number, body: RaiseObjection): Promise<AssessmentPeriodDetail> {
  const { user } = caller;
  if (!can(user, 'assessment.objectVillage')) requirePermission(user, 'assessment.objectSelf', '只有被考核的村(党支部书记)或镇机关工作人员本人可以提出异议');
  const input = RaiseObjectionSchema.parse(body);
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, user, id);
    if (period.audience === 'village_cadre') requirePermission(user, 'assessment.objectVillage');
    else requirePermission(user, 'assessment.objectSelf');
    const subject = await loadSubject(tx, user, period, input.subjectId);
    // Seeing a village (its 包村干部 does) is not being it: only its secretary objects for it; staff for themselves.
    const own = subject.path ? can(user, 'assessment.objectVillage', subject.path) : subject.id === user.id;
    if (!own) throw notFound('考核对象');
    if (period.status === 'scoring') throw refused('考核结果尚未公示,公示后方可提出异议');
    if (period.status === 'locked') throw refused('本考核期已审批锁定,不再受理异议');
    if (!period.objectionUntil || today() > period.objectionUntil) throw refused(`异议期已于 ${period.objectionUntil} 结束,不再受理异议`);
    const leaf = leafOf(period, input.indicatorKey);
    const objectionId = await periods.insertObjection(tx, {
      tenantId: user.tenantId, periodId: id, ...subject.ref, indicatorKey: leaf.key, reason: input.reason, raisedBy: user.id,
    });
    await audit(tx, caller, {
      action: 'assessment.period.object', objectType: 'assessment_period', objectId: id,
      detail: { objectionId, subjectId: subject.id, indicatorKey: leaf.key, reason: input.reason },
    });
    return view(tx, user, id);
  });
}

/** 裁定: the town rules on an objection; an upheld one replaces the indicator's points with the corrected ones. */
export async function ruleObjection(db: Db, caller: Caller, id: number, objectionId: number, body: RuleObjection): Promise<AssessmentPeriodDetail> {
  const { user } = caller;
  requirePermission(user, 'assessment.manage', '异议由镇党委裁定');
  const input = RuleObjectionSchema.parse(body);
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, user, id, true);
    const objection = await periods.findObjection(tx, id, objectionId);
    if (!objection) throw notFound('异议');
    if (objection.ruling) throw refused('该异议已裁定,不能重复裁定');
    if (period.status === 'locked') throw refused(LOCKED);
    const leaf = leafOf(period, objection.indicatorKey);
    const ref = { organizationId: objection.organizationId, subjectUserId: objection.subjectUserId };
    const before = await periods.findScore(tx, id, ref, leaf.key);
    if (input.ruling === 'upheld' && input.correctedPoints !== null) {
      withinWeight(leaf, input.correctedPoints, 'correctedPoints', '更正后得分');
      if (before) await periods.setScorePoints(tx, before.id, input.correctedPoints);
      else await periods.upsertScore(tx, { tenantId: user.tenantId, periodId: id, ...ref, indicatorKey: leaf.key, points: input.correctedPoints, evidence: `异议裁定:${input.note}`, scoredBy: user.id });
    }
    await periods.ruleObjection(tx, objectionId, { ruling: input.ruling, correctedPoints: input.correctedPoints, rulingNote: input.note, ruledBy: user.id });
    await audit(tx, caller, {
      action: 'assessment.period.rule', objectType: 'assessment_period', objectId: id,
      detail: { objectionId, ruling: input.ruling, indicatorKey: leaf.key, pointsBefore: before?.points ?? null, correctedPoints: input.correctedPoints, note: input.note },
    });
    return view(tx, user, id);
  });
}

/** 调整: after locking, a correction recorded as a delta with its reason; the locked entry stays as approved. */
export async function adjustScore(db: Db, caller: Caller, id: number, body: AdjustAssessmentScore): Promise<AssessmentPeriodDetail> {
  const { user } = caller;
  requirePermission(user, 'assessment.manage', '锁定后的更正由镇党委录入调整');
  const input = AdjustAssessmentScoreSchema.parse(body);
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, user, id, true);
    const subject = await loadSubject(tx, user, period, input.subjectId);
    if (period.status !== 'locked') throw refused('考核期审批锁定前请直接评分或通过异议裁定更正,锁定后才录入调整');
    const leaf = leafOf(period, input.indicatorKey);
    const points = ((await periods.findScore(tx, id, subject.ref, leaf.key))?.points ?? 0) + (await periods.adjustmentSum(tx, id, subject.ref, leaf.key));
    withinWeight(leaf, points + input.delta, 'delta', '调整后得分');
    const adjustmentId = await periods.insertAdjustment(tx, {
      tenantId: user.tenantId, periodId: id, ...subject.ref, indicatorKey: leaf.key, delta: input.delta, reason: input.reason, adjustedBy: user.id,
    });
    await audit(tx, caller, {
      action: 'assessment.period.adjust', objectType: 'assessment_period', objectId: id,
      detail: { adjustmentId, subjectId: subject.id, indicatorKey: leaf.key, pointsBefore: points, delta: input.delta, reason: input.reason },
    });
    return view(tx, user, id);
  });
}
