import type { Db, DbOrTx } from '../../db/client.js';
import { appendAnchor, readAnchors } from './anchors.js';
import { chainHash, GENESIS_HASH, type AuditFields } from './chain.js';
import * as repo from './repository.js';

import { auditChainSettings } from './settings.js';

export { verifyAuditChain, type ChainReport } from './verify.js';
export { configureAuditChain, type AuditChainSettings } from './settings.js';
export { countSince as countAuditSince } from './repository.js';

export type AuditInput = Omit<AuditFields, 'at' | 'detail' | 'objectId' | 'objectType' | 'username' | 'tenantId' | 'userId' | 'ip'> &
  Partial<Pick<AuditFields, 'detail' | 'objectType' | 'username' | 'tenantId' | 'userId' | 'ip'>> & { objectId?: string | number | null };

/**
 * Append one audit event. Call it inside the business transaction: if the audit insert fails, the write
 * it describes rolls back too (fail closed).
 */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const { key } = auditChainSettings();
  const run = async (tx: DbOrTx) => {
    await repo.lockChain(tx);
    const last = await repo.lastHash(tx);
    const fields: AuditFields = {
      at: new Date(), tenantId: input.tenantId ?? null, userId: input.userId ?? null, username: input.username ?? null,
      ip: input.ip ?? null, action: input.action, objectType: input.objectType ?? null,
      objectId: input.objectId == null ? null : String(input.objectId), result: input.result, detail: input.detail ?? null,
    };
    const prevHash = last ?? GENESIS_HASH;
    await repo.insertEvent(tx, { ...fields, prevHash, hash: chainHash(prevHash, fields, key) });
  };
  // The advisory lock is transaction-scoped, so a bare pool handle gets its own short transaction.
  if ('transaction' in db && !('rollback' in db)) await (db as Db).transaction(run);
  else await run(db);
}

/** Per anchor file: the id this process anchored last (so an idle chain adds no lines), once its boundary is known. */
const lastAnchored = new Map<string, number>();

/**
 * Write the committed head to the anchor file (the anchor job, every minute, and at start). The first line of a
 * new file is the boundary: rows up to the head at that moment may predate the key (an upgraded platform's old
 * rows). Returns the anchor written, or null when the head has not moved.
 */
export async function writeAuditAnchor(db: DbOrTx): Promise<{ id: number; count: number } | null> {
  const { anchorFile } = auditChainSettings();
  if (!anchorFile) return null;
  const h = await repo.head(db);
  const anchor = { at: new Date().toISOString(), id: h?.id ?? 0, count: h?.count ?? 0, hash: h?.hash ?? null };
  if (!lastAnchored.has(anchorFile) && readAnchors(anchorFile).keyedAfter === undefined) {
    appendAnchor(anchorFile, { ...anchor, keyedAfter: anchor.id });
  } else if (lastAnchored.get(anchorFile) !== anchor.id) {
    appendAnchor(anchorFile, anchor);
  } else {
    return null;
  }
  lastAnchored.set(anchorFile, anchor.id);
  return { id: anchor.id, count: anchor.count };
}
