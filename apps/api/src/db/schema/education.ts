import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ACTIVITY_RESPONSES, ATTENDEE_STATES, TRAINING_KINDS } from '@dj/contracts';
import { activities } from './activities.js';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { storedFileColumns } from './columns.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/** 学时 to one decimal (a 半天 course is 4, a 90-minute lecture 1.5), read as a number. */
const hours = (name: string) => numeric(name, { precision: 5, scale: 1, mode: 'number' });

/**
 * 培训/学习 (issue 19 point 1): one training session held by an organisation — the town's 党委 for a 集中轮训, a branch
 * for its own study. A session recorded from a 三会一课 党课 names it (activity_id, unique): the lecture's hours are
 * counted here and only here, so recording it twice is refused by the database.
 */
export const trainingSessions = pgTable('training_sessions', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
  title: text('title').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  hours: hours('hours').notNull(),
  /** Free text until the training base's venues exist (issue 19 point 5). */
  venue: text('venue'),
  lecturers: text('lecturers'),
  note: text('note'),
  activityId: integer('activity_id').references(() => activities.id),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('training_sessions_org_starts_idx').on(t.organizationId, t.startsOn),
  index('training_sessions_tenant_starts_idx').on(t.tenantId, t.startsOn),
  uniqueIndex('training_sessions_activity_uq').on(t.activityId).where(sql`${t.activityId} is not null`),
  // 线上学习: one session per branch, platform (its title) and month, so a second import of a month updates its lines.
  uniqueIndex('training_sessions_online_uq').on(t.organizationId, t.title, t.startsOn).where(sql`${t.kind} = 'online_study'`),
  check('training_sessions_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  check('training_sessions_hours_check', sql`${t.hours} > 0`),
  ...enumChecks(t),
]);

/**
 * Who attended a session and the 学时 credited to them: a person the platform knows (member, cadre, reserve, talent),
 * or a villager by name at a 田间学校 course. organization_id is the attendee's own branch (a member's, or the registry's
 * that named them), so a branch sees the hours its people earned at the town's 集中轮训; session_organization_id is the
 * session's, so the town sees every line of its own sessions. Both decide visibility (RLS and the scoped queries).
 */
export const trainingAttendees = pgTable('training_attendees', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  sessionOrganizationId: integer('session_organization_id').notNull().references(() => organizations.id),
  sessionId: integer('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  personId: integer('person_id').references(() => persons.id),
  villagerName: text('villager_name'),
  state: text('state', { enum: ATTENDEE_STATES }).notNull(),
  hoursCredited: hours('hours_credited').notNull(),
}, (t) => [
  uniqueIndex('training_attendees_person_uq').on(t.sessionId, t.personId).where(sql`${t.personId} is not null`),
  // A session's lines, whoever they name: the partial index above serves only lines of a person, so a session's attendance,
  // its deletion's cascade and the sessions' row policy read the whole table without this (33 ms at city scale).
  index('training_attendees_session_idx').on(t.sessionId),
  index('training_attendees_person_idx').on(t.personId),
  index('training_attendees_org_idx').on(t.organizationId),
  check('training_attendees_who_check', sql`(${t.personId} is null) <> (${t.villagerName} is null)`),
  check('training_attendees_hours_check', sql`${t.hoursCredited} >= 0 and (${t.state} = 'present' or ${t.hoursCredited} = 0)`),
  ...enumChecks(t),
]);

/** 培训材料: handouts, slides, a scanned sign-in sheet, through the one upload policy (purpose trainingMaterial). */
export const trainingFiles = pgTable('training_files', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  sessionId: integer('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  ...storedFileColumns(),
}, (t) => [index('training_files_session_idx').on(t.sessionId)]);

/**
 * A member's own answer to a coming session of their branch (issue 19 point 7): 参加, or 请假 with the reason, from the
 * phone, as for 组织生活. A courtesy to the organiser, never a check-in: the attendance and the 学时 come only from the
 * attendance the organiser records. organization_id is the member's branch (the session's holder), for visibility.
 */
export const trainingResponses = pgTable('training_responses', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  sessionId: integer('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
  personId: integer('person_id').notNull().references(() => persons.id),
  response: text('response', { enum: ACTIVITY_RESPONSES }).notNull(),
  reason: text('reason'),
  respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('training_responses_person_idx').on(t.personId), ...enumChecks(t)]);

/**
 * 学时 of a person's year per kind of study (issue 14): the sum of their present attendance lines in their town,
 * wherever each line is filed, by the year the session began. A figure the database keeps: only the triggers of
 * migration 0056 write it, recounting a person whenever one of their lines or the date or kind of a session they
 * attended changes. The to-do list, the 驾驶舱 and the hours page read it instead of summing every line of every member
 * under the lines' row policy (13–21 ms of a town's to-do list at city scale).
 */
export const studyHours = pgTable('study_hours', {
  personId: integer('person_id').notNull().references(() => persons.id),
  year: integer('year').notNull(),
  kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  hours: numeric('hours', { precision: 7, scale: 1, mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.personId, t.year, t.kind] }), ...enumChecks(t)]);
