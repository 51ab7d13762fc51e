/**
 * In-app notices raised by other modules' work (a review to sign, an export to approve, a burst of refusals):
 * the one way they write into a user's notification list, so the dedupe rule lives in one place.
 */
import type { DbOrTx } from '../db/client.js';
import * as repo from './notices-repository.js';

/** What a notice says; the dedupe key keeps a repeated action from notifying the same user twice. */
export interface Notice { kind: string; title: string; body: string; link: string; dedupeKey: string }

/** A notice for one user of the tenant. */
export async function notifyUser(db: DbOrTx, tenantId: number, userId: number, notice: Notice): Promise<void> {
  await repo.insertNotifications(db, [{ tenantId, userId, ...notice }]);
}

/** The same notice for every active town admin of the tenant, but the one who caused it; returns who got it now. */
export async function notifyTownAdmins(db: DbOrTx, tenantId: number, notice: Notice, exceptUserId?: number): Promise<number[]> {
  const admins = await repo.activeTownAdmins(db, tenantId, exceptUserId);
  const created = await repo.insertNotifications(db, admins.map((userId) => ({ tenantId, userId, ...notice })));
  return created.map((row) => row.userId);
}

/** Many notices at once (the reminder job's batch); returns the rows that were new. */
export { insertNotifications as insertNotices, type NewNotification } from './notices-repository.js';
