/**
 * Key rotation of the personal numbers (问题 12 第 7 点): every 身份证号 and phone (persons, 在外人才 liaison contacts), every queued SMS
 * recipient and every second-factor secret (a TOTP key is as secret as a password), re-encrypted under the current master key and their lookup hashes recomputed, batch by batch.
 * Each batch is one transaction, and a row once rewritten no longer matches "not under the current key": a
 * rotation killed at any point loses nothing and, run again, carries on with the rows still to do.
 */
import type { Db, Tx } from '../../db/client.js';
import type { FieldCipher } from '../crypto.js';
import * as repo from './repository.js';

export interface RotationProgress { table: 'persons' | 'awayLiaisons' | 'outbox' | 'secondFactors'; done: number; total: number }
export interface RotationResult { persons: number; awayLiaisons: number; outbox: number; secondFactors: number; keyId: string }

export async function rotateFieldKeys(db: Db, cipher: FieldCipher, options: { batchSize?: number; onProgress?: (p: RotationProgress) => void } = {}): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 200;
  const total = await repo.countPending(db, cipher.keyId);
  const persons = await inBatches(db, batchSize, async (tx, afterId) => {
    const rows = await repo.pendingPersons(tx, cipher.keyId, afterId, batchSize);
    await repo.updatePersonNumbers(tx, rows.map((row) => {
      const idNumber = open(cipher, row.idNumberEnc, `persons ${row.id}`);
      const phone = row.phoneEnc ? open(cipher, row.phoneEnc, `persons ${row.id}`) : null;
      return {
        id: row.id, idNumberEnc: cipher.encrypt(idNumber), idNumberHash: cipher.lookupHash(idNumber),
        phoneEnc: phone === null ? null : cipher.encrypt(phone), phoneHash: phone === null ? null : cipher.lookupHash(phone),
      };
    }));
    return rows.map((r) => r.id);
  }, (done) => options.onProgress?.({ table: 'persons', done, total: total.persons }));
  // 在外人才 liaison contacts' phones (modules/talent): sealed like a person's phone, no lookup hash.
  const awayLiaisons = await inBatches(db, batchSize, async (tx, afterId) => {
    const rows = await repo.pendingLiaisons(tx, cipher.keyId, afterId, batchSize);
    await repo.updateLiaisonPhones(tx, rows.map((row) => ({ id: row.id, contactPhoneEnc: cipher.encrypt(open(cipher, row.contactPhoneEnc!, `away_liaisons ${row.id}`)) })));
    return rows.map((r) => r.id);
  }, (done) => options.onProgress?.({ table: 'awayLiaisons', done, total: total.awayLiaisons }));
  const outbox = await inBatches(db, batchSize, async (tx, afterId) => {
    const rows = await repo.pendingOutbox(tx, cipher.keyId, afterId, batchSize);
    await repo.updateOutboxRecipients(tx, rows.map((row) => ({ id: row.id, recipientCipher: cipher.encrypt(open(cipher, row.recipientCipher, `outbox ${row.id}`)) })));
    return rows.map((r) => r.id);
  }, (done) => options.onProgress?.({ table: 'outbox', done, total: total.outbox }));
  const secondFactors = await inBatches(db, batchSize, async (tx, afterId) => {
    const rows = await repo.pendingSecondFactors(tx, cipher.keyId, afterId, batchSize);
    await repo.updateSecondFactorSecrets(tx, rows.map((row) => ({ userId: row.userId, secretEnc: cipher.encrypt(open(cipher, row.secretEnc, `user_second_factors ${row.userId}`)) })));
    return rows.map((r) => r.userId);
  }, (done) => options.onProgress?.({ table: 'secondFactors', done, total: total.secondFactors }));
  return { persons, awayLiaisons, outbox, secondFactors, keyId: cipher.keyId };
}


/** Runs `batch` in its own transaction until it returns no ids; `afterId` walks forward (keyset), never back. */
async function inBatches(db: Db, size: number, batch: (tx: Tx, afterId: number) => Promise<number[]>, progress: (done: number) => void): Promise<number> {
  let afterId = 0;
  let done = 0;
  for (;;) {
    const ids = await db.transaction((tx) => batch(tx, afterId));
    if (ids.length === 0) return done;
    done += ids.length;
    afterId = ids[ids.length - 1];
    progress(done);
    if (ids.length < size) return done;
  }
}

function open(cipher: FieldCipher, sealed: string, where: string): string {
  try {
    return cipher.decrypt(sealed);
  } catch {
    throw new Error(`${where} 的号码无法用已配置的密钥解密:请把原来的密钥配置为旧密钥(ENCRYPTION_KEY_OLD 或 DATA_DIR/encryption-retired.keys)后重试`);
  }
}
