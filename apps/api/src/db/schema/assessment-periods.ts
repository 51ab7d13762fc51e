import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { ASSESSMENT_PERIOD_STATUSES, OBJECTION_RULINGS, PAY_ITEM_KINDS } from '@dj/contracts';
import { assessmentSchemes, assessmentSchemeVersions } from './assessment.js';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/**
 * 考核期 (issue 16 point 3): a scheme version scored for one period. The stored status is scoring, objection or
 * locked; 'approval' (待审批) is what an objection period shows once its window is over and every objection is ruled.
 */
export const assessmentPeriods = pgTable('assessment_periods', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  schemeId: integer('scheme_id').notNull().references(() => assessmentSchemes.id),
  versionId: integer('version_id').notNull().references(() => assessmentSchemeVersions.id),
  period: text('period').notNull(),
  status: text('status', { enum: ASSESSMENT_PERIOD_STATUSES }).notNull().default('scoring'),
  openedBy: integer('opened_by').notNull().references(() => users.id),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /** The last day a subject may object (Asia/Shanghai): published day + assessment.objectionDays. */
  objectionUntil: date('objection_until', { mode: 'string' }),
  approvedBy: integer('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  approvalNote: text('approval_note'),
}, (t) => [
  unique('assessment_periods_scheme_period_uq').on(t.schemeId, t.period),
  index('assessment_periods_tenant_idx').on(t.tenantId),
  ...enumChecks(t),
]);

/**
 * The subject of a row: a village (its branch's organization_id) for village-cadre schemes, or a member of the town's
 * staff (subject_user_id) for 镇机关 schemes; exactly one is set. Row-level security goes by organization_id.
 */
const subjectColumns = () => ({
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  periodId: integer('period_id').notNull().references(() => assessmentPeriods.id),
  organizationId: integer('organization_id').references(() => organizations.id),
  subjectUserId: integer('subject_user_id').references(() => users.id),
  indicatorKey: text('indicator_key').notNull(),
});
const oneSubject = (name: string, t: { organizationId: unknown; subjectUserId: unknown }) =>
  check(`${name}_one_subject_check`, sql`num_nonnulls(${t.organizationId}, ${t.subjectUserId}) = 1`);

/** 评分: a leaf's points for one subject, replaced while scoring (and by an upheld objection), frozen when locked. */
export const assessmentScores = pgTable('assessment_scores', {
  id: serial('id').primaryKey(),
  ...subjectColumns(),
  points: integer('points').notNull(),
  evidence: text('evidence').notNull(),
  scoredBy: integer('scored_by').notNull().references(() => users.id),
  scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique('assessment_scores_subject_indicator_uq').on(t.periodId, t.organizationId, t.subjectUserId, t.indicatorKey).nullsNotDistinct(),
  index('assessment_scores_org_idx').on(t.organizationId),
  oneSubject('assessment_scores', t),
  check('assessment_scores_points_check', sql`${t.points} >= 0`),
]);

/** 异议 and its 裁定: raised by the subject within the window, ruled by the town. */
export const assessmentObjections = pgTable('assessment_objections', {
  id: serial('id').primaryKey(),
  ...subjectColumns(),
  reason: text('reason').notNull(),
  raisedBy: integer('raised_by').notNull().references(() => users.id),
  raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
  ruling: text('ruling', { enum: OBJECTION_RULINGS }),
  correctedPoints: integer('corrected_points'),
  rulingNote: text('ruling_note'),
  ruledBy: integer('ruled_by').references(() => users.id),
  ruledAt: timestamp('ruled_at', { withTimezone: true }),
}, (t) => [
  index('assessment_objections_period_idx').on(t.periodId),
  index('assessment_objections_org_idx').on(t.organizationId),
  oneSubject('assessment_objections', t),
  ...enumChecks(t),
]);

/** 调整: a correction after locking, a signed delta on one indicator; the locked score itself is never edited. */
export const assessmentAdjustments = pgTable('assessment_adjustments', {
  id: serial('id').primaryKey(),
  ...subjectColumns(),
  delta: integer('delta').notNull(),
  reason: text('reason').notNull(),
  adjustedBy: integer('adjusted_by').notNull().references(() => users.id),
  adjustedAt: timestamp('adjusted_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('assessment_adjustments_period_idx').on(t.periodId),
  index('assessment_adjustments_org_idx').on(t.organizationId),
  oneSubject('assessment_adjustments', t),
]);

/**
 * 奖励绩效 items and 扣减 of a month's pay (issue 16 point 4), entered by the town per period and person while the
 * period is not locked. The person is keyed as the records know them (see the contracts' assessment-period-pay.ts):
 * a village cadre by the village branch (organization_id, which row-level security goes by) and the cadres module's
 * person (person_id, the same key cadre_posts uses, so a cadre holding two posts is one payee); a 镇机关 staff member by
 * their user (subject_user_id, the staff scheme's subject). `item` is the RewardItem or PayDeduction as parsed.
 */
export const assessmentPayItems = pgTable('assessment_pay_items', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  periodId: integer('period_id').notNull().references(() => assessmentPeriods.id),
  organizationId: integer('organization_id').references(() => organizations.id),
  personId: integer('person_id').references(() => persons.id),
  subjectUserId: integer('subject_user_id').references(() => users.id),
  kind: text('kind', { enum: PAY_ITEM_KINDS }).notNull(),
  item: jsonb('item').notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('assessment_pay_items_period_idx').on(t.periodId),
  index('assessment_pay_items_org_idx').on(t.organizationId),
  // A cadre's row names the village and the person; a staff member's row the user alone.
  check('assessment_pay_items_one_person_check', sql`(${t.personId} is not null and ${t.organizationId} is not null and ${t.subjectUserId} is null)
    or (${t.personId} is null and ${t.organizationId} is null and ${t.subjectUserId} is not null)`),
  ...enumChecks(t),
]);
