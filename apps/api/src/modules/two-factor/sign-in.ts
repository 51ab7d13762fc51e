import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { AppError } from '../../lib/errors.js';
import { rolesGrant } from '../../lib/access/index.js';
import { recordAudit, type AuditInput } from '../../lib/audit/index.js';
import { hashToken } from '../../plugins/auth.js';
import { openSessionAfterSecondStep, type SecondStep } from '../auth/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { isTotpCode, recoveryCodeMatches, stepOfCode } from './totp.js';

/** The pending sign-in's cookie, sent by the browser only to the second step's routes. */
export const PENDING_COOKIE = 'sid_2fa';
export const PENDING_PATH = '/api/two-factor/sign-in';
/** Long enough to open the app on the phone (or to scan the QR code), short enough that a left-open page is useless. */
const PENDING_MS = 10 * 60_000;
/** Wrong codes before the account locks (issue 12 point 3), for the password lockout's time (setting login.lockMinutes). */
export const MAX_FAILED_CODES = 10;
/** Wrong, reused and locked say the same, as the password step does: nothing to tell a guesser which it was. */
export const BAD_CODE = '验证码错误,或账号已被暂时锁定';
const EXPIRED = '登录已过期,请重新输入用户名和密码';

/** Does the town require a second factor of this user (role in twoFactor.required and security.twoFactorRequired on)? */
export async function mustUseSecondFactor(db: DbOrTx, user: { tenantId: number; roles: string[] }): Promise<boolean> {
  if (!rolesGrant(user.roles, 'twoFactor.required')) return false;
  return (await settingValue(db, user.tenantId, 'security.twoFactorRequired')) === 1;
}

/** What login() asks after a right password: hold the sign-in when the user has a factor, or must enrol one. */
export const secondStep: SecondStep = {
  async hold(tx, user, ip) {
    const enrolled = !!(await repo.findFactor(tx, user.id))?.confirmedAt;
    if (!enrolled && !(await mustUseSecondFactor(tx, user))) return null;
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + PENDING_MS);
    await repo.insertPendingSignIn(tx, { id: hashToken(token), userId: user.id, csrfHash: hashToken(csrfToken), ip, expiresAt });
    return {
      cookie: { name: PENDING_COOKIE, value: token, path: PENDING_PATH },
      pending: { secondFactor: { step: enrolled ? 'verify' : 'enrol', expiresAt: expiresAt.toISOString(), csrfToken } },
    };
  },
};

export type PendingSignIn = NonNullable<Awaited<ReturnType<typeof repo.findPendingSignIn>>>;

/**
 * The pending sign-in of a second-step request: its cookie, unexpired, of an enabled user, with its own CSRF token
 * (these routes are outside the session guard, so they check it themselves).
 */
export async function pendingOf(db: Db, request: FastifyRequest): Promise<PendingSignIn> {
  const token = request.cookies[PENDING_COOKIE];
  const pending = token ? await repo.findPendingSignIn(db, hashToken(token)) : undefined;
  if (!pending || pending.disabled) throw new AppError('UNAUTHENTICATED', EXPIRED);
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || hashToken(sent) !== pending.csrfHash) {
    throw new AppError('CSRF', '请求缺少有效的安全令牌(x-csrf-token),请刷新页面后重试');
  }
  return pending;
}

const isLocked = (p: PendingSignIn) => !!p.lockedUntil && p.lockedUntil.getTime() > Date.now();

/**
 * The second step: a code from the phone (a step not used before) or an unused recovery code. A wrong or reused
 * code counts; MAX_FAILED_CODES lock the account like wrong passwords, and a locked account is refused even
 * the right code. On success the pending sign-in becomes a session.
 */
export async function verifySecondFactor(db: Db, cipher: FieldCipher, pending: PendingSignIn, code: string, ip: string) {
  const base = {
    tenantId: pending.tenantId, userId: pending.userId, username: pending.username, ip, action: 'auth.second_factor', objectType: 'user', objectId: pending.userId,
  } as const;
  const method = isTotpCode(code) ? 'totp' : 'recovery';
  if (isLocked(pending)) {
    await recordAudit(db, { ...base, result: 'locked', detail: { method } });
    throw new AppError('UNAUTHENTICATED', BAD_CODE);
  }
  const factor = await repo.findFactor(db, pending.userId);
  // Reset by an admin while the password was being checked: start again, and enrol.
  if (!factor?.confirmedAt) throw new AppError('UNAUTHENTICATED', EXPIRED);
  return db.transaction(async (tx) => {
    const accepted = method === 'totp'
      ? await acceptTotp(tx, pending.userId, cipher.decrypt(factor.secretEnc), code)
      : await spendRecoveryCode(tx, cipher, pending.userId, code);
    if (!accepted) return null;
    await repo.resetFailedCodes(tx, pending.userId);
    await repo.deletePendingSignIns(tx, pending.userId);
    return openSessionAfterSecondStep(tx, pending.userId, ip, { action: base.action, detail: { method } });
  }).then(async (session) => session ?? failedCode(db, base, method));
}

/** Spends the unused recovery code the typed one matches; false when none does (wrong, or used before). */
async function spendRecoveryCode(tx: DbOrTx, cipher: FieldCipher, userId: number, code: string): Promise<boolean> {
  for (const row of await repo.unusedRecoveryCodes(tx, userId)) {
    if (await recoveryCodeMatches(row.codeHash, code, cipher.lookupHashes)) {
      await repo.markRecoveryCodeUsed(tx, row.id);
      return true;
    }
  }
  return false;
}

async function acceptTotp(tx: DbOrTx, userId: number, secret: string, code: string): Promise<boolean> {
  const step = stepOfCode(secret, code.trim());
  return step !== null && repo.acceptStep(tx, userId, step);
}

async function failedCode(db: Db, base: Omit<AuditInput, 'result'> & { userId: number }, method: string): Promise<never> {
  await db.transaction(async (tx) => {
    // The pending sign-in stays: once locked, even the right code gets the same answer as a wrong one.
    const lockMs = (await settingValue(tx, base.tenantId as number, 'login.lockMinutes')) * 60_000;
    const lockedNow = await repo.recordFailedCode(tx, base.userId, MAX_FAILED_CODES, lockMs);
    await recordAudit(tx, { ...base, result: lockedNow ? 'locked' : 'failed', detail: { method, reason: 'bad_code' } });
  });
  throw new AppError('UNAUTHENTICATED', BAD_CODE);
}
