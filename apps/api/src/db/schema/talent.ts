import { bigint, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { TALENT_FIELDS, TALENT_KINDS, TALENT_TIERS, type TalentLead } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/**
 * 人才 (issue 15 point 6): one person in the talent registry, filed under their village's branch. `tier` and
 * `selected_year` say when they were selected into the 人才"十百千"工程 (both null while not selected).
 */
export const talents = pgTable('talents', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  kind: text('kind', { enum: TALENT_KINDS }).notNull(),
  tier: text('tier', { enum: TALENT_TIERS }),
  selectedYear: integer('selected_year'),
  field: text('field', { enum: TALENT_FIELDS }).notNull(),
  fieldNote: text('field_note'),
  /** What they lead: a cooperative, an enterprise, a family farm, a product (name and kind), at most a handful. */
  leads: jsonb('leads').$type<TalentLead[]>().notNull().default([]),
  note: text('note'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // A person is in the registry once in a town.
  uniqueIndex('talents_tenant_person_uq').on(t.tenantId, t.personId),
  index('talents_org_idx').on(t.organizationId, t.kind),
  index('talents_tier_year_idx').on(t.tenantId, t.selectedYear, t.tier),
  ...enumChecks(t),
]);

/** Support given to a talent: dated, what, an amount in fen when money was given, and by whom. Append-only. */
export const talentSupport = pgTable('talent_support', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  talentId: integer('talent_id').notNull().references(() => talents.id),
  givenOn: date('given_on').notNull(),
  what: text('what').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  givenBy: text('given_by').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('talent_support_talent_idx').on(t.talentId, t.givenOn)]);

/**
 * The town's yearly targets of the programme, per tier, and the level (市级/区级/镇级) the tier stands for that year.
 * A year without a row falls back to the settings talent.target* and the contracts' default levels.
 */
export const talentTargets = pgTable('talent_targets', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  year: integer('year').notNull(),
  tier: text('tier', { enum: TALENT_TIERS }).notNull(),
  target: integer('target').notNull(),
  level: text('level').notNull(),
  updatedBy: integer('updated_by').notNull().references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('talent_targets_year_tier_uq').on(t.tenantId, t.year, t.tier), ...enumChecks(t)]);
