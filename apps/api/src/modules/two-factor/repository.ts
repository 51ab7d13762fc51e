import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { pendingSignIns, secondFactorRecoveryCodes, tenants, userSecondFactors, users } from '../../db/schema/index.js';
import { heldRoles } from '../../lib/access/index.js';

export async function findFactor(db: DbOrTx, userId: number) {
  const [row] = await db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId)).limit(1);
  return row;
}

/** A new secret to confirm; replaces an unconfirmed one, never a confirmed one (the caller checked, the where makes sure). */
export async function saveUnconfirmedSecret(db: DbOrTx, userId: number, secretEnc: string) {
  await db.insert(userSecondFactors).values({ userId, secretEnc })
    .onConflictDoUpdate({ target: userSecondFactors.userId, set: { secretEnc, createdAt: sql`now()` }, where: isNull(userSecondFactors.confirmedAt) });
}

export async function confirmFactor(db: DbOrTx, userId: number, step: number) {
  const [row] = await db.update(userSecondFactors).set({ confirmedAt: sql`now()`, lastStep: step, failedCodes: 0 })
    .where(and(eq(userSecondFactors.userId, userId), isNull(userSecondFactors.confirmedAt))).returning({ userId: userSecondFactors.userId });
  return !!row;
}

/**
 * Accepts a code of this step only if no code of this step (or a later one) was accepted before: one statement,
 * so two requests with the same code cannot both pass.
 */
export async function acceptStep(db: DbOrTx, userId: number, step: number): Promise<boolean> {
  const [row] = await db.update(userSecondFactors).set({ lastStep: step, failedCodes: 0 })
    .where(and(eq(userSecondFactors.userId, userId), or(isNull(userSecondFactors.lastStep), lt(userSecondFactors.lastStep, step))))
    .returning({ userId: userSecondFactors.userId });
  return !!row;
}

/** One wrong code more; at `max` the counter starts again and the account locks for `lockMs` (like wrong passwords). */
export async function recordFailedCode(db: DbOrTx, userId: number, max: number, lockMs: number): Promise<boolean> {
  const [row] = await db.update(userSecondFactors).set({
    failedCodes: sql`case when ${userSecondFactors.failedCodes} + 1 >= ${max} then 0 else ${userSecondFactors.failedCodes} + 1 end`,
  }).where(eq(userSecondFactors.userId, userId)).returning({ failedCodes: userSecondFactors.failedCodes });
  if (row?.failedCodes !== 0) return false;
  await db.update(users).set({ lockedUntil: sql`now() + ${`${lockMs} milliseconds`}::interval` }).where(eq(users.id, userId));
  return true;
}

export async function resetFailedCodes(db: DbOrTx, userId: number) {
  await db.update(userSecondFactors).set({ failedCodes: 0 }).where(eq(userSecondFactors.userId, userId));
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: number, hashes: string[]) {
  await db.delete(secondFactorRecoveryCodes).where(eq(secondFactorRecoveryCodes.userId, userId));
  await db.insert(secondFactorRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** The user's unused recovery codes, locked until the transaction ends so two sign-ins cannot spend the same one. */
export async function unusedRecoveryCodes(db: DbOrTx, userId: number) {
  return db.select({ id: secondFactorRecoveryCodes.id, codeHash: secondFactorRecoveryCodes.codeHash }).from(secondFactorRecoveryCodes)
    .where(and(eq(secondFactorRecoveryCodes.userId, userId), isNull(secondFactorRecoveryCodes.usedAt)))
    .orderBy(secondFactorRecoveryCodes.id).for('update');
}

export async function markRecoveryCodeUsed(db: DbOrTx, id: number): Promise<void> {
  await db.update(secondFactorRecoveryCodes).set({ usedAt: sql`now()` }).where(eq(secondFactorRecoveryCodes.id, id));
}

export async function recoveryCodesLeft(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(secondFactorRecoveryCodes)
    .where(and(eq(secondFactorRecoveryCodes.userId, userId), isNull(secondFactorRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Removes the factor, its recovery codes and any pending sign-in; answers whether there was a factor. */
export async function deleteFactor(db: DbOrTx, userId: number): Promise<boolean> {
  await db.delete(secondFactorRecoveryCodes).where(eq(secondFactorRecoveryCodes.userId, userId));
  await db.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
  const gone = await db.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId)).returning({ confirmedAt: userSecondFactors.confirmedAt });
  return !!gone[0]?.confirmedAt;
}

export async function insertPendingSignIn(db: DbOrTx, values: typeof pendingSignIns.$inferInsert) {
  await db.insert(pendingSignIns).values(values);
}

/** A live pending sign-in with what the second step needs of its user; expired ones are not found. */
export async function findPendingSignIn(db: DbOrTx, id: string) {
  const [row] = await db.select({
    id: pendingSignIns.id, csrfHash: pendingSignIns.csrfHash, userId: users.id, tenantId: users.tenantId, username: users.username,
    displayName: users.displayName, roles: heldRoles, disabled: users.disabled, lockedUntil: users.lockedUntil,
  }).from(pendingSignIns).innerJoin(users, eq(users.id, pendingSignIns.userId))
    .where(and(eq(pendingSignIns.id, id), gt(pendingSignIns.expiresAt, sql`now()`))).limit(1);
  return row;
}

export async function deletePendingSignIns(db: DbOrTx, userId: number) {
  await db.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
}

/** A user of this town (another town's users do not exist for the caller), with the town's name for the label. */
export async function findUserOfTown(db: DbOrTx, tenantId: number, id: number) {
  const [row] = await db.select({ id: users.id, username: users.username, displayName: users.displayName, tenantName: tenants.name })
    .from(users).innerJoin(tenants, eq(tenants.id, users.tenantId)).where(and(eq(users.id, id), eq(users.tenantId, tenantId))).limit(1);
  return row;
}
