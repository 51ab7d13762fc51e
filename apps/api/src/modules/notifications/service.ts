import type { NotificationList, OutboxEntry } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { requirePermission, type AuthUser } from '../../lib/access/index.js';
import * as repo from './repository.js';

const LIST_LIMIT = 50;

const toNotification = (r: repo.NotificationRow) => ({
  id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link,
  readAt: r.readAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
});

/** The caller's own notifications only: there is no way to name another user's. */
export async function listNotifications(db: Db, user: AuthUser): Promise<NotificationList> {
  const { items, unread } = await repo.listForUser(db, user.id, LIST_LIMIT);
  return { items: items.map(toNotification), unread };
}

/** Another user's notification answers exactly like a nonexistent id. */
export async function readNotification(db: Db, user: AuthUser, id: number) {
  const row = await repo.markRead(db, user.id, id);
  if (!row) throw notFound('提醒');
  return toNotification(row);
}

export async function readAllNotifications(db: Db, user: AuthUser): Promise<{ updated: number }> {
  return { updated: await repo.markAllRead(db, user.id) };
}

/** The SMS send log of the town, for the town admin: masked recipients, never the number or its ciphertext. */
export async function listOutbox(db: Db, user: AuthUser, status?: 'pending' | 'sent' | 'failed'): Promise<{ items: OutboxEntry[] }> {
  requirePermission(user, 'notifications.readLog');
  const rows = await repo.listOutbox(db, user.tenantId, status);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })),
  };
}
