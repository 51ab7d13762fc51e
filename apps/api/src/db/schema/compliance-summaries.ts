import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Compliance } from '@dj/contracts';
import { organizations, tenants } from './organizations.js';

type BranchCompliance = Compliance['branches'][number];

/**
 * 组织生活合规汇总 (issue 14): a branch's compliance calendar for one month as last computed, so a board over a
 * whole city reads 1,500 rows instead of a year of activities. It is a cache the database keeps honest: a row
 * counts only while `version` equals the branch's compliance_versions.version (triggers raise it on every write
 * the calendar reads, migration 0034), `computed_on` is today (statuses move with the date) and `rules_key` matches
 * the town's current settings.
 */
export const complianceSummaries = pgTable('compliance_summaries', {
  organizationId: integer('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  period: text('period').notNull(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  version: integer('version').notNull(),
  computedOn: date('computed_on', { mode: 'string' }).notNull(),
  rulesKey: text('rules_key').notNull(),
  rows: jsonb('rows').$type<BranchCompliance['rows']>().notNull(),
  summary: jsonb('summary').$type<BranchCompliance['summary']>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.organizationId, t.period] }),
  index('compliance_summaries_tenant_idx').on(t.tenantId, t.period),
]);

/**
 * How many times what a branch's calendar reads has changed (activities, attendance, evidence, roster, groups).
 * Written only by the triggers of migration 0034; no row means version 0.
 */
export const complianceVersions = pgTable('compliance_versions', {
  organizationId: integer('organization_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
});
