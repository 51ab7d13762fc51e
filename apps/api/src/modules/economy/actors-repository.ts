import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { economyActors as a, economyActorSupport as s, organizations, villages } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import { villageBranchIn } from './repository.js';

const columns = {
  id: a.id, organizationId: a.organizationId, villageName: villages.name, organizationPath: organizations.path, kind: a.kind, name: a.name,
  representative: a.representative, leaderTalentId: a.leaderTalentId, leaderName: a.leaderName, members: a.members, households: a.households,
  business: a.business, note: a.note, isDemo: a.isDemo, updatedAt: a.updatedAt,
};

const scoped = (db: DbOrTx) => db.select(columns).from(a)
  .innerJoin(organizations, eq(organizations.id, a.organizationId)).innerJoin(villages, eq(villages.id, organizations.villageId));

/** The actors of the given village branches (already in scope), in tree order, by kind. */
export async function listActors(db: DbOrTx, scope: Scope, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  return scoped(db).where(and(villageBranchIn(scope), inArray(a.organizationId, organizationIds))).orderBy(asc(organizations.path), asc(a.kind), asc(a.id));
}

export async function findActor(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await scoped(db).where(and(villageBranchIn(scope), eq(a.id, id))).limit(1);
  return row;
}

export async function supportOf(db: DbOrTx, actorIds: number[]) {
  if (!actorIds.length) return [];
  return db.select({ id: s.id, actorId: s.actorId, kind: s.kind, year: s.year, amountFen: s.amountFen, description: s.description, source: s.source })
    .from(s).where(inArray(s.actorId, actorIds)).orderBy(desc(s.year), desc(s.id));
}

export type ActorValues = Omit<typeof a.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertActor(db: DbOrTx, values: ActorValues) {
  const [row] = await db.insert(a).values(values).returning({ id: a.id });
  return row.id;
}

export async function updateActor(db: DbOrTx, id: number, values: Partial<ActorValues>) {
  await db.update(a).set({ ...values, updatedAt: new Date() }).where(eq(a.id, id));
}

/** An actor and its support rows (in the caller's transaction: the rows go with it). */
export async function deleteActor(db: DbOrTx, id: number) {
  await db.delete(s).where(eq(s.actorId, id));
  await db.delete(a).where(eq(a.id, id));
}

export async function insertSupport(db: DbOrTx, values: Omit<typeof s.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(s).values(values).returning({ id: s.id });
  return row.id;
}

/** Deletes a support row of this actor; the row deleted, or undefined when the actor has no such row. */
export async function deleteSupport(db: DbOrTx, actorId: number, supportId: number) {
  const [row] = await db.delete(s).where(and(eq(s.id, supportId), eq(s.actorId, actorId))).returning();
  return row;
}
