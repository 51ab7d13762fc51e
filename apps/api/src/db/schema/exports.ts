import { EXPORT_KINDS, EXPORT_STATUSES } from '@dj/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { enumChecks } from './checks.js';
import { bytea } from './columns.js';
import { organizations, tenants } from './organizations.js';
import { users } from './auth.js';

/**
 * 导出任务: a document made off the request path by the job runner (modules/exports). The row is the queue entry,
 * the progress and, once done, the file itself, so that any API process (WORKERS, several hosts) can serve the
 * download. Rows are deleted export.keepDays after they finish.
 */
export const exportJobs = pgTable('exports', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** Who asked: the job runs with this user's scope, and only they see the row. */
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** The organisation the export is about (scope-checked again on every read). */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: EXPORT_KINDS }).notNull(),
  /** The ledger query: period, format. */
  params: jsonb('params').$type<{ period: string; format: 'docx' | 'pdf' }>().notNull(),
  title: text('title').notNull(),
  /** The address the request came from, for the audit lines the job writes. */
  ip: text('ip').notNull(),
  status: text('status', { enum: EXPORT_STATUSES }).notNull().default('queued'),
  progress: integer('progress').notNull().default(0),
  fileName: text('file_name'),
  mime: text('mime'),
  size: integer('size'),
  data: bytea('data'),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
}, (t) => [
  index('exports_user_idx').on(t.userId, t.createdAt),
  index('exports_queued_idx').on(t.id).where(sql`status = 'queued'`),
  ...enumChecks(t),
]);
