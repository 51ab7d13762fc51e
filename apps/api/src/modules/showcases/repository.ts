import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  organizations, showcaseCriteria as cr, showcaseEvaluations as ev, showcasePhotos as ph, showcases as s, showcaseVisits as vi,
} from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

const columns = {
  id: s.id, organizationId: s.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  villageId: organizations.villageId, name: s.name, theme: s.theme, status: s.status, sinceYear: s.sinceYear, summary: s.summary,
  practices: s.practices, publishedAt: s.publishedAt, tenantId: s.tenantId,
};

const scoped = (db: DbOrTx) => db.select(columns).from(s).innerJoin(organizations, eq(organizations.id, s.organizationId));

export async function listShowcases(db: DbOrTx, scope: Scope) {
  return scoped(db).where(scopeFilter(organizations, scope)).orderBy(asc(organizations.sortOrder), asc(organizations.path), asc(s.id));
}

/** One showcase in scope; `lock` serialises two writers of the same showcase. */
export async function findShowcase(db: DbOrTx, scope: Scope, id: number, lock = false) {
  const [row] = await scoped(db).where(and(scopeFilter(organizations, scope), eq(s.id, id))).limit(1);
  if (row && lock) await db.execute(sql`select id from showcases where id = ${id} for update`);
  return row;
}

/** A branch (村 or 非公) in scope that a showcase may be filed under. */
export async function findBranch(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({ id: organizations.id, path: organizations.path, kind: organizations.kind }).from(organizations)
    .where(and(scopeFilter(organizations, scope), eq(organizations.id, id), eq(organizations.status, 'active'), ne(organizations.kind, 'group'))).limit(1);
  return row;
}

export async function townRoot(db: DbOrTx, tenantId: number) {
  const [row] = await db.select({ id: organizations.id, path: organizations.path }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), isNull(organizations.parentId))).limit(1);
  return row;
}

export type ShowcaseValues = Omit<typeof s.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export async function insertShowcase(db: DbOrTx, values: ShowcaseValues) {
  const [row] = await db.insert(s).values(values).returning({ id: s.id });
  return row.id;
}
export async function updateShowcase(db: DbOrTx, id: number, values: Partial<ShowcaseValues>) {
  await db.update(s).set({ ...values, updatedAt: new Date() }).where(eq(s.id, id));
}

export async function criteriaOf(db: DbOrTx, tenantId: number, activeOnly = false) {
  return db.select({ id: cr.id, name: cr.name, description: cr.description, active: cr.active }).from(cr)
    .where(and(eq(cr.tenantId, tenantId), activeOnly ? eq(cr.active, true) : undefined)).orderBy(asc(cr.sortOrder), asc(cr.id));
}
export async function insertCriterion(db: DbOrTx, values: typeof cr.$inferInsert) {
  await db.insert(cr).values(values);
}
export async function updateCriterion(db: DbOrTx, tenantId: number, id: number, values: Partial<typeof cr.$inferInsert>) {
  const rows = await db.update(cr).set(values).where(and(eq(cr.tenantId, tenantId), eq(cr.id, id))).returning({ id: cr.id });
  return rows.length > 0;
}

export async function evaluationsOf(db: DbOrTx, showcaseIds: number[]) {
  if (!showcaseIds.length) return [];
  return db.select({ showcaseId: ev.showcaseId, year: ev.year, evaluatedOn: ev.evaluatedOn, conclusion: ev.conclusion, note: ev.note, items: ev.items })
    .from(ev).where(inArray(ev.showcaseId, showcaseIds)).orderBy(desc(ev.year));
}
export async function upsertEvaluation(db: DbOrTx, values: Omit<typeof ev.$inferInsert, 'id' | 'updatedAt'>) {
  await db.insert(ev).values(values).onConflictDoUpdate({
    target: [ev.showcaseId, ev.year],
    set: { evaluatedOn: values.evaluatedOn, items: values.items, conclusion: values.conclusion, note: values.note, evaluatedBy: values.evaluatedBy, updatedAt: new Date() },
  });
}

export async function visitsOf(db: DbOrTx, showcaseId: number) {
  return db.select({ id: vi.id, visitedOn: vi.visitedOn, visitors: vi.visitors, people: vi.people, note: vi.note }).from(vi)
    .where(eq(vi.showcaseId, showcaseId)).orderBy(desc(vi.visitedOn), desc(vi.id));
}
export async function insertVisits(db: DbOrTx, values: Omit<typeof vi.$inferInsert, 'id' | 'createdAt'>[]) {
  if (values.length) await db.insert(vi).values(values);
}
export async function deleteVisit(db: DbOrTx, showcaseId: number, id: number) {
  const rows = await db.delete(vi).where(and(eq(vi.showcaseId, showcaseId), eq(vi.id, id))).returning({ id: vi.id, visitors: vi.visitors, visitedOn: vi.visitedOn });
  return rows[0];
}

export async function photosOf(db: DbOrTx, showcaseId: number) {
  return db.select({ id: ph.id, caption: ph.caption, size: ph.size, uploadedAt: ph.uploadedAt }).from(ph).where(eq(ph.showcaseId, showcaseId)).orderBy(asc(ph.id));
}
export async function insertPhoto(db: DbOrTx, values: Omit<typeof ph.$inferInsert, 'id' | 'uploadedAt'>) {
  const [row] = await db.insert(ph).values(values).returning({ id: ph.id });
  return row.id;
}
export async function findPhoto(db: DbOrTx, showcaseId: number, photoId: number) {
  const [row] = await db.select({ mime: ph.mime, data: ph.data }).from(ph).where(and(eq(ph.id, photoId), eq(ph.showcaseId, showcaseId)));
  return row;
}
