import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, time, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { organizations, tenants } from './organizations.js';

/**
 * 培训阵地 (issue 19 point 5): venues with capacity, their bookings and the 参观考察 groups hosted. Bookings and groups
 * carry the venue's (or the host's) organisation, so scope and row-level security follow it.
 */
export const educationVenues = pgTable('education_venues', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  capacity: integer('capacity').notNull(),
  areaSqm: integer('area_sqm'),
  address: text('address'),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('education_venues_org_idx').on(t.organizationId),
  check('education_venues_capacity_check', sql`${t.capacity} > 0`),
]);

export const educationVenueBookings = pgTable('education_venue_bookings', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  venueId: integer('venue_id').notNull().references(() => educationVenues.id),
  date: date('date').notNull(),
  startsAt: time('starts_at').notNull(),
  endsAt: time('ends_at').notNull(),
  purpose: text('purpose').notNull(),
  people: integer('people').notNull(),
  bookedBy: integer('booked_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // The overlap check reads a venue's day.
  index('education_venue_bookings_day_idx').on(t.venueId, t.date),
  check('education_venue_bookings_range_check', sql`${t.endsAt} > ${t.startsAt} and ${t.people} > 0`),
]);

export const educationHostedGroups = pgTable('education_hosted_groups', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  venueId: integer('venue_id').references(() => educationVenues.id),
  visitedOn: date('visited_on').notNull(),
  unit: text('unit').notNull(),
  people: integer('people').notNull(),
  topic: text('topic').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // The yearly count groups the organisation's rows by date.
  index('education_hosted_groups_org_day_idx').on(t.organizationId, t.visitedOn),
  check('education_hosted_groups_people_check', sql`${t.people} > 0`),
]);
