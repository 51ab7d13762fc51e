/**
 * 导出任务: start an export, read its progress, download its file. Each read checks that the export is the caller's
 * and that its organisation is still inside the caller's scope (a user moved to another village loses the files
 * made for the old one): otherwise 404, as for any record outside the scope.
 */
import { EXPORT_KIND_LABELS, type ExportJob, type StartExport } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, loadOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, notFound, invalid } from '../../lib/errors.js';
import * as repo from './repository.js';

const WHAT = '导出任务';
const FORMAT_LABELS = { docx: 'Word', pdf: 'PDF' } as const;

function periodLabel(period: string): string {
  const [year, month] = period.split('-');
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}

export function toView(row: NonNullable<Awaited<ReturnType<typeof repo.findMine>>>): ExportJob {
  return {
    id: row.id, kind: row.kind, title: row.title, status: row.status, progress: row.progress, fileName: row.fileName, size: row.size,
    error: row.error, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null, expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function startExport(db: Db, { user, ip }: Caller, body: StartExport): Promise<ExportJob> {
  const org = await loadOrganizationInScope(db, user, body.orgId);
  requirePermission(user, 'branch.browse', '党员本人不导出支部台账');
  if (body.kind === 'branch_ledger' && org.kind !== 'branch') throw invalid('orgId', '支部台账只能按党支部导出;上级组织请选择“所辖各支部台账(压缩包)”');
  const title = `${org.name} ${periodLabel(body.period)} ${EXPORT_KIND_LABELS[body.kind]}(${FORMAT_LABELS[body.format]})`;
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertExport(tx, {
      tenantId: user.tenantId, userId: user.id, organizationId: org.id, kind: body.kind, params: { period: body.period, format: body.format }, title, ip,
    });
    await audit(tx, { user, ip }, { action: 'export.start', objectType: 'export', objectId: inserted.id, detail: { kind: body.kind, organizationId: org.id, period: body.period, format: body.format } });
    return inserted;
  });
  return toView(row);
}

export async function listExports(db: Db, user: AuthUser): Promise<ExportJob[]> {
  return (await repo.listMine(db, user.id)).map(toView);
}

/** The caller's export whose organisation is still in their scope, or 404. */
async function loadMine(db: Db, user: AuthUser, id: number) {
  const row = await repo.findMine(db, user.id, id);
  if (!row || row.tenantId !== user.tenantId) throw notFound(WHAT);
  await loadOrganizationInScope(db, user, row.organizationId, WHAT);
  return row;
}

export async function getExport(db: Db, user: AuthUser, id: number): Promise<ExportJob> {
  return toView(await loadMine(db, user, id));
}

export async function downloadExport(db: Db, { user, ip }: Caller, id: number) {
  const row = await loadMine(db, user, id);
  if (row.status !== 'done') throw new AppError('CONFLICT', row.status === 'failed' ? `导出失败:${row.error ?? ''}` : '文件尚未生成完毕,请稍候');
  const file = await repo.fileOf(db, id);
  if (!file?.data || !file.fileName || !file.mime) throw notFound(WHAT);
  await audit(db, { user, ip }, { action: 'export.download', objectType: 'export', objectId: id, detail: { kind: row.kind, organizationId: row.organizationId, bytes: file.data.length } });
  return { filename: file.fileName, mime: file.mime, data: file.data };
}
