import type { Db } from '../../db/client.js';
import { readAnchors, type AuditAnchor } from './anchors.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import { auditChainSettings } from './settings.js';
import * as repo from './repository.js';

export interface ChainReport {
  checked: number;
  brokenAt: number | null;
  reason: string | null;
  /** Rows verified with the plain formula: written before the chain was keyed, all at or below the boundary. */
  legacy: number;
  /** The boundary from the anchor file (undefined: no file, so every row had to be keyed). */
  keyedAfter: number | undefined;
  /** Anchors read from the file and matched against the chain. */
  anchors: number;
  /** The highest anchored id: rows after it could be removed unnoticed until the next anchor. */
  lastAnchorId: number | null;
}

/**
 * Walk the whole chain in id order and recompute every hash with the audit key; a plain hash is accepted
 * only below the boundary recorded outside the database, and before the first keyed row. Every anchor must
 * name a row with its hash and row count, and none may lie past the end (a deleted tail).
 */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<ChainReport> {
  const { key, anchorFile } = auditChainSettings();
  const file = anchorFile ? readAnchors(anchorFile) : { anchors: [], keyedAfter: undefined, unreadable: 0 };
  const byId = new Map<number, AuditAnchor>(file.anchors.filter((a) => a.id > 0).map((a) => [a.id, a]));
  const lastAnchorId = file.anchors.length ? Math.max(...file.anchors.map((a) => a.id)) : null;
  const report: ChainReport = { checked: 0, brokenAt: null, reason: null, legacy: 0, keyedAfter: file.keyedAfter, anchors: file.anchors.length, lastAnchorId };
  const broken = (id: number, reason: string) => ({ ...report, brokenAt: id, reason });
  if (file.unreadable > 0) return broken(0, `锚点文件有 ${file.unreadable} 行无法识别(文件被改动)`);
  const boundary = file.keyedAfter ?? 0;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let keyedSeen = false;
  for (;;) {
    const rows = await repo.eventsAfter(db, lastId, batch);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) return broken(row.id, '前一条记录的哈希不符(记录被删除或调换)');
      if (chainHash(prevHash, row, key) === row.hash) keyedSeen = true;
      else if (chainHash(prevHash, row) !== row.hash) return broken(row.id, '记录内容与哈希不符(记录被修改)');
      else if (keyedSeen || row.id > boundary) return broken(row.id, '哈希不是用审计密钥计算的(链被改写后重算)');
      else report.legacy++;
      report.checked++;
      const anchor = byId.get(row.id);
      if (anchor && (anchor.hash !== row.hash || anchor.count !== report.checked)) return broken(row.id, '与库外锚点记录的哈希或条数不符(链被改写)');
      prevHash = row.hash;
      lastId = row.id;
    }
  }
  if (lastAnchorId !== null && lastAnchorId > lastId) return broken(lastAnchorId, `库外锚点记录到第 ${lastAnchorId} 号,库中只到第 ${lastId} 号(末尾记录被删除)`);
  return report;
}
