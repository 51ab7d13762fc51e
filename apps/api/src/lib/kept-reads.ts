/**
 * Reads kept as built (migration 0060, docs/decisions/014): a town's read — the 驾驶舱, the to-do list — is stored as
 * the JSON text it was encoded to, per reader, and served while the town's version and the key hold. The database
 * raises the version at the commit of every transaction that wrote the town's rows.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/client.js';
import type { AuthUser } from './access/index.js';
import { heldRead, storeRead } from './kept-reads-repository.js';

export { storeRead } from './kept-reads-repository.js';

/** Whose build: the read with its query, the user and their grants (an item or a figure may depend on what they may do where). */
function readerOf(read: string, user: AuthUser): string {
  const grants = user.grants.map((g) => `${g.role}@${g.path}`).sort();
  return createHash('sha1').update(JSON.stringify([read, user.id, grants])).digest('hex');
}

/**
 * The reader's last build of `read` while the town's version and `key` hold; else `build()` now, stored under the
 * version read before it was built, so a write that lands meanwhile leaves the build stale, never current. The caller
 * checks permissions first; a build is the user's own (their id and grants are in the reader).
 */
export async function keptRead(db: DbOrTx, user: AuthUser, read: string, key: string, build: () => Promise<string>): Promise<string> {
  const reader = readerOf(read, user);
  const held = await heldRead(db, user.tenantId, reader);
  if (held?.body && held.built === held.version && held.key === key) return held.body;
  const body = await build();
  if (held) await storeRead(db, user.tenantId, reader, held.version, key, body);
  return body;
}
