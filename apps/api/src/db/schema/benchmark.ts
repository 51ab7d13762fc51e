import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { BENCHMARK_CATALOGUE_KEYS, BENCHMARK_GROUPS } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { tenants } from './organizations.js';

/** 对标 (issue 17 point 4): the town the own town measures itself against (the article's: 周庄镇); one per town for now. */
export const benchmarkTowns = pgTable('benchmark_towns', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('benchmark_towns_tenant_uq').on(t.tenantId)]);

/**
 * An indicator the town picked: a catalogue one (catalogue_key; its name, unit and direction are the contract's, copied
 * so the table reads alone) or a 自定义 one (catalogue_key null).
 */
export const benchmarkIndicators = pgTable('benchmark_indicators', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  townId: integer('town_id').notNull().references(() => benchmarkTowns.id),
  catalogueKey: text('catalogue_key', { enum: BENCHMARK_CATALOGUE_KEYS }),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  group: text('group', { enum: BENCHMARK_GROUPS }).notNull(),
  higherIsBetter: boolean('higher_is_better').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('benchmark_indicators_town_name_uq').on(t.townId, t.name),
  unique('benchmark_indicators_town_key_uq').on(t.townId, t.catalogueKey),
  index('benchmark_indicators_tenant_idx').on(t.tenantId),
  ...enumChecks(t),
]);

/**
 * One year's values of an indicator: the benchmark town's with its source; the own town's only for an indicator the
 * records cannot answer (with its own source). Replaced on edit; every edit is audited with the values before.
 */
export const benchmarkValues = pgTable('benchmark_values', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  indicatorId: integer('indicator_id').notNull().references(() => benchmarkIndicators.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  benchmarkValue: numeric('benchmark_value', { precision: 16, scale: 4, mode: 'number' }).notNull(),
  source: text('source').notNull(),
  ownValue: numeric('own_value', { precision: 16, scale: 4, mode: 'number' }),
  ownSource: text('own_source'),
  enteredBy: integer('entered_by').references(() => users.id),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('benchmark_values_indicator_year_uq').on(t.indicatorId, t.year),
  index('benchmark_values_tenant_idx').on(t.tenantId),
  check('benchmark_values_source_check', sql`length(btrim(${t.source})) > 0`),
  check('benchmark_values_own_source_check', sql`${t.ownValue} is null or length(btrim(coalesce(${t.ownSource}, ''))) > 0`),
]);
