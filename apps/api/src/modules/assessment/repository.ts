import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AssessmentAudience } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { assessmentSchemes, assessmentSchemeVersions, users } from '../../db/schema/index.js';

export type SchemeValues = Omit<typeof assessmentSchemes.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type VersionValues = Omit<typeof assessmentSchemeVersions.$inferInsert, 'id' | 'createdAt'>;

const schemeColumns = {
  id: assessmentSchemes.id, name: assessmentSchemes.name, audience: assessmentSchemes.audience, periodKind: assessmentSchemes.periodKind,
  isExample: assessmentSchemes.isExample, createdAt: assessmentSchemes.createdAt, updatedAt: assessmentSchemes.updatedAt,
};

/** The town's schemes, of one audience when given (a village's readers see the village cadres' only). */
export async function listSchemes(db: DbOrTx, tenantId: number, audience?: AssessmentAudience) {
  return db.select(schemeColumns).from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.tenantId, tenantId), audience ? eq(assessmentSchemes.audience, audience) : undefined))
    .orderBy(asc(assessmentSchemes.audience), asc(assessmentSchemes.id));
}

export async function findScheme(db: DbOrTx, tenantId: number, id: number, audience?: AssessmentAudience) {
  const [row] = await db.select(schemeColumns).from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.tenantId, tenantId), audience ? eq(assessmentSchemes.audience, audience) : undefined)).limit(1);
  return row;
}

/** Every version of these schemes, oldest first, with who made it (the system for the shipped examples). */
export async function versionsOf(db: DbOrTx, schemeIds: number[]) {
  if (!schemeIds.length) return [];
  return db.select({
    id: assessmentSchemeVersions.id, schemeId: assessmentSchemeVersions.schemeId, version: assessmentSchemeVersions.version,
    effectiveFrom: assessmentSchemeVersions.effectiveFrom, posts: assessmentSchemeVersions.posts, indicators: assessmentSchemeVersions.indicators,
    bands: assessmentSchemeVersions.bands, note: assessmentSchemeVersions.note, createdAt: assessmentSchemeVersions.createdAt,
    createdBy: sql<string>`coalesce(${users.displayName}, '系统')`,
  }).from(assessmentSchemeVersions).leftJoin(users, eq(users.id, assessmentSchemeVersions.createdBy))
    .where(inArray(assessmentSchemeVersions.schemeId, schemeIds))
    .orderBy(asc(assessmentSchemeVersions.schemeId), asc(assessmentSchemeVersions.version));
}

/** Inserts a scheme unless the town already has one of this name (then undefined). */
export async function insertScheme(db: DbOrTx, values: SchemeValues) {
  const [row] = await db.insert(assessmentSchemes).values(values).onConflictDoNothing().returning({ id: assessmentSchemes.id });
  return row?.id;
}

export async function insertVersion(db: DbOrTx, values: VersionValues) {
  const [row] = await db.insert(assessmentSchemeVersions).values(values).returning({ id: assessmentSchemeVersions.id });
  return row.id;
}

/** The scheme's row locked for the transaction: two new versions at once are numbered one after the other. */
export async function lockScheme(db: DbOrTx, id: number) {
  await db.select({ id: assessmentSchemes.id }).from(assessmentSchemes).where(eq(assessmentSchemes.id, id)).for('update');
}

export async function latestVersion(db: DbOrTx, schemeId: number) {
  const [row] = await db.select({ version: assessmentSchemeVersions.version, effectiveFrom: assessmentSchemeVersions.effectiveFrom })
    .from(assessmentSchemeVersions).where(eq(assessmentSchemeVersions.schemeId, schemeId))
    .orderBy(sql`${assessmentSchemeVersions.version} desc`).limit(1);
  return row;
}

export async function touchScheme(db: DbOrTx, id: number) {
  await db.update(assessmentSchemes).set({ updatedAt: new Date() }).where(eq(assessmentSchemes.id, id));
}

export async function hasExamples(db: DbOrTx, tenantId: number) {
  const [row] = await db.select({ id: assessmentSchemes.id }).from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.tenantId, tenantId), eq(assessmentSchemes.isExample, true))).limit(1);
  return !!row;
}
