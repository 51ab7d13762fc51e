import {
  MemberExportFilterSchema, type CreateMemberExportRequest, type MemberExportDecision, type MemberExportFilter, type MemberExportRequest,
  type MemberExportRequestList,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { can, audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { exportLimits, exportRoster, notifyOtherTownAdmins, selectExportRows } from './export-service.js';
import * as repo from './export-repository.js';

/**
 * 名册导出申请 (安全测试清单第27项): full ID numbers and phones of more than export.approvalThreshold members
 * leave the platform only after a second town admin approved; the approval is valid for 24 hours and only the
 * requester downloads, the file generated from the stored query at that moment.
 */
export const APPROVAL_VALID_HOURS = 24;

type Row = repo.ExportRequestRow;
const WEB_PAGE = '/members/exports';

/** A request the user may see (their own; every one of the tenant for a town admin), or 404. */
async function loadRequest(db: DbOrTx, user: AuthUser, id: number, lock = false): Promise<Row> {
  const row = await repo.findRequest(db, user.tenantId, id, lock);
  if (!row || (row.requestedBy !== user.id && !can(user, 'members.reviewExports'))) throw notFound('导出申请');
  return row;
}

const expired = (row: Row, now = new Date()) => row.status === 'approved' && (!row.approvedUntil || row.approvedUntil <= now);

async function present(db: DbOrTx, user: AuthUser, rows: Row[]): Promise<MemberExportRequest[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.requestedBy, r.decidedBy ?? r.requestedBy]))];
  const names = await repo.userNames(db, userIds);
  const orgIds = [...new Set(rows.map((r) => Number((r.query as MemberExportFilter).orgId)).filter((n) => n > 0))];
  const orgNames = await repo.organizationNames(db, user.tenantId, orgIds);
  const now = new Date();
  return rows.map((r) => {
    const query = MemberExportFilterSchema.parse(r.query);
    const own = r.requestedBy === user.id;
    return {
      id: r.id, query, scopeName: (query.orgId && orgNames.get(query.orgId)) || '全部范围', reason: r.reason, rows: r.rowCount, status: r.status,
      requestedBy: r.requestedBy, requestedByName: names.get(r.requestedBy) ?? '', createdAt: r.createdAt.toISOString(),
      decidedByName: r.decidedBy ? names.get(r.decidedBy) ?? null : null, decidedAt: r.decidedAt?.toISOString() ?? null, decisionNote: r.decisionNote,
      approvedUntil: r.approvedUntil?.toISOString() ?? null, downloadedAt: r.downloadedAt?.toISOString() ?? null, expired: expired(r, now),
      can: { decide: r.status === 'pending' && can(user, 'members.reviewExports') && !own, download: own && r.status === 'approved' && !expired(r, now) },
    };
  });
}

/** The requester's own requests; a town admin sees every request of the tenant. Newest first. */
export async function listExportRequests(db: Db, user: AuthUser): Promise<MemberExportRequestList> {
  const rows = await repo.listRequests(db, user.tenantId, can(user, 'members.reviewExports') ? undefined : user.id, 200);
  return { items: await present(db, user, rows) };
}

export async function createExportRequest(db: Db, caller: Caller, body: CreateMemberExportRequest): Promise<MemberExportRequest> {
  const { user } = caller;
  const query = MemberExportFilterSchema.parse(body.query);
  // Scope first: an organisation outside it answers 404 like everywhere else.
  const { rows, full, under } = await selectExportRows(db, user, query);
  // Approval is for full numbers, which only the roster's managers ever get: anyone else exports masked, directly.
  requirePermission(user, 'members.manage', '只有镇党委管理员和本支部书记可以申请导出完整名册;其他账号可直接导出脱敏名册');
  const threshold = (await exportLimits(db, user.tenantId))['export.approvalThreshold'];
  if (!full || rows.length <= threshold) {
    throw new AppError('CONFLICT', full ? `无需审批,可直接导出(完整名册不超过${threshold}人)` : '无需审批,可直接导出(导出的名册为脱敏名册)');
  }
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertRequest(tx, { tenantId: user.tenantId, requestedBy: user.id, query, reason: body.reason, rowCount: rows.length });
    await audit(tx, caller, { action: 'member.export.request', objectType: 'member_export_request', objectId: created.id, detail: { rows: rows.length, query, reason: body.reason } });
    await notifyOtherTownAdmins(tx, user, {
      kind: 'export.request', title: '名册导出申请待审批', link: WEB_PAGE, dedupeKey: `export-request:${created.id}`,
      body: `${user.displayName}申请导出${under?.name ?? '其管理范围的'}完整党员名册(${rows.length}人,含完整身份证号和手机号),原因:${body.reason}`,
    });
    return created;
  });
  return (await present(db, user, [row]))[0];
}

export async function decideExportRequest(db: Db, caller: Caller, id: number, decision: 'approve' | 'reject', body: MemberExportDecision): Promise<MemberExportRequest> {
  const { user } = caller;
  const row = await db.transaction(async (tx) => {
    const current = await loadRequest(tx, user, id, true);
    if (!can(user, 'members.reviewExports')) throw forbidden('只有镇党委管理员可以审批导出申请');
    if (current.requestedBy === user.id) throw forbidden('不能审批自己的导出申请');
    if (current.status !== 'pending') throw new AppError('CONFLICT', '该导出申请已审批,不能重复审批');
    const now = new Date();
    const approve = decision === 'approve';
    const updated = await repo.updateRequest(tx, id, {
      status: approve ? 'approved' : 'rejected', decidedBy: user.id, decidedAt: now, decisionNote: body.note ?? null,
      approvedUntil: approve ? new Date(now.getTime() + APPROVAL_VALID_HOURS * 3600_000) : null,
    });
    await audit(tx, caller, { action: `member.export.${decision}`, objectType: 'member_export_request', objectId: id, detail: { requestedBy: current.requestedBy, rows: current.rowCount, note: body.note ?? null } });
    return updated;
  });
  return (await present(db, user, [row]))[0];
}

/** The approved file, for the requester only, within approvedUntil; counts against the daily quota. */
export async function downloadApprovedExport(db: Db, caller: Caller, id: number): Promise<{ file: Buffer; filename: string }> {
  const { user } = caller;
  const row = await loadRequest(db, user, id);
  if (row.requestedBy !== user.id) throw forbidden('只有申请人可以下载审批通过的名册');
  if (row.status !== 'approved') throw new AppError('CONFLICT', row.status === 'pending' ? '导出申请尚未审批,审批同意后才能下载' : '导出申请未获同意,不能下载');
  if (expired(row)) throw new AppError('CONFLICT', `审批同意后${APPROVAL_VALID_HOURS}小时内可下载,已过期:请重新提交导出申请`);
  const decider = row.decidedBy ? await repo.findUser(db, row.decidedBy) : undefined;
  const approvedBy = decider ? `${decider.name}(${decider.username})` : '';
  const result = await exportRoster(db, caller, { ...MemberExportFilterSchema.parse(row.query), masked: false }, { requestId: id, approvedBy });
  await repo.updateRequest(db, id, { downloadedAt: new Date() });
  return result;
}
