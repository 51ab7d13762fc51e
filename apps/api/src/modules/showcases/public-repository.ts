import { and, asc, count, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  organizations, showcasePhotos as ph, showcases as s, showcaseVisits as vi, townNews as n, townNewsImages as im, villages,
} from '../../db/schema/index.js';

/** The public site runs as the system: every query here names the town and chooses published rows itself. */
const firstImage = sql<number | null>`(select min(${im.id}) from ${im} where ${im.newsId} = ${n.id})`;

export async function publishedNews(db: DbOrTx, tenantId: number, limit: number) {
  return db.select({ id: n.id, title: n.title, summary: n.summary, author: n.author, publishedAt: n.publishedAt, imageId: firstImage }).from(n)
    .where(and(eq(n.tenantId, tenantId), eq(n.status, 'published'))).orderBy(desc(n.publishedAt), desc(n.id)).limit(limit);
}

export async function publishedNewsOne(db: DbOrTx, tenantId: number, id: number) {
  const [row] = await db.select({ id: n.id, title: n.title, summary: n.summary, body: n.body, author: n.author, publishedAt: n.publishedAt }).from(n)
    .where(and(eq(n.tenantId, tenantId), eq(n.id, id), eq(n.status, 'published')));
  return row;
}

export async function newsImageIds(db: DbOrTx, newsId: number) {
  return db.select({ id: im.id, caption: im.caption }).from(im).where(eq(im.newsId, newsId)).orderBy(asc(im.id));
}

/** An image of a published post of the town, or undefined (a draft's image is as unknown as a made-up id). */
export async function publishedNewsImage(db: DbOrTx, tenantId: number, newsId: number, imageId: number) {
  const [row] = await db.select({ mime: im.mime, data: im.data }).from(im).innerJoin(n, eq(n.id, im.newsId))
    .where(and(eq(n.tenantId, tenantId), eq(n.id, newsId), eq(n.status, 'published'), eq(im.id, imageId)));
  return row;
}

const visible = (tenantId: number) => and(eq(s.tenantId, tenantId), isNotNull(s.publishedAt), ne(s.status, 'withdrawn'));
const showcaseColumns = {
  id: s.id, name: s.name, theme: s.theme, summary: s.summary, practices: s.practices, sinceYear: s.sinceYear, status: s.status,
  organizationId: s.organizationId, organizationName: organizations.name, organizationPath: organizations.path, villageId: organizations.villageId, tenantId: s.tenantId,
};

export async function publishedShowcases(db: DbOrTx, tenantId: number) {
  return db.select(showcaseColumns).from(s).innerJoin(organizations, eq(organizations.id, s.organizationId))
    .where(visible(tenantId)).orderBy(asc(organizations.sortOrder), asc(organizations.path), asc(s.id));
}

export async function publishedShowcase(db: DbOrTx, tenantId: number, id: number) {
  const [row] = await db.select(showcaseColumns).from(s).innerJoin(organizations, eq(organizations.id, s.organizationId)).where(and(visible(tenantId), eq(s.id, id)));
  return row;
}

export async function showcasePhotoIds(db: DbOrTx, showcaseId: number) {
  return db.select({ id: ph.id, caption: ph.caption }).from(ph).where(eq(ph.showcaseId, showcaseId)).orderBy(asc(ph.id));
}

export async function visitsSince(db: DbOrTx, showcaseId: number, from: string) {
  const [row] = await db.select({ times: count(), people: sql<string>`coalesce(sum(${vi.people}), 0)` }).from(vi)
    .where(and(eq(vi.showcaseId, showcaseId), sql`${vi.visitedOn} >= ${from}`));
  return { times: row?.times ?? 0, people: Number(row?.people ?? 0) };
}

export async function publishedShowcasePhoto(db: DbOrTx, tenantId: number, showcaseId: number, photoId: number) {
  const [row] = await db.select({ mime: ph.mime, data: ph.data }).from(ph).innerJoin(s, eq(s.id, ph.showcaseId))
    .where(and(visible(tenantId), eq(s.id, showcaseId), eq(ph.id, photoId)));
  return row;
}

export async function villagesOfTown(db: DbOrTx, tenantId: number) {
  return db.select({ code: villages.code, name: villages.name }).from(villages).where(eq(villages.tenantId, tenantId)).orderBy(asc(villages.code));
}

/** A post without images is shared with the town's first published showcase photo (WeChat shows a picture either way). */
export async function firstShowcasePhoto(db: DbOrTx, tenantId: number) {
  const [row] = await db.select({ showcaseId: ph.showcaseId, id: ph.id }).from(ph).innerJoin(s, eq(s.id, ph.showcaseId))
    .where(visible(tenantId)).orderBy(asc(s.id), asc(ph.id)).limit(1);
  return row;
}
