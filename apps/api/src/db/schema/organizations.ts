import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ORGANIZATION_HISTORY_ACTIONS, ORGANIZATION_KINDS, ORGANIZATION_STATUSES, SECTORS, TENANT_KINDS } from '@dj/contracts';
import { enumChecks } from './checks.js';

/**
 * The top node of a deployment: one town out of the box, a county or more on a server. A district (kind 'district',
 * issue 17 point 5) holds no business rows of its own: its towns point to it, and its 区委组织部 account reads them.
 */
export const tenants = pgTable('tenants', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: TENANT_KINDS }).notNull().default('town'),
  /** The district a town belongs to (null: none); a district's own row has none. */
  districtId: integer('district_id').references((): AnyPgColumn => tenants.id),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('tenants_district_idx').on(t.districtId),
  // Two levels only: a district belongs to no district (a town's district must be a district: tenants.ts decides).
  check('tenants_district_town_check', sql`${t.kind} = 'town' or ${t.districtId} is null`),
  ...enumChecks(t),
]);

/** 行政村: the administrative village (official 12-digit division code), not the party organisation. */
export const villages = pgTable('villages', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
}, (t) => [uniqueIndex('villages_tenant_code_uq').on(t.tenantId, t.code)]);

export const organizations = pgTable('organizations', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  parentId: integer('parent_id'),
  /** Materialised path of ids ("/1/7/23/"): visibility is a prefix match on it. */
  path: text('path').notNull(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull(),
  sector: text('sector', { enum: SECTORS }),
  isJoint: boolean('is_joint').notNull().default(false),
  villageId: integer('village_id').references(() => villages.id),
  status: text('status', { enum: ORGANIZATION_STATUSES }).notNull().default('active'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  sortOrder: integer('sort_order').notNull().default(0),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('organizations_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  index('organizations_tenant_parent_idx').on(t.tenantId, t.parentId),
  // The roster's order (sort_order, id): the member list walks branches in it and stops after the page (issue 14).
  index('organizations_tenant_sort_idx').on(t.tenantId, t.sortOrder, t.id),
  uniqueIndex('organizations_tenant_path_uq').on(t.tenantId, t.path),
  ...enumChecks(t),
]);

/** Every change to an organisation, with its before and after, for the 变更记录 view. */
export const organizationHistory = pgTable('organization_history', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  action: text('action', { enum: ORGANIZATION_HISTORY_ACTIONS }).notNull(),
  userId: integer('user_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  before: jsonb('before').$type<Record<string, unknown>>(),
  after: jsonb('after').$type<Record<string, unknown>>(),
  note: text('note'),
}, (t) => [index('organization_history_org_idx').on(t.organizationId, t.at), ...enumChecks(t)]);

/** Local rules per tenant (公示 days, 农民党员党费, 介绍信有效期 …); only values that differ from the default are stored. */
export const settings = pgTable('settings', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  key: text('key').notNull(),
  value: jsonb('value').$type<number>().notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('settings_tenant_key_uq').on(t.tenantId, t.key)]);
