import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { EMPLOYABLE_POSTS, type CadreEmployment, type EmploymentTotals } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { cadreEmploymentReviews, cadreEmployments, cadrePosts, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';
import { groupedBy } from '../../lib/group.js';

/** 聘用制 of one village's holdings in post today, each with its yearly reviews (oldest first). */
export async function employmentsOf(db: DbOrTx, organizationId: number): Promise<CadreEmployment[]> {
  const rows = await db.select({
    id: cadreEmployments.id, cadrePostId: cadreEmployments.cadrePostId, since: cadreEmployments.since,
    ruleText: cadreEmployments.ruleText, careerTreatment: cadreEmployments.careerTreatment,
  }).from(cadreEmployments).innerJoin(cadrePosts, eq(cadrePosts.id, cadreEmployments.cadrePostId))
    .where(and(eq(cadreEmployments.organizationId, organizationId), isNull(cadrePosts.endedOn))).orderBy(asc(cadreEmployments.id));
  if (!rows.length) return [];
  const reviews = await db.select({ employmentId: cadreEmploymentReviews.employmentId, year: cadreEmploymentReviews.year, result: cadreEmploymentReviews.result, note: cadreEmploymentReviews.note })
    .from(cadreEmploymentReviews).where(inArray(cadreEmploymentReviews.employmentId, rows.map((r) => r.id))).orderBy(asc(cadreEmploymentReviews.year));
  const reviewsOf = groupedBy(reviews, (v) => v.employmentId);
  return rows.map((r) => ({ ...r, reviews: (reviewsOf.get(r.id) ?? []).map(({ employmentId: _, ...v }) => v) }));
}

export async function findEmployment(db: DbOrTx, cadrePostId: number) {
  const [row] = await db.select({ id: cadreEmployments.id, since: cadreEmployments.since }).from(cadreEmployments).where(eq(cadreEmployments.cadrePostId, cadrePostId)).limit(1);
  return row;
}

type EmploymentValues = Omit<typeof cadreEmployments.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Records or replaces the holding's employment (one per holding). */
export async function upsertEmployment(db: DbOrTx, values: EmploymentValues) {
  const [row] = await db.insert(cadreEmployments).values(values).onConflictDoUpdate({
    target: cadreEmployments.cadrePostId,
    set: { since: values.since, ruleText: values.ruleText, careerTreatment: values.careerTreatment, updatedAt: new Date() },
  }).returning({ id: cadreEmployments.id });
  return row.id;
}

export async function insertReview(db: DbOrTx, values: Omit<typeof cadreEmploymentReviews.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(cadreEmploymentReviews).values(values).onConflictDoNothing().returning({ id: cadreEmploymentReviews.id });
  return row?.id;
}

/** The town's count of holdings in post today under the rule (by post) and with 事业编待遇, by the database. */
export async function employmentTotals(db: DbOrTx, scope: Scope): Promise<EmploymentTotals> {
  const [row] = await db.select({
    employed: sql<number>`count(*)::int`,
    careerTreatment: sql<number>`count(*) filter (where ${cadreEmployments.careerTreatment})::int`,
    secretaries: sql<number>`count(*) filter (where ${cadrePosts.post} = 'secretary')::int`,
    directors: sql<number>`count(*) filter (where ${cadrePosts.post} = 'director')::int`,
    familyPlanning: sql<number>`count(*) filter (where ${cadrePosts.post} = 'family_planning')::int`,
  }).from(cadreEmployments)
    .innerJoin(cadrePosts, eq(cadrePosts.id, cadreEmployments.cadrePostId))
    .innerJoin(organizations, eq(organizations.id, cadreEmployments.organizationId))
    .where(and(isNull(cadrePosts.endedOn), inArray(cadrePosts.post, [...EMPLOYABLE_POSTS]), scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)));
  return row;
}
