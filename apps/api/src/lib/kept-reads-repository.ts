/** The rows of reads kept as built (migration 0060): the town's version and each reader's last build. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { townReads, townVersions } from '../db/schema/index.js';

export interface HeldRead { version: number; built: number | null; key: string | null; body: string | null }

/** The town's version and the reader's last build (none before the town has a version). */
export async function heldRead(db: DbOrTx, tenantId: number, reader: string): Promise<HeldRead | undefined> {
  const [row] = await db.select({ version: townVersions.version, built: townReads.version, key: townReads.key, body: townReads.body })
    .from(townVersions)
    .leftJoin(townReads, and(eq(townReads.tenantId, townVersions.tenantId), eq(townReads.reader, reader)))
    .where(eq(townVersions.tenantId, tenantId));
  return row;
}

/** Stores a build of `version`; never over one built from a later version. */
export async function storeRead(db: DbOrTx, tenantId: number, reader: string, version: number, key: string, body: string): Promise<void> {
  await db.insert(townReads).values({ tenantId, reader, version, key, body })
    .onConflictDoUpdate({ target: [townReads.tenantId, townReads.reader], set: { version, key, body, builtAt: sql`now()` }, setWhere: sql`${townReads.version} <= excluded.version` });
}
