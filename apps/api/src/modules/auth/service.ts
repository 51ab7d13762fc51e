import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../../plugins/audit.js';
import { hashToken, type AuthUser } from '../../plugins/auth.js';
import * as repo from './repository.js';

/** Lockout (issue 2; security checklist test 9): 5 failures lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
/** argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** The same message for unknown user, wrong password and locked account: nothing to enumerate. */
const BAD_LOGIN = '用户名或密码错误,或账号已被暂时锁定';

export const hashPassword = (password: string) => hash(password, ARGON2);
// Verified against when the username is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | undefined;

export async function login(db: Db, username: string, password: string, ip: string) {
  const name = username.trim().toLowerCase();
  const user = await repo.findUserByUsername(db, name);
  const audit = { username: name, ip, action: 'auth.login', objectType: 'user' } as const;
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password);
    await recordAudit(db, { ...audit, result: 'failed', detail: { reason: user ? 'disabled' : 'unknown_user' } });
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const base = { ...audit, tenantId: user.tenantId, userId: user.id, objectId: user.id };
  const ok = await verify(user.passwordHash, password);
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await recordAudit(db, { ...base, result: 'locked', detail: { passwordCorrect: ok } });
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  if (!ok) {
    const after = await repo.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, LOCK_MS);
    const lockedNow = !!after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
    await recordAudit(db, { ...base, result: lockedNow ? 'locked' : 'failed', detail: { reason: 'bad_password' } });
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await repo.clearFailedLogins(tx, user.id);
    await repo.insertSession(tx, { id: hashToken(token), userId: user.id, csrfToken, ip });
    await recordAudit(tx, { ...base, result: 'ok' });
  });
  return { token, sessionId: hashToken(token), csrfToken };
}

export async function logout(db: Db, user: AuthUser, sessionId: string, ip: string) {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, sessionId);
    await recordAudit(tx, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'auth.logout', objectType: 'user', objectId: user.id, result: 'ok' });
  });
}

export function toMe(user: AuthUser, csrfToken: string): Me {
  return {
    user: {
      id: user.id, username: user.username, displayName: user.displayName, roles: user.roles,
      tenantId: user.tenantId, tenantName: user.tenantName, isDemo: user.isDemoTenant,
    },
    scope: user.scopeRoots,
    csrfToken,
  };
}
