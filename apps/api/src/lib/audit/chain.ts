import type { AuditResult } from '@dj/contracts';
import { createHash } from 'node:crypto';

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

/** Each event's hash covers the previous hash, so editing, removing or reordering any row breaks the chain. */
export function chainHash(prevHash: string, e: AuditFields): string {
  const body = canonicalJson({
    at: e.at.toISOString(), tenantId: e.tenantId, userId: e.userId, username: e.username, ip: e.ip,
    action: e.action, objectType: e.objectType, objectId: e.objectId, result: e.result, detail: e.detail,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
