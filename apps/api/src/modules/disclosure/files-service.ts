/** Attachments (凭证、表格、照片) and the xlsx table of a disclosure: only while it is a draft or returned. */
import type { Disclosure } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { invalid, notFound } from '../../lib/errors.js';
import { audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { CheckedUpload } from '../../lib/uploads/index.js';
import { importTable } from './table-import.js';
import * as repo from './repository.js';
import { assertStep, getDisclosure, loadDisclosure } from './service.js';

/** The file, read and checked against the one upload policy (lib/uploads) only when called. */
export type Upload = () => Promise<CheckedUpload>;

/** Scope and step are checked before the upload is read, so an out-of-scope id answers 404 whatever was sent. */
async function editable(db: DbOrTx, user: AuthUser, id: number) {
  const row = await loadDisclosure(db, user, id);
  assertStep(user, row, 'edit');
  return row;
}

export async function addFile(db: Db, caller: Caller, id: number, read: Upload): Promise<Disclosure> {
  const { user } = caller;
  await editable(db, user, id);
  const upload = await read();
  let { data } = upload;
  let mime = upload.mime;
  let name = upload.filename;
  if (mime === 'image/jpeg' || mime === 'image/png') {
    // A phone photo of a voucher carries GPS in EXIF, often of someone's home: the public must get it stripped.
    data = (await processUploadedPhoto(data)).jpeg;
    mime = 'image/jpeg';
    name = name.replace(/\.(png|jpe?g)$/i, '.jpg');
  }
  return db.transaction(async (tx) => {
    await repo.lockDisclosure(tx, id);
    await editable(tx, user, id);
    const fileId = await repo.insertFile(tx, { tenantId: user.tenantId, disclosureId: id, name, mime, size: data.length, data, uploadedBy: user.id });
    await audit(tx, caller, { action: 'disclosure.file.add', objectType: 'disclosure', objectId: id, detail: { fileId, size: data.length, mime } });
    return getDisclosure(tx, user, id);
  });
}

export async function readFile(db: Db, user: AuthUser, id: number, fileId: number) {
  await loadDisclosure(db, user, id);
  const file = await repo.findFile(db, id, fileId);
  if (!file) throw notFound('附件');
  return file;
}

export async function deleteFile(db: Db, caller: Caller, id: number, fileId: number): Promise<Disclosure> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    await repo.lockDisclosure(tx, id);
    const row = await loadDisclosure(tx, user, id);
    // A file of another disclosure (or none) answers 404 before the status is judged.
    if (!(await repo.findFile(tx, id, fileId))) throw notFound('附件');
    assertStep(user, row, 'edit');
    const gone = await repo.deleteFile(tx, id, fileId);
    await audit(tx, caller, { action: 'disclosure.file.delete', objectType: 'disclosure', objectId: id, detail: { fileId, name: gone?.name ?? null } });
    return getDisclosure(tx, user, id);
  });
}

/** Replaces the disclosure's table with the first sheet of an xlsx (first row = header, at most 500 rows). */
export async function importTableInto(db: Db, caller: Caller, id: number, read: Upload): Promise<Disclosure> {
  const { user } = caller;
  await editable(db, user, id);
  const upload = await read();
  const table = await importTable(upload.data);
  return db.transaction(async (tx) => {
    await repo.lockDisclosure(tx, id);
    await editable(tx, user, id);
    await repo.updateDisclosure(tx, id, { table });
    await audit(tx, caller, { action: 'disclosure.table.import', objectType: 'disclosure', objectId: id, detail: { columns: table.header.length, rows: table.rows.length } });
    return getDisclosure(tx, user, id);
  });
}
