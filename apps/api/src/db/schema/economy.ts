import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { INCOME_ORIGINS, INCOME_STATUSES } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { organizations, tenants } from './organizations.js';

/**
 * 集体经济 (issue 18 point 1): one version of a village's collective income for a year, by source, in 分. Versions are
 * append-only: a draft is edited in place until submitted; once approved a version is frozen and a correction is the next
 * version with its reason. The figures use each year's latest approved version; the history stays visible.
 */
export const economyIncomes = pgTable('economy_incomes', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** The village's branch (村 branch of a 行政村): scope and RLS follow the organisation, as everywhere. */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  year: integer('year').notNull(),
  version: integer('version').notNull(),
  status: text('status', { enum: INCOME_STATUSES }).notNull(),
  origin: text('origin', { enum: INCOME_ORIGINS }).notNull(),
  operatingFen: bigint('operating_fen', { mode: 'number' }).notNull(),
  contractingFen: bigint('contracting_fen', { mode: 'number' }).notNull(),
  investmentFen: bigint('investment_fen', { mode: 'number' }).notNull(),
  subsidyFen: bigint('subsidy_fen', { mode: 'number' }).notNull(),
  otherFen: bigint('other_fen', { mode: 'number' }).notNull(),
  /** Why an approved year was corrected (required from the version after an approved one). */
  reason: text('reason'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedBy: integer('submitted_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedBy: integer('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('economy_incomes_version_uq').on(t.organizationId, t.year, t.version),
  // At most one version of a village's year is open (draft or submitted) at a time.
  uniqueIndex('economy_incomes_open_uq').on(t.organizationId, t.year).where(sql`status <> 'approved'`),
  index('economy_incomes_tenant_year_idx').on(t.tenantId, t.year),
  ...enumChecks(t),
]);
