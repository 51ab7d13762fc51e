/**
 * The first day the branches of a scope recorded a 组织生活 on the platform: before it the platform holds no record
 * of them, so the 对标 (issue 17 point 4) does not count those months' requirements as missed.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { activities, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

export async function firstActivityOn(db: DbOrTx, scope: Scope): Promise<string | null> {
  const { rows: [row] } = await db.execute<{ on: string | null }>(sql`
    select min(${activities.heldOn})::text as "on" from ${activities}
    join ${organizations} on ${organizations.id} = ${activities.organizationId}
    where ${scopeFilter(organizations, scope)}`);
  return row?.on ?? null;
}
