/**
 * 考核期 (issue 16 point 3): the town opens a period of a scheme, scorers enter scores with evidence, the draft is
 * published to the subjects (异议期 of assessment.objectionDays days), the town rules on each objection, the town
 * committee approves and the period is locked; corrections after that are adjustments (period-flow.ts).
 * Who sees a subject: the town every one; a 包村干部 the villages assigned to them; a branch secretary their village;
 * a 镇机关 staff member their own score. A period in which the caller sees no subject is out of scope (404).
 */
import {
  ApproveAssessmentPeriodSchema, ASSESSMENT_PERIOD_KIND_LABELS, OpenAssessmentPeriodSchema, PERIOD_FORMATS, addDays, gradeOf, periodStartMonth, todayInShanghai,
  type ApproveAssessmentPeriod, type AssessmentAudience, type AssessmentIndicator, type AssessmentPeriodDetail, type AssessmentPeriodList,
  type AssessmentPeriodStatus, type OpenAssessmentPeriod,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller, type Permission } from '../../lib/access/index.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { settingValue } from '../settings/index.js';
import { entryLink, freezeMeasures, incompleteScoring, liveMeasures, progressOf } from './period-measures.js';
import * as periods from './period-repository.js';
import * as repo from './repository.js';

/** Anyone with a part in the periods: the town, the scorers, the villages' secretaries, the 镇机关 staff. */
const READERS: readonly Permission[] = ['assessment.read', 'assessment.score', 'assessment.objectSelf'];
export function requireReader(user: AuthUser) {
  if (!READERS.some((p) => can(user, p))) throw forbidden('只有镇党委、包村干部、村党支部书记和被考核的镇机关工作人员可以查看考核期');
}

/** A flow rule refused: 409 with the rule named. */
export const refused = (message: string) => new AppError('CONFLICT', message);

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const today = () => todayInShanghai();

/** The status shown: an objection period whose window is over with every objection ruled waits for approval. */
export function statusOf(period: { status: AssessmentPeriodStatus; objectionUntil: string | null }, open: number): AssessmentPeriodStatus {
  if (period.status === 'objection' && period.objectionUntil && today() > period.objectionUntil && open === 0) return 'approval';
  return period.status;
}

/** A leaf to score; `evidence` is the scheme's 评分依据, shown to the scorer beside the points. */
export interface Leaf {
  key: string; name: string; weight: number; scorer: NonNullable<AssessmentIndicator['scorer']>; measure: AssessmentIndicator['measure']; evidence: string | null;
}
export function leavesOf(nodes: AssessmentIndicator[]): Leaf[] {
  return nodes.flatMap((n) => (n.children.length ? leavesOf(n.children)
    : [{ key: n.key, name: n.name, weight: n.weight, scorer: n.scorer ?? 'town_office', measure: n.measure ?? null, evidence: n.evidence ?? null }]));
}
export function leafOf(period: periods.PeriodRow, key: string): Leaf {
  const leaf = leavesOf(period.indicators).find((l) => l.key === key);
  if (!leaf) throw invalid('indicatorKey', `指标“${key}”不是本考核期方案的末级指标`);
  return leaf;
}

/** One subject as the caller may see it: its id, name and row reference. */
export interface Subject { id: number; name: string; ref: periods.SubjectRef; path: string | null }

/** The subjects of the period the caller sees (see the header). */
export async function subjectsFor(db: DbOrTx, user: AuthUser, audience: AssessmentAudience, id?: number): Promise<Subject[]> {
  const manage = can(user, 'assessment.manage');
  if (audience === 'town_staff') {
    if (!manage && (!can(user, 'assessment.objectSelf') || (id !== undefined && id !== user.id))) return [];
    const staff = await periods.staffSubjects(db, user.tenantId, manage ? id : user.id);
    return staff.map((s) => ({ id: s.id, name: s.name, ref: { organizationId: null, subjectUserId: s.id }, path: null }));
  }
  const villages = await periods.villageSubjects(db, user.tenantId, manage ? undefined : user.scope, id);
  const assigned = manage ? new Set<number>() : await periods.assignedVillages(db, user.id, villages.map((v) => v.id));
  return villages
    .filter((v) => manage || can(user, 'assessment.objectVillage', v.path) || (can(user, 'assessment.score', v.path) && assigned.has(v.id)))
    .map((v) => ({ id: v.id, name: v.name, ref: { organizationId: v.id, subjectUserId: null }, path: v.path }));
}

/** The period of the town (404 when missing, foreign, or without a subject the caller sees). */
export async function loadPeriod(db: DbOrTx, user: AuthUser, id: number, forUpdate = false) {
  const period = await periods.findPeriod(db, user.tenantId, id, forUpdate);
  if (!period) throw notFound('考核期');
  if (!can(user, 'assessment.manage') && (await subjectsFor(db, user, period.audience)).length === 0) throw notFound('考核期');
  return period;
}

/** The subject named in a write, or 404 (another village, another person). */
export async function loadSubject(db: DbOrTx, user: AuthUser, period: periods.PeriodRow, subjectId: number): Promise<Subject> {
  const [subject] = await subjectsFor(db, user, period.audience, subjectId);
  if (!subject) throw notFound('考核对象');
  return subject;
}

export async function listPeriods(db: Db, user: AuthUser): Promise<AssessmentPeriodList> {
  requireReader(user);
  const audiences: AssessmentAudience[] = [];
  if (can(user, 'assessment.manage') || can(user, 'assessment.score') || can(user, 'assessment.objectVillage')) audiences.push('village_cadre');
  if (can(user, 'assessment.manage') || can(user, 'assessment.objectSelf')) audiences.push('town_staff');
  const rows = await periods.listPeriods(db, user.tenantId, audiences);
  const open = await periods.openObjectionCounts(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, status: statusOf(r, open.get(r.id) ?? 0), openedAt: iso(r.openedAt) as string, publishedAt: iso(r.publishedAt), approvedAt: iso(r.approvedAt) })),
    can: { open: can(user, 'assessment.manage') },
  };
}

const key = (ref: periods.SubjectRef) => ref.organizationId ?? ref.subjectUserId;

/**
 * The period with each visible subject's entries, objections, adjustments, score and grade; while scoring, the
 * measure leaves' live figures (period-measures.ts) and each subject's 评分进度.
 */
export async function view(db: DbOrTx, user: AuthUser, id: number): Promise<AssessmentPeriodDetail> {
  const period = await loadPeriod(db, user, id);
  const subjects = await subjectsFor(db, user, period.audience);
  const { scores, objections, adjustments } = await periods.entriesOf(db, id);
  const open = objections.filter((o) => o.ruling === null).length;
  const leaves = leavesOf(period.indicators);
  const asOf = today();
  const live = period.status === 'scoring' ? await liveMeasures(db, user, period, leaves, subjects, asOf) : new Map<number, never[]>();
  const { indicators: _i, ...fields } = period;
  return {
    ...fields, status: statusOf(period, open), openedAt: iso(period.openedAt) as string, publishedAt: iso(period.publishedAt), approvedAt: iso(period.approvedAt),
    indicators: leaves, bands: period.bands,
    subjects: subjects.map((s) => {
      const own = <T extends periods.SubjectRef>(rows: T[]) => rows.filter((r) => key(r) === s.id);
      const entries = own(scores).map(({ organizationId: _o, subjectUserId: _u, scoredAt, ...e }) => ({
        ...e, scoredAt: scoredAt.toISOString(), link: entryLink(period, leaves, s, e.indicatorKey),
      }));
      const adj = own(adjustments).map(({ organizationId: _o, subjectUserId: _u, at, ...a }) => ({ ...a, at: at.toISOString() }));
      const measures = live.get(s.id) ?? [];
      // The score: the leaves' points (an upheld objection has already replaced its entry's), while scoring the
      // measures' live points (frozen into entries at 公示), plus the adjustments.
      const score = entries.reduce((n, e) => n + e.points, 0) + measures.reduce((n, m) => n + m.points, 0) + adj.reduce((n, a) => n + a.delta, 0);
      return {
        subjectId: s.id, name: s.name, score, grade: gradeOf(score, period.bands), entries, adjustments: adj, measures, progress: progressOf(leaves, entries),
        objections: own(objections).map(({ organizationId: _o, subjectUserId: _u, raisedAt, ruledAt, ...o }) => ({ ...o, raisedAt: raisedAt.toISOString(), ruledAt: iso(ruledAt) })),
      };
    }),
    measuresAsOf: live.size ? asOf : null,
    can: {
      // A 包村干部 scores villages; in a 镇机关 period they are a subject, not a scorer (period-flow enterScore).
      score: period.status === 'scoring' && (can(user, 'assessment.manage') || (can(user, 'assessment.score') && period.audience === 'village_cadre')),
      manage: can(user, 'assessment.manage'),
      object: period.status === 'objection' && !!period.objectionUntil && today() <= period.objectionUntil
        && (can(user, 'assessment.objectVillage') || (period.audience === 'town_staff' && can(user, 'assessment.objectSelf'))),
    },
  };
}

export async function getPeriod(db: Db, user: AuthUser, id: number): Promise<AssessmentPeriodDetail> {
  requireReader(user);
  return view(db, user, id);
}

/** 开启考核期: the scheme version in force at the period's start, once per scheme and period. */
export async function openPeriod(db: Db, caller: Caller, body: OpenAssessmentPeriod): Promise<AssessmentPeriodDetail> {
  requirePermission(caller.user, 'assessment.manage', '考核期由镇党委开启');
  const input = OpenAssessmentPeriodSchema.parse(body);
  const tenantId = caller.user.tenantId;
  return db.transaction(async (tx) => {
    const scheme = await repo.findScheme(tx, tenantId, input.schemeId);
    if (!scheme) throw notFound('考核方案');
    const format = PERIOD_FORMATS[scheme.periodKind];
    if (!format.pattern.test(input.period)) throw invalid('period', `该方案为${ASSESSMENT_PERIOD_KIND_LABELS[scheme.periodKind]}考核,考核期格式如 ${format.example}`);
    const versionId = await periods.versionInForce(tx, scheme.id, periodStartMonth(input.period));
    if (!versionId) throw invalid('period', `考核期 ${input.period} 开始时该方案尚无生效版本`);
    const id = await periods.insertPeriod(tx, { tenantId, schemeId: scheme.id, versionId, period: input.period, openedBy: caller.user.id });
    if (!id) throw refused(`“${scheme.name}”的 ${input.period} 考核期已开启,每期只开启一次`);
    await audit(tx, caller, { action: 'assessment.period.open', objectType: 'assessment_period', objectId: id, detail: { schemeId: scheme.id, versionId, period: input.period } });
    return view(tx, caller.user, id);
  });
}

/**
 * 公示: the draft goes to the subjects; they may object until the window's last day. Only once every leaf entered by
 * hand is scored for every subject; the measure leaves' points are frozen into entries in the same transaction.
 */
export async function publishPeriod(db: Db, caller: Caller, id: number): Promise<AssessmentPeriodDetail> {
  requirePermission(caller.user, 'assessment.manage', '考核结果由镇党委公示');
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, caller.user, id, true);
    if (period.status !== 'scoring') throw refused('只有评分中的考核期可以公示:本期已公示过');
    const subjects = await subjectsFor(tx, caller.user, period.audience);
    const leaves = leavesOf(period.indicators);
    const incomplete = incompleteScoring(subjects, leaves, (await periods.entriesOf(tx, id)).scores);
    if (incomplete) throw refused(incomplete);
    const measures = await freezeMeasures(tx, caller.user, period, leaves, subjects, today());
    const days = await settingValue(tx, caller.user.tenantId, 'assessment.objectionDays');
    const objectionUntil = addDays(today(), days);
    await periods.updatePeriod(tx, id, { status: 'objection', publishedAt: new Date(), objectionUntil });
    await audit(tx, caller, {
      action: 'assessment.period.publish', objectType: 'assessment_period', objectId: id, detail: { objectionDays: days, objectionUntil, measures },
    });
    return view(tx, caller.user, id);
  });
}

/** 审批: the town committee's approval after the window, every objection ruled; the period is then locked. */
export async function approvePeriod(db: Db, caller: Caller, id: number, body: ApproveAssessmentPeriod): Promise<AssessmentPeriodDetail> {
  requirePermission(caller.user, 'assessment.manage', '考核结果由镇党委审批');
  const input = ApproveAssessmentPeriodSchema.parse(body);
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, caller.user, id, true);
    if (period.status === 'locked') throw refused('本考核期已审批锁定');
    if (period.status !== 'objection' || !period.objectionUntil) throw refused('考核结果公示并经异议期后方可审批');
    if (today() <= period.objectionUntil) throw refused(`异议期至 ${period.objectionUntil} 止,期满后方可审批`);
    const open = await periods.openObjections(tx, id);
    if (open > 0) throw refused(`还有 ${open} 条异议未裁定,全部裁定后方可审批`);
    await periods.updatePeriod(tx, id, { status: 'locked', approvedBy: caller.user.id, approvedAt: new Date(), approvalNote: input.note });
    await audit(tx, caller, { action: 'assessment.period.approve', objectType: 'assessment_period', objectId: id, detail: { period: period.period, note: input.note } });
    return view(tx, caller.user, id);
  });
}
