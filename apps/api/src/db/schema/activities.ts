import { boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { ACTIVITY_REVIEW_STATUSES, ATTENDANCE_STATES, COMMITTEE_POSTS } from '@dj/contracts';
import { enumChecks } from './checks.js';
import { organizations, tenants } from './organizations.js';
import { users } from './auth.js';
import { members } from './members.js';

/**
 * One held (or planned) 组织生活 of a branch. counts_for lists the further kinds it serves (a 组织生活会 held
 * as a 党员大会); a future held_on is a plan, which the compliance calendar does not count as done.
 */
export const activities = pgTable('activities', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  /** The 党小组 of a group_meeting. */
  groupId: integer('group_id').references(() => organizations.id),
  kind: text('kind').notNull(),
  countsFor: text('counts_for').array().notNull().default([]),
  heldOn: date('held_on').notNull(),
  place: text('place').notNull(),
  topic: text('topic').notNull(),
  host: text('host'),
  recorder: text('recorder'),
  lecturer: text('lecturer'),
  agenda: text('agenda'),
  minutes: text('minutes'),
  resolutions: text('resolutions'),
  /** 三日合一: one typed agenda per day it combines (theme_day, deliberation_day, villager_say_day). */
  agendaParts: jsonb('agenda_parts').$type<{ kind: string; text: string }[]>().notNull().default([]),
  /** 群众 who attended (names only; they are not on the roster). */
  guests: jsonb('guests').$type<{ name: string; note: string | null }[]>().notNull().default([]),
  /** The 镇领导/包村干部 guiding this activity; while set, the activity counts as done once signed off. */
  supervisorUserId: integer('supervisor_user_id').references(() => users.id),
  reviewStatus: text('review_status', { enum: ACTIVITY_REVIEW_STATUSES }).notNull().default('none'),
  status: text('status').notNull().default('recorded'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('activities_org_held_idx').on(t.organizationId, t.heldOn), ...enumChecks(t)]);

/** Who was expected at an activity and whether they came; 补学 (makeup_on) for those who missed it. */
export const attendances = pgTable('attendances', {
  activityId: integer('activity_id').notNull().references(() => activities.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  state: text('state', { enum: ATTENDANCE_STATES }).notNull(),
  reason: text('reason'),
  makeupOn: date('makeup_on'),
}, (t) => [primaryKey({ columns: [t.activityId, t.memberId] }), index('attendances_member_idx').on(t.memberId), ...enumChecks(t)]);

/**
 * The 支部委员会 of a branch over time: who held which seat from when to when (ended_on empty while the term runs).
 * A 支委会 expects the members whose term covers its date; a branch with no terms recorded falls back to the
 * members' current 党内职务.
 */
export const committeeTerms = pgTable('committee_terms', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  post: text('post', { enum: COMMITTEE_POSTS }).notNull(),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('committee_terms_org_idx').on(t.organizationId, t.startedOn), ...enumChecks(t)]);
