import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ADJUSTMENT_DECISIONS, CADRE_CHANGE_KINDS, CADRE_CHANGE_ROLES, VILLAGE_CADRE_POSTS } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/** 换届: a term of a village's two committees, with its years. */
export const cadreTerms = pgTable('cadre_terms', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  startYear: integer('start_year').notNull(),
  endYear: integer('end_year').notNull(),
  electedOn: date('elected_on').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cadre_terms_org_year_uq').on(t.organizationId, t.startYear)]);

/**
 * 村干部任职: one person holding one post of a village (its branch) from a date; `ended_on` is set by the change that
 * ends it. `how` is the kind of the change that started it; the 选派 columns are filled for assigned cadres only.
 */
export const cadrePosts = pgTable('cadre_posts', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  post: text('post', { enum: VILLAGE_CADRE_POSTS }).notNull(),
  how: text('how', { enum: CADRE_CHANGE_KINDS }).notNull(),
  termId: integer('term_id').references(() => cadreTerms.id),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  periodEndsOn: date('period_ends_on'),
  homePost: text('home_post'),
  sendingUnit: text('sending_unit'),
  supportProjects: text('support_projects'),
  supportFen: integer('support_fen'),
  /** 本土人才 (issue 15 point 3): this holder grew up or works locally, as the town records it. */
  localTalent: boolean('local_talent').notNull().default(false),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('cadre_posts_org_idx').on(t.organizationId, t.post),
  // One holder at a time of every post but the 委员 (the database refuses a second, whoever writes it).
  uniqueIndex('cadre_posts_one_holder_uq').on(t.organizationId, t.post).where(sql`${t.endedOn} is null and ${t.post} not in ('branch_member', 'committee_member')`),
  uniqueIndex('cadre_posts_person_post_uq').on(t.organizationId, t.post, t.personId).where(sql`${t.endedOn} is null`),
  ...enumChecks(t),
]);

/** The history of every change to a village's cadres (append-only): kind, reason, and whether it started or ended a holding. */
export const cadreChanges = pgTable('cadre_changes', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  cadrePostId: integer('cadre_post_id').notNull().references(() => cadrePosts.id),
  kind: text('kind', { enum: CADRE_CHANGE_KINDS }).notNull(),
  role: text('role', { enum: CADRE_CHANGE_ROLES }).notNull(),
  occurredOn: date('occurred_on').notNull(),
  reason: text('reason').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('cadre_changes_org_idx').on(t.organizationId, t.occurredOn), ...enumChecks(t)]);

/** 动态调整: the town marks a village's secretary for adjustment with the reason, and later records its decision. */
export const secretaryAdjustments = pgTable('secretary_adjustments', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  reason: text('reason').notNull(),
  markedOn: date('marked_on').notNull(),
  decision: text('decision', { enum: ADJUSTMENT_DECISIONS }),
  decisionNote: text('decision_note'),
  decidedOn: date('decided_on'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  decidedBy: integer('decided_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('secretary_adjustments_org_idx').on(t.organizationId),
  // One open adjustment per village at a time.
  uniqueIndex('secretary_adjustments_open_uq').on(t.organizationId).where(sql`${t.decision} is null`),
  ...enumChecks(t),
]);
