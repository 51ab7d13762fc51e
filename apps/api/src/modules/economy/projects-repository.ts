import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { economyProjectIncomes as inc, economyProjectPhotos as ph, economyProjects as p, organizations, villages } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { villageBranchIn } from './repository.js';

const columns = {
  id: p.id, organizationId: p.organizationId, villageName: villages.name, organizationPath: organizations.path, name: p.name,
  investmentFen: p.investmentFen, funding: p.funding, stage: p.stage, approvedOn: p.approvedOn, startedOn: p.startedOn,
  acceptedOn: p.acceptedOn, operatingOn: p.operatingOn, acceptanceNote: p.acceptanceNote, fourTwoId: p.fourTwoId,
  disclosureId: p.disclosureId, note: p.note, isDemo: p.isDemo, updatedAt: p.updatedAt,
};

const scoped = (db: DbOrTx) => db.select(columns).from(p)
  .innerJoin(organizations, eq(organizations.id, p.organizationId)).innerJoin(villages, eq(villages.id, organizations.villageId));

export async function listProjects(db: DbOrTx, scope: Scope, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  return scoped(db).where(and(villageBranchIn(scope), inArray(p.organizationId, organizationIds))).orderBy(asc(organizations.path), desc(p.approvedOn), desc(p.id));
}

/** One project in scope; `lock` serialises two writers of the same project (a photo and an edit). */
export async function findProject(db: DbOrTx, scope: Scope, id: number, lock = false) {
  const [row] = await scoped(db).where(and(villageBranchIn(scope), eq(p.id, id))).limit(1);
  if (row && lock) await db.execute(sql`select id from economy_projects where id = ${id} for update`);
  return row;
}

export async function incomesOf(db: DbOrTx, projectIds: number[]) {
  if (!projectIds.length) return [];
  return db.select({ projectId: inc.projectId, year: inc.year, amountFen: inc.amountFen, note: inc.note }).from(inc)
    .where(inArray(inc.projectId, projectIds)).orderBy(asc(inc.year));
}

export async function photosOf(db: DbOrTx, projectIds: number[]) {
  if (!projectIds.length) return [];
  return db.select({ id: ph.id, projectId: ph.projectId, caption: ph.caption, size: ph.size, uploadedAt: ph.uploadedAt }).from(ph)
    .where(inArray(ph.projectId, projectIds)).orderBy(asc(ph.id));
}

export type ProjectValues = Omit<typeof p.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertProject(db: DbOrTx, values: ProjectValues) {
  const [row] = await db.insert(p).values(values).returning({ id: p.id });
  return row.id;
}

export async function updateProject(db: DbOrTx, id: number, values: Partial<ProjectValues>) {
  await db.update(p).set({ ...values, updatedAt: new Date() }).where(eq(p.id, id));
}

/** Sets a year's 收益; returns the amount it replaced (null for a new year). */
export async function upsertIncome(db: DbOrTx, values: Omit<typeof inc.$inferInsert, 'id' | 'updatedAt'>) {
  const [old] = await db.select({ amountFen: inc.amountFen }).from(inc).where(and(eq(inc.projectId, values.projectId), eq(inc.year, values.year))).for('update');
  await db.insert(inc).values(values).onConflictDoUpdate({ target: [inc.projectId, inc.year], set: { amountFen: values.amountFen, note: values.note, updatedBy: values.updatedBy, updatedAt: new Date() } });
  return old?.amountFen ?? null;
}

export async function deleteIncome(db: DbOrTx, projectId: number, year: number) {
  const [row] = await db.delete(inc).where(and(eq(inc.projectId, projectId), eq(inc.year, year))).returning({ amountFen: inc.amountFen });
  return row;
}

export async function insertPhoto(db: DbOrTx, values: Omit<typeof ph.$inferInsert, 'id' | 'uploadedAt'>) {
  const [row] = await db.insert(ph).values(values).returning({ id: ph.id });
  return row.id;
}

export async function findPhoto(db: DbOrTx, projectId: number, photoId: number) {
  const [row] = await db.select({ mime: ph.mime, data: ph.data }).from(ph).where(and(eq(ph.id, photoId), eq(ph.projectId, projectId)));
  return row;
}
