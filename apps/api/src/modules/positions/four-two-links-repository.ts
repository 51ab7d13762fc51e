import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { fourTwoProcedures, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

/**
 * 四议两公开 procedures as a village's collective project links them (issue 18 point 5): id, title, status and the
 * branch, in the caller's scope only, either a branch's all (the picker) or the ids asked for.
 */
export async function fourTwoRefs(db: DbOrTx, scope: Scope, by: { organizationId: number } | { ids: number[] }) {
  if ('ids' in by && by.ids.length === 0) return [];
  const which: SQL = 'ids' in by ? inArray(fourTwoProcedures.id, by.ids) : eq(fourTwoProcedures.organizationId, by.organizationId);
  return db.select({ id: fourTwoProcedures.id, title: fourTwoProcedures.title, status: fourTwoProcedures.status, organizationId: fourTwoProcedures.organizationId })
    .from(fourTwoProcedures).innerJoin(organizations, eq(organizations.id, fourTwoProcedures.organizationId))
    .where(and(scopeFilter(organizations, scope), which)).orderBy(desc(fourTwoProcedures.createdAt), desc(fourTwoProcedures.id));
}
