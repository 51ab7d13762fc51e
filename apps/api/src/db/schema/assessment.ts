import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ASSESSMENT_AUDIENCES, ASSESSMENT_PERIOD_KINDS, type AssessmentIndicator, type GradeBand, type VillageCadrePost } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { tenants } from './organizations.js';

/**
 * 考核方案 (issue 16 point 1): the town's scheme — whom it assesses and over what period. Its content lives in
 * versions; the scheme row itself only names it. `is_example` marks the shipped "3+1"/"3+7" examples the town edits.
 */
export const assessmentSchemes = pgTable('assessment_schemes', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  audience: text('audience', { enum: ASSESSMENT_AUDIENCES }).notNull(),
  periodKind: text('period_kind', { enum: ASSESSMENT_PERIOD_KINDS }).notNull(),
  isExample: boolean('is_example').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // One name per town: the examples are ensured by name, and two schemes of one name would confuse the scorers.
  uniqueIndex('assessment_schemes_tenant_name_uq').on(t.tenantId, t.name),
  ...enumChecks(t),
]);

/**
 * 方案版本: a scheme's content from a month on (`effective_from`, 'YYYY-MM'). Append-only — the database refuses
 * UPDATE and DELETE (trigger in the migration): a period scored under a version keeps that version's rules.
 */
export const assessmentSchemeVersions = pgTable('assessment_scheme_versions', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  schemeId: integer('scheme_id').notNull().references(() => assessmentSchemes.id),
  version: integer('version').notNull(),
  effectiveFrom: text('effective_from').notNull(),
  /** The 村干部 posts a village-cadre scheme applies to (empty for the town's staff). */
  posts: jsonb('posts').$type<VillageCadrePost[]>().notNull().default([]),
  indicators: jsonb('indicators').$type<AssessmentIndicator[]>().notNull(),
  bands: jsonb('bands').$type<GradeBand[]>().notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('assessment_scheme_versions_scheme_version_uq').on(t.schemeId, t.version),
  uniqueIndex('assessment_scheme_versions_scheme_month_uq').on(t.schemeId, t.effectiveFrom),
  index('assessment_scheme_versions_tenant_idx').on(t.tenantId),
  check('assessment_scheme_versions_month_check', sql`${t.effectiveFrom} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
]);
