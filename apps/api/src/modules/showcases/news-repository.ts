import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { organizations, tenants, townNews as n, townNewsImages as im, users } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

const creator = alias(users, 'creator');
const approver = alias(users, 'approver');
const columns = {
  id: n.id, tenantId: n.tenantId, organizationId: n.organizationId, organizationPath: organizations.path, title: n.title, summary: n.summary,
  author: n.author, status: n.status, createdBy: n.createdBy, createdByName: creator.displayName, approvedByName: approver.displayName,
  publishedAt: n.publishedAt, updatedAt: n.updatedAt,
};

const scoped = (db: DbOrTx) => db.select(columns).from(n).innerJoin(organizations, eq(organizations.id, n.organizationId))
  .leftJoin(creator, eq(creator.id, n.createdBy)).leftJoin(approver, eq(approver.id, n.approvedBy));

export async function listNews(db: DbOrTx, scope: Scope) {
  return scoped(db).where(scopeFilter(organizations, scope)).orderBy(desc(n.updatedAt), desc(n.id)).limit(500);
}

export async function findNews(db: DbOrTx, scope: Scope, id: number, lock = false) {
  const [row] = await scoped(db).where(and(scopeFilter(organizations, scope), eq(n.id, id))).limit(1);
  if (row && lock) await db.execute(sql`select id from town_news where id = ${id} for update`);
  return row;
}

export async function bodyOf(db: DbOrTx, id: number) {
  const [row] = await db.select({ body: n.body }).from(n).where(eq(n.id, id));
  return row?.body ?? '';
}

export type NewsValues = Omit<typeof n.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export async function insertNews(db: DbOrTx, values: NewsValues[]) {
  if (!values.length) return [];
  return (await db.insert(n).values(values).returning({ id: n.id })).map((r) => r.id);
}
export async function updateNews(db: DbOrTx, id: number, values: Partial<NewsValues>) {
  await db.update(n).set({ ...values, updatedAt: new Date() }).where(eq(n.id, id));
}

export async function imagesOf(db: DbOrTx, newsId: number) {
  return db.select({ id: im.id, caption: im.caption, size: im.size }).from(im).where(eq(im.newsId, newsId)).orderBy(asc(im.id));
}
export async function insertImage(db: DbOrTx, values: Omit<typeof im.$inferInsert, 'id' | 'uploadedAt'>) {
  const [row] = await db.insert(im).values(values).returning({ id: im.id });
  return row.id;
}
export async function findImage(db: DbOrTx, newsId: number, imageId: number) {
  const [row] = await db.select({ mime: im.mime, data: im.data }).from(im).where(and(eq(im.id, imageId), eq(im.newsId, newsId)));
  return row;
}

export async function townByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants).where(and(eq(tenants.code, code), eq(tenants.kind, 'town')));
  return row;
}
export async function townCodeOf(db: DbOrTx, tenantId: number) {
  const [row] = await db.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.code ?? '';
}
