import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { economyProducts as p, organizations, villages } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { villageBranchIn } from './repository.js';

export const publicColumns = {
  id: p.id, name: p.name, category: p.category, naturalVillage: p.naturalVillage, areaMu: p.areaMu, outputAmount: p.outputAmount,
  outputUnit: p.outputUnit, valueFen: p.valueFen, figuresYear: p.figuresYear, households: p.households, brand: p.brand,
};
const columns = {
  ...publicColumns, organizationId: p.organizationId, villageName: villages.name, organizationPath: organizations.path,
  note: p.note, isDemo: p.isDemo, updatedAt: p.updatedAt,
};

const scoped = (db: DbOrTx) => db.select(columns).from(p)
  .innerJoin(organizations, eq(organizations.id, p.organizationId)).innerJoin(villages, eq(villages.id, organizations.villageId));

/** The products of the given village branches (already in scope), in tree order. */
export async function listProducts(db: DbOrTx, scope: Scope, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  return scoped(db).where(and(villageBranchIn(scope), inArray(p.organizationId, organizationIds))).orderBy(asc(organizations.path), asc(p.id));
}

export async function findProduct(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await scoped(db).where(and(villageBranchIn(scope), eq(p.id, id))).limit(1);
  return row;
}

/** A village's products as its public page shows them: the public fields only, no scope (the page is public). */
export async function productsOfVillage(db: DbOrTx, villageId: number) {
  return db.select(publicColumns).from(p).innerJoin(organizations, eq(organizations.id, p.organizationId))
    .where(and(eq(organizations.villageId, villageId), eq(organizations.status, 'active'))).orderBy(asc(p.id));
}

export type ProductValues = Omit<typeof p.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertProduct(db: DbOrTx, values: ProductValues) {
  const [row] = await db.insert(p).values(values).returning({ id: p.id });
  return row.id;
}

export async function updateProduct(db: DbOrTx, id: number, values: Partial<ProductValues>) {
  await db.update(p).set({ ...values, updatedAt: new Date() }).where(eq(p.id, id));
}

export async function deleteProduct(db: DbOrTx, id: number) {
  await db.delete(p).where(eq(p.id, id));
}
