/** The columns that hold personal numbers sealed under a master key: what a key rotation rewrites. */
import { and, asc, count, eq, gt, isNotNull, notLike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { outbox, persons } from '../../db/schema/index.js';

/** Values sealed under another key than `keyId` (v1 values carry no id, so they always count). */
const notUnder = (column: typeof persons.idNumberEnc | typeof persons.phoneEnc | typeof outbox.recipientCipher, keyId: string) =>
  notLike(column, `v2:${keyId}:%`);

function personsPending(keyId: string): SQL {
  return or(notUnder(persons.idNumberEnc, keyId), and(isNotNull(persons.phoneEnc), notUnder(persons.phoneEnc, keyId))) as SQL;
}

export async function countPending(db: DbOrTx, keyId: string): Promise<{ persons: number; outbox: number }> {
  const [p] = await db.select({ n: count() }).from(persons).where(personsPending(keyId));
  const [o] = await db.select({ n: count() }).from(outbox).where(notUnder(outbox.recipientCipher, keyId));
  return { persons: p.n, outbox: o.n };
}

/** The next persons after `afterId` with a number not under `keyId`, locked until the batch's transaction ends. */
export async function pendingPersons(tx: DbOrTx, keyId: string, afterId: number, max: number) {
  return tx.select({ id: persons.id, idNumberEnc: persons.idNumberEnc, phoneEnc: persons.phoneEnc }).from(persons)
    .where(and(gt(persons.id, afterId), personsPending(keyId))).orderBy(asc(persons.id)).limit(max).for('update');
}

export async function updatePersonNumbers(tx: DbOrTx, id: number, values: { idNumberEnc: string; idNumberHash: string; phoneEnc: string | null; phoneHash: string | null }) {
  await tx.update(persons).set(values).where(eq(persons.id, id));
}

export async function pendingOutbox(tx: DbOrTx, keyId: string, afterId: number, max: number) {
  return tx.select({ id: outbox.id, recipientCipher: outbox.recipientCipher }).from(outbox)
    .where(and(gt(outbox.id, afterId), notUnder(outbox.recipientCipher, keyId))).orderBy(asc(outbox.id)).limit(max).for('update');
}

export async function updateOutboxRecipient(tx: DbOrTx, id: number, recipientCipher: string) {
  await tx.update(outbox).set({ recipientCipher }).where(eq(outbox.id, id));
}
