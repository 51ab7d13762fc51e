import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ACTOR_KINDS, PRODUCT_CATEGORIES, PROJECT_STAGES, SUPPORT_KINDS, type FundingRow } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { bytea } from './columns.js';
import { disclosures } from './disclosure.js';
import { organizations, tenants } from './organizations.js';
import { fourTwoProcedures } from './positions.js';
import { talents } from './talent.js';

/**
 * 一村一品 (issue 18 point 4): a village's signature product. Filed under the village's branch (scope and RLS follow
 * the organisation, as everywhere); the 自然村 it grows in is free text, since the article's places (赵庄, 于官庄) are
 * not all 行政村. Area and output as written (亩, any unit), value in 分.
 */
export const economyProducts = pgTable('economy_products', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  category: text('category', { enum: PRODUCT_CATEGORIES }).notNull(),
  naturalVillage: text('natural_village'),
  areaMu: doublePrecision('area_mu'),
  outputAmount: doublePrecision('output_amount'),
  outputUnit: text('output_unit'),
  valueFen: bigint('value_fen', { mode: 'number' }),
  figuresYear: integer('figures_year'),
  households: integer('households'),
  brand: text('brand'),
  note: text('note'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  updatedBy: integer('updated_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_products_org_idx').on(t.organizationId), ...enumChecks(t)]);

/** 经营主体: a 合作社, 家庭农场, 龙头企业 or 特色基地 of a village, and the 致富带头人 who leads it (registry or typed). */
export const economyActors = pgTable('economy_actors', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
  name: text('name').notNull(),
  representative: text('representative'),
  leaderTalentId: integer('leader_talent_id').references(() => talents.id),
  leaderName: text('leader_name'),
  members: integer('members'),
  households: integer('households'),
  business: text('business'),
  note: text('note'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  updatedBy: integer('updated_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_actors_org_idx').on(t.organizationId, t.kind), ...enumChecks(t)]);

/** Support an actor received: 资金/土地/培训/其他, the year, an amount or words, and who gave it. */
export const economyActorSupport = pgTable('economy_actor_support', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** The actor's village branch, repeated so RLS checks the row without a join. */
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  actorId: integer('actor_id').notNull().references(() => economyActors.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: SUPPORT_KINDS }).notNull(),
  year: integer('year').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }),
  description: text('description'),
  source: text('source').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_actor_support_actor_idx').on(t.actorId, t.year), ...enumChecks(t)]);

/** 村级集体经济项目: investment and its sources, the dated stages, the 验收, and the links to 四议两公开 and 三务公开. */
export const economyProjects = pgTable('economy_projects', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  investmentFen: bigint('investment_fen', { mode: 'number' }).notNull(),
  funding: jsonb('funding').$type<FundingRow[]>().notNull().default([]),
  stage: text('stage', { enum: PROJECT_STAGES }).notNull(),
  approvedOn: date('approved_on'),
  startedOn: date('started_on'),
  acceptedOn: date('accepted_on'),
  operatingOn: date('operating_on'),
  acceptanceNote: text('acceptance_note'),
  fourTwoId: integer('four_two_id').references(() => fourTwoProcedures.id),
  disclosureId: integer('disclosure_id').references(() => disclosures.id),
  note: text('note'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  updatedBy: integer('updated_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_projects_org_idx').on(t.organizationId), ...enumChecks(t)]);

/** A project's 收益 for a year (one row a year, edited in place; every change is audited). */
export const economyProjectIncomes = pgTable('economy_project_incomes', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  projectId: integer('project_id').notNull().references(() => economyProjects.id),
  year: integer('year').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  note: text('note'),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('economy_project_incomes_year_uq').on(t.projectId, t.year)]);

/** A project's photos, stored as re-encoded JPEG without metadata (the location and device removed). */
export const economyProjectPhotos = pgTable('economy_project_photos', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  projectId: integer('project_id').notNull().references(() => economyProjects.id),
  caption: text('caption'),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_project_photos_project_idx').on(t.projectId)]);
