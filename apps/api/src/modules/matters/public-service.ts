/**
 * 村民说事's public side (issue 20 point 2), no account: a villager raises a matter through the village's form and
 * follows it by a random receipt. Runs as the system (decision 008) and chooses rows by village code or receipt only.
 */
import { PublicMatterSchema, todayInShanghai, type PublicMatter } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../lib/audit/index.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { AppError, notFound } from '../../lib/errors.js';
import * as repo from './repository.js';
import { newReceipt } from './service.js';

export const village = async (db: Db, code: string) => (await repo.publicVillage(db, code)) ?? Promise.reject(notFound('村'));

/** What the form sent, checked; a filled honeypot (a field people never see) is refused like a bad form, nothing stored. */
export function readForm(body: unknown): { ok: true; input: ReturnType<typeof PublicMatterSchema.parse> } | { ok: false; messages: string[]; honeypot: boolean } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (typeof fields.website === 'string' && fields.website.trim() !== '') return { ok: false, messages: ['提交未成功,请刷新页面后重新填写'], honeypot: true };
  const parsed = PublicMatterSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, messages: [...new Set(parsed.error.issues.map((i) => i.message))], honeypot: false };
  return { ok: true, input: parsed.data };
}

/** Files the matter under the village's branch as 说事 (source 公开表单); the phone sealed, the receipt random. */
export async function submitPublic(db: Db, cipher: FieldCipher, code: string, input: ReturnType<typeof PublicMatterSchema.parse>, ip: string): Promise<string> {
  const v = await village(db, code);
  const today = todayInShanghai();
  const title = input.content.replace(/\s+/g, ' ').slice(0, 20);
  return db.transaction(async (tx) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const receipt = newReceipt();
      if (await repo.publicStatus(tx, receipt)) continue;
      const id = await repo.insertMatter(tx, {
        tenantId: v.tenantId, organizationId: v.organizationId, receipt, source: 'public_form', category: input.category, title, content: input.content,
        place: input.place, raiserName: input.name, raiserPhoneEnc: input.phone ? cipher.encrypt(input.phone) : null, raisedOn: today, stage: 'raised',
      });
      await repo.insertEvents(tx, [{ tenantId: v.tenantId, organizationId: v.organizationId, matterId: id, kind: 'raised', on: today, text: '群众通过公开表单提出' }]);
      // No caller: the audit line names the village and the address, never what was said or who said it.
      await recordAudit(tx, { tenantId: v.tenantId, ip, action: 'matters.public.create', objectType: 'matter', objectId: id, result: 'ok', detail: { organizationId: v.organizationId, category: input.category, withName: !!input.name, withPhone: !!input.phone } });
      return receipt;
    }
    throw new AppError('UNAVAILABLE', '暂时无法生成回执编号,请稍后再试');
  });
}

export async function status(db: Db, receipt: string) {
  const row = await repo.publicStatus(db, receipt);
  if (!row) throw notFound('回执');
  return row;
}

export type PublicStatus = Awaited<ReturnType<typeof status>>;
export type { PublicMatter };
