/**
 * The measure leaves of a 考核期 (issue 16 point 2) and the completeness of its scoring (point 3):
 * - while the period is scored, each village subject's measure leaves show their live figure from the records, and
 *   the points count in the draft score: 分值 × ratio, rounded half up (measureLeafPoints); a figure with nothing due
 *   earns the town's assessment.measureNothingDuePct of the 分值 (default 100 %: nothing due is nothing late);
 * - at 公示 the points are frozen as score entries of the publisher, with the figure named in the evidence, in the
 *   publishing transaction: records that change later do not move a published score; the village objects to such an
 *   entry like any other, and an upheld ruling replaces its points like any other;
 * - 公示 waits until every leaf entered by hand is scored for every subject.
 * A 镇机关 subject has no branch records: the scheme editor refuses a measure leaf in a staff scheme
 * (measureAudienceProblem), and one made before that stays empty here (0 points) and blocks nothing.
 */
import {
  ASSESSMENT_MEASURE_LABELS, ASSESSMENT_MEASURE_SOURCES, assessmentPeriodBounds, measureLeafPoints,
  type AssessmentMeasure, type AssessmentMeasureFigure, type AssessmentPeriodBounds, type PeriodMeasure,
} from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import { figuresOfBranches, measureLink, type MeasureBranch } from './measures-figures.js';
import * as periods from './period-repository.js';
import type { Leaf, Subject } from './period-service.js';

type MeasureLeaf = Leaf & { measure: AssessmentMeasure };
const measureLeavesOf = (leaves: Leaf[]): MeasureLeaf[] => leaves.filter((l): l is MeasureLeaf => l.scorer === 'measure' && l.measure !== null);

/** The village subjects (a branch each) of a village-cadre period; none for a 镇机关 one. */
const branchesOf = (audience: periods.PeriodRow['audience'], subjects: Subject[]): MeasureBranch[] => (audience !== 'village_cadre' ? []
  : subjects.flatMap((s) => (s.ref.organizationId && s.path ? [{ id: s.id, name: s.name, path: s.path }] : [])));

const boundsOf = (period: periods.PeriodRow): AssessmentPeriodBounds => {
  const bounds = assessmentPeriodBounds(period.period);
  if (!bounds) throw new Error(`考核期 ${period.period} 不是有效的期间`); // PERIOD_FORMATS admits only valid periods
  return bounds;
};

function periodMeasure(leaf: MeasureLeaf, figure: AssessmentMeasureFigure, nothingDuePct: number): PeriodMeasure {
  return {
    indicatorKey: leaf.key, measure: leaf.measure, label: ASSESSMENT_MEASURE_LABELS[leaf.measure], source: ASSESSMENT_MEASURE_SOURCES[leaf.measure],
    weight: leaf.weight, points: figure.available ? measureLeafPoints(leaf.weight, figure.ratioBasisPoints, nothingDuePct) : 0,
    numerator: figure.numerator, denominator: figure.denominator, ratioBasisPoints: figure.ratioBasisPoints,
    display: figure.available ? figure.display : figure.unavailableReason ?? '', nothingDue: figure.available && figure.denominator === 0, link: figure.link,
  };
}

/**
 * Each village subject's measure leaves with their figures as of `today`, computed for all the subjects together
 * (figuresOfBranches: a fixed number of statements, not a loop per village). Empty without measure leaves.
 */
export async function liveMeasures(
  db: DbOrTx, user: AuthUser, period: periods.PeriodRow, leaves: Leaf[], subjects: Subject[], today: string,
): Promise<Map<number, PeriodMeasure[]>> {
  const measureLeaves = measureLeavesOf(leaves);
  const branches = branchesOf(period.audience, subjects);
  if (!measureLeaves.length || !branches.length) return new Map();
  const nothingDuePct = await settingValue(db, user.tenantId, 'assessment.measureNothingDuePct');
  const figures = await figuresOfBranches(db, user, branches, boundsOf(period), today, measureLeaves.map((l) => l.measure));
  return new Map(branches.map((b) => [b.id, measureLeaves.map((leaf) => periodMeasure(leaf, figures.get(b.id)?.get(leaf.measure) as AssessmentMeasureFigure, nothingDuePct))]));
}

/** The evidence a frozen entry carries: the figure it was computed from, e.g. 平台记录(截至2026-12-07):组织生活按期 5/6(83.33%),计 8 分. */
export function frozenEvidence(m: PeriodMeasure, today: string, nothingDuePct: number): string {
  const figure = m.nothingDue ? `本期无应办事项(按分值的${nothingDuePct}%计)` : `${m.numerator}/${m.denominator}(${m.display})`;
  return `平台记录(截至${today}):${m.label} ${figure},计 ${m.points} 分`;
}

export interface FrozenMeasure { subjectId: number; indicatorKey: string; points: number }

/**
 * 公示: the live points of every village subject's measure leaves become score entries of the publisher, in the
 * caller's (the publishing) transaction, all in one statement.
 */
export async function freezeMeasures(
  tx: DbOrTx, user: AuthUser, period: periods.PeriodRow, leaves: Leaf[], subjects: Subject[], today: string,
): Promise<FrozenMeasure[]> {
  const live = await liveMeasures(tx, user, period, leaves, subjects, today);
  if (!live.size) return [];
  const nothingDuePct = await settingValue(tx, user.tenantId, 'assessment.measureNothingDuePct');
  const frozen = subjects.flatMap((s) => (live.get(s.id) ?? []).map((m) => ({ subject: s, m })));
  await periods.upsertScores(tx, frozen.map(({ subject, m }) => ({
    tenantId: user.tenantId, periodId: period.id, ...subject.ref, indicatorKey: m.indicatorKey, points: m.points,
    evidence: frozenEvidence(m, today, nothingDuePct), scoredBy: user.id,
  })));
  return frozen.map(({ subject, m }) => ({ subjectId: subject.id, indicatorKey: m.indicatorKey, points: m.points }));
}

/** A frozen measure entry's records page (the village's; null for a hand-entered leaf or a 镇机关 subject). */
export function entryLink(period: periods.PeriodRow, leaves: Leaf[], subject: Subject, indicatorKey: string): string | null {
  const leaf = leaves.find((l) => l.key === indicatorKey);
  if (leaf?.scorer !== 'measure' || !leaf.measure || !subject.ref.organizationId) return null;
  return measureLink(leaf.measure, subject.id, boundsOf(period));
}

/** 评分进度 of one subject: the leaves entered by hand (not measures), and those still without an entry. */
export function progressOf(leaves: Leaf[], entries: readonly { indicatorKey: string }[]) {
  const scored = new Set(entries.map((e) => e.indicatorKey));
  const manual = leaves.filter((l) => l.scorer !== 'measure');
  const missing = manual.filter((l) => !scored.has(l.key)).map((l) => l.key);
  return { scored: manual.length - missing.length, total: manual.length, missing };
}

/** How many subjects the refusal names before "等": the rest are counted, the page shows each subject's progress. */
const NAMED = 5;

/**
 * Why 公示 must wait, or null: every subject's leaves entered by hand must be scored, e.g.
 * "东河村党支部还有 3 项指标未评分;…,全部评分后方可公示".
 */
export function incompleteScoring(subjects: Subject[], leaves: Leaf[], scores: readonly (periods.SubjectRef & { indicatorKey: string })[]): string | null {
  const key = (ref: periods.SubjectRef) => ref.organizationId ?? ref.subjectUserId;
  const gaps = subjects
    .map((s) => ({ name: s.name, missing: progressOf(leaves, scores.filter((e) => key(e) === s.id)).missing.length }))
    .filter((g) => g.missing > 0);
  if (!gaps.length) return null;
  const named = gaps.slice(0, NAMED).map((g) => `${g.name}还有 ${g.missing} 项指标未评分`).join(';');
  const more = gaps.length > NAMED ? `等 ${gaps.length} 个考核对象` : '';
  return `${named}${more},全部评分后方可公示`;
}
