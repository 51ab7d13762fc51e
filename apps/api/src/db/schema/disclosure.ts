import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_EVENT_KINDS, DISCLOSURE_STATUSES } from '@dj/contracts';
import { enumChecks } from './checks.js';
import { storedFileColumns } from './columns.js';
import { organizations, tenants, villages } from './organizations.js';
import { users } from './auth.js';

/**
 * 三务公开: a village's disclosure in one category (党务/村务/财务) for one period, through 提出 → 审核 → 审批 → 公开.
 * A correction is a new disclosure that supersedes the published one; the published text is never edited.
 */
export const disclosures = pgTable('disclosures', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  villageId: integer('village_id').references(() => villages.id),
  category: text('category', { enum: DISCLOSURE_CATEGORIES }).notNull(),
  /** The rule (frequency data) this disclosure satisfies, e.g. 'finance_monthly'. */
  ruleKey: text('rule_key'),
  /** '2026-10', '2026-Q3', '2026' or a date for an immediate item. */
  period: text('period').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull().default(''),
  /** A table imported from xlsx (income and expenditure, subsidies …). */
  table: jsonb('table').$type<{ header: string[]; rows: string[][] } | null>(),
  status: text('status', { enum: DISCLOSURE_STATUSES }).notNull().default('draft'),
  supersedesId: integer('supersedes_id'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedBy: integer('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  approvedBy: integer('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /**
   * The 保密审查 scan's answer for the public texts (title, content, table, file names), stored at 公开: false = none
   * found, so the public page serves them as they are; null = not scanned (published before the column, or not by
   * the 公开 step), so the page masks them on every view as before (issue 14).
   */
  personalNumbersFound: boolean('personal_numbers_found'),
  returnReason: text('return_reason'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('disclosures_org_idx').on(t.organizationId, t.category, t.period), index('disclosures_village_published_idx').on(t.villageId, t.status),
  // "Is this one corrected?" is asked of every row a page shows: without this the planner hashed every disclosure of
  // the platform (349 k rows at 1 M members) for a village page of a few hundred.
  index('disclosures_supersedes_idx').on(t.supersedesId).where(sql`${t.supersedesId} is not null`), ...enumChecks(t)]);

export const disclosureFiles = pgTable('disclosure_files', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  disclosureId: integer('disclosure_id').notNull().references(() => disclosures.id),
  ...storedFileColumns(),
}, (t) => [index('disclosure_files_disclosure_idx').on(t.disclosureId)]);

/** Every transition of a disclosure, who and when (提出、审核、审批、公开、退回). */
export const disclosureEvents = pgTable('disclosure_events', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  disclosureId: integer('disclosure_id').notNull().references(() => disclosures.id),
  kind: text('kind', { enum: DISCLOSURE_EVENT_KINDS }).notNull(),
  note: text('note'),
  byUserId: integer('by_user_id').references(() => users.id),
  on: date('on'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('disclosure_events_idx').on(t.disclosureId), ...enumChecks(t)]);
