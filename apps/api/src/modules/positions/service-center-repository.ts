import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, serviceCenterPhotos, serviceCenterProjects, serviceCenters } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

const centerColumns = {
  id: serviceCenters.id, organizationId: serviceCenters.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  villageId: serviceCenters.villageId, name: serviceCenters.name, address: serviceCenters.address, floorArea: serviceCenters.floorArea,
  rooms: serviceCenters.rooms, openingHours: serviceCenters.openingHours, standard: serviceCenters.standard, builtOn: serviceCenters.builtOn,
  note: serviceCenters.note, isDemo: serviceCenters.isDemo, updatedAt: serviceCenters.updatedAt,
};
export type CenterRow = Awaited<ReturnType<typeof listCenters>>[number];

/** Centres are scoped through their branch's path. */
export async function listCenters(db: DbOrTx, scope: Scope, extra?: SQL) {
  return db.select(centerColumns).from(serviceCenters).innerJoin(organizations, eq(organizations.id, serviceCenters.organizationId))
    .where(and(scopeFilter(organizations, scope), extra)).orderBy(asc(organizations.path));
}

export async function findCenter(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await listCenters(db, scope, eq(serviceCenters.id, id));
  return row;
}

export async function findCenterOfOrg(db: DbOrTx, organizationId: number) {
  const [row] = await db.select({ id: serviceCenters.id }).from(serviceCenters).where(eq(serviceCenters.organizationId, organizationId)).limit(1);
  return row;
}

/** Village branches in scope: the rows of the "no centre yet" list. */
export async function villageBranches(db: DbOrTx, scope: Scope, orgPath?: string) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), eq(organizations.sector, 'village'), isNull(organizations.closedAt)];
  if (orgPath) parts.push(eq(organizations.path, orgPath));
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(and(...parts)).orderBy(asc(organizations.path));
}

export async function upsertCenter(db: DbOrTx, values: typeof serviceCenters.$inferInsert) {
  const { tenantId: _t, organizationId: _o, ...set } = values;
  const [row] = await db.insert(serviceCenters).values(values)
    .onConflictDoUpdate({ target: serviceCenters.organizationId, set: { ...set, updatedAt: new Date() } })
    .returning({ id: serviceCenters.id });
  return row.id;
}

export async function photosOf(db: DbOrTx, centerIds: number[]) {
  if (!centerIds.length) return [];
  return db.select({ id: serviceCenterPhotos.id, centerId: serviceCenterPhotos.serviceCenterId, caption: serviceCenterPhotos.caption, size: serviceCenterPhotos.size, uploadedAt: serviceCenterPhotos.uploadedAt })
    .from(serviceCenterPhotos).where(inArray(serviceCenterPhotos.serviceCenterId, centerIds)).orderBy(asc(serviceCenterPhotos.id));
}

export async function insertPhoto(db: DbOrTx, values: typeof serviceCenterPhotos.$inferInsert) {
  const [row] = await db.insert(serviceCenterPhotos).values(values).returning({ id: serviceCenterPhotos.id });
  return row.id;
}

/** A photo of this centre: the centre id in the condition keeps another centre's photo id from answering. */
export async function findPhoto(db: DbOrTx, centerId: number, photoId: number) {
  const [row] = await db.select({ mime: serviceCenterPhotos.mime, data: serviceCenterPhotos.data }).from(serviceCenterPhotos)
    .where(and(eq(serviceCenterPhotos.id, photoId), eq(serviceCenterPhotos.serviceCenterId, centerId))).limit(1);
  return row;
}

export async function projectsOf(db: DbOrTx, centerIds: number[]) {
  if (!centerIds.length) return [];
  return db.select().from(serviceCenterProjects).where(inArray(serviceCenterProjects.serviceCenterId, centerIds))
    .orderBy(asc(serviceCenterProjects.startedOn), asc(serviceCenterProjects.id));
}

export async function insertProject(db: DbOrTx, values: typeof serviceCenterProjects.$inferInsert) {
  const [row] = await db.insert(serviceCenterProjects).values(values).returning({ id: serviceCenterProjects.id });
  return row.id;
}

export async function findProject(db: DbOrTx, centerId: number, projectId: number) {
  const [row] = await db.select().from(serviceCenterProjects)
    .where(and(eq(serviceCenterProjects.id, projectId), eq(serviceCenterProjects.serviceCenterId, centerId))).for('update').limit(1);
  return row;
}

export async function updateProject(db: DbOrTx, projectId: number, values: Partial<typeof serviceCenterProjects.$inferInsert>) {
  await db.update(serviceCenterProjects).set({ ...values, updatedAt: new Date() }).where(eq(serviceCenterProjects.id, projectId));
}
