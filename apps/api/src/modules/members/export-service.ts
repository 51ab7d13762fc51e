import {
  EDUCATION_LABELS, GENDER_LABELS, MEMBERSHIP_STATUS_LABELS, MemberListQuerySchema, OCCUPATION_LABELS, PARTY_POST_LABELS,
  STANDING_LABELS, type MemberListQuery,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { isPathInScope } from '../../db/scope.js';
import { AppError, notFound } from '../../lib/errors.js';
import { todayInShanghai } from '../../lib/time.js';
import { recordAudit } from '../../plugins/audit.js';
import { isSelfOnly } from '../../plugins/auth.js';
import { buildRosterWorkbook, type ExportRow } from './excel/template.js';
import * as repo from './repository.js';
import { canManage, toMember, type Caller } from './service.js';

/** A single export is bounded: a town has a few thousand members; anything larger is a mistake or a leak. */
export const MAX_EXPORT_ROWS = 10_000;

const label = <T extends string>(labels: Record<T, string>, code: string | null) => (code ? labels[code as T] ?? code : null);
const yesNo = (v: boolean) => (v ? '是' : '否');

/**
 * The roster in scope as xlsx. Town admins and branch secretaries (who may reveal) get full numbers;
 * everyone else gets masks. Either way the export is audited with its size and whether numbers were full.
 */
export async function exportRoster(db: Db, caller: Caller, raw: MemberListQuery): Promise<{ file: Buffer; filename: string }> {
  const { user, ip, cipher } = caller;
  const query = MemberListQuerySchema.parse(raw);
  const under = query.orgId ? await repo.findActiveOrganization(db, user.tenantId, query.orgId) : undefined;
  if (query.orgId && (!under || !isPathInScope(under.path, user.scope))) throw notFound('组织');
  const filter: repo.MemberFilter = { under, range: query.range, filter: query.filter, today: todayInShanghai() };
  if (query.q) filter.name = query.q;
  if (isSelfOnly(user)) filter.personId = user.personId ?? -1;
  const rows = await repo.listAll(db, user.scope, filter, MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) throw new AppError('VALIDATION', `导出超过${MAX_EXPORT_ROWS}人,请缩小范围后分批导出`);
  const full = rows.length > 0 && rows.every((r) => canManage(user, r.organizationPath));
  const sealed = full ? await repo.findSealedMany(db, rows.map((r) => r.personId)) : new Map();
  const today = todayInShanghai();
  const lines: ExportRow[] = rows.map((r) => {
    const m = toMember(r, today);
    const s = sealed.get(r.personId);
    return {
      name: m.name, gender: GENDER_LABELS[m.gender], ethnicity: m.ethnicity, birthDate: m.birthDate, nativePlace: m.nativePlace,
      idNumber: s ? cipher.decrypt(s.idNumberEnc) : m.idNumberMasked, phone: s?.phoneEnc ? cipher.decrypt(s.phoneEnc) : m.phoneMasked,
      organization: m.organizationName, group: m.groupName, standing: STANDING_LABELS[m.standing], status: MEMBERSHIP_STATUS_LABELS[m.membershipStatus],
      joinedAt: m.joinedAt, confirmedAt: m.confirmedAt, partyYears: m.partyYears === null ? null : String(m.partyYears),
      education: label(EDUCATION_LABELS, m.education), occupation: label(OCCUPATION_LABELS, m.occupation), workUnit: m.workUnit,
      address: m.address, hamlet: m.hamlet, posts: m.partyPosts.map((p) => PARTY_POST_LABELS[p]).join('、') || null,
      villageCadre: yesNo(m.isVillageCadre), hardship: yesNo(m.isHardship),
    };
  });
  const exportedAt = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const title = `${under?.name ?? user.scopeRoots.map((r) => r.name).join('、')}党员名册`;
  const file = await buildRosterWorkbook(lines, { title, exportedBy: `${user.displayName}(${user.username})`, exportedAt });
  await recordAudit(db, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'member.export', objectType: 'organization', objectId: under?.id ?? null, result: 'ok', detail: { rows: rows.length, fullNumbers: full, filter: query.filter } });
  return { file, filename: `${title}-${today}.xlsx` };
}
