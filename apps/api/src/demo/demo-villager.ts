/**
 * A demo villager who is not a party member: a `persons` row only, ID number (and phone when asked) sealed and masked
 * as for members. One maker for the demo's 村干部, 后备人才, 人才 and 在外人才, so every non-member is built alike.
 */
import { and, eq } from 'drizzle-orm';
import { idNumberCheckDigit, maskIdNumber, maskPhone } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { persons } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { demoName } from './demo-members.js';

export interface VillagerCtx { tx: Tx; tenantId: number; cipher: FieldCipher; rand: () => number; seq: { n: number } }
/** Born in one of the `span` years from `bornFrom`; with `phone`, a mobile number sealed as well. */
export interface VillagerSpec { village: string; gender: 'male' | 'female'; bornFrom: number; span: number; phone?: boolean }

export async function demoVillager(c: VillagerCtx, spec: VillagerSpec): Promise<number> {
  const { village, gender } = spec;
  const year = spec.bornFrom + Math.floor(c.rand() * spec.span);
  const birthDate = `${year}-${String(1 + Math.floor(c.rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(c.rand() * 28)).padStart(2, '0')}`;
  const phone = spec.phone ? `139${String(Math.floor(c.rand() * 1e8)).padStart(8, '0')}` : null;
  for (;;) {
    const n = c.seq.n++;
    const body = `370402${birthDate.replaceAll('-', '')}${String(n % 100).padStart(2, '0')}${gender === 'male' ? 2 * (n % 5) + 1 : 2 * (n % 5)}`;
    const idNumber = body + idNumberCheckDigit(body);
    const hash = c.cipher.lookupHash(idNumber);
    const [taken] = await c.tx.select({ id: persons.id }).from(persons).where(and(eq(persons.tenantId, c.tenantId), eq(persons.idNumberHash, hash))).limit(1);
    if (taken) continue;
    const sealedPhone = phone ? { phoneEnc: c.cipher.encrypt(phone), phoneHash: c.cipher.lookupHash(phone), phoneMasked: maskPhone(phone) } : {};
    const [row] = await c.tx.insert(persons).values({
      tenantId: c.tenantId, name: demoName(c.rand, gender), gender, birthDate, idNumberEnc: c.cipher.encrypt(idNumber), idNumberHash: hash,
      idNumberMasked: maskIdNumber(idNumber), ...sealedPhone, address: `${village}${1 + Math.floor(c.rand() * 120)}号`, isDemo: true,
    }).returning({ id: persons.id });
    return row.id;
  }
}
