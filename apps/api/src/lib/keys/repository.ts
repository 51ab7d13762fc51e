/** The columns sealed under a master key (personal numbers, second-factor secrets): what a key rotation rewrites. */
import { and, asc, count, gt, isNotNull, notLike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { awayLiaisons, outbox, persons, userSecondFactors } from '../../db/schema/index.js';

/** Values sealed under another key than `keyId` (v1 values carry no id, so they always count). */
type SealedColumn = typeof persons.idNumberEnc | typeof persons.phoneEnc | typeof outbox.recipientCipher | typeof userSecondFactors.secretEnc | typeof awayLiaisons.contactPhoneEnc;
const notUnder = (column: SealedColumn, keyId: string) =>
  notLike(column, `v2:${keyId}:%`);

function personsPending(keyId: string): SQL {
  return or(notUnder(persons.idNumberEnc, keyId), and(isNotNull(persons.phoneEnc), notUnder(persons.phoneEnc, keyId))) as SQL;
}

const liaisonsPending = (keyId: string) => and(isNotNull(awayLiaisons.contactPhoneEnc), notUnder(awayLiaisons.contactPhoneEnc, keyId)) as SQL;

export async function countPending(db: DbOrTx, keyId: string): Promise<{ persons: number; awayLiaisons: number; outbox: number; secondFactors: number }> {
  const [p] = await db.select({ n: count() }).from(persons).where(personsPending(keyId));
  const [l] = await db.select({ n: count() }).from(awayLiaisons).where(liaisonsPending(keyId));
  const [o] = await db.select({ n: count() }).from(outbox).where(notUnder(outbox.recipientCipher, keyId));
  const [f] = await db.select({ n: count() }).from(userSecondFactors).where(notUnder(userSecondFactors.secretEnc, keyId));
  return { persons: p.n, awayLiaisons: l.n, outbox: o.n, secondFactors: f.n };
}

/** The next persons after `afterId` with a number not under `keyId`, locked until the batch's transaction ends. */
export async function pendingPersons(tx: DbOrTx, keyId: string, afterId: number, max: number) {
  return tx.select({ id: persons.id, idNumberEnc: persons.idNumberEnc, phoneEnc: persons.phoneEnc }).from(persons)
    .where(and(gt(persons.id, afterId), personsPending(keyId))).orderBy(asc(persons.id)).limit(max).for('update');
}

export interface PersonNumbers { id: number; idNumberEnc: string; idNumberHash: string; phoneEnc: string | null; phoneHash: string | null }

/** One statement per batch: a row-by-row update made the rotation's time mostly round trips. */
export async function updatePersonNumbers(tx: DbOrTx, rows: PersonNumbers[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.id}::int, ${r.idNumberEnc}, ${r.idNumberHash}, ${r.phoneEnc}::text, ${r.phoneHash}::text)`), sql`, `);
  await tx.execute(sql`update persons p set id_number_enc = v.ie, id_number_hash = v.ih, phone_enc = v.pe, phone_hash = v.ph
    from (values ${values}) as v(id, ie, ih, pe, ph) where p.id = v.id`);
}

export async function pendingOutbox(tx: DbOrTx, keyId: string, afterId: number, max: number) {
  return tx.select({ id: outbox.id, recipientCipher: outbox.recipientCipher }).from(outbox)
    .where(and(gt(outbox.id, afterId), notUnder(outbox.recipientCipher, keyId))).orderBy(asc(outbox.id)).limit(max).for('update');
}

export async function updateOutboxRecipients(tx: DbOrTx, rows: { id: number; recipientCipher: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.id}::int, ${r.recipientCipher})`), sql`, `);
  await tx.execute(sql`update outbox o set recipient_cipher = v.rc from (values ${values}) as v(id, rc) where o.id = v.id`);
}

export async function pendingSecondFactors(tx: DbOrTx, keyId: string, afterUserId: number, max: number) {
  return tx.select({ userId: userSecondFactors.userId, secretEnc: userSecondFactors.secretEnc }).from(userSecondFactors)
    .where(and(gt(userSecondFactors.userId, afterUserId), notUnder(userSecondFactors.secretEnc, keyId)))
    .orderBy(asc(userSecondFactors.userId)).limit(max).for('update');
}

export async function updateSecondFactorSecrets(tx: DbOrTx, rows: { userId: number; secretEnc: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.userId}::int, ${r.secretEnc})`), sql`, `);
  await tx.execute(sql`update user_second_factors f set secret_enc = v.se from (values ${values}) as v(id, se) where f.user_id = v.id`);
}

/** 在外人才 liaison organisations' contact phones (away_liaisons) not under `keyId`. */
export async function pendingLiaisons(tx: DbOrTx, keyId: string, afterId: number, max: number) {
  return tx.select({ id: awayLiaisons.id, contactPhoneEnc: awayLiaisons.contactPhoneEnc }).from(awayLiaisons)
    .where(and(gt(awayLiaisons.id, afterId), liaisonsPending(keyId))).orderBy(asc(awayLiaisons.id)).limit(max).for('update');
}

export async function updateLiaisonPhones(tx: DbOrTx, rows: { id: number; contactPhoneEnc: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.id}::int, ${r.contactPhoneEnc})`), sql`, `);
  await tx.execute(sql`update away_liaisons l set contact_phone_enc = v.pe from (values ${values}) as v(id, pe) where l.id = v.id`);
}
