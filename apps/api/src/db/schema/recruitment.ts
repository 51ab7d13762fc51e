import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { enumChecks } from './checks.js';
import { storedFileColumns } from './columns.js';
import { sql } from 'drizzle-orm';
import { PIPELINE_PHASES, PUBLIC_NOTICE_OUTCOMES, PUBLIC_NOTICE_STAGES, RECRUITMENT_STATUSES, RELATION_KINDS, type RuleMessage, type StepDetails } from '@dj/contracts';
import { organizations, tenants } from './organizations.js';
import { users } from './auth.js';
import { members, persons } from './members.js';

/**
 * A province's or town's own steps, inserted after a central step. The 25 central steps are data in
 * `modules/recruitment/rules/steps.ts`; only additions live here.
 */
export const recruitmentStepDefinitions = pgTable('recruitment_step_definitions', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  afterCode: text('after_code').notNull(),
  actor: text('actor').notNull(),
  requiredDocuments: text('required_documents').array().notNull().default([]),
  required: boolean('required').notNull().default(false),
  guidance: text('guidance').notNull().default(''),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('recruitment_step_definitions_tenant_idx').on(t.tenantId)]);

/**
 * One person's way from 入党申请 to 转正. status and phase are a cache of the records, rewritten in the
 * transaction that adds one; member_id is set when 上级党委 approves and the person enters the roster.
 */
export const recruitments = pgTable('recruitments', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  status: text('status', { enum: RECRUITMENT_STATUSES }).notNull().default('active'),
  phase: text('phase', { enum: PIPELINE_PHASES }),
  memberId: integer('member_id').references(() => members.id),
  stoppedOn: date('stopped_on'),
  stoppedReason: text('stopped_reason'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('recruitments_org_idx').on(t.organizationId),
  // One open recruitment per person: a new application after a refusal starts a new recruitment, never a second open one.
  uniqueIndex('recruitments_open_uq').on(t.personId).where(sql`status in ('active', 'probationary')`),
  ...enumChecks(t),
]);

/** A step as it happened. Never updated except to void it: a mistaken record is voided (with a reason) and recorded again. */
export const recruitmentSteps = pgTable('recruitment_steps', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  recruitmentId: integer('recruitment_id').notNull().references(() => recruitments.id),
  stepCode: text('step_code').notNull(),
  occurredOn: date('occurred_on').notNull(),
  decidedBy: text('decided_by'),
  note: text('note'),
  details: jsonb('details').$type<StepDetails>().notNull().default({}),
  warnings: jsonb('warnings').$type<RuleMessage[]>().notNull().default([]),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  // A voided record stays (never lose a record) but every rule, phase and document reads past it.
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  voidedBy: integer('voided_by').references(() => users.id),
  voidReason: text('void_reason'),
}, (t) => [index('recruitment_steps_recruitment_idx').on(t.recruitmentId, t.occurredOn)]);

/** Scans of the documents a step requires (申请书, 政审材料, 志愿书 …). */
export const recruitmentFiles = pgTable('recruitment_files', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  recordId: integer('record_id').notNull().references(() => recruitmentSteps.id),
  ...storedFileColumns(),
}, (t) => [index('recruitment_files_record_idx').on(t.recordId)]);

/** 培养联系人, 入党介绍人 and 镇党委委员 in direct contact: dated relations to full members. */
export const recruitmentRelations = pgTable('recruitment_relations', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  recruitmentId: integer('recruitment_id').notNull().references(() => recruitments.id),
  kind: text('kind', { enum: RELATION_KINDS }).notNull(),
  memberId: integer('member_id').notNull().references(() => members.id),
  since: date('since').notNull(),
  until: date('until'),
  /** The 培养联系人/入党介绍人 step that named this relation (null: registered by hand), so voiding the step voids it. */
  recordId: integer('record_id').references(() => recruitmentSteps.id),
  /** The step that ended this relation by naming new ones: voiding that step reopens exactly these. */
  endedByRecordId: integer('ended_by_record_id').references(() => recruitmentSteps.id),
  /** Set when the step that named it is voided: the row stays for the history, every read skips it. */
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('recruitment_relations_recruitment_idx').on(t.recruitmentId), index('recruitment_relations_member_idx').on(t.memberId), ...enumChecks(t)]);

/** 公示 at a stage, with its outcome. */
export const recruitmentPublicNotices = pgTable('recruitment_public_notices', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  recruitmentId: integer('recruitment_id').notNull().references(() => recruitments.id),
  stage: text('stage', { enum: PUBLIC_NOTICE_STAGES }).notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  content: text('content').notNull(),
  outcome: text('outcome', { enum: PUBLIC_NOTICE_OUTCOMES }),
  outcomeNote: text('outcome_note'),
  publishable: boolean('publishable').notNull().default(false),
  warnings: jsonb('warnings').$type<RuleMessage[]>().notNull().default([]),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('recruitment_public_notices_recruitment_idx').on(t.recruitmentId), ...enumChecks(t)]);

/** The town's annual 发展党员计划: a quota per branch. */
export const recruitmentPlans = pgTable('recruitment_plans', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  year: integer('year').notNull(),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  quota: integer('quota').notNull(),
  note: text('note'),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('recruitment_plans_uq').on(t.tenantId, t.year, t.organizationId)]);
