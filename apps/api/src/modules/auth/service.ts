import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit/index.js';
import { hashToken, type AuthUser } from '../../plugins/auth.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { audit } from '../../lib/access/index.js';

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
    await audit(tx, { user, ip }, { action: 'auth.logout', objectType: 'user', objectId: user.id });
  });
}

/**
 * Step-up (安全测试清单第26项; 等保 身份鉴别): the signed-in user re-enters their password before full personal
 * numbers leave the platform. The same argon2 verification and the same per-account lockout as sign-in: a wrong
 * password counts as a failed login, a locked account is refused even with the right one, and the answer is
 * the sign-in's generic message. On success this session (not the user's others) counts as stepped up for
 * security.stepUpMinutes.
 */
export async function stepUp(db: Db, user: AuthUser, sessionId: string, password: string, ip: string): Promise<{ steppedUpUntil: string }> {
  const base = {
    tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'auth.step_up', objectType: 'user', objectId: user.id,
  } as const;
  const row = await repo.findUserById(db, user.id);
  if (!row || row.disabled) {
    await recordAudit(db, { ...base, result: 'failed', detail: { reason: 'disabled' } });
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const ok = await verify(row.passwordHash, password);
  if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) {
    await recordAudit(db, { ...base, result: 'locked', detail: { passwordCorrect: ok } });
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  if (!ok) {
    const after = await repo.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, LOCK_MS);
    const lockedNow = !!after?.lockedUntil && after.lockedUntil.getTime() > Date.now();
    await recordAudit(db, { ...base, result: lockedNow ? 'locked' : 'failed', detail: { reason: 'bad_password' } });
    throw new AppError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const minutes = await settingValue(db, user.tenantId, 'security.stepUpMinutes');
  const until = await db.transaction(async (tx) => {
    await repo.clearFailedLogins(tx, user.id);
    const steppedUpUntil = await repo.markSteppedUp(tx, sessionId, user.id, minutes);
    if (!steppedUpUntil) throw new AppError('UNAUTHENTICATED', '未登录或登录已过期,请重新登录');
    await recordAudit(tx, { ...base, result: 'ok', detail: { minutes } });
    return steppedUpUntil;
  });
  return { steppedUpUntil: until.toISOString() };
}

/** Whether this session re-entered its password within security.stepUpMinutes; no session never counts. */
export async function isSteppedUp(db: DbOrTx, user: AuthUser, sessionId: string | null | undefined): Promise<boolean> {
  if (!sessionId) return false;
  const minutes = await settingValue(db, user.tenantId, 'security.stepUpMinutes');
  return repo.steppedUpWithin(db, sessionId, user.id, minutes);
}

export const STEP_UP_REVEAL_MESSAGE = '查看完整号码前请再次输入登录密码确认身份';
export const STEP_UP_EXPORT_MESSAGE = '导出完整身份证号和手机号前请再次输入登录密码确认身份';

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
