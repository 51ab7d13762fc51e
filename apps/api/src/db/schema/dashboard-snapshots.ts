import { integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
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

/**
 * 区级汇总 (issue 14 point 4): each town's figures of a month as its district reads them — the snapshot's totals and
 * tiles — held in the district's own tenant, so the district board is one statement over one tenant however many towns
 * it has. Only the database writes it: a trigger on `dashboard_snapshots` (migration 0045) copies every stored snapshot
 * of a town that belongs to a district.
 */
export const districtTownFigures = pgTable('district_town_figures', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  townTenantId: integer('town_tenant_id').notNull().references(() => tenants.id),
  period: text('period').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'string' }).notNull(),
  figures: jsonb('figures').$type<Pick<DashboardTown, 'tiles'> & { matrix: Pick<DashboardTown['matrix'], 'totals'> }>().notNull(),
}, (t) => [
  primaryKey({ name: 'district_town_figures_pk', columns: [t.tenantId, t.period, t.townTenantId] }),
]);
