import { createHash } from 'node:crypto';
import type { ActivityDetail, FILE_CATEGORIES } from '@dj/contracts';
import { isValidDate, UploadBodySchema } from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, requirePermission, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { getActivity, loadActivity, toActivity } from './detail-service.js';
import * as evidence from './evidence-repository.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import { applicableTemplates } from './rules/checklist.js';
import { assertEditable } from './service.js';
import { withoutMetadata, type CheckedUpload } from '../../lib/uploads/index.js';

type Category = (typeof FILE_CATEGORIES)[number];


async function manageable(db: DbOrTx, user: AuthUser, id: number, action: string) {
  const row = await loadActivity(db, user, id);
  if (!can(user, 'activities.record', row.organizationPath)) throw forbidden(`只有镇党委管理员和本支部书记可以${action}`);
  return row;
}


export async function addFile(db: Db, { user, ip }: Caller, id: number, category: Category, read: () => Promise<CheckedUpload>): Promise<ActivityDetail> {
  const row = await manageable(db, user, id, '上传材料');
  assertEditable(row);
  // Read only after the scope check, so an out-of-scope id answers 404 whatever was sent; checked by the upload policy.
  const upload = await read();
  let values;
  if (category === 'photo') {
    const photo = await processUploadedPhoto(upload.data);
    values = {
      mime: 'image/jpeg', filename: `${upload.filename.replace(/\.[^.]*$/, '')}.jpg`, size: photo.jpeg.length, sha256: photo.sha256,
      data: photo.jpeg, thumbnail: photo.thumbnail, width: photo.width, height: photo.height,
      capturedAt: photo.capturedAt ? new Date(photo.capturedAt) : null, hadLocation: photo.hadLocation, phash: photo.phash,
    };
  } else {
    // A picture kept as a material loses its EXIF (GPS) too.
    const file = await withoutMetadata(upload);
    values = { mime: file.mime, filename: file.filename, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'), data: file.data };
  }
  return db.transaction(async (tx) => {
    const fileId = await evidence.insertFile(tx, { ...values, tenantId: user.tenantId, activityId: id, category, uploadedBy: user.id });
    await audit(tx, { user, ip }, { action: 'activity.file.add', objectType: 'activity', objectId: id, detail: { fileId, category, size: values.size, hadLocation: 'hadLocation' in values ? values.hadLocation : false } });
    return getActivity(tx, user, id);
  });
}

export async function readFile(db: Db, user: AuthUser, id: number, fileId: number, thumbnail: boolean) {
  await loadActivity(db, user, id);
  requirePermission(user, 'branch.browse', '党员本人不查看支部活动材料');
  const file = await evidence.fileData(db, id, fileId);
  if (!file) throw notFound('材料');
  return { filename: file.filename, mime: thumbnail && file.thumbnail ? 'image/jpeg' : file.mime, data: thumbnail && file.thumbnail ? file.thumbnail : file.data };
}

export async function removeFile(db: Db, { user, ip }: Caller, id: number, fileId: number): Promise<ActivityDetail> {
  return db.transaction(async (tx) => {
    const row = await manageable(tx, user, id, '删除材料');
    assertEditable(row);
    if (!(await evidence.deleteFile(tx, id, fileId))) throw notFound('材料');
    await audit(tx, { user, ip }, { action: 'activity.file.remove', objectType: 'activity', objectId: id, detail: { fileId } });
    return getActivity(tx, user, id);
  });
}

export async function checkItem(db: Db, { user, ip }: Caller, id: number, body: { templateId: number; itemKey: string; done: boolean; note?: string | null }) {
  return db.transaction(async (tx) => {
    const row = await manageable(tx, user, id, '确认检查条目');
    assertEditable(row);
    const template = applicableTemplates(await evidence.listTemplates(tx, user.tenantId), toActivity(row).countedAs).find((t) => t.id === body.templateId);
    const item = template?.items.find((i) => i.key === body.itemKey);
    if (!template || !item) throw invalid('itemKey', '该检查条目不适用于本次活动');
    if (item.satisfiedBy !== 'confirm') throw invalid('itemKey', `"${item.label}"由记录中的材料自动判断,无需手工确认`);
    await evidence.setCheck(tx, id, template.id, item.key, body.done, body.note ?? null, user.id);
    await audit(tx, { user, ip }, { action: 'activity.check', objectType: 'activity', objectId: id, detail: { templateId: template.id, itemKey: item.key, done: body.done } });
    return getActivity(tx, user, id);
  });
}

/** Recording that the 灯塔 package went up: allowed after sign-off too, because the upload usually comes last. */
export async function recordUpload(db: Db, { user, ip }: Caller, id: number, body: z.infer<typeof UploadBodySchema>) {
  return db.transaction(async (tx) => {
    const row = await manageable(tx, user, id, '登记灯塔上传');
    if (!isValidDate(body.uploadedOn)) throw invalid('uploadedOn', '上传日期不存在,请检查年月日');
    if (body.uploadedOn < row.heldOn) throw invalid('uploadedOn', '上传日期不能早于活动日期');
    await evidence.upsertUpload(tx, { activityId: id, ...body, recordedBy: user.id });
    await audit(tx, { user, ip }, { action: 'activity.dengta_upload', objectType: 'activity', objectId: id, detail: { uploadedOn: body.uploadedOn, reference: body.reference } });
    return getActivity(tx, user, id);
  });
}
