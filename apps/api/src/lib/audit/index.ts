import type { Db, DbOrTx } from '../../db/client.js';
import { chainHash, GENESIS_HASH, type AuditFields } from './chain.js';
import * as repo from './repository.js';

export type AuditInput = Omit<AuditFields, 'at' | 'detail' | 'objectId' | 'objectType' | 'username' | 'tenantId' | 'userId' | 'ip'> &
  Partial<Pick<AuditFields, 'detail' | 'objectType' | 'username' | 'tenantId' | 'userId' | 'ip'>> & { objectId?: string | number | null };

/**
 * Append one audit event. Call it inside the business transaction: if the audit insert fails, the write
 * it describes rolls back too (fail closed).
 */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const run = async (tx: DbOrTx) => {
    await repo.lockChain(tx);
    const last = await repo.lastHash(tx);
    const fields: AuditFields = {
      at: new Date(), tenantId: input.tenantId ?? null, userId: input.userId ?? null, username: input.username ?? null,
      ip: input.ip ?? null, action: input.action, objectType: input.objectType ?? null,
      objectId: input.objectId == null ? null : String(input.objectId), result: input.result, detail: input.detail ?? null,
    };
    const prevHash = last ?? GENESIS_HASH;
    await repo.insertEvent(tx, { ...fields, prevHash, hash: chainHash(prevHash, fields) });
  };
  // The advisory lock is transaction-scoped, so a bare pool handle gets its own short transaction.
  if ('transaction' in db && !('rollback' in db)) await (db as Db).transaction(run);
  else await run(db);
}

export interface ChainReport { checked: number; brokenAt: number | null; reason: string | null }

/** Walk the whole chain in id order and recompute every hash. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await repo.eventsAfter(db, lastId, batch);
    if (rows.length === 0) return { checked, brokenAt: null, reason: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { checked, brokenAt: row.id, reason: '前一条记录的哈希不符(记录被删除或调换)' };
      if (chainHash(prevHash, row) !== row.hash) return { checked, brokenAt: row.id, reason: '记录内容与哈希不符(记录被修改)' };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
