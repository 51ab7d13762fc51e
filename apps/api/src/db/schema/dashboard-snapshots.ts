import { integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { DashboardTown } from '@dj/contracts';
import { tenants } from './organizations.js';

/**
 * 驾驶舱快照 (issue 17 point 6, docs/decisions/010): a town's whole-town 驾驶舱 for one month as last computed, so the
 * district reads one row per town instead of computing every town in its request. Kept by the job queue (and by a
 * district's 刷新); a row is the town's own (row-level security as the town's other town-level tables), and it is shown
 * with its `computed_at`, never as live figures.
 */
export const dashboardSnapshots = pgTable('dashboard_snapshots', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  period: text('period').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  body: jsonb('body').$type<DashboardTown>().notNull(),
}, (t) => [
  unique('dashboard_snapshots_tenant_period_unique').on(t.tenantId, t.period),
]);
