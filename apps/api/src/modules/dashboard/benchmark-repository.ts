/** 对标 (issue 17 point 4): the town's benchmark town, its picked indicators and their yearly values. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { benchmarkIndicators, benchmarkTowns, benchmarkValues, users } from '../../db/schema/index.js';

export type IndicatorValues = Omit<typeof benchmarkIndicators.$inferInsert, 'id' | 'createdAt'>;
export type ValueValues = Omit<typeof benchmarkValues.$inferInsert, 'id' | 'enteredAt'>;

export async function findTown(db: DbOrTx, tenantId: number) {
  const [row] = await db.select({ id: benchmarkTowns.id, name: benchmarkTowns.name, note: benchmarkTowns.note })
    .from(benchmarkTowns).where(eq(benchmarkTowns.tenantId, tenantId)).limit(1);
  return row;
}

/** The town's one benchmark town, created or renamed. */
export async function upsertTown(db: DbOrTx, tenantId: number, name: string, note: string | null, userId: number | null) {
  const [row] = await db.insert(benchmarkTowns).values({ tenantId, name, note, createdBy: userId })
    .onConflictDoUpdate({ target: benchmarkTowns.tenantId, set: { name, note } }).returning({ id: benchmarkTowns.id });
  return row.id;
}

const indicatorColumns = {
  id: benchmarkIndicators.id, catalogueKey: benchmarkIndicators.catalogueKey, name: benchmarkIndicators.name, unit: benchmarkIndicators.unit,
  group: benchmarkIndicators.group, higherIsBetter: benchmarkIndicators.higherIsBetter,
};

export async function listIndicators(db: DbOrTx, tenantId: number) {
  return db.select(indicatorColumns).from(benchmarkIndicators).where(eq(benchmarkIndicators.tenantId, tenantId))
    .orderBy(asc(benchmarkIndicators.group), asc(benchmarkIndicators.id));
}

/** The indicator when it is the town's (another town's id answers like a missing one). */
export async function findIndicator(db: DbOrTx, tenantId: number, id: number) {
  const [row] = await db.select(indicatorColumns).from(benchmarkIndicators)
    .where(and(eq(benchmarkIndicators.id, id), eq(benchmarkIndicators.tenantId, tenantId))).limit(1);
  return row;
}

/** Inserts an indicator unless the town has one of that name or catalogue key (then undefined). */
export async function insertIndicator(db: DbOrTx, values: IndicatorValues) {
  const [row] = await db.insert(benchmarkIndicators).values(values).onConflictDoNothing().returning({ id: benchmarkIndicators.id });
  return row?.id;
}

/** False when the new name is another indicator's. */
export async function updateIndicator(db: DbOrTx, id: number, set: Partial<Pick<IndicatorValues, 'name' | 'unit' | 'group' | 'higherIsBetter'>>) {
  const taken = set.name ? await db.select({ id: benchmarkIndicators.id }).from(benchmarkIndicators)
    .where(and(eq(benchmarkIndicators.name, set.name), sql`${benchmarkIndicators.id} <> ${id}`,
      sql`${benchmarkIndicators.townId} = (select town_id from benchmark_indicators where id = ${id})`)).limit(1) : [];
  if (taken.length) return false;
  if (Object.keys(set).length) await db.update(benchmarkIndicators).set(set).where(eq(benchmarkIndicators.id, id));
  return true;
}

const valueColumns = {
  indicatorId: benchmarkValues.indicatorId, year: benchmarkValues.year, benchmarkValue: benchmarkValues.benchmarkValue, source: benchmarkValues.source,
  ownValue: benchmarkValues.ownValue, ownSource: benchmarkValues.ownSource, enteredAt: benchmarkValues.enteredAt,
  enteredBy: sql<string>`coalesce(${users.displayName}, '系统')`,
};

export async function valuesOf(db: DbOrTx, indicatorIds: number[], years: number[]) {
  if (!indicatorIds.length) return [];
  return db.select(valueColumns).from(benchmarkValues).leftJoin(users, eq(users.id, benchmarkValues.enteredBy))
    .where(and(inArray(benchmarkValues.indicatorId, indicatorIds), inArray(benchmarkValues.year, years)));
}

/** The year's values before a change, locked for the transaction (two edits at once: the second sees the first). */
export async function lockValue(db: DbOrTx, indicatorId: number, year: number) {
  const [row] = await db.select({ benchmarkValue: benchmarkValues.benchmarkValue, source: benchmarkValues.source, ownValue: benchmarkValues.ownValue, ownSource: benchmarkValues.ownSource })
    .from(benchmarkValues).where(and(eq(benchmarkValues.indicatorId, indicatorId), eq(benchmarkValues.year, year))).for('update');
  return row;
}

export async function putValue(db: DbOrTx, values: ValueValues) {
  const { benchmarkValue, source, ownValue, ownSource, enteredBy } = values;
  await db.insert(benchmarkValues).values(values).onConflictDoUpdate({
    target: [benchmarkValues.indicatorId, benchmarkValues.year],
    set: { benchmarkValue, source, ownValue, ownSource, enteredBy, enteredAt: new Date() },
  });
}
