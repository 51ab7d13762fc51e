/** What each kind of export makes: a branch's ledger, or every branch's ledger under an organisation in one zip. */
import type { Db } from '../../db/client.js';
import { loadOrganizationInScope, type Caller } from '../../lib/access/index.js';
import { branchLedger } from '../activities/index.js';
import * as repo from './repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.claimNext>>>;
export interface ExportFile { fileName: string; mime: string; data: Buffer }

export async function makeExportFile(db: Db, caller: Caller, row: Row, progress: (p: number) => Promise<void>): Promise<ExportFile> {
  const query = { orgId: row.organizationId, period: row.params.period, format: row.params.format };
  if (row.kind === 'branch_ledger') {
    await progress(10);
    const file = await branchLedger(db, caller, query);
    return { fileName: file.filename, mime: file.mime, data: file.data };
  }
  // The root is checked against the exporter's scope again: it may have changed since the export was asked for.
  const root = await loadOrganizationInScope(db, caller.user, row.organizationId);
  const branches = await repo.branchesUnder(db, caller.user.tenantId, root.path);
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [i, b] of branches.entries()) {
    // As the exporter: branchLedger checks the branch against their scope and writes its own audit line.
    const file = await branchLedger(db, caller, { ...query, orgId: b.id });
    // PDF and docx are compressed already; deflating them again only costs time.
    zip.file(file.filename, file.data, { compression: 'STORE' });
    await progress(((i + 1) / branches.length) * 95);
  }
  const data = await zip.generateAsync({ type: 'nodebuffer' });
  return { fileName: `${row.title}.zip`, mime: 'application/zip', data };
}

