import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { VISIT_METHODS } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { matters } from './matters.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/**
 * 党员联户 (issue 20 point 3): a household of a 行政村 as the village records it, filed under the village's branch
 * (organization_id) for scope. No ID numbers; the head's phone, when given, is sealed like a member's (lib/crypto) with
 * a mask for lists.
 */
export const households = pgTable('households', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  headName: text('head_name').notNull(),
  hamlet: text('hamlet'),
  address: text('address'),
  people: integer('people'),
  situation: text('situation'),
  phoneEnc: text('phone_enc'),
  phoneMasked: text('phone_masked'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('households_org_idx').on(t.organizationId, t.hamlet),
  check('households_people_check', sql`${t.people} is null or ${t.people} between 1 and 50`),
]);

/**
 * Which member looks after a household, and for when: a reassignment ends the old link (until) and opens a new one
 * (since), so who looked after whom stays on record. One open link per household and person.
 */
export const householdLinks = pgTable('household_links', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  householdId: integer('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
  personId: integer('person_id').notNull().references(() => persons.id),
  since: date('since').notNull(),
  until: date('until'),
  createdBy: integer('created_by').notNull().references(() => users.id),
}, (t) => [
  uniqueIndex('household_links_open_uq').on(t.householdId, t.personId).where(sql`${t.until} is null`),
  // A household's whole history, and the cascade of its deletion: the partial index above holds open links only.
  index('household_links_household_idx').on(t.householdId),
  index('household_links_person_idx').on(t.personId).where(sql`${t.until} is null`),
  check('household_links_period_check', sql`${t.until} is null or ${t.until} >= ${t.since}`),
]);

/**
 * A visit (走访): by a member, entered by them or for them (entered_by another user: 代为登记). What was raised is kept
 * on the visit; matter_id names the 村民说事 case it became (转为村民说事; a deleted case leaves the visit, unlinked).
 */
export const householdVisits = pgTable('household_visits', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  householdId: integer('household_id').notNull().references(() => households.id, { onDelete: 'cascade' }),
  personId: integer('person_id').notNull().references(() => persons.id),
  visitedOn: date('visited_on').notNull(),
  method: text('method', { enum: VISIT_METHODS }).notNull(),
  raised: text('raised'),
  note: text('note'),
  matterId: integer('matter_id').references(() => matters.id, { onDelete: 'set null' }),
  proxy: boolean('proxy').notNull().default(false),
  enteredBy: integer('entered_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('household_visits_household_idx').on(t.householdId, t.visitedOn),
  index('household_visits_person_idx').on(t.personId),
  ...enumChecks(t),
]);
