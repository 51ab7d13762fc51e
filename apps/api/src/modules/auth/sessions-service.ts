import type { SessionList } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import * as repo from './repository.js';

/**
 * 登录设备 (issue 12 point 2): a user's live sessions and ending one. The list names each session by its public
 * number, never by the token's hash. The signed-in user reaches their own through /api/auth/sessions; user
 * administration may call the same functions for another user of the town once it has decided the caller may.
 */
export async function listSessionsOf(db: Db, userId: number, currentSessionId: string | null = null): Promise<SessionList> {
  const rows = await repo.listSessions(db, userId, currentSessionId);
  return {
    items: rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), ip: r.ip, current: r.current })),
  };
}

/** Ends session `publicId` of user `userId`, audited under the caller; 404 when that user has no such session. */
export async function endSessionOf(db: Db, caller: Pick<Caller, 'user' | 'ip'>, userId: number, publicId: number): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await repo.deleteSessionOf(tx, userId, publicId))) throw notFound('登录设备');
    await audit(tx, caller, { action: 'auth.session_end', objectType: 'user', objectId: userId, detail: { session: publicId } });
  });
}
