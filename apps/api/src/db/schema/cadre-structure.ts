import { boolean, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { EMPLOYMENT_REVIEW_RESULTS } from '@dj/contracts';
import { users } from './auth.js';
import { cadrePosts } from './cadres.js';
import { enumChecks } from './checks.js';
import { organizations, tenants } from './organizations.js';

/**
 * 聘用制 (issue 15 point 5): a village secretary's, director's or 计生专职's holding under the town's employment
 * rule, since when, the rule as adopted, and whether it carries 事业编待遇. One per holding; it lapses with the holding.
 */
export const cadreEmployments = pgTable('cadre_employments', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  cadrePostId: integer('cadre_post_id').notNull().references(() => cadrePosts.id),
  since: date('since').notNull(),
  ruleText: text('rule_text').notNull(),
  careerTreatment: boolean('career_treatment').notNull().default(false),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cadre_employments_post_uq').on(t.cadrePostId), index('cadre_employments_org_idx').on(t.organizationId)]);

/** The yearly review (年度考核) of a cadre under the employment rule: one outcome per year. */
export const cadreEmploymentReviews = pgTable('cadre_employment_reviews', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  employmentId: integer('employment_id').notNull().references(() => cadreEmployments.id),
  year: integer('year').notNull(),
  result: text('result', { enum: EMPLOYMENT_REVIEW_RESULTS }).notNull(),
  note: text('note'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('cadre_employment_reviews_year_uq').on(t.employmentId, t.year), ...enumChecks(t)]);

/**
 * 乡村振兴服务队 (issue 15 point 2): a member sent by a unit to serve some villages for a period. The member belongs to
 * the town (no organisation of its own); the villages served are rows of service_team_villages, which scope it.
 */
export const serviceTeamMembers = pgTable('service_team_members', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  teamName: text('team_name').notNull(),
  startedOn: date('started_on').notNull(),
  endsOn: date('ends_on').notNull(),
  endedOn: date('ended_on'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('service_team_members_tenant_idx').on(t.tenantId, t.endsOn)]);

export const serviceTeamVillages = pgTable('service_team_villages', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  memberId: integer('member_id').notNull().references(() => serviceTeamMembers.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
}, (t) => [primaryKey({ columns: [t.memberId, t.organizationId] }), index('service_team_villages_org_idx').on(t.organizationId)]);
