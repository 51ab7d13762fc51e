/**
 * The notification rows other work raises (reviews, export requests, reminders, bursts of refusals): written here,
 * below the modules, so a module can notify without importing the notifications module that reads its state.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { notifications, users } from '../db/schema/index.js';
import { holdsRole } from './access/repository.js';

export type NewNotification = typeof notifications.$inferInsert;

/** Inserts what is new; a dedupe key already held by the user is skipped (the reminder job may run twice). */
export async function insertNotifications(tx: DbOrTx, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  return tx.insert(notifications).values(rows).onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id, userId: notifications.userId, dedupeKey: notifications.dedupeKey });
}

/** Active town admins of the tenant, optionally but one user (the one whose action raises the notice). */
export async function activeTownAdmins(db: DbOrTx, tenantId: number, exceptUserId?: number): Promise<number[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(
    eq(users.tenantId, tenantId), eq(users.disabled, false), holdsRole('town_admin'),
    exceptUserId === undefined ? undefined : ne(users.id, exceptUserId),
  )).orderBy(asc(users.id));
  return rows.map((r) => r.id);
}
