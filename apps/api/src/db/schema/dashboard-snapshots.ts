import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
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
 * 区级汇总 (issue 14 point 4): each town's figures of a month as its district reads them, one row per town and figure,
 * held in the district's own tenant, so the district board is one grouped read over one tenant however many towns it
 * has. Only the database writes it: a trigger on `dashboard_snapshots` (migration 0045) replaces a town's rows whenever
 * the town's snapshot is stored, if the town belongs to a district. `group` is the tile's key, or 'compliance' for the
 * month's 组织生活 totals (`label` is then the total's key); the places keep the 驾驶舱's order of tiles and figures.
 */
export const districtFigures = pgTable('district_figures', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  period: text('period').notNull(),
  townTenantId: integer('town_tenant_id').notNull().references(() => tenants.id),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'string' }).notNull(),
  group: text('group').notNull(),
  groupTitle: text('group_title').notNull(),
  label: text('label').notNull(),
  tilePlace: integer('tile_place').notNull(),
  figurePlace: integer('figure_place').notNull(),
  value: doublePrecision('value').notNull(),
}, (t) => [
  index('district_figures_district_period_idx').on(t.tenantId, t.period, t.townTenantId),
]);
