import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, persons, talents } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

/**
 * The registry's talents as the economy links them (a 经营主体's 致富带头人, issue 18 point 4): id, name and the village
 * branch they are filed under, in the caller's scope only, either a village's all (the picker) or the ids asked for.
 */
export async function talentRefs(db: DbOrTx, scope: Scope, by: { organizationId: number } | { ids: number[] }) {
  if ('ids' in by && by.ids.length === 0) return [];
  const which: SQL = 'ids' in by ? inArray(talents.id, by.ids) : eq(talents.organizationId, by.organizationId);
  return db.select({ id: talents.id, name: persons.name, organizationId: talents.organizationId })
    .from(talents).innerJoin(persons, eq(persons.id, talents.personId)).innerJoin(organizations, eq(organizations.id, talents.organizationId))
    .where(and(scopeFilter(organizations, scope), which)).orderBy(asc(persons.name), asc(talents.id));
}
