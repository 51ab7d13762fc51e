/**
 * The audit chain's anchors: its head (last id, row count, hash) written at intervals to a file outside the
 * database, one JSON line each, appended only. Someone who can write to the database but not to this file can
 * neither rewrite the chain below an anchor nor delete its tail past one without verify noticing.
 * The first line also records where the keyed chain begins (keyedAfter): rows above it must carry HMACs.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AuditAnchor {
  at: string;
  /** The head's id (0: empty chain), the number of rows up to it, and its hash. */
  id: number;
  count: number;
  hash: string | null;
  /** Only on the boundary line: rows up to this id may predate the audit key (plain SHA-256 hashes). */
  keyedAfter?: number;
}

export interface AnchorFile {
  anchors: AuditAnchor[];
  /** Undefined when the file has no boundary line (absent file: every row must be keyed). */
  keyedAfter: number | undefined;
  /** Lines that do not parse: reported, since nothing but the platform should write there. */
  unreadable: number;
}

export function readAnchors(file: string): AnchorFile {
  if (!existsSync(file)) return { anchors: [], keyedAfter: undefined, unreadable: 0 };
  const anchors: AuditAnchor[] = [];
  let unreadable = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const a = JSON.parse(line) as AuditAnchor;
      if (Number.isSafeInteger(a.id) && Number.isSafeInteger(a.count)) anchors.push(a);
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  const boundary = anchors.find((a) => a.keyedAfter !== undefined);
  return { anchors, keyedAfter: boundary?.keyedAfter, unreadable };
}

/** One line per call; O_APPEND keeps lines of several processes whole. */
export function appendAnchor(file: string, anchor: AuditAnchor): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}
