import { and, between, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { activities, organizations } from '../../db/schema/index.js';
import { inSubtree } from '../../db/scope.js';

/** 组织生活 held (recorded, not a plan) in a branch's subtree between two dates: a showcase's live figure (issue 20). */
export async function activitiesHeldIn(db: DbOrTx, tenantId: number, path: string, from: string, to: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(activities).innerJoin(organizations, eq(organizations.id, activities.organizationId))
    .where(and(eq(organizations.tenantId, tenantId), inSubtree(organizations.path, path), eq(activities.status, 'recorded'), between(activities.heldOn, from, to)));
  return row?.n ?? 0;
}
