import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { EVALUATION_CONCLUSIONS, NEWS_STATUSES, SHOWCASE_STATUSES, type CriterionResult } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { bytea } from './columns.js';
import { organizations, tenants } from './organizations.js';

/**
 * 党建示范点 (issue 20 point 5): a branch's site or brand. Every row carries the branch (organization_id), so scope and
 * row-level security follow the branch: the town sees all, a secretary their own branch's showcase.
 */
export const showcases = pgTable('showcases', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  theme: text('theme').notNull(),
  status: text('status', { enum: SHOWCASE_STATUSES }).notNull(),
  sinceYear: integer('since_year'),
  summary: text('summary'),
  practices: text('practices'),
  /** Set when the town publishes it on the public site, after the personal-number scan (stored, not run per view). */
  publishedAt: timestamp('published_at', { withTimezone: true }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdBy: integer('created_by').references(() => users.id),
  updatedBy: integer('updated_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('showcases_org_idx').on(t.organizationId), index('showcases_tenant_idx').on(t.tenantId), ...enumChecks(t)]);

/** The town's criteria for a showcase (data the town keeps; organization_id is the town's root). Retired, never deleted. */
export const showcaseCriteria = pgTable('showcase_criteria', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  description: text('description'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
}, (t) => [index('showcase_criteria_tenant_idx').on(t.tenantId)]);

export interface EvaluationItem { criterionId: number; criterionName: string; result: CriterionResult; evidence: string | null }

/** A year's evaluation, criterion by criterion with its evidence; the criterion's name is kept as it was that year. */
export const showcaseEvaluations = pgTable('showcase_evaluations', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  showcaseId: integer('showcase_id').notNull().references(() => showcases.id),
  year: integer('year').notNull(),
  evaluatedOn: date('evaluated_on').notNull(),
  items: jsonb('items').$type<EvaluationItem[]>().notNull(),
  conclusion: text('conclusion', { enum: EVALUATION_CONCLUSIONS }).notNull(),
  note: text('note'),
  evaluatedBy: integer('evaluated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('showcase_evaluations_year_uq').on(t.showcaseId, t.year), ...enumChecks(t)]);

export const showcaseVisits = pgTable('showcase_visits', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  showcaseId: integer('showcase_id').notNull().references(() => showcases.id),
  visitedOn: date('visited_on').notNull(),
  visitors: text('visitors').notNull(),
  people: integer('people').notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('showcase_visits_showcase_idx').on(t.showcaseId, t.visitedOn)]);

/** Photos re-encoded without metadata (lib/photos: the location and device removed), as the economy projects'. */
export const showcasePhotos = pgTable('showcase_photos', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  showcaseId: integer('showcase_id').notNull().references(() => showcases.id),
  caption: text('caption'),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('showcase_photos_showcase_idx').on(t.showcaseId)]);

/**
 * 党建动态 (issue 20 point 6): the town's news (organization_id is the town's root). drafted → approved (not by its
 * drafter) → published; `scannedAt` is when the personal-number scan passed at publishing.
 */
export const townNews = pgTable('town_news', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  author: text('author').notNull(),
  status: text('status', { enum: NEWS_STATUSES }).notNull(),
  createdBy: integer('created_by').references(() => users.id),
  approvedBy: integer('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  publishedBy: integer('published_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  scannedAt: timestamp('scanned_at', { withTimezone: true }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('town_news_public_idx').on(t.tenantId, t.status, t.publishedAt), ...enumChecks(t)]);

export const townNewsImages = pgTable('town_news_images', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  newsId: integer('news_id').notNull().references(() => townNews.id),
  caption: text('caption'),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('town_news_images_news_idx').on(t.newsId)]);
