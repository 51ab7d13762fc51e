/** The town 驾驶舱 as last built (migration 0060): the town's version, and each viewer's build with the version it was built from. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { townBoards, townVersions } from '../../db/schema/index.js';

export interface HeldTownBoard { version: number; built: number | null; key: string | null; body: string | null }

/** The town's version and the viewer's last build (none before the town has a version). */
export async function heldTownBoard(db: DbOrTx, tenantId: number, viewer: string): Promise<HeldTownBoard | undefined> {
  const [row] = await db.select({ version: townVersions.version, built: townBoards.version, key: townBoards.key, body: townBoards.body })
    .from(townVersions)
    .leftJoin(townBoards, and(eq(townBoards.tenantId, townVersions.tenantId), eq(townBoards.viewer, viewer)))
    .where(eq(townVersions.tenantId, tenantId));
  return row;
}

/** Stores a build of `version`; never over one built from a later version. */
export async function storeTownBoard(db: DbOrTx, tenantId: number, viewer: string, version: number, key: string, body: string): Promise<void> {
  await db.insert(townBoards).values({ tenantId, viewer, version, key, body })
    .onConflictDoUpdate({ target: [townBoards.tenantId, townBoards.viewer], set: { version, key, body, builtAt: sql`now()` }, setWhere: sql`${townBoards.version} <= excluded.version` });
}
