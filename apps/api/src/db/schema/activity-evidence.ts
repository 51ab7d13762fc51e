import { boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ACTIVITY_RESPONSES, APPRAISAL_GRADE_VALUES, FILE_CATEGORIES, OUTBOX_CHANNELS, OUTBOX_STATUSES, REVIEW_ACTIONS } from '@dj/contracts';
import { enumChecks } from './checks.js';
import { bytea } from './columns.js';
import { organizations, tenants } from './organizations.js';
import { users } from './auth.js';
import { members } from './members.js';
import { activities } from './activities.js';

/** One line of an evidence checklist; `satisfiedBy` says what in the record makes it done. */
export interface ChecklistItemDef {
  key: string;
  label: string;
  satisfiedBy: 'plan' | 'material' | 'supervisor' | 'photo' | 'upload' | 'confirm';
}

/** A town's evidence checklist (五个一, 四定两挂一戴 …), attached to the activity kinds it lists. */
export const checklistTemplates = pgTable('checklist_templates', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  kinds: text('kinds').array().notNull(),
  items: jsonb('items').$type<ChecklistItemDef[]>().notNull(),
  source: text('source'),
  active: boolean('active').notNull().default(true),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('checklist_templates_tenant_idx').on(t.tenantId)]);

/** Items a secretary confirms by hand (the local 四定两挂一戴 items have no file to point at). */
export const activityChecks = pgTable('activity_checks', {
  activityId: integer('activity_id').notNull().references(() => activities.id),
  templateId: integer('template_id').notNull().references(() => checklistTemplates.id),
  itemKey: text('item_key').notNull(),
  note: text('note'),
  checkedBy: integer('checked_by').notNull().references(() => users.id),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.activityId, t.templateId, t.itemKey] })]);

/** Photos (resized, location stripped) and attachments such as the 活动方案 and 学习资料. */
export const activityFiles = pgTable('activity_files', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  category: text('category', { enum: FILE_CATEGORIES }).notNull(),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
  thumbnail: bytea('thumbnail'),
  width: integer('width'),
  height: integer('height'),
  /** From the photo's own EXIF; never the upload time. */
  capturedAt: timestamp('captured_at', { withTimezone: true }),
  hadLocation: boolean('had_location').notNull().default(false),
  phash: text('phash'),
  isDemo: boolean('is_demo').notNull().default(false),
  uploadedBy: integer('uploaded_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('activity_files_activity_idx').on(t.activityId), index('activity_files_tenant_phash_idx').on(t.tenantId, t.phash), ...enumChecks(t)]);

/** The town's duty: which 镇领导/包村干部 guides which branch. */
export const supervisorAssignments = pgTable('supervisor_assignments', {
  userId: integer('user_id').notNull().references(() => users.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  assignedBy: integer('assigned_by').notNull().references(() => users.id),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.organizationId] }), index('supervisor_assignments_org_idx').on(t.organizationId)]);

/** Comments on a plan, submission, sign-off and return: the supervision trail of one activity. */
export const activityReviews = pgTable('activity_reviews', {
  id: serial('id').primaryKey(),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  userId: integer('user_id').notNull().references(() => users.id),
  action: text('action', { enum: REVIEW_ACTIONS }).notNull(),
  text: text('text'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('activity_reviews_activity_idx').on(t.activityId), ...enumChecks(t)]);

/** A member's own answer before the day, from a phone: will come, or asks for leave. Never a forced check-in. */
export const attendanceResponses = pgTable('attendance_responses', {
  activityId: integer('activity_id').notNull().references(() => activities.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  response: text('response', { enum: ACTIVITY_RESPONSES }).notNull(),
  reason: text('reason'),
  respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.activityId, t.memberId] }), ...enumChecks(t)]);

/** A vote at a 支部党员大会, recorded only once the quorum held (支部工作条例第十一条). */
export const activityVotes = pgTable('activity_votes', {
  id: serial('id').primaryKey(),
  activityId: integer('activity_id').notNull().references(() => activities.id),
  subject: text('subject').notNull(),
  votingMembers: integer('voting_members').notNull(),
  presentFull: integer('present_full').notNull(),
  presentProbationary: integer('present_probationary').notNull(),
  writtenOpinions: integer('written_opinions').notNull().default(0),
  inFavour: integer('in_favour').notNull(),
  against: integer('against').notNull(),
  abstain: integer('abstain').notNull(),
  passed: boolean('passed').notNull(),
  recordedBy: integer('recorded_by').notNull().references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('activity_votes_activity_idx').on(t.activityId)]);

/** The record that the 灯塔—党建在线 package was uploaded: this is what satisfies the 五个一 "上传" item. */
export const dengtaUploads = pgTable('dengta_uploads', {
  activityId: integer('activity_id').primaryKey().references(() => activities.id),
  uploadedOn: date('uploaded_on').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  reference: text('reference').notNull(),
  recordedBy: integer('recorded_by').notNull().references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** In-app notifications; dedupe_key makes a reminder job safe to run twice. */
export const notifications = pgTable('notifications', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  userId: integer('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  dedupeKey: text('dedupe_key').notNull(),
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('notifications_user_dedupe_idx').on(t.userId, t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)]);

/** Messages to send outside the platform (SMS). Every attempt is kept: the outbox is the send log. */
export const outbox = pgTable('outbox', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
  userId: integer('user_id').references(() => users.id),
  /** Encrypted like every phone number; the adapter decrypts at send time. */
  recipientCipher: text('recipient_cipher').notNull(),
  recipientMasked: text('recipient_masked').notNull(),
  body: text('body').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  adapter: text('adapter'),
  providerRef: text('provider_ref'),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('outbox_status_idx').on(t.status, t.createdAt), ...enumChecks(t)]);

/** 民主评议党员: the grade the 支委会 settled for each 正式党员 (预备党员 take part, not graded). */
export const appraisalGrades = pgTable('appraisal_grades', {
  activityId: integer('activity_id').notNull().references(() => activities.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  grade: text('grade', { enum: APPRAISAL_GRADE_VALUES }).notNull(),
  recordedBy: integer('recorded_by').notNull().references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.activityId, t.memberId] }), ...enumChecks(t)]);
