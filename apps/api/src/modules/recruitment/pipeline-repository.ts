/**
 * 发展党员 in the pipeline by phase for the 驾驶舱 (issue 17): open recruitments (active or probationary) of the
 * subtrees at `paths`, counted by the database.
 */
import { and, count, inArray, or, sql } from 'drizzle-orm';
import type { PipelinePhase } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations, recruitments } from '../../db/schema/index.js';
import { inSubtree, scopeFilter, type Scope } from '../../db/scope.js';

export async function pipelineCounts(db: DbOrTx, scope: Scope, paths: string[]): Promise<Map<PipelinePhase, number>> {
  if (!paths.length) return new Map();
  const rows = await db.select({ phase: recruitments.phase, n: count() }).from(recruitments)
    .innerJoin(organizations, sql`${organizations.id} = ${recruitments.organizationId}`)
    .where(and(scopeFilter(organizations, scope), or(...paths.map((p) => inSubtree(organizations.path, p))), inArray(recruitments.status, ['active', 'probationary'])))
    .groupBy(recruitments.phase);
  return new Map(rows.filter((r) => r.phase).map((r) => [r.phase as PipelinePhase, Number(r.n)]));
}
