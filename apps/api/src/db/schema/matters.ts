import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { MATTER_CATEGORIES, MATTER_EVENT_KINDS, MATTER_FORUMS, MATTER_RATINGS, MATTER_SOURCES, MATTER_STAGES } from '@dj/contracts';
import { activities } from './activities.js';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { bytea } from './columns.js';
import { organizations, tenants } from './organizations.js';
import { fourTwoProcedures } from './positions.js';

/**
 * 村民说事 (issue 20): one villager's matter, filed under the village's branch (scope and RLS follow the organisation).
 * The row holds each stage's current values; matter_events keeps every step, rating and reopening in order. The receipt
 * is random (never the id): the public status page is found by it, and it cannot be guessed from another one.
 */
export const matters = pgTable('matters', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  receipt: text('receipt').notNull(),
  source: text('source', { enum: MATTER_SOURCES }).notNull(),
  category: text('category', { enum: MATTER_CATEGORIES }).notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  place: text('place'),
  raiserName: text('raiser_name'),
  /** FieldCipher-sealed; shown masked only. */
  raiserPhoneEnc: text('raiser_phone_enc'),
  visitNote: text('visit_note'),
  raisedOn: date('raised_on').notNull(),
  raisedActivityId: integer('raised_activity_id').references(() => activities.id),
  stage: text('stage', { enum: MATTER_STAGES }).notNull().default('raised'),
  forum: text('forum', { enum: MATTER_FORUMS }),
  discussedOn: date('discussed_on'),
  discussion: text('discussion'),
  discussionActivityId: integer('discussion_activity_id').references(() => activities.id),
  ownerName: text('owner_name'),
  dueOn: date('due_on'),
  fourTwoId: integer('four_two_id').references(() => fourTwoProcedures.id),
  handledOn: date('handled_on'),
  result: text('result'),
  /** The village's reply to the villager, the one text of the case the public status page shows. */
  reply: text('reply'),
  rating: text('rating', { enum: MATTER_RATINGS }),
  ratingReason: text('rating_reason'),
  ratedOn: date('rated_on'),
  /** A 不满意 reopens a matter once: the second closes it as rated. */
  reopenCount: integer('reopen_count').notNull().default(0),
  escalatedOn: date('escalated_on'),
  escalationReason: text('escalation_reason'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('matters_receipt_uq').on(t.receipt),
  index('matters_org_raised_idx').on(t.organizationId, t.raisedOn),
  index('matters_tenant_stage_idx').on(t.tenantId, t.stage),
  check('matters_reopen_check', sql`${t.reopenCount} between 0 and 1`),
  ...enumChecks(t),
]);

/** The case's history: each stage, each 办理进展, the escalation, each rating and the reopening. */
export const matterEvents = pgTable('matter_events', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  matterId: integer('matter_id').notNull().references(() => matters.id),
  kind: text('kind', { enum: MATTER_EVENT_KINDS }).notNull(),
  on: date('on').notNull(),
  text: text('text'),
  rating: text('rating', { enum: MATTER_RATINGS }),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('matter_events_matter_idx').on(t.matterId, t.id), ...enumChecks(t)]);

/** 办事 photos, re-encoded without location (lib/photos), as every photo of the platform. */
export const matterPhotos = pgTable('matter_photos', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  matterId: integer('matter_id').notNull().references(() => matters.id),
  caption: text('caption'),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('matter_photos_matter_idx').on(t.matterId)]);
