import { and, asc, eq, exists } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, villages } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

/** Villages that some organisation inside the scope belongs to. */
export async function listInScope(db: DbOrTx, scope: Scope) {
  return db.select({ id: villages.id, code: villages.code, name: villages.name }).from(villages)
    .where(and(eq(villages.tenantId, scope.tenantId), exists(
      db.select({ one: organizations.id }).from(organizations)
        .where(and(eq(organizations.villageId, villages.id), scopeFilter(organizations, scope))),
    )))
    .orderBy(asc(villages.code));
}

export async function listAll(db: DbOrTx, tenantId: number) {
  return db.select({ id: villages.id, code: villages.code, name: villages.name }).from(villages)
    .where(eq(villages.tenantId, tenantId)).orderBy(asc(villages.code));
}
