import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { TRIP_TOPICS } from '@dj/contracts';
import { users } from './auth.js';
import { organizations, tenants } from './organizations.js';

/**
 * 对标学习 (issue 19 point 4). The trip is the organiser's row; each participant and each follow-up action carries its
 * own unit (organization_id), so row-level security shows a village's secretary their village's part of a town trip.
 */
export const educationTrips = pgTable('education_trips', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** The organiser: the town's 党委, or a village's branch for its own trip. */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  destination: text('destination').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  topics: text('topics').array().notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('education_trips_org_idx').on(t.organizationId, t.startsOn),
  // The contract's topics only (a text[] column: enumChecks covers single values).
  check('education_trips_topics_check', sql`cardinality(${t.topics}) > 0 and ${t.topics} <@ array[${sql.raw(TRIP_TOPICS.map((k) => `'${k}'`).join(', '))}]::text[]`),
  check('education_trips_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
]);

export const educationTripParticipants = pgTable('education_trip_participants', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** The participant's unit: who besides the organiser sees the row and writes its 心得. */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  tripId: integer('trip_id').notNull().references(() => educationTrips.id),
  /** The account when the cadre signs in (the name is copied as it was on the trip). */
  userId: integer('user_id').references(() => users.id),
  name: text('name').notNull(),
  post: text('post'),
  takeaway: text('takeaway'),
  takeawayBy: integer('takeaway_by').references(() => users.id),
  takeawayAt: timestamp('takeaway_at', { withTimezone: true }),
}, (t) => [index('education_trip_participants_trip_idx').on(t.tripId), index('education_trip_participants_org_idx').on(t.organizationId)]);

export const educationTripActions = pgTable('education_trip_actions', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** The unit the action is for (the owner sees it). */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  tripId: integer('trip_id').notNull().references(() => educationTrips.id),
  content: text('content').notNull(),
  ownerUserId: integer('owner_user_id').notNull().references(() => users.id),
  dueOn: date('due_on').notNull(),
  doneOn: date('done_on'),
  doneNote: text('done_note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('education_trip_actions_trip_idx').on(t.tripId),
  // 待办: an owner's open actions.
  index('education_trip_actions_owner_idx').on(t.ownerUserId, t.doneOn),
]);
