import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { DUES_REDUCTION_KINDS, FLOW_CONTACT_METHODS, FLOW_DIRECTIONS, GENDERS, MEMBERSHIP_STATUSES, MEMBER_EXPORT_REQUEST_STATUSES, STANDINGS } from '@dj/contracts';
import { enumChecks } from './checks.js';
import { organizations, tenants } from './organizations.js';
import { users } from './auth.js';

/**
 * Every human the platform knows, member or not. Personal numbers are stored only encrypted, with a keyed
 * hash for uniqueness and lookup and a precomputed mask for lists (so a list never decrypts anything).
 */
export const persons = pgTable('persons', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  gender: text('gender', { enum: GENDERS }).notNull(),
  ethnicity: text('ethnicity').notNull().default('汉族'),
  birthDate: date('birth_date').notNull(),
  idNumberEnc: text('id_number_enc').notNull(),
  idNumberHash: text('id_number_hash').notNull(),
  idNumberMasked: text('id_number_masked').notNull(),
  phoneEnc: text('phone_enc'),
  phoneHash: text('phone_hash'),
  phoneMasked: text('phone_masked'),
  nativePlace: text('native_place'),
  education: text('education'),
  occupation: text('occupation'),
  workUnit: text('work_unit'),
  address: text('address'),
  hamlet: text('hamlet'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('persons_tenant_id_number_uq').on(t.tenantId, t.idNumberHash), ...enumChecks(t)]);

/**
 * Party membership of a person. standing, membership_status, is_mobile and probation_ends_on are a cache
 * of what membership_events imply, rewritten by the service in the transaction that adds an event.
 */
export const members = pgTable('members', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  groupId: integer('group_id').references(() => organizations.id),
  joinedAt: date('joined_at').notNull(),
  confirmedAt: date('confirmed_at'),
  standing: text('standing', { enum: STANDINGS }).notNull(),
  membershipStatus: text('membership_status', { enum: MEMBERSHIP_STATUSES }).notNull().default('active'),
  isMobile: boolean('is_mobile').notNull().default(false),
  /** False once the member's relation has been transferred out of the deployment. */
  onRoster: boolean('on_roster').notNull().default(true),
  probationEndsOn: date('probation_ends_on'),
  partyPosts: text('party_posts').array().notNull().default([]),
  isVillageCadre: boolean('is_village_cadre').notNull().default(false),
  isHardship: boolean('is_hardship').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('members_org_idx').on(t.organizationId),
  // The roster list and its count (issue 14): a branch's members on the roster, with what the join and the status
  // filter read, so the count is an index-only scan and the page's keys need no pass over the table.
  index('members_roster_org_idx').on(t.organizationId, t.membershipStatus, t.personId).where(sql`${t.onRoster}`),
  uniqueIndex('members_person_uq').on(t.personId),
  ...enumChecks(t),
]);

/** Dated 党籍 events: admitted, confirmed, transferred, flowed, suspended, restored, left. Never updated. */
export const membershipEvents = pgTable('membership_events', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  kind: text('kind').notNull(),
  occurredOn: date('occurred_on').notNull(),
  reason: text('reason'),
  fromOrganizationId: integer('from_organization_id').references(() => organizations.id),
  toOrganizationId: integer('to_organization_id').references(() => organizations.id),
  /** probation_extended: the new end of the 预备期 the 支部大会 decided (6–12 months later). */
  probationEndsOn: date('probation_ends_on'),
  /** confirmed only: 转正日期不详 (occurred_on is then the earliest it could have been; rules/membership-status.ts). */
  dateUnknown: boolean('date_unknown').notNull().default(false),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('membership_events_member_idx').on(t.memberId, t.occurredOn),
  check('membership_events_date_unknown_ck', sql`not ${t.dateUnknown} or ${t.kind} = 'confirmed'`),
]);

/** 流动党员: one row per period away (outflow) or hosted here (inflow); the contact log hangs off it. */
export const memberFlows = pgTable('member_flows', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  direction: text('direction', { enum: FLOW_DIRECTIONS }).notNull(),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  destination: text('destination').notNull(),
  workUnit: text('work_unit'),
  hasFixedPlace: boolean('has_fixed_place').notNull().default(false),
  /** 流动党员活动证 number. */
  activityCardNo: text('activity_card_no'),
  /** Where the member takes part in organisation life while away. */
  hostBranch: text('host_branch'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('member_flows_member_idx').on(t.memberId), ...enumChecks(t)]);

export const flowContacts = pgTable('flow_contacts', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  flowId: integer('flow_id').notNull().references(() => memberFlows.id),
  contactedOn: date('contacted_on').notNull(),
  method: text('method', { enum: FLOW_CONTACT_METHODS }).notNull(),
  note: text('note'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('flow_contacts_flow_idx').on(t.flowId, t.contactedOn), ...enumChecks(t)]);

/** 组织关系介绍信 for a transfer out of the deployment, and whether its receipt (回执) came back. */
export const transferLetters = pgTable('transfer_letters', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  letterNo: text('letter_no').notNull(),
  destination: text('destination').notNull(),
  issuedOn: date('issued_on').notNull(),
  validDays: integer('valid_days').notNull(),
  receiptReturnedOn: date('receipt_returned_on'),
  recordedBy: integer('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('transfer_letters_tenant_no_uq').on(t.tenantId, t.letterNo)]);

/** How a member's monthly 党费 is computed from a month on (dated: a new basis never rewrites the old months). */
export const duesBases = pgTable('dues_bases', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  /** First month ('YYYY-MM') this basis applies to. */
  effectiveFrom: text('effective_from').notNull(),
  category: text('category').notNull(),
  baseFen: integer('base_fen'),
  reductionKind: text('reduction_kind', { enum: DUES_REDUCTION_KINDS }),
  reductionFen: integer('reduction_fen'),
  /** 少交/免交 need the 上一级党委's approval: its document or note. */
  approvalNote: text('approval_note'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('dues_bases_member_month_uq').on(t.memberId, t.effectiveFrom), ...enumChecks(t)]);

/** One row per month paid, so a payment covering several months is several rows with one paid_on. */
export const duesPayments = pgTable('dues_payments', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  month: text('month').notNull(),
  amountFen: integer('amount_fen').notNull(),
  paidOn: date('paid_on').notNull(),
  /** 代缴: the name of whoever paid on the member's behalf. */
  paidBy: text('paid_by'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('dues_payments_member_month_uq').on(t.memberId, t.month)]);

/**
 * 名册导出申请 (安全测试清单第27项): an export with full ID numbers and phones of more than
 * export.approvalThreshold members needs a second town admin's approval. The stored query is re-run at download.
 */
export const memberExportRequests = pgTable('member_export_requests', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  requestedBy: integer('requested_by').notNull().references(() => users.id),
  /** The roster list query (MemberListQuery) the export runs. */
  query: jsonb('query').$type<Record<string, unknown>>().notNull(),
  reason: text('reason').notNull(),
  /** Rows the query matched when the request was made. */
  rowCount: integer('row_count').notNull(),
  status: text('status', { enum: MEMBER_EXPORT_REQUEST_STATUSES }).notNull().default('pending'),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionNote: text('decision_note'),
  /** An approval is valid for 24 hours. */
  approvedUntil: timestamp('approved_until', { withTimezone: true }),
  /** Last download of the approved file. */
  downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('member_export_requests_tenant_idx').on(t.tenantId, t.createdAt), ...enumChecks(t)]);
