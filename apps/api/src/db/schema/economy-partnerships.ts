import { bigint, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { PARTNER_KINDS, PARTNERSHIP_INCOME_SOURCES, PARTNERSHIP_STATUSES } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { storedFileColumns } from './columns.js';
import { organizations, tenants } from './organizations.js';

/**
 * 村企合作 (issue 18 point 3): an agreement between a village and an enterprise or park. Every table carries the
 * village's branch (organization_id), so scope and row-level security follow the village as for its income.
 */
export const economyPartnerships = pgTable('economy_partnerships', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** The village's branch (村党支部 of a 行政村). */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  partnerKind: text('partner_kind', { enum: PARTNER_KINDS }).notNull(),
  partnerName: text('partner_name').notNull(),
  status: text('status', { enum: PARTNERSHIP_STATUSES }).notNull(),
  /** The 三资 income line its money is booked under (contracts PARTNERSHIP_INCOME_SOURCES says why it is a choice). */
  incomeSource: text('income_source', { enum: PARTNERSHIP_INCOME_SOURCES }).notNull(),
  terms: text('terms'),
  signedOn: date('signed_on'),
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  partnerBranchName: text('partner_branch_name'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('economy_partnerships_org_idx').on(t.organizationId, t.status),
  // 待办 and the dashboard look for agreements in force by their end date.
  index('economy_partnerships_due_idx').on(t.tenantId, t.status, t.endsOn),
  ...enumChecks(t),
]);

/** The money of one year: what the agreement promises (planned) and what reached the village's account (received). */
export const economyPartnershipYears = pgTable('economy_partnership_years', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  partnershipId: integer('partnership_id').notNull().references(() => economyPartnerships.id),
  year: integer('year').notNull(),
  plannedFen: bigint('planned_fen', { mode: 'number' }).notNull(),
  receivedFen: bigint('received_fen', { mode: 'number' }),
  note: text('note'),
}, (t) => [
  uniqueIndex('economy_partnership_years_uq').on(t.partnershipId, t.year),
  index('economy_partnership_years_org_year_idx').on(t.organizationId, t.year),
]);

/** 联建: the platform's party organisations that build the partnership with the village's branch. */
export const economyPartnershipOrgs = pgTable('economy_partnership_orgs', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  partnershipId: integer('partnership_id').notNull().references(() => economyPartnerships.id),
  linkedOrgId: integer('linked_org_id').notNull().references(() => organizations.id),
}, (t) => [uniqueIndex('economy_partnership_orgs_uq').on(t.partnershipId, t.linkedOrgId)]);

/** The agreement itself (and supplementary agreements, renewals), through the one upload policy. */
export const economyPartnershipFiles = pgTable('economy_partnership_files', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  partnershipId: integer('partnership_id').notNull().references(() => economyPartnerships.id),
  ...storedFileColumns(),
}, (t) => [index('economy_partnership_files_partnership_idx').on(t.partnershipId)]);
