import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { AUDIT_RESULTS } from '@dj/contracts';
import { enumChecks } from './checks.js';

/** Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and hash-chained: see lib/audit/chain.ts. */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  tenantId: integer('tenant_id'),
  userId: integer('user_id'),
  username: text('username'),
  ip: text('ip'),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  result: text('result', { enum: AUDIT_RESULTS }).notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [index('audit_events_tenant_at_idx').on(t.tenantId, t.at), ...enumChecks(t)]);
