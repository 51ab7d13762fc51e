import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { disclosures, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

/**
 * 三务公开 items as a village's collective project links them when its accounts were published (issue 18 point 5):
 * id, title, period, status and the branch, in the caller's scope only; a branch's published items (the picker) or the
 * ids asked for (any status, so the caller can say which one is not published).
 */
export async function disclosureRefs(db: DbOrTx, scope: Scope, by: { organizationId: number } | { ids: number[] }) {
  if ('ids' in by && by.ids.length === 0) return [];
  const which: SQL | undefined = 'ids' in by ? inArray(disclosures.id, by.ids)
    : and(eq(disclosures.organizationId, by.organizationId), eq(disclosures.status, 'published'));
  return db.select({ id: disclosures.id, title: disclosures.title, period: disclosures.period, status: disclosures.status, organizationId: disclosures.organizationId })
    .from(disclosures).innerJoin(organizations, eq(organizations.id, disclosures.organizationId))
    .where(and(scopeFilter(organizations, scope), which)).orderBy(desc(disclosures.period), desc(disclosures.id)).limit(200);
}
