import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AssessmentAudience } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import {
  assessmentAdjustments, assessmentObjections, assessmentPeriods, assessmentSchemes, assessmentSchemeVersions, assessmentScores,
  organizations, supervisorAssignments, users,
} from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';
import { holdsRole, PERMISSIONS } from '../../lib/access/index.js';

export type PeriodValues = Omit<typeof assessmentPeriods.$inferInsert, 'id' | 'openedAt'>;
/** Whose row: a village (organization id) or a staff member (user id); exactly one is set. */
export interface SubjectRef { organizationId: number | null; subjectUserId: number | null }

const approver = alias(users, 'approver');

const periodColumns = {
  id: assessmentPeriods.id, schemeId: assessmentPeriods.schemeId, schemeName: assessmentSchemes.name, audience: assessmentSchemes.audience,
  periodKind: assessmentSchemes.periodKind, version: assessmentSchemeVersions.version, period: assessmentPeriods.period,
  status: assessmentPeriods.status, objectionUntil: assessmentPeriods.objectionUntil, openedAt: assessmentPeriods.openedAt,
  publishedAt: assessmentPeriods.publishedAt, approvedAt: assessmentPeriods.approvedAt,
};

const periodsOf = (db: DbOrTx) => db.select({
  ...periodColumns, indicators: assessmentSchemeVersions.indicators, bands: assessmentSchemeVersions.bands,
  approvalNote: assessmentPeriods.approvalNote, approvedBy: approver.displayName,
}).from(assessmentPeriods)
  .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentPeriods.schemeId))
  .innerJoin(assessmentSchemeVersions, eq(assessmentSchemeVersions.id, assessmentPeriods.versionId))
  .leftJoin(approver, eq(approver.id, assessmentPeriods.approvedBy));

/** The town's periods of these audiences, latest first. */
export async function listPeriods(db: DbOrTx, tenantId: number, audiences: AssessmentAudience[]) {
  if (!audiences.length) return [];
  return db.select(periodColumns).from(assessmentPeriods)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentPeriods.schemeId))
    .innerJoin(assessmentSchemeVersions, eq(assessmentSchemeVersions.id, assessmentPeriods.versionId))
    .where(and(eq(assessmentPeriods.tenantId, tenantId), inArray(assessmentSchemes.audience, audiences)))
    .orderBy(desc(assessmentPeriods.period), asc(assessmentPeriods.id));
}

export type PeriodRow = Awaited<ReturnType<typeof findPeriod>> & object;

/** One period of the town with its version's tree and bands; `forUpdate` locks the row (one flow step at a time). */
export async function findPeriod(db: DbOrTx, tenantId: number, id: number, forUpdate = false) {
  const query = periodsOf(db).where(and(eq(assessmentPeriods.id, id), eq(assessmentPeriods.tenantId, tenantId))).limit(1);
  const [row] = forUpdate ? await query.for('update', { of: assessmentPeriods }) : await query;
  return row;
}

export async function insertPeriod(db: DbOrTx, values: PeriodValues) {
  const [row] = await db.insert(assessmentPeriods).values(values).onConflictDoNothing().returning({ id: assessmentPeriods.id });
  return row?.id;
}

export async function updatePeriod(db: DbOrTx, id: number, values: Partial<PeriodValues>) {
  await db.update(assessmentPeriods).set(values).where(eq(assessmentPeriods.id, id));
}

/** The town's village branches (the subjects of village-cadre schemes), within `scope` when given. */
export async function villageSubjects(db: DbOrTx, tenantId: number, scope?: Scope, id?: number) {
  return db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations)
    .where(and(
      eq(organizations.tenantId, tenantId), eq(organizations.kind, 'branch'), eq(organizations.status, 'active'), isNotNull(organizations.villageId),
      scope ? scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope) : undefined,
      id ? eq(organizations.id, id) : undefined,
    )).orderBy(asc(organizations.path));
}

/** The town's 镇机关 staff (the subjects of town-staff schemes): active users holding a role of assessment.objectSelf. */
export async function staffSubjects(db: DbOrTx, tenantId: number, id?: number) {
  const held = or(...PERMISSIONS['assessment.objectSelf'].roles.map(holdsRole)) as SQL;
  return db.select({ id: users.id, name: users.displayName }).from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.disabled, false), held, id ? eq(users.id, id) : undefined))
    .orderBy(asc(users.id));
}

/** The villages, of these, that the supervisor is assigned to (包村). */
export async function assignedVillages(db: DbOrTx, userId: number, organizationIds: number[]) {
  if (!organizationIds.length) return new Set<number>();
  const rows = await db.select({ id: supervisorAssignments.organizationId }).from(supervisorAssignments)
    .where(and(eq(supervisorAssignments.userId, userId), inArray(supervisorAssignments.organizationId, organizationIds)));
  return new Set(rows.map((r) => r.id));
}

const subjectIs = (t: typeof assessmentScores | typeof assessmentObjections | typeof assessmentAdjustments, s: SubjectRef) =>
  s.organizationId ? eq(t.organizationId, s.organizationId) : eq(t.subjectUserId, s.subjectUserId ?? 0);

const scorer = alias(users, 'scorer');
const ruler = alias(users, 'ruler');

/** The period's score entries, objections and adjustments (row-level security keeps a caller to their villages). */
export async function entriesOf(db: DbOrTx, periodId: number) {
  // One after another: inside a flow step `db` is the transaction's single connection, which runs one statement at a time.
  const scores = await db.select({
    organizationId: assessmentScores.organizationId, subjectUserId: assessmentScores.subjectUserId, indicatorKey: assessmentScores.indicatorKey,
    points: assessmentScores.points, evidence: assessmentScores.evidence, scoredBy: scorer.displayName, scoredAt: assessmentScores.scoredAt,
  }).from(assessmentScores).innerJoin(scorer, eq(scorer.id, assessmentScores.scoredBy))
    .where(eq(assessmentScores.periodId, periodId)).orderBy(asc(assessmentScores.id));
  const objections = await db.select({
    id: assessmentObjections.id, organizationId: assessmentObjections.organizationId, subjectUserId: assessmentObjections.subjectUserId,
    indicatorKey: assessmentObjections.indicatorKey, reason: assessmentObjections.reason, raisedBy: scorer.displayName, raisedAt: assessmentObjections.raisedAt,
    ruling: assessmentObjections.ruling, correctedPoints: assessmentObjections.correctedPoints, rulingNote: assessmentObjections.rulingNote,
    ruledBy: ruler.displayName, ruledAt: assessmentObjections.ruledAt,
  }).from(assessmentObjections).innerJoin(scorer, eq(scorer.id, assessmentObjections.raisedBy)).leftJoin(ruler, eq(ruler.id, assessmentObjections.ruledBy))
    .where(eq(assessmentObjections.periodId, periodId)).orderBy(asc(assessmentObjections.id));
  const adjustments = await db.select({
    id: assessmentAdjustments.id, organizationId: assessmentAdjustments.organizationId, subjectUserId: assessmentAdjustments.subjectUserId,
    indicatorKey: assessmentAdjustments.indicatorKey, delta: assessmentAdjustments.delta, reason: assessmentAdjustments.reason,
    by: scorer.displayName, at: assessmentAdjustments.adjustedAt,
  }).from(assessmentAdjustments).innerJoin(scorer, eq(scorer.id, assessmentAdjustments.adjustedBy))
    .where(eq(assessmentAdjustments.periodId, periodId)).orderBy(asc(assessmentAdjustments.id));
  return { scores, objections, adjustments };
}

/** Enters a leaf's points, replacing an earlier entry of the same subject and indicator. */
export async function upsertScore(db: DbOrTx, values: typeof assessmentScores.$inferInsert) {
  const [row] = await db.insert(assessmentScores).values(values).onConflictDoUpdate({
    target: [assessmentScores.periodId, assessmentScores.organizationId, assessmentScores.subjectUserId, assessmentScores.indicatorKey],
    set: { points: values.points, evidence: values.evidence, scoredBy: values.scoredBy, scoredAt: sql`now()` },
  }).returning({ id: assessmentScores.id });
  return row.id;
}

/** Enters many leaves' points in one statement (公示 freezing the measures), each replacing an earlier entry. */
export async function upsertScores(db: DbOrTx, values: (typeof assessmentScores.$inferInsert)[]) {
  if (!values.length) return;
  await db.insert(assessmentScores).values(values).onConflictDoUpdate({
    target: [assessmentScores.periodId, assessmentScores.organizationId, assessmentScores.subjectUserId, assessmentScores.indicatorKey],
    set: { points: sql`excluded.points`, evidence: sql`excluded.evidence`, scoredBy: sql`excluded.scored_by`, scoredAt: sql`now()` },
  });
}

export async function findScore(db: DbOrTx, periodId: number, subject: SubjectRef, indicatorKey: string) {
  const [row] = await db.select({ id: assessmentScores.id, points: assessmentScores.points }).from(assessmentScores)
    .where(and(eq(assessmentScores.periodId, periodId), subjectIs(assessmentScores, subject), eq(assessmentScores.indicatorKey, indicatorKey))).limit(1);
  return row;
}

export async function setScorePoints(db: DbOrTx, id: number, points: number) {
  await db.update(assessmentScores).set({ points }).where(eq(assessmentScores.id, id));
}

export async function insertObjection(db: DbOrTx, values: typeof assessmentObjections.$inferInsert) {
  const [row] = await db.insert(assessmentObjections).values(values).returning({ id: assessmentObjections.id });
  return row.id;
}

/** An objection of the period, locked for its ruling (row-level security: only a caller who sees its village). */
export async function findObjection(db: DbOrTx, periodId: number, id: number) {
  const [row] = await db.select().from(assessmentObjections)
    .where(and(eq(assessmentObjections.id, id), eq(assessmentObjections.periodId, periodId))).limit(1).for('update');
  return row;
}

export async function ruleObjection(db: DbOrTx, id: number, values: Pick<typeof assessmentObjections.$inferInsert, 'ruling' | 'correctedPoints' | 'rulingNote' | 'ruledBy'>) {
  await db.update(assessmentObjections).set({ ...values, ruledAt: new Date() }).where(eq(assessmentObjections.id, id));
}

export async function openObjections(db: DbOrTx, periodId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(assessmentObjections)
    .where(and(eq(assessmentObjections.periodId, periodId), sql`${assessmentObjections.ruling} is null`));
  return row.n;
}

/** Unruled objections per period, for the list's status (the caller's rows only: row-level security). */
export async function openObjectionCounts(db: DbOrTx, periodIds: number[]) {
  if (!periodIds.length) return new Map<number, number>();
  const rows = await db.select({ periodId: assessmentObjections.periodId, n: sql<number>`count(*)::int` }).from(assessmentObjections)
    .where(and(inArray(assessmentObjections.periodId, periodIds), sql`${assessmentObjections.ruling} is null`)).groupBy(assessmentObjections.periodId);
  return new Map(rows.map((r) => [r.periodId, r.n]));
}

export async function adjustmentSum(db: DbOrTx, periodId: number, subject: SubjectRef, indicatorKey: string) {
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${assessmentAdjustments.delta}), 0)::int` }).from(assessmentAdjustments)
    .where(and(eq(assessmentAdjustments.periodId, periodId), subjectIs(assessmentAdjustments, subject), eq(assessmentAdjustments.indicatorKey, indicatorKey)));
  return row.n;
}

export async function insertAdjustment(db: DbOrTx, values: typeof assessmentAdjustments.$inferInsert) {
  const [row] = await db.insert(assessmentAdjustments).values(values).returning({ id: assessmentAdjustments.id });
  return row.id;
}

/** The version of a scheme in force in a month (the latest starting on or before it). */
export async function versionInForce(db: DbOrTx, schemeId: number, month: string) {
  const [row] = await db.select({ id: assessmentSchemeVersions.id }).from(assessmentSchemeVersions)
    .where(and(eq(assessmentSchemeVersions.schemeId, schemeId), sql`${assessmentSchemeVersions.effectiveFrom} <= ${month}`))
    .orderBy(desc(assessmentSchemeVersions.version)).limit(1);
  return row?.id;
}

/** The town's village-cadre period of a month, the locked one first (a town may score two schemes; the locked counts). */
export async function villagePeriodOfMonth(db: DbOrTx, tenantId: number, month: string) {
  const [row] = await db.select({ id: assessmentPeriods.id }).from(assessmentPeriods)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentPeriods.schemeId))
    .where(and(eq(assessmentPeriods.tenantId, tenantId), eq(assessmentSchemes.audience, 'village_cadre'), eq(assessmentPeriods.period, month)))
    .orderBy(sql`${assessmentPeriods.status} = 'locked' desc`, desc(assessmentPeriods.id)).limit(1);
  return row?.id;
}
