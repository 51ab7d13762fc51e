import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { economyIncomes as e, economyProducts as p, organizations, tenants, villages } from '../../db/schema/index.js';

/** A village by its division code (unique across towns), with its town; public routes run as the system. */
export async function villageByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: villages.id, code: villages.code, name: villages.name, tenantId: villages.tenantId }).from(villages).where(eq(villages.code, code));
  return row;
}

export async function townByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(and(eq(tenants.code, code), eq(tenants.kind, 'town')));
  return row;
}

/** The latest approved version of the village's year (its active branch's), or undefined. */
export async function approvedYearOfVillage(db: DbOrTx, villageId: number, year: number) {
  const [row] = await db.select({ operating: e.operatingFen, contracting: e.contractingFen, investment: e.investmentFen, subsidy: e.subsidyFen, other: e.otherFen })
    .from(e).innerJoin(organizations, eq(organizations.id, e.organizationId))
    .where(and(eq(organizations.villageId, villageId), eq(organizations.kind, 'branch'), eq(organizations.status, 'active'), eq(e.year, year), eq(e.status, 'approved')))
    .orderBy(desc(e.version)).limit(1);
  return row;
}

/** Every village's 一村一品 of a town, in the villages' order, for the town's public list. */
export async function productsOfTown(db: DbOrTx, tenantId: number) {
  return db.select({ villageCode: villages.code, villageName: villages.name, name: p.name, category: p.category, brand: p.brand })
    .from(p).innerJoin(organizations, eq(organizations.id, p.organizationId)).innerJoin(villages, eq(villages.id, organizations.villageId))
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.status, 'active'), isNotNull(organizations.villageId)))
    .orderBy(asc(organizations.sortOrder), asc(organizations.path), asc(p.id));
}
