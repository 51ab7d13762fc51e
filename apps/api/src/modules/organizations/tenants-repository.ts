/** The rows a new town and its sign-in accounts are made of (tenants.ts decides what goes in them). */
import type { Role } from '@dj/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { acrossScope, type DbOrTx } from '../../db/client.js';
import { organizations, roleGrants, tenants, users, villages } from '../../db/schema/index.js';

export async function insertTenant(db: DbOrTx, values: typeof tenants.$inferInsert): Promise<number> {
  const [tenant] = await db.insert(tenants).values(values).returning({ id: tenants.id });
  return tenant.id;
}

/** A root organisation: its path is its own id, known only once the row exists. */
export async function insertRootOrganization(db: DbOrTx, values: Omit<typeof organizations.$inferInsert, 'path'>): Promise<number> {
  const [org] = await db.insert(organizations).values({ ...values, path: 'pending' }).returning({ id: organizations.id });
  await db.update(organizations).set({ path: `/${org.id}/` }).where(eq(organizations.id, org.id));
  return org.id;
}

/** A user and their role grants. */
export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert, grants: { role: Role; organizationId: number }[]): Promise<number> {
  const [user] = await db.insert(users).values(values).returning({ id: users.id });
  if (grants.length) await db.insert(roleGrants).values(grants.map((g) => ({ userId: user.id, ...g })));
  return user.id;
}

export async function insertVillages(db: DbOrTx, rows: (typeof villages.$inferInsert)[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insert(villages).values(rows).returning({ id: villages.id })).map((v) => v.id);
}

/** A tenant by its division code (the command line names towns and districts by it). */
export async function findTenantByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name, kind: tenants.kind, districtId: tenants.districtId })
    .from(tenants).where(eq(tenants.code, code)).limit(1);
  return row;
}

export async function findTenant(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name, kind: tenants.kind }).from(tenants).where(eq(tenants.id, id)).limit(1);
  return row;
}

export async function setTenantDistrict(db: DbOrTx, townId: number, districtId: number): Promise<void> {
  await db.update(tenants).set({ districtId }).where(and(eq(tenants.id, townId), eq(tenants.kind, 'town')));
}

export interface TownRoot { tenantId: number; code: string; name: string; isDemo: boolean; rootId: number; rootName: string; rootPath: string }

/**
 * The towns of a district, each with its root organisation (the 党委), by division code. The one query of the district
 * level that reads several tenants at once: the district's own row scope holds no town, and organizations' policy shows
 * a caller its own town only, so it runs as the system (acrossScope). It reads the towns' names and root organisations,
 * nothing of their business rows; each town's figures are then read in that town's own row scope.
 */
export async function townsOfDistrict(db: DbOrTx, districtId: number): Promise<TownRoot[]> {
  return acrossScope(db, () => db.selectDistinctOn([tenants.code], {
    tenantId: tenants.id, code: tenants.code, name: tenants.name, isDemo: tenants.isDemo,
    rootId: organizations.id, rootName: organizations.name, rootPath: organizations.path,
  }).from(tenants)
    .innerJoin(organizations, and(eq(organizations.tenantId, tenants.id), isNull(organizations.parentId), eq(organizations.status, 'active')))
    .where(and(eq(tenants.districtId, districtId), eq(tenants.kind, 'town')))
    .orderBy(asc(tenants.code), asc(organizations.id)));
}

/** The distinct towns per district: how many a district holds (for the command's message). */
export async function countTownsOfDistrict(db: DbOrTx, districtId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tenants).where(eq(tenants.districtId, districtId));
  return row.n;
}

/** Every district with at least one town (the 驾驶舱快照 job's list; tenants is outside row-level security). */
export async function districtsWithTowns(db: DbOrTx): Promise<{ id: number; code: string; name: string }[]> {
  const towns = db.select({ districtId: tenants.districtId }).from(tenants).where(eq(tenants.kind, 'town'));
  return db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants)
    .where(and(eq(tenants.kind, 'district'), sql`${tenants.id} in (${towns})`)).orderBy(asc(tenants.code));
}
