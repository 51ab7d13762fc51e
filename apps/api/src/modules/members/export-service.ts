import { sql } from 'drizzle-orm';
import {
  EDUCATION_LABELS, GENDER_LABELS, type MemberExportPreview, type MemberListQuery, MemberListQuerySchema, MEMBERSHIP_STATUS_LABELS, OCCUPATION_LABELS, PARTY_POST_LABELS, STANDING_LABELS, todayInShanghai,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { can, isSelfOnly, audit, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import { notifyTownAdmins, type Notice } from '../../lib/notices.js';
import { isSteppedUp, STEP_UP_EXPORT_MESSAGE } from '../auth/index.js';
import { buildRosterWorkbook, type ExportRow } from './excel/template.js';
import * as repo from './repository.js';
import * as exportRepo from './export-repository.js';
import { toMember } from './service.js';

// Built once (issue 14): toLocaleString with options builds a DateTimeFormat per call. The same fields and Beijing
// time as toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }): 2026/1/2 00:05:03.
const EXPORTED_AT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

/** A single export is bounded: a town has a few thousand members; anything larger is a mistake or a leak. */
export const MAX_EXPORT_ROWS = 10_000;
/** Serialises one user's exports, so two at once cannot both pass the daily quota. */
const EXPORT_QUOTA_LOCK = 7_340_227;

const label = <T extends string>(labels: Record<T, string>, code: string | null) => (code ? labels[code as T] ?? code : null);
const yesNo = (v: boolean) => (v ? '是' : '否');

/** The list query as parsed from the URL (MemberExportQuerySchema), masked already a boolean. */
export type ExportQuery = MemberListQuery & { masked?: boolean };

export const approvalRequiredMessage = (threshold: number) =>
  `导出完整身份证号和手机号超过${threshold}人,须经另一位镇党委管理员审批:请提交导出申请,或导出脱敏名册`;
export const quotaMessage = (quota: number) => `今日已导出${quota}次(本镇设置 export.dailyQuota),请明天再导出或联系镇党委`;

/**
 * The rows a roster query selects in the caller's scope, and whether the caller may see all their full numbers.
 * Every export path (preview, file, request) passes here, so members.export guards them all: scope first (an
 * organisation outside it is 404), then the permission.
 */
export async function selectExportRows(db: DbOrTx, user: AuthUser, raw: MemberListQuery) {
  const query = MemberListQuerySchema.parse(raw);
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  requirePermission(user, 'members.export');
  const filter: repo.MemberFilter = { under, range: query.range, filter: query.filter, today: todayInShanghai() };
  if (query.q) filter.name = query.q;
  if (isSelfOnly(user)) filter.personId = user.personId ?? -1;
  const rows = await repo.listAll(db, user.scope, filter, MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) throw new AppError('VALIDATION', `导出超过${MAX_EXPORT_ROWS}人,请缩小范围后分批导出`);
  const full = rows.length > 0 && rows.every((r) => can(user, 'members.manage', r.organizationPath));
  return { query, under, rows, full };
}

/** Roster exports (direct, masked, approved downloads) the user made today, Asia/Shanghai day. */
export async function exportsToday(db: DbOrTx, user: AuthUser): Promise<number> {
  const dayStart = new Date(`${todayInShanghai()}T00:00:00+08:00`);
  return exportRepo.exportsSince(db, user.tenantId, user.id, dayStart);
}

/** In-app notice to every other active town admin of the tenant (a dedupe key already held is skipped). */
export function notifyOtherTownAdmins(db: DbOrTx, user: AuthUser, notice: Notice) {
  return notifyTownAdmins(db, user.tenantId, notice, user.id);
}

export const exportLimits = (db: DbOrTx, tenantId: number) => settingValues(db, tenantId, ['export.approvalThreshold', 'export.dailyQuota']);

/** What `GET /api/members/export` with this query would do, so the web can decide before downloading. */
export async function previewExport(db: Db, user: AuthUser, { masked = false, ...list }: ExportQuery): Promise<MemberExportPreview> {
  const { rows, full } = await selectExportRows(db, user, list);
  const limits = await exportLimits(db, user.tenantId);
  const fullNumbers = full && !masked;
  return {
    rows: rows.length, fullNumbers, needsApproval: fullNumbers && rows.length > limits['export.approvalThreshold'],
    quotaLeft: Math.max(0, limits['export.dailyQuota'] - await exportsToday(db, user)), threshold: limits['export.approvalThreshold'],
  };
}

/** An approved 导出申请 being downloaded: no threshold check, and the approver goes into the watermark. */
export interface ExportApproval { requestId: number; approvedBy: string }

/**
 * The roster in scope as xlsx. Town admins and branch secretaries (who may reveal) get full numbers;
 * everyone else, and anyone asking for masked=true, gets masks. Full numbers of more than
 * export.approvalThreshold members need an approved request; every user has export.dailyQuota exports a day;
 * full numbers need the caller's session stepped up (security.stepUpMinutes). Every export, and every refusal, is audited.
 */
export async function exportRoster(db: Db, caller: Caller, { masked = false, ...list }: ExportQuery, approval?: ExportApproval): Promise<{ file: Buffer; filename: string }> {
  const { user, ip, cipher } = caller;
  const refuse = async (detail: Record<string, unknown>, message: string, code: 'CONFLICT' | 'STEP_UP_REQUIRED' = 'CONFLICT'): Promise<never> => {
    await audit(db, { user, ip }, { action: 'member.export', objectType: 'organization', objectId: Number(list.orgId) || null, result: 'denied', detail });
    throw new AppError(code, message);
  };
  type Refusal = { refused: 'daily_quota' | 'approval_required' | 'step_up_required'; quota: number; threshold: number; rows: number };
  const outcome = await db.transaction(async (tx): Promise<Refusal | { file: Buffer; filename: string }> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EXPORT_QUOTA_LOCK}, ${user.id})`);
    const limits = await exportLimits(tx, user.tenantId);
    const quota = limits['export.dailyQuota'];
    if (await exportsToday(tx, user) >= quota) return { refused: 'daily_quota', quota, threshold: 0, rows: 0 };
    const { query, under, rows, full: mayReveal } = await selectExportRows(tx, user, list);
    const full = mayReveal && !masked;
    const threshold = limits['export.approvalThreshold'];
    if (full && !approval && rows.length > threshold) return { refused: 'approval_required', quota, threshold, rows: rows.length };
    // Full numbers leave only after this session re-entered its password (安全测试清单第26项); a masked roster needs none.
    if (full && !await isSteppedUp(tx, user, caller.sessionId)) return { refused: 'step_up_required', quota, threshold, rows: rows.length };
    const sealed = full ? await repo.findSealedMany(tx, rows.map((r) => r.personId)) : new Map();
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
    const exportedAt = EXPORTED_AT.format(new Date());
    const title = `${under?.name ?? user.scopeRoots.map((r) => r.name).join('、')}党员名册`;
    const file = await buildRosterWorkbook(lines, { title, exportedBy: `${user.displayName}(${user.username})`, exportedAt, approvedBy: approval?.approvedBy });
    const detail: Record<string, unknown> = { rows: rows.length, fullNumbers: full, filter: query.filter };
    if (masked) detail.masked = true;
    if (approval) Object.assign(detail, approval);
    await audit(tx, { user, ip }, { action: 'member.export', objectType: 'organization', objectId: under?.id ?? null, detail });
    return { file, filename: `${title}-${today}.xlsx` };
  });
  if (!('refused' in outcome)) return outcome;
  if (outcome.refused === 'daily_quota') {
    // The breach alert (安全测试清单第27项): the town admins hear of it once per user and day.
    await notifyOtherTownAdmins(db, user, {
      kind: 'export.quota', title: '名册导出超过每日次数', link: '/members/exports', dedupeKey: `export-quota:${user.id}:${todayInShanghai()}`,
      body: `${user.displayName}今日导出名册已达${outcome.quota}次,再次导出被拒绝(已记入审计)`,
    });
    return refuse({ refused: 'daily_quota', quota: outcome.quota, ...(approval ?? {}) }, quotaMessage(outcome.quota));
  }
  if (outcome.refused === 'step_up_required') {
    return refuse({ refused: 'step_up_required', rows: outcome.rows, ...(approval ?? {}) }, STEP_UP_EXPORT_MESSAGE, 'STEP_UP_REQUIRED');
  }
  return refuse({ refused: 'approval_required', rows: outcome.rows, threshold: outcome.threshold }, approvalRequiredMessage(outcome.threshold));
}
