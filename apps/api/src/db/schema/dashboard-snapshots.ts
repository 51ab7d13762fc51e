import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
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

/**
 * The version of a district's figures of a month: raised by the database each time a town's figures are replaced
 * (migration 0059), read by the application, never written by it.
 */
export const districtBoardVersions = pgTable('district_board_versions', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  period: text('period').notNull(),
  version: integer('version').notNull(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.period] }),
]);

/**
 * The district board as last built (issue 14: at 925 towns, gathering the towns' figures took 123 ms of SQL and the
 * response's encoding most of the event loop's time in each request): the response's JSON text, served while its
 * `version` is the figures' version and its `key` (the day, the towns, the settings it shows) still holds.
 */
export const districtBoards = pgTable('district_boards', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  period: text('period').notNull(),
  version: integer('version').notNull(),
  key: text('key').notNull(),
  body: text('body').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.period] }),
]);

/**
 * The version of a town's records: raised by the database once per transaction that writes any of the town's rows
 * (migration 0060: a deferred trigger on every table with a tenant, at commit), read by the application, never written
 * by it. What a read builds from the town's rows holds while this version does.
 */
export const townVersions = pgTable('town_versions', {
  tenantId: integer('tenant_id').primaryKey().references(() => tenants.id),
  version: bigint('version', { mode: 'number' }).notNull(),
}, () => []);

/**
 * A town's read as last built for one reader (the read, its query, the user and their grants: the 驾驶舱, the to-do
 * list): the response's JSON text, served while the town's version and the key (the day) hold (issue 14;
 * docs/decisions/014).
 */
export const townReads = pgTable('town_reads', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  reader: text('reader').notNull(),
  version: bigint('version', { mode: 'number' }).notNull(),
  key: text('key').notNull(),
  body: text('body').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.reader] }),
]);
