/**
 * 党建动态 (issue 20 point 6): the town's news. A town admin drafts; another town admin (not the drafter) approves; a town
 * admin other than the drafter publishes, and publishing runs the 三务公开 personal-number scan once and stores when it
 * passed. Editing an approved post sends it back to draft; a published post is withdrawn before it is changed.
 */
import { NEWS_LIMITS, NewsInputSchema, type News, type NewsInput, type NewsList } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { CheckedUpload } from '../../lib/uploads/index.js';
import * as repo from './news-repository.js';
import { refuseNumbers } from './publish-scan.js';
import { townRoot } from './repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findNews>>>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toSummary = ({ tenantId: _t, organizationId: _o, organizationPath: _p, createdBy: _c, ...r }: Row) =>
  ({ ...r, publishedAt: iso(r.publishedAt), updatedAt: r.updatedAt.toISOString() });

export async function listNews(db: Db, user: AuthUser): Promise<NewsList> {
  requirePermission(user, 'news.write');
  const [rows, townCode] = await Promise.all([repo.listNews(db, user.scope), repo.townCodeOf(db, user.tenantId)]);
  return { items: rows.map(toSummary), townCode };
}

async function load(db: DbOrTx, user: AuthUser, id: number, permission: 'news.write' | 'news.publish', lock = false) {
  // A post before publishing is the town editors' work: to anyone else it does not exist (404, not 403).
  const row = can(user, 'news.write') ? await repo.findNews(db, user.scope, id, lock) : undefined;
  if (!row) throw notFound('党建动态');
  requirePermission(user, permission, undefined, row.organizationPath);
  return row;
}

export async function getNews(db: DbOrTx, user: AuthUser, id: number): Promise<News> {
  const row = await load(db, user, id, 'news.write');
  const [body, images] = await Promise.all([repo.bodyOf(db, id), repo.imagesOf(db, id)]);
  const publisher = can(user, 'news.publish', row.organizationPath) && row.createdBy !== user.id;
  return {
    ...toSummary(row), body, images,
    can: {
      edit: row.status !== 'published', approve: publisher && row.status === 'draft',
      publish: publisher && row.status === 'approved', withdraw: can(user, 'news.publish', row.organizationPath) && row.status === 'published',
    },
  };
}

export async function createNews(db: Db, caller: Caller, body: NewsInput): Promise<News> {
  const input = NewsInputSchema.parse(body);
  requirePermission(caller.user, 'news.write');
  return db.transaction(async (tx) => {
    const root = await townRoot(tx, caller.user.tenantId);
    if (!root) throw notFound('镇党委');
    requirePermission(caller.user, 'news.write', undefined, root.path);
    const [id] = await repo.insertNews(tx, [{ ...input, tenantId: caller.user.tenantId, organizationId: root.id, status: 'draft', createdBy: caller.user.id }]);
    await audit(tx, caller, { action: 'news.create', objectType: 'town_news', objectId: id, detail: { title: input.title } });
    return getNews(tx, caller.user, id);
  });
}

const backToDraft = { status: 'draft' as const, approvedBy: null, approvedAt: null };

export async function updateNews(db: Db, caller: Caller, id: number, body: NewsInput): Promise<News> {
  const input = NewsInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const old = await load(tx, caller.user, id, 'news.write', true);
    if (old.status === 'published') throw invalid('status', '已发布的动态请先撤回再修改');
    // A change after approval is approved again: the second reader saw other text.
    await repo.updateNews(tx, id, { ...input, ...backToDraft });
    await audit(tx, caller, { action: 'news.update', objectType: 'town_news', objectId: id, detail: { from: { title: old.title, status: old.status }, to: { title: input.title } } });
    return getNews(tx, caller.user, id);
  });
}

/** 审核 and 发布 are a second person's: the drafter can do neither for their own post. */
function notDrafter(user: AuthUser, row: Row, what: string) {
  if (row.createdBy === user.id) throw invalid('status', `不能${what}自己撰写的动态,请由另一位镇党委管理员${what}`);
}

export async function approveNews(db: Db, caller: Caller, id: number): Promise<News> {
  return db.transaction(async (tx) => {
    const row = await load(tx, caller.user, id, 'news.publish', true);
    if (row.status !== 'draft') throw invalid('status', '只有草稿可以审核');
    notDrafter(caller.user, row, '审核');
    await repo.updateNews(tx, id, { status: 'approved', approvedBy: caller.user.id, approvedAt: new Date() });
    await audit(tx, caller, { action: 'news.approve', objectType: 'town_news', objectId: id, detail: {} });
    return getNews(tx, caller.user, id);
  });
}

export async function publishNews(db: Db, caller: Caller, id: number): Promise<News> {
  return db.transaction(async (tx) => {
    const row = await load(tx, caller.user, id, 'news.publish', true);
    if (row.status !== 'approved') throw invalid('status', '动态须先经审核才能发布');
    notDrafter(caller.user, row, '发布');
    const [body, images] = await Promise.all([repo.bodyOf(tx, id), repo.imagesOf(tx, id)]);
    refuseNumbers([{ key: 'title', where: '标题', text: row.title }, { key: 'summary', where: '摘要', text: row.summary },
      { key: 'body', where: '正文', text: body }, { key: 'author', where: '作者', text: row.author },
      ...images.map((im, i) => ({ key: 'images', where: `图片${i + 1}说明`, text: im.caption ?? '' }))]);
    const now = new Date();
    await repo.updateNews(tx, id, { status: 'published', publishedBy: caller.user.id, publishedAt: now, scannedAt: now });
    await audit(tx, caller, { action: 'news.publish', objectType: 'town_news', objectId: id, detail: { title: row.title } });
    return getNews(tx, caller.user, id);
  });
}

export async function withdrawNews(db: Db, caller: Caller, id: number): Promise<News> {
  return db.transaction(async (tx) => {
    const row = await load(tx, caller.user, id, 'news.publish', true);
    if (row.status !== 'published') throw invalid('status', '只有已发布的动态可以撤回');
    await repo.updateNews(tx, id, { ...backToDraft, status: 'withdrawn', scannedAt: null });
    await audit(tx, caller, { action: 'news.withdraw', objectType: 'town_news', objectId: id, detail: {} });
    return getNews(tx, caller.user, id);
  });
}

export async function addImage(db: Db, caller: Caller, id: number, caption: string | undefined, read: () => Promise<CheckedUpload>): Promise<News> {
  const row = await load(db, caller.user, id, 'news.write');
  if (row.status === 'published') throw invalid('status', '已发布的动态请先撤回再修改');
  const upload = await read();
  const photo = await processUploadedPhoto(upload.data); // re-encoded without location or device, as every photo
  return db.transaction(async (tx) => {
    const again = await load(tx, caller.user, id, 'news.write', true);
    if (again.status === 'published') throw invalid('status', '已发布的动态请先撤回再修改');
    if ((await repo.imagesOf(tx, id)).length >= NEWS_LIMITS.images) throw invalid('file', `每篇动态最多${NEWS_LIMITS.images}张图片`);
    const imageId = await repo.insertImage(tx, {
      tenantId: again.tenantId, organizationId: again.organizationId, newsId: id, caption: caption || null, mime: 'image/jpeg',
      size: photo.jpeg.length, data: photo.jpeg, uploadedBy: caller.user.id,
    });
    if (again.status === 'approved') await repo.updateNews(tx, id, backToDraft);
    await audit(tx, caller, { action: 'news.image', objectType: 'town_news', objectId: id, detail: { imageId, hadLocation: photo.hadLocation } });
    return getNews(tx, caller.user, id);
  });
}

export async function readImage(db: Db, user: AuthUser, id: number, imageId: number) {
  await load(db, user, id, 'news.write');
  const image = await repo.findImage(db, id, imageId);
  if (!image) throw notFound('图片');
  return image;
}
