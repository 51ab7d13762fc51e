/** 培训材料 (issue 19 point 1): files of a session through the one upload policy (purpose trainingMaterial). */
import type { Training } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { withoutMetadata, type CheckedUpload } from '../../lib/uploads/index.js';
import * as repo from './repository.js';
import { loadSession, viewSession, writableSession } from './service.js';

export async function addMaterial(db: Db, caller: Caller, id: number, read: () => Promise<CheckedUpload>): Promise<Training> {
  // Scope and permission first: an out-of-scope id answers 404 whatever was sent.
  await writableSession(db, caller.user, id);
  // A picture (a photographed handout or sign-in sheet) loses its GPS and device tags, as every upload.
  const upload = await withoutMetadata(await read());
  return db.transaction(async (tx) => {
    const session = await writableSession(tx, caller.user, id);
    const fileId = await repo.insertFile(tx, {
      tenantId: caller.user.tenantId, organizationId: session.organizationId, sessionId: id,
      name: upload.filename, mime: upload.mime, size: upload.data.length, data: upload.data, uploadedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'education.session.file', objectType: 'training_session', objectId: id, detail: { organizationId: session.organizationId, fileId, name: upload.filename, size: upload.data.length } });
    return viewSession(tx, caller.user, await loadSession(tx, caller.user, id));
  });
}

export async function readMaterial(db: Db, user: AuthUser, id: number, fileId: number) {
  await loadSession(db, user, id);
  requirePermission(user, 'education.read');
  const file = await repo.fileOf(db, id, fileId);
  if (!file) throw notFound('文件');
  return file;
}

export async function deleteMaterial(db: Db, caller: Caller, id: number, fileId: number): Promise<Training> {
  return db.transaction(async (tx) => {
    const session = await writableSession(tx, caller.user, id);
    const gone = await repo.deleteFile(tx, id, fileId);
    if (!gone) throw notFound('文件');
    await audit(tx, caller, { action: 'education.session.file.delete', objectType: 'training_session', objectId: id, detail: { organizationId: session.organizationId, fileId, name: gone.name, size: gone.size } });
    return viewSession(tx, caller.user, await loadSession(tx, caller.user, id));
  });
}
