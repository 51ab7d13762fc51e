import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { INSPECTION_OUTCOMES, INSPECTION_ROUND_STATUSES, RECTIFICATION_EVENT_KINDS, RECTIFICATION_STATUSES } from '@dj/contracts';
import { enumChecks } from './checks.js';
import { storedFileColumns } from './columns.js';
import { organizations, tenants } from './organizations.js';
import { users } from './auth.js';

/**
 * 联督联查: a round by a team from 纪委, 组织办 and 民政办, with its checklist (copied at creation, so later edits
 * of the town's defaults never rewrite a past round) and the villages to visit.
 */
export const inspectionRounds = pgTable('inspection_rounds', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  title: text('title').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  team: jsonb('team').$type<Array<{ name: string; department: 'discipline' | 'organization_dept' | 'civil_affairs' | 'other' }>>().notNull(),
  items: jsonb('items').$type<Array<{ key: string; label: string }>>().notNull(),
  status: text('status', { enum: INSPECTION_ROUND_STATUSES }).notNull().default('open'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => enumChecks(t));

export const inspectionRoundVillages = pgTable('inspection_round_villages', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  roundId: integer('round_id').notNull().references(() => inspectionRounds.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
}, (t) => [uniqueIndex('inspection_round_villages_uq').on(t.roundId, t.organizationId)]);

/** One checklist item at one village: ok, or a finding. Recorded from a phone on site. */
export const inspectionResults = pgTable('inspection_results', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  roundId: integer('round_id').notNull().references(() => inspectionRounds.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  itemKey: text('item_key').notNull(),
  outcome: text('outcome', { enum: INSPECTION_OUTCOMES }).notNull(),
  note: text('note'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('inspection_results_uq').on(t.roundId, t.organizationId, t.itemKey), ...enumChecks(t)]);

/** Photos of a result (location stripped) or of rectification evidence. */
export const inspectionFiles = pgTable('inspection_files', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  resultId: integer('result_id').references(() => inspectionResults.id),
  evidenceId: integer('evidence_id'),
  ...storedFileColumns(),
}, (t) => [index('inspection_files_result_idx').on(t.resultId), index('inspection_files_evidence_idx').on(t.evidenceId)]);

/** 整改: each finding becomes a task with an owner, a deadline and the evidence required. */
export const rectifications = pgTable('rectifications', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  roundId: integer('round_id').notNull().references(() => inspectionRounds.id),
  resultId: integer('result_id').notNull().references(() => inspectionResults.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  description: text('description').notNull(),
  ownerName: text('owner_name').notNull(),
  dueOn: date('due_on').notNull(),
  requiredEvidence: text('required_evidence').notNull(),
  status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('open'),
  acceptedOn: date('accepted_on'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('rectifications_result_uq').on(t.resultId), index('rectifications_org_idx').on(t.organizationId), ...enumChecks(t)]);

/** What happened on a rectification, in order: evidence submitted, accepted, reopened (with the reason). */
export const rectificationEvents = pgTable('rectification_events', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  rectificationId: integer('rectification_id').notNull().references(() => rectifications.id),
  kind: text('kind', { enum: RECTIFICATION_EVENT_KINDS }).notNull(),
  note: text('note'),
  byUserId: integer('by_user_id').references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('rectification_events_idx').on(t.rectificationId), ...enumChecks(t)]);
