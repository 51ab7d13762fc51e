import type { Enrolment, RecoveryCodes, TwoFactorStatus } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { isSteppedUp } from '../auth/index.js';
import * as repo from './repository.js';
import { mustUseSecondFactor } from './sign-in.js';
import { groupedKey, hashRecoveryCode, newRecoveryCodes, newSecret, otpauthUri, qrCodeDataUrl, stepOfCode } from './totp.js';

const ALREADY_ENABLED = '已启用手机验证器;如需更换手机,请先停用或请镇党委管理员重置';
const STEP_UP_MESSAGE = '此操作前请再次输入登录密码确认身份';

/** A new secret for the user to scan, kept sealed and unconfirmed until a first code proves the phone has it. */
export async function startEnrolment(db: DbOrTx, cipher: FieldCipher, user: { id: number; username: string }): Promise<Enrolment> {
  if ((await repo.findFactor(db, user.id))?.confirmedAt) throw new AppError('CONFLICT', ALREADY_ENABLED);
  const secret = newSecret();
  await repo.saveUnconfirmedSecret(db, user.id, cipher.encrypt(secret));
  const uri = otpauthUri(secret, user.username);
  return { secret: groupedKey(secret), otpauthUri: uri, qrCode: await qrCodeDataUrl(uri) };
}

/**
 * The first code confirms the phone; the factor is on from now and its 10 recovery codes are returned, once. A wrong
 * code here does not count towards the lockout: whoever enrols was just shown the secret, there is nothing to guess.
 */
export async function confirmEnrolment(tx: DbOrTx, cipher: FieldCipher, userId: number, code: string): Promise<RecoveryCodes> {
  const factor = await repo.findFactor(tx, userId);
  if (factor?.confirmedAt) throw new AppError('CONFLICT', ALREADY_ENABLED);
  if (!factor) throw new AppError('CONFLICT', '请先生成二维码,用手机验证器扫描后再输入验证码');
  const step = stepOfCode(cipher.decrypt(factor.secretEnc), code.trim());
  if (step === null) throw invalid('code', '验证码不正确:请核对手机时间是否准确,并输入验证器上最新的6位数字');
  if (!(await repo.confirmFactor(tx, userId, step))) throw new AppError('CONFLICT', ALREADY_ENABLED);
  return { recoveryCodes: await issueRecoveryCodes(tx, cipher, userId) };
}

async function issueRecoveryCodes(tx: DbOrTx, cipher: FieldCipher, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await repo.replaceRecoveryCodes(tx, userId, await Promise.all(codes.map(hashRecoveryCode)));
  return codes;
}

export async function status(db: Db, user: AuthUser): Promise<TwoFactorStatus> {
  const factor = await repo.findFactor(db, user.id);
  const enabled = !!factor?.confirmedAt;
  return {
    enabled, required: await mustUseSecondFactor(db, user), enabledAt: factor?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await repo.recoveryCodesLeft(db, user.id) : 0,
  };
}

export async function enrolSignedIn(db: Db, caller: Caller, code: string): Promise<RecoveryCodes> {
  return db.transaction(async (tx) => {
    const codes = await confirmEnrolment(tx, caller.cipher, caller.user.id, code);
    await audit(tx, caller, { action: 'two_factor.enrol', objectType: 'user', objectId: caller.user.id });
    return codes;
  });
}

async function requireStepUp(db: Db, caller: Caller, action: string, objectId: number): Promise<void> {
  if (await isSteppedUp(db, caller.user, caller.sessionId)) return;
  await audit(db, caller, { action, objectType: 'user', objectId, result: 'denied', detail: { reason: 'step_up_required' } });
  throw new AppError('STEP_UP_REQUIRED', STEP_UP_MESSAGE);
}

/** New recovery codes replace the old ones (all of them, used or not); the password first. */
export async function regenerateRecoveryCodes(db: Db, caller: Caller): Promise<RecoveryCodes> {
  const { user } = caller;
  if (!(await repo.findFactor(db, user.id))?.confirmedAt) throw new AppError('CONFLICT', '尚未启用手机验证器');
  await requireStepUp(db, caller, 'two_factor.recovery_codes', user.id);
  return db.transaction(async (tx) => {
    const recoveryCodes = await issueRecoveryCodes(tx, caller.cipher, user.id);
    await audit(tx, caller, { action: 'two_factor.recovery_codes', objectType: 'user', objectId: user.id });
    return { recoveryCodes };
  });
}

/** Turning one's own factor off: only where the town does not require it of this role, and after the password. */
export async function disableOwn(db: Db, caller: Caller): Promise<void> {
  const { user } = caller;
  if (await mustUseSecondFactor(db, user)) throw new AppError('FORBIDDEN', '本镇要求您的角色使用手机验证码登录,不能停用;更换手机请联系镇党委管理员重置');
  await requireStepUp(db, caller, 'two_factor.disable', user.id);
  await db.transaction(async (tx) => {
    const had = await repo.deleteFactor(tx, user.id);
    await audit(tx, caller, { action: 'two_factor.disable', objectType: 'user', objectId: user.id, detail: { hadFactor: had } });
  });
}

/**
 * A town admin resets someone's second factor (a lost phone): the factor and its recovery codes go, and the user
 * enrols again at the next sign-in where it is required. Another town's user is not found; the admin's own
 * password first (step-up), and the reset and its refusal are audited.
 */
export async function resetForUser(db: Db, caller: Caller, userId: number): Promise<void> {
  requirePermission(caller.user, 'twoFactor.reset');
  const target = await repo.findUserOfTown(db, caller.user.tenantId, userId);
  if (!target) throw notFound('用户');
  await requireStepUp(db, caller, 'two_factor.reset', target.id);
  await db.transaction(async (tx) => {
    const had = await repo.deleteFactor(tx, target.id);
    await audit(tx, caller, { action: 'two_factor.reset', objectType: 'user', objectId: target.id, detail: { username: target.username, hadFactor: had } });
  });
}
