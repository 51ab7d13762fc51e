/**
 * 村企合作's agreement files: the signed agreement, a supplementary or renewal agreement, or a scan of it, through the
 * one upload policy (purpose partnershipAgreement); a picture is kept without its metadata (GPS, device).
 */
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { withoutMetadata, type CheckedUpload } from '../../lib/uploads/index.js';
import * as repo from './partnerships-repository.js';
import { loadPartnership, viewPartnership, writable } from './partnerships-service.js';

export async function uploadAgreement(db: Db, caller: Caller, id: number, read: () => Promise<CheckedUpload>) {
  // Scope and permission first: an out-of-scope id answers 404 whatever was sent.
  const row = await writable(db, caller.user, id);
  const upload = await withoutMetadata(await read());
  return db.transaction(async (tx) => {
    const fileId = await repo.insertFile(tx, {
      tenantId: caller.user.tenantId, organizationId: row.organizationId, partnershipId: id,
      name: upload.filename, mime: upload.mime, size: upload.data.length, data: upload.data, uploadedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'economy.partnership.file', objectType: 'economy_partnership', objectId: id, detail: { organizationId: row.organizationId, fileId, name: upload.filename, size: upload.data.length } });
    return viewPartnership(tx, caller.user, await loadPartnership(tx, caller.user, id));
  });
}

export async function readAgreement(db: Db, user: AuthUser, id: number, fileId: number) {
  await loadPartnership(db, user, id);
  requirePermission(user, 'economy.read');
  const file = await repo.fileOf(db, id, fileId);
  if (!file) throw notFound('文件');
  return file;
}

export async function deleteAgreement(db: Db, caller: Caller, id: number, fileId: number) {
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    const gone = await repo.deleteFile(tx, id, fileId);
    if (!gone) throw notFound('文件');
    await audit(tx, caller, { action: 'economy.partnership.file.delete', objectType: 'economy_partnership', objectId: id, detail: { organizationId: row.organizationId, fileId, name: gone.name, size: gone.size } });
    return viewPartnership(tx, caller.user, await loadPartnership(tx, caller.user, id));
  });
}
