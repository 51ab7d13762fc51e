import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { RESERVE_MOVE_KINDS, RESERVE_RESULTS, RESERVE_SOURCES, RESERVE_STAGES, RESERVE_STATUSES, VILLAGE_CADRE_POSTS } from '@dj/contracts';
import { users } from './auth.js';
import { cadrePosts } from './cadres.js';
import { enumChecks } from './checks.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/**
 * 后备人才 (递进培养计划, issue 15 point 4): one person in one village's pipeline, from entering to 任用 or 退出. `stage`
 * and `stage_since` are today's stage; every move is a line of reserve_moves. The mentor is a post held in the village.
 */
export const reserveCandidates = pgTable('reserve_candidates', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  source: text('source', { enum: RESERVE_SOURCES }).notNull(),
  sourceNote: text('source_note'),
  stage: text('stage', { enum: RESERVE_STAGES }).notNull().default('reserve'),
  stageSince: date('stage_since').notNull(),
  enteredOn: date('entered_on').notNull(),
  mentorPostId: integer('mentor_post_id').references(() => cadrePosts.id),
  status: text('status', { enum: RESERVE_STATUSES }).notNull().default('active'),
  leftOn: date('left_on'),
  leftReason: text('left_reason'),
  appointedPostId: integer('appointed_post_id').references(() => cadrePosts.id),
  appointedPost: text('appointed_post', { enum: VILLAGE_CADRE_POSTS }),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('reserve_candidates_org_idx').on(t.organizationId, t.status),
  // A person is in one pipeline at a time (a second village cannot list them while the first still trains them).
  uniqueIndex('reserve_candidates_person_active_uq').on(t.personId).where(sql`${t.status} = 'active'`),
  ...enumChecks(t),
]);

/** Every move of a reserve (append-only): entering, a stage forward or back (with the reason), a mentor change, leaving. */
export const reserveMoves = pgTable('reserve_moves', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  candidateId: integer('candidate_id').notNull().references(() => reserveCandidates.id),
  kind: text('kind', { enum: RESERVE_MOVE_KINDS }).notNull(),
  fromStage: text('from_stage', { enum: RESERVE_STAGES }),
  toStage: text('to_stage', { enum: RESERVE_STAGES }),
  mentorPostId: integer('mentor_post_id').references(() => cadrePosts.id),
  occurredOn: date('occurred_on').notNull(),
  reason: text('reason'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('reserve_moves_candidate_idx').on(t.candidateId, t.occurredOn),
  // A step back is never recorded without its reason, whoever writes it.
  check('reserve_moves_back_reason_ck', sql`${t.kind} <> 'back' or coalesce(length(${t.reason}), 0) >= 2`),
  ...enumChecks(t),
]);

/** One evaluation per reserve and period (2025-H1): result and comment. */
export const reserveEvaluations = pgTable('reserve_evaluations', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  candidateId: integer('candidate_id').notNull().references(() => reserveCandidates.id),
  period: text('period').notNull(),
  evaluatedOn: date('evaluated_on').notNull(),
  result: text('result', { enum: RESERVE_RESULTS }).notNull(),
  comment: text('comment').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('reserve_evaluations_period_uq').on(t.candidateId, t.period), ...enumChecks(t)]);
