import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { DUTY_PRESENCES, DUTY_SLOTS, FOUR_TWO_STAGES, FOUR_TWO_STATUSES, SERVICE_CENTER_STANDARDS } from '@dj/contracts';
import { enumChecks } from './checks.js';
import { bytea } from './columns.js';
import { organizations, tenants, villages } from './organizations.js';
import { users } from './auth.js';
import { members } from './members.js';

/** 党群服务中心 of a village (GB/T 38699-2020 村级综合服务设施): one per village party branch. */
export const serviceCenters = pgTable('service_centers', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  villageId: integer('village_id').references(() => villages.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  /** 建筑面积, square metres. */
  floorArea: integer('floor_area'),
  /** Rooms such as the 四室一厅: name, purpose and area. */
  rooms: jsonb('rooms').$type<Array<{ name: string; purpose: string | null; area: number | null }>>().notNull().default([]),
  openingHours: text('opening_hours'),
  /** 'high': one of the town's high-standard centres. */
  standard: text('standard', { enum: SERVICE_CENTER_STANDARDS }).notNull().default('basic'),
  builtOn: date('built_on'),
  note: text('note'),
  isDemo: boolean('is_demo').notNull().default(false),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('service_centers_org_uq').on(t.organizationId), ...enumChecks(t)]);

export const serviceCenterPhotos = pgTable('service_center_photos', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  serviceCenterId: integer('service_center_id').notNull().references(() => serviceCenters.id),
  caption: text('caption'),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('service_center_photos_center_idx').on(t.serviceCenterId)]);

/** Construction or renovation of a centre: budget, progress, acceptance. */
export const serviceCenterProjects = pgTable('service_center_projects', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  serviceCenterId: integer('service_center_id').notNull().references(() => serviceCenters.id),
  name: text('name').notNull(),
  /** Budget in fen (integer money, as everywhere in the platform). */
  budgetFen: integer('budget_fen').notNull(),
  progress: integer('progress').notNull().default(0),
  startedOn: date('started_on'),
  acceptedOn: date('accepted_on'),
  note: text('note'),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('service_center_projects_center_idx').on(t.serviceCenterId)]);

/** 坐班值班: who is on duty where and when; the village records actual presence (no GPS, no forced check-in). */
export const dutyShifts = pgTable('duty_shifts', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  onDate: date('on_date').notNull(),
  slot: text('slot', { enum: DUTY_SLOTS }).notNull(),
  personName: text('person_name').notNull(),
  memberId: integer('member_id').references(() => members.id),
  /** A swap: who actually took the shift, and why. */
  swappedWithName: text('swapped_with_name'),
  swapReason: text('swap_reason'),
  presence: text('presence', { enum: DUTY_PRESENCES }),
  presenceNote: text('presence_note'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('duty_shifts_org_date_idx').on(t.organizationId, t.onDate), uniqueIndex('duty_shifts_slot_uq').on(t.organizationId, t.onDate, t.slot, t.personName), ...enumChecks(t)]);

/** The town's 小微权力清单: area, item, legal basis and the procedure as ordered steps (宁海 model as the template). */
export const microPowerItems = pgTable('micro_power_items', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  area: text('area').notNull(),
  name: text('name').notNull(),
  legalBasis: text('legal_basis').notNull(),
  steps: text('steps').array().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('micro_power_items_name_uq').on(t.tenantId, t.name)]);

/** A village adopting an item of the town's list. */
export const microPowerAdoptions = pgTable('micro_power_adoptions', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  itemId: integer('item_id').notNull().references(() => microPowerItems.id),
  adoptedOn: date('adopted_on').notNull(),
  createdBy: integer('created_by').references(() => users.id),
}, (t) => [uniqueIndex('micro_power_adoptions_uq').on(t.organizationId, t.itemId)]);

/** One use of a micro-power item (a 宅基地 application, a purchase …), step by step. */
export const microPowerUses = pgTable('micro_power_uses', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  itemId: integer('item_id').notNull().references(() => microPowerItems.id),
  subject: text('subject').notNull(),
  startedOn: date('started_on').notNull(),
  /** Steps done so far: index into the item's steps, date, who, note. */
  steps: jsonb('steps').$type<Array<{ index: number; doneOn: string; by: string; note: string | null }>>().notNull().default([]),
  publishable: boolean('publishable').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('micro_power_uses_org_idx').on(t.organizationId)]);

/** 四议两公开 of a major village matter. */
export const fourTwoProcedures = pgTable('four_two_procedures', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  category: text('category').notNull(),
  status: text('status', { enum: FOUR_TWO_STATUSES }).notNull().default('open'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('four_two_procedures_org_idx').on(t.organizationId), ...enumChecks(t)]);

/** 提议 → 商议 → 审议 → 决议 → 决议公开 → 实施结果公开, each dated, with votes where there is a meeting. */
export const fourTwoStages = pgTable('four_two_stages', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  procedureId: integer('procedure_id').notNull().references(() => fourTwoProcedures.id),
  stage: text('stage', { enum: FOUR_TWO_STAGES }).notNull(),
  heldOn: date('held_on').notNull(),
  body: text('body'),
  vote: jsonb('vote').$type<{ eligible: number; present: number; yes: number; no: number; abstain: number } | null>(),
  passed: boolean('passed'),
  note: text('note'),
  fileName: text('file_name'),
  fileMime: text('file_mime'),
  fileData: bytea('file_data'),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('four_two_stages_procedure_idx').on(t.procedureId), ...enumChecks(t)]);
