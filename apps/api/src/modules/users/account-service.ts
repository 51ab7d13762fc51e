/** What a town admin does to an existing account (issue 12 point 1): disable, enable, reset its password, unlock, end sessions. */
import type { Credential, SessionList, UserSummary } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { endAllSessions, endSessionOf, liftLoginLocks, listSessionsOf, newOneTimePassword, setOneTimePassword } from '../auth/index.js';
import { credentialOf, getUser, keepOneTownAdmin, loadUser } from './service.js';
import * as repo from './repository.js';

const holdsAdmin = (grants: readonly repo.GrantRow[]) => grants.some((g) => g.role === 'town_admin' && g.status === 'active');

/** Disabling ends every session at once; the town's last active admin cannot be disabled (nor disable themself). */
export async function setDisabled(db: Db, caller: Caller, id: number, disabled: boolean): Promise<UserSummary> {
  await db.transaction(async (tx) => {
    const { row, grants } = await loadUser(tx, caller.user, id);
    if (disabled && id === caller.user.id) throw new AppError('CONFLICT', '不能停用本人正在使用的账号');
    if (disabled) await keepOneTownAdmin(tx, caller.user, row, holdsAdmin(grants), false);
    await repo.updateUser(tx, id, { disabled });
    const ended = disabled ? await endAllSessions(tx, id) : 0;
    await audit(tx, caller, { action: disabled ? 'users.disable' : 'users.enable', objectType: 'user', objectId: id, ...(disabled ? { detail: { sessionsEnded: ended } } : {}) });
  });
  return getUser(db, caller.user, id);
}

/** A new one-time password, shown once in the answer: every session ends and the password must be changed at the next sign-in. */
export async function resetPassword(db: Db, caller: Caller, id: number): Promise<{ credential: Credential }> {
  const { row, grants } = await loadUser(db, caller.user, id);
  const secret = await newOneTimePassword(db, caller.user.tenantId);
  await db.transaction(async (tx) => {
    await loadUser(tx, caller.user, id);
    await setOneTimePassword(tx, id, secret.passwordHash);
    await audit(tx, caller, { action: 'users.reset_password', objectType: 'user', objectId: id });
  });
  return { credential: credentialOf(row, grants, secret.password) };
}

/** Lifts every sign-in lock (auth's liftLoginLocks audits it as auth.unlock). */
export async function unlock(db: Db, caller: Caller, id: number): Promise<UserSummary> {
  await loadUser(db, caller.user, id);
  await liftLoginLocks(db, caller, id);
  return getUser(db, caller.user, id);
}

export async function sessionsOf(db: Db, caller: Caller, id: number): Promise<SessionList> {
  await loadUser(db, caller.user, id);
  return listSessionsOf(db, id);
}

/** Ends one session of the user (auth's endSessionOf audits it as auth.session_end); 404 when they have none by that number. */
export async function endSession(db: Db, caller: Caller, id: number, sessionId: number): Promise<void> {
  await loadUser(db, caller.user, id);
  await endSessionOf(db, caller, id, sessionId);
}
