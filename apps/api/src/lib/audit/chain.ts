import type { AuditResult } from '@dj/contracts';
import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  at: Date;
  tenantId: number | null;
  userId: number | null;
  username: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  detail: Record<string, unknown> | null;
}

/** JSON with sorted keys: jsonb reorders keys, so the hash must not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Each event's hash covers the previous hash, so editing, removing or reordering any row breaks the chain.
 * With the audit key (kept outside the database) the hash is an HMAC: someone who can write to the database
 * can no longer recompute the chain after an edit. Without a key: the plain SHA-256 of the rows written before
 * the chain was keyed, which verify accepts only up to the boundary recorded outside the database.
 */
export function chainHash(prevHash: string, e: AuditFields, key?: Buffer): string {
  const body = canonicalJson({
    at: e.at.toISOString(), tenantId: e.tenantId, userId: e.userId, username: e.username, ip: e.ip,
    action: e.action, objectType: e.objectType, objectId: e.objectId, result: e.result, detail: e.detail,
  });
  const digest = key ? createHmac('sha256', key) : createHash('sha256');
  return digest.update(prevHash).update('\n').update(body).digest('hex');
}
