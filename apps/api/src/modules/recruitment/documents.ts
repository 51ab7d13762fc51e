/**
 * 发展党员 documents (全程纪实表, 谈话记录, 公示) and registers (积极分子名册, 发展对象名单, 预备党员名册), generated from
 * the recruitments alone and audited like every other export. Scope comes from the service: a recruitment outside the
 * caller's scope is a 404, and a register lists only the recruitments the caller may see.
 */
import {
  RECRUITMENT_DOCUMENT_LABELS, type RECRUITMENT_DOCUMENTS, REGISTER_DOCUMENT_LABELS, todayInShanghai,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import {
  latestNotice, noticeModel, recordModel, registerModel, talkModel, talkRecord, type RegisterEntry, type RegisterKind,
} from './documents-model.js';
import * as repo from './repository.js';
import { getRecruitment, listRecruitments } from './service.js';
import { audit, optionalOrganizationInScope, type Caller } from '../../lib/access/index.js';

export type DocFormat = 'docx' | 'pdf';
export type RecruitmentDocumentKind = (typeof RECRUITMENT_DOCUMENTS)[number];
export interface GeneratedFile { filename: string; mime: string; data: Buffer }

export const DOCUMENT_MIME: Record<DocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf',
};

const render = (model: DocModel, format: DocFormat) => (format === 'docx' ? renderDocx(model) : renderPdf(model));

/** Names go into a filename: path separators and control characters are replaced, the Chinese kept. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '未命名';

export async function recruitmentDocument(db: Db, { user, ip }: Pick<Caller, 'user' | 'ip'>, id: number, kind: RecruitmentDocumentKind, format: DocFormat): Promise<GeneratedFile> {
  const recruitment = await getRecruitment(db, user, id);
  const today = todayInShanghai();
  let model: DocModel;
  switch (kind) {
    case 'record':
      model = recordModel(recruitment, today);
      break;
    case 'talk': {
      const talk = talkRecord(recruitment);
      if (!talk) {
        throw new AppError('VALIDATION', '尚未记录“党组织派人谈话”,不能生成入党谈话记录', [{ path: 'kind', message: '尚未记录谈话' }]);
      }
      model = talkModel(recruitment, talk);
      break;
    }
    case 'notice': {
      const notice = latestNotice(recruitment);
      if (!notice) throw new AppError('VALIDATION', '尚未登记公示,不能生成发展党员公示', [{ path: 'kind', message: '尚未登记公示' }]);
      model = noticeModel(recruitment, notice);
      break;
    }
  }
  const data = await render(model, format);
  await audit(db, { user, ip }, { action: 'recruitment.document.export', objectType: 'recruitment',
    objectId: id, detail: { kind, format, count: 1, bytes: data.length } });
  return { filename: `${safeName(recruitment.name)}-${RECRUITMENT_DOCUMENT_LABELS[kind]}.${format}`, mime: DOCUMENT_MIME[format], data };
}

/** Which recruitments a register lists: the pipeline column for 积极分子 and 发展对象, the status for 预备党员. */
const FILTERS: Record<RegisterKind, { phase?: 'activist' | 'candidate'; status: 'active' | 'probationary' }> = {
  activists: { phase: 'activist', status: 'active' },
  candidates: { phase: 'candidate', status: 'active' },
  probationary: { status: 'probationary' },
};

export async function registerDocument(db: Db, { user, ip }: Pick<Caller, 'user' | 'ip'>, kind: RegisterKind, format: DocFormat, orgId?: number): Promise<GeneratedFile> {
  // listRecruitments checks orgId against the scope (404 outside) and gives a plain 党员 an empty list.
  const { items } = await listRecruitments(db, user, { orgId, ...FILTERS[kind] });
  const ids = items.map((j) => j.id);
  const [records, relations] = [await repo.recordsOf(db, ids), await repo.relationsOf(db, ids)];
  const entries: RegisterEntry[] = items.map((recruitment) => ({
    recruitment,
    records: records.filter((r) => r.recruitmentId === recruitment.id),
    relations: relations.filter((r) => r.recruitmentId === recruitment.id),
  }));
  const under = await optionalOrganizationInScope(db, user, orgId);
  const unitName = under?.name ?? (user.scopeRoots.map((r) => r.name).join('、') || user.tenantName);
  const today = todayInShanghai();
  const data = await render(registerModel(kind, unitName, entries, today, user.displayName), format);
  await audit(db, { user, ip }, { action: 'recruitment.document.export', objectType: 'organization',
    objectId: under?.id ?? null, detail: { kind, format, count: entries.length, bytes: data.length } });
  return { filename: `${safeName(unitName)}-${REGISTER_DOCUMENT_LABELS[kind]}-${today}.${format}`, mime: DOCUMENT_MIME[format], data };
}
