import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { ChangePasswordBody, ChangePasswordResult, Me, PasswordPolicy, Preferences, SecondFactorPending } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, alreadyAudited, forbidden, invalid, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audit/index.js';
import { csrfTokenOf, hashToken, type AuthUser } from '../../plugins/auth.js';
import { settingValue, settingValues } from '../settings/index.js';
import * as repo from './repository.js';
import { checkPassword, generateOneTimePassword, isPasswordExpired, passwordPolicyOf } from './password-policy.js';
import { audit, type Caller } from '../../lib/access/index.js';

/**
 * Lockout without denial of service (issue 12 point 8; security checklist test 9): failures count per account and
 * source address (that pair locks at login.pairMaxFailures) and per account (login.accountMaxFailures, higher), each
 * lock lasting login.lockMinutes. The username decides the town whose settings apply; an unknown username has no
 * town and nothing to lock (the per-address rate limit of server config LOGIN_RATE_LIMIT stops one address trying many).
 */
async function loginLimits(db: DbOrTx, tenantId: number): Promise<repo.LoginLimits> {
  const v = await settingValues(db, tenantId, ['login.pairMaxFailures', 'login.accountMaxFailures', 'login.lockMinutes']);
  return { pairMax: v['login.pairMaxFailures'], accountMax: v['login.accountMaxFailures'], lockMinutes: v['login.lockMinutes'] };
}
/** argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1). */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** The same message for unknown user, wrong password and locked account: nothing to enumerate. */
const BAD_LOGIN = '用户名或密码错误,或账号已被暂时锁定';

export const hashPassword = (password: string) => hash(password, ARGON2);
// Verified against when the username is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | undefined;

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;
/** Who tried and where, for the audit line of an attempt. */
type Attempt = { username: string; ip: string; action: string; objectType: 'user'; tenantId?: number; userId?: number; objectId?: number };
const refuseLogin = () => new AppError('UNAUTHENTICATED', BAD_LOGIN);

/**
 * The password check every entry shares (sign-in, step-up, the current password of a change): one argon2
 * verification, then the lockout; a wrong password counts, a locked account is refused even with the right one.
 * Audits every refusal and throws `refuse()`.
 */
async function verifyAttempt(db: Db, user: UserRow, password: string, attempt: Attempt, refuse: () => AppError = refuseLogin): Promise<void> {
  const ok = await verify(user.passwordHash, password);
  const locked = await repo.lockedUntil(db, user.id, attempt.ip);
  if (locked && locked.getTime() > Date.now()) {
    await recordAudit(db, { ...attempt, result: 'locked', detail: { passwordCorrect: ok } });
    throw refuse();
  }
  if (!ok) {
    const lockedNow = await repo.recordFailedLogin(db, user.id, attempt.ip, await loginLimits(db, user.tenantId));
    await recordAudit(db, { ...attempt, result: lockedNow ? 'locked' : 'failed', detail: { reason: 'bad_password' } });
    throw refuse();
  }
}

/** Sign-in: the password step, then the second factor where it is owed, then the session. */
export async function login(db: Db, username: string, password: string, ip: string, secondStep: SecondStep) {
  const name = username.trim().toLowerCase();
  const attempt: Attempt = { username: name, ip, action: 'auth.login', objectType: 'user' };
  const user = await repo.findUserByUsername(db, name);
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password);
    await recordAudit(db, { ...attempt, result: 'failed', detail: { reason: user ? 'disabled' : 'unknown_user' } });
    throw refuseLogin();
  }
  const known: Attempt = { ...attempt, tenantId: user.tenantId, userId: user.id, objectId: user.id };
  await verifyAttempt(db, user, password, known);
  // The second factor (issue 12 point 3): a user who has one, or must enrol, gets a pending sign-in, not a session.
  const held = await holdSignIn(db, user, known, secondStep);
  if (held) return { held };
  return db.transaction((tx) => startSession(tx, user, known));
}

/**
 * The step between a right password and a session (issue 12 point 3): the two-factor module holds a sign-in back
 * until its code is given; app.ts hands it to the sign-in route, so login() cannot be called without it.
 */
export interface SecondStep {
  hold(tx: DbOrTx, user: { id: number; tenantId: number; roles: string[] }, ip: string): Promise<HeldSignIn | null>;
}
/** A pending sign-in: its cookie (sent only to the second step's routes) and what the browser is told. */
export interface HeldSignIn { cookie: { name: string; value: string; path: string }; pending: SecondFactorPending }

async function holdSignIn(db: Db, user: UserRow, attempt: Attempt, secondStep: SecondStep): Promise<HeldSignIn | null> {
  return db.transaction(async (tx) => {
    const held = await secondStep.hold(tx, user, attempt.ip);
    if (!held) return null;
    // The password was right: its failures start again, as when a session opens.
    await repo.clearFailedLogins(tx, user.id, attempt.ip);
    await recordAudit(tx, { ...attempt, result: 'ok', detail: { secondFactor: held.pending.secondFactor.step } });
    return held;
  });
}

/** The session of a user who has proved who they are, in the caller's transaction, with the audit line of the last step. */
async function startSession(tx: DbOrTx, user: UserRow, attempt: Attempt & { detail?: Record<string, unknown> }) {
  const token = randomBytes(32).toString('base64url');
  const expired = !user.mustChangePassword && isPasswordExpired(user.passwordChangedAt, await passwordPolicyOf(tx, user.tenantId));
  await repo.clearFailedLogins(tx, user.id, attempt.ip);
  // 等保 rotation: an expired password is found at sign-in and the session can then only change it.
  if (expired) await repo.requirePasswordChange(tx, user.id);
  await repo.insertSession(tx, { id: hashToken(token), userId: user.id, ip: attempt.ip });
  const detail = { ...attempt.detail, ...(expired ? { passwordExpired: true } : {}) };
  await recordAudit(tx, { ...attempt, result: 'ok', ...(Object.keys(detail).length ? { detail } : {}) });
  return { token, sessionId: hashToken(token), csrfToken: csrfTokenOf(token) };
}

/**
 * The session after the second step (the two-factor module, in its transaction): the user as stored now, the password
 * rules of sign-in, and the step's own audit line (`action`, `detail`).
 */
export async function openSessionAfterSecondStep(tx: DbOrTx, userId: number, ip: string, step: { action: string; detail: Record<string, unknown> }) {
  const user = await repo.findUserById(tx, userId);
  if (!user || user.disabled) throw refuseLogin();
  return startSession(tx, user, { username: user.username, ip, objectType: 'user', tenantId: user.tenantId, userId, objectId: userId, ...step });
}

export async function logout(db: Db, user: AuthUser, sessionId: string, ip: string) {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, sessionId);
    await audit(tx, { user, ip }, { action: 'auth.logout', objectType: 'user', objectId: user.id });
  });
}

/** The signed-in user's own row and the attempt line of a check of their password. */
async function ownRow(db: Db, user: AuthUser, ip: string, action: string, refuse: () => AppError = refuseLogin) {
  const attempt: Attempt = { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action, objectType: 'user', objectId: user.id };
  const row = await repo.findUserById(db, user.id);
  if (!row || row.disabled) {
    await recordAudit(db, { ...attempt, result: 'failed', detail: { reason: 'disabled' } });
    throw refuse();
  }
  return { row, attempt };
}

/**
 * Step-up (安全测试清单第26项; 等保 身份鉴别): the signed-in user re-enters their password before full personal
 * numbers leave the platform. The same argon2 verification and the same lockout as sign-in: a wrong password
 * counts as a failed login, a locked account is refused even with the right one, and the answer is the sign-in's
 * generic message. On success this session (not the user's others) counts as stepped up for security.stepUpMinutes.
 */
export async function stepUp(db: Db, user: AuthUser, sessionId: string, password: string, ip: string): Promise<{ steppedUpUntil: string }> {
  const { row, attempt } = await ownRow(db, user, ip, 'auth.step_up');
  await verifyAttempt(db, row, password, attempt);
  const minutes = await settingValue(db, user.tenantId, 'security.stepUpMinutes');
  const until = await db.transaction(async (tx) => {
    await repo.clearFailedLogins(tx, user.id, attempt.ip);
    const steppedUpUntil = await repo.markSteppedUp(tx, sessionId, user.id, minutes);
    if (!steppedUpUntil) throw new AppError('UNAUTHENTICATED', '未登录或登录已过期,请重新登录');
    await recordAudit(tx, { ...attempt, result: 'ok', detail: { minutes } });
    return steppedUpUntil;
  });
  return { steppedUpUntil: until.toISOString() };
}

const WRONG_CURRENT = '当前密码不正确,或因多次输错已被暂时锁定,请稍后再试';

/**
 * Self-service password change (issue 12 point 2), also the forced change after a one-time password: the new
 * password against the town's policy, then the current one (counted like a sign-in, so the form is no way around
 * the lockout), then the new hash; every other session of the user ends, this one stays. Audited.
 */
export async function changePassword(db: Db, user: AuthUser, sessionId: string | null, body: ChangePasswordBody, ip: string): Promise<ChangePasswordResult> {
  await checkPassword('newPassword', body.newPassword, await passwordPolicyOf(db, user.tenantId), { username: user.username });
  if (body.newPassword === body.currentPassword) throw invalid('newPassword', '新密码不能与当前密码相同');
  const refuse = () => invalid('currentPassword', WRONG_CURRENT);
  const { row, attempt } = await ownRow(db, user, ip, 'auth.password_change', refuse);
  await verifyAttempt(db, row, body.currentPassword, attempt, refuse);
  const passwordHash = await hashPassword(body.newPassword);
  return db.transaction(async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash);
    await repo.clearFailedLogins(tx, user.id, attempt.ip);
    const endedSessions = await repo.deleteOtherSessions(tx, user.id, sessionId);
    await recordAudit(tx, { ...attempt, result: 'ok', detail: { endedSessions, wasDue: row.mustChangePassword } });
    return { ok: true as const, endedSessions };
  });
}

/** Why the signed-in user must change the password, for /me: null when nothing is due. */
export async function passwordChangeOf(db: Db, user: AuthUser, due: boolean): Promise<Me['passwordChange']> {
  if (!due) return null;
  const row = await repo.findUserById(db, user.id);
  return row && isPasswordExpired(row.passwordChangedAt, await passwordPolicyOf(db, user.tenantId)) ? 'expired' : 'one_time';
}

export async function passwordPolicy(db: Db, user: AuthUser): Promise<PasswordPolicy> {
  return passwordPolicyOf(db, user.tenantId);
}

/** Whether this session re-entered its password within security.stepUpMinutes; no session never counts. */
export async function isSteppedUp(db: DbOrTx, user: AuthUser, sessionId: string | null | undefined): Promise<boolean> {
  if (!sessionId) return false;
  const minutes = await settingValue(db, user.tenantId, 'security.stepUpMinutes');
  return repo.steppedUpWithin(db, sessionId, user.id, minutes);
}

export const STEP_UP_REVEAL_MESSAGE = '查看完整号码前请再次输入登录密码确认身份';

/** What a reveal is recorded as in the audit log. */
export interface RevealEntry { action: string; objectType: string; objectId: number }

/**
 * The gate before a full 身份证号 or phone is shown (安全测试清单第26项): the caller may write the record (`allowed`,
 * decided by the module's permission and scope), then this session must have re-entered its password lately. Each
 * refusal is audited in its own transaction, so it is kept though the request fails.
 */
export async function guardReveal(db: Db, caller: Caller, entry: RevealEntry, field: string, gate: { allowed: boolean; denied: string }): Promise<void> {
  if (!gate.allowed) {
    await audit(db, caller, { ...entry, result: 'denied', detail: { field } });
    throw alreadyAudited(forbidden(gate.denied));
  }
  if (!await isSteppedUp(db, caller.user, caller.sessionId)) {
    await audit(db, caller, { ...entry, result: 'denied', detail: { field, reason: 'step_up_required' } });
    throw new AppError('STEP_UP_REQUIRED', STEP_UP_REVEAL_MESSAGE);
  }
}
export const STEP_UP_EXPORT_MESSAGE = '导出完整身份证号和手机号前请再次输入登录密码确认身份';

export function toMe(user: AuthUser, csrfToken: string, passwordChange: Me['passwordChange'], elderMode = false): Me {
  return {
    user: {
      id: user.id, username: user.username, displayName: user.displayName, roles: user.roles,
      tenantId: user.tenantId, tenantName: user.tenantName, isDemo: user.isDemoTenant, elderMode,
    },
    scope: user.scopeRoots,
    passwordChange,
    csrfToken,
  };
}

export const elderModeOf = (db: DbOrTx, user: AuthUser) => repo.elderModeOf(db, user.id);

/** The header's 适老化 switch (issue 21 point 3): the user's own account only, audited like any change to it. */
export async function setPreferences(db: Db, caller: Pick<Caller, 'user' | 'ip'>, body: Preferences): Promise<Preferences> {
  return db.transaction(async (tx) => {
    await repo.setElderMode(tx, caller.user.id, body.elderMode);
    await audit(tx, caller, { action: 'auth.preferences', objectType: 'user', objectId: caller.user.id, detail: { elderMode: body.elderMode } });
    return { elderMode: body.elderMode };
  });
}

/**
 * Lifts every sign-in lock of a user of the caller's town (each address and the account-wide one), audited
 * (issue 12 point 8). User administration calls it after deciding the caller may; 404 for a user of another town.
 */
export async function liftLoginLocks(db: Db, caller: Pick<Caller, 'user' | 'ip'>, userId: number): Promise<{ lockedAddresses: number; accountLocked: boolean }> {
  return db.transaction(async (tx) => {
    const lifted = await repo.liftLocks(tx, caller.user.tenantId, userId);
    if (!lifted) throw notFound('用户');
    await audit(tx, caller, { action: 'auth.unlock', objectType: 'user', objectId: userId, detail: lifted });
    return lifted;
  });
}

/**
 * A one-time password under the town's policy and its hash (issue 12 point 1: an account made or reset by a town
 * admin). Hash it before the transaction that stores it: argon2 takes a while and need not hold a connection.
 */
export async function newOneTimePassword(db: DbOrTx, tenantId: number): Promise<{ password: string; passwordHash: string }> {
  const password = generateOneTimePassword(await passwordPolicyOf(db, tenantId));
  return { password, passwordHash: await hashPassword(password) };
}

/** Stores a one-time password (to be changed at the next sign-in) and ends every session of the user. */
export async function setOneTimePassword(tx: DbOrTx, userId: number, passwordHash: string): Promise<void> {
  await repo.setPassword(tx, userId, passwordHash);
  await repo.requirePasswordChange(tx, userId);
  await repo.deleteOtherSessions(tx, userId, null);
}

/** Ends every session of the user (an account disabled by a town admin); answers how many ended. */
export function endAllSessions(tx: DbOrTx, userId: number): Promise<number> {
  return repo.deleteOtherSessions(tx, userId, null);
}
