import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, organizations } from '../../db/schema/index.js';
import { inSubtree } from '../../db/scope.js';

/** 党员 on the roster in a branch's subtree (its 党小组 included): a showcase's live figure (issue 20). */
export async function memberCountIn(db: DbOrTx, tenantId: number, path: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(organizations.tenantId, tenantId), inSubtree(organizations.path, path), eq(members.onRoster, true), eq(members.membershipStatus, 'active')));
  return row?.n ?? 0;
}
