/**
 * 一村一品 (issue 18 point 4): each village's signature products, kept by the village's secretary or the town, read by
 * everyone who reads the village's collective income. The demo files its products through createProduct.
 */
import { CreateProductSchema, ProductInputSchema, type CreateProduct, type Product, type ProductInput, type ProductList, type PublicProduct } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, type AuthUser, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import * as repo from './products-repository.js';
import { seesVillages, villagesOfList, writable, writableVillage } from './village-records.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findProduct>>>;

const toProduct = (user: AuthUser, { organizationPath, updatedAt, ...r }: Row): Product => ({
  ...r, updatedAt: updatedAt.toISOString(), can: { edit: can(user, 'economy.enter', organizationPath) },
});

export async function listProducts(db: Db, user: AuthUser, orgId?: number): Promise<ProductList> {
  const villages = await villagesOfList(db, user, orgId);
  const rows = await repo.listProducts(db, user.scope, villages.map((v) => v.organizationId));
  return { villages: villages.map(({ path: _path, ...v }) => v), items: rows.map((r) => toProduct(user, r)) };
}

async function view(db: DbOrTx, user: AuthUser, id: number) {
  const row = seesVillages(user) ? await repo.findProduct(db, user.scope, id) : undefined;
  if (!row) throw notFound('一村一品');
  return toProduct(user, row);
}

/** Files a product under a village (the demo calls this with isDemo when the article's place is a 自然村 it attached). */
export async function createProduct(db: Db, caller: Caller, body: CreateProduct, options: { isDemo?: boolean } = {}): Promise<Product> {
  const { organizationId, ...input } = CreateProductSchema.parse(body);
  return db.transaction(async (tx) => {
    const village = await writableVillage(tx, caller.user, organizationId);
    const id = await repo.insertProduct(tx, {
      ...input, tenantId: caller.user.tenantId, organizationId: village.id, isDemo: options.isDemo ?? false,
      createdBy: caller.user.id, updatedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'economy.product.create', objectType: 'economy_product', objectId: id, detail: { organizationId, ...input } });
    return view(tx, caller.user, id);
  });
}

export async function updateProduct(db: Db, caller: Caller, id: number, body: ProductInput): Promise<Product> {
  const input = ProductInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const old = writable(caller.user, seesVillages(caller.user) ? await repo.findProduct(tx, caller.user.scope, id) : undefined, '一村一品');
    await repo.updateProduct(tx, id, { ...input, updatedBy: caller.user.id });
    await audit(tx, caller, { action: 'economy.product.update', objectType: 'economy_product', objectId: id, detail: {
      organizationId: old.organizationId, from: { name: old.name, areaMu: old.areaMu, valueFen: old.valueFen, households: old.households }, to: input,
    } });
    return view(tx, caller.user, id);
  });
}

export async function deleteProduct(db: Db, caller: Caller, id: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const old = writable(caller.user, seesVillages(caller.user) ? await repo.findProduct(tx, caller.user.scope, id) : undefined, '一村一品');
    await repo.deleteProduct(tx, id);
    const { organizationPath: _p, updatedAt: _u, ...kept } = old;
    // The audit line keeps what was deleted: the record itself is gone.
    await audit(tx, caller, { action: 'economy.product.delete', objectType: 'economy_product', objectId: id, detail: kept });
    return { ok: true as const };
  });
}

/**
 * A village's 一村一品 as its public page shows them (point 6): the public fields only (no note, no demo mark), for
 * the public page to call with the village it serves; no caller, since the page is public.
 */
export async function villageProducts(db: DbOrTx, villageId: number): Promise<PublicProduct[]> {
  return repo.productsOfVillage(db, villageId);
}
