import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { microPowerAdoptions, microPowerItems, microPowerUses, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';

export async function itemsOf(db: DbOrTx, tenantId: number) {
  return db.select().from(microPowerItems).where(eq(microPowerItems.tenantId, tenantId)).orderBy(asc(microPowerItems.sortOrder), asc(microPowerItems.id));
}

export async function findItem(db: DbOrTx, tenantId: number, id: number) {
  const [row] = await db.select().from(microPowerItems).where(and(eq(microPowerItems.tenantId, tenantId), eq(microPowerItems.id, id))).limit(1);
  return row;
}

export async function itemNamed(db: DbOrTx, tenantId: number, name: string) {
  const [row] = await db.select({ id: microPowerItems.id }).from(microPowerItems).where(and(eq(microPowerItems.tenantId, tenantId), eq(microPowerItems.name, name))).limit(1);
  return row;
}

/** Inserts rows whose name is not taken yet; concurrent first reads of a tenant cannot duplicate the template. */
export async function insertItems(db: DbOrTx, values: (typeof microPowerItems.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(microPowerItems).values(values).onConflictDoNothing().returning({ id: microPowerItems.id });
}

export async function nextSortOrder(db: DbOrTx, tenantId: number) {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${microPowerItems.sortOrder}), 0)::int + 1` }).from(microPowerItems).where(eq(microPowerItems.tenantId, tenantId));
  return row.n;
}

export async function updateItem(db: DbOrTx, id: number, values: Partial<typeof microPowerItems.$inferInsert>) {
  await db.update(microPowerItems).set({ ...values, updatedAt: new Date() }).where(eq(microPowerItems.id, id));
}

/** Branches in scope (or the one under orgPath) with their adopted items. */
export async function adoptionsInScope(db: DbOrTx, scope: Scope, orgPath?: string) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), isNull(organizations.closedAt)];
  if (orgPath) parts.push(eq(organizations.path, orgPath));
  else parts.push(eq(organizations.sector, 'village'));
  return db.select({ organizationId: organizations.id, organizationName: organizations.name, itemId: microPowerAdoptions.itemId, adoptedOn: microPowerAdoptions.adoptedOn })
    .from(organizations).leftJoin(microPowerAdoptions, eq(microPowerAdoptions.organizationId, organizations.id))
    .where(and(...parts)).orderBy(asc(organizations.path), asc(microPowerAdoptions.itemId));
}

export async function adoptionsOf(db: DbOrTx, organizationId: number) {
  return db.select({ itemId: microPowerAdoptions.itemId, adoptedOn: microPowerAdoptions.adoptedOn }).from(microPowerAdoptions)
    .where(eq(microPowerAdoptions.organizationId, organizationId)).orderBy(asc(microPowerAdoptions.itemId));
}

export async function insertAdoptions(db: DbOrTx, values: (typeof microPowerAdoptions.$inferInsert)[]) {
  if (values.length) await db.insert(microPowerAdoptions).values(values);
}

export async function deleteAdoptions(db: DbOrTx, organizationId: number, itemIds: number[]) {
  if (itemIds.length) await db.delete(microPowerAdoptions).where(and(eq(microPowerAdoptions.organizationId, organizationId), inArray(microPowerAdoptions.itemId, itemIds)));
}

const useColumns = {
  id: microPowerUses.id, organizationId: microPowerUses.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  itemId: microPowerUses.itemId, itemName: microPowerItems.name, area: microPowerItems.area, stepNames: microPowerItems.steps,
  subject: microPowerUses.subject, startedOn: microPowerUses.startedOn, steps: microPowerUses.steps, publishable: microPowerUses.publishable, isDemo: microPowerUses.isDemo,
};
export type UseRow = Awaited<ReturnType<typeof listUses>>[number];

export async function listUses(db: DbOrTx, scope: Scope, f: { orgPath?: string; id?: number }) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.orgPath) parts.push(inSubtree(organizations.path, f.orgPath));
  if (f.id) parts.push(eq(microPowerUses.id, f.id));
  return db.select(useColumns).from(microPowerUses).innerJoin(organizations, eq(organizations.id, microPowerUses.organizationId))
    .innerJoin(microPowerItems, eq(microPowerItems.id, microPowerUses.itemId))
    .where(and(...parts)).orderBy(asc(organizations.path), asc(microPowerUses.startedOn), asc(microPowerUses.id));
}

/** One use in scope, locked for the write that follows (two people recording the same step at once). */
export async function findUse(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await listUses(db, scope, { id });
  if (row) await db.execute(sql`select id from micro_power_uses where id = ${id} for update`);
  return row;
}

export async function insertUse(db: DbOrTx, values: typeof microPowerUses.$inferInsert) {
  const [row] = await db.insert(microPowerUses).values(values).returning({ id: microPowerUses.id });
  return row.id;
}

export async function updateUse(db: DbOrTx, id: number, values: Partial<typeof microPowerUses.$inferInsert>) {
  await db.update(microPowerUses).set(values).where(eq(microPowerUses.id, id));
}

/** Per item: how many uses, and the highest step index recorded (editing an item's steps must keep those valid). */
export async function useStatsOfItem(db: DbOrTx, itemId: number) {
  const result = await db.execute(sql`select count(distinct u.id)::int as n, coalesce(max((s->>'index')::int), -1)::int as "maxIndex"
    from micro_power_uses u left join lateral jsonb_array_elements(u.steps) s on true where u.item_id = ${itemId}`);
  return result.rows[0] as { n: number; maxIndex: number };
}

/** Items of an organisation that have uses: an adoption cannot be withdrawn under them. */
export async function usedItemIds(db: DbOrTx, organizationId: number) {
  const rows = await db.selectDistinct({ itemId: microPowerUses.itemId }).from(microPowerUses).where(eq(microPowerUses.organizationId, organizationId));
  return rows.map((r) => r.itemId);
}
