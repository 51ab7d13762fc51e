/** 党群服务中心: one per village branch, with rooms, photos and construction projects (GB/T 38699-2020 村级综合服务设施). */
import type { ServiceCenter, ServiceCenterDetail } from '@dj/contracts';
import {
  CreateServiceCenterProjectSchema, SaveServiceCenterSchema, todayInShanghai, UpdateServiceCenterProjectSchema,
} from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { invalid, notFound } from '../../lib/errors.js';
import { can, isSelfOnly, audit, loadWritableBranch, type AuthUser, type Caller } from '../../lib/access/index.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { Upload } from './upload.js';
import * as repo from './service-center-repository.js';
import { groupedBy } from '../../lib/group.js';

type Project = Awaited<ReturnType<typeof repo.projectsOf>>[number];

const toProject = (p: Project) => ({
  id: p.id, name: p.name, budgetFen: p.budgetFen, progress: p.progress, startedOn: p.startedOn, acceptedOn: p.acceptedOn,
  note: p.note, updatedAt: p.updatedAt.toISOString(),
});

function summarize(row: repo.CenterRow, user: AuthUser, photos: { id: number }[], projects: Project[]): ServiceCenter {
  const { organizationPath, ...rest } = row;
  return {
    ...rest, updatedAt: row.updatedAt.toISOString(), photoIds: photos.map((p) => p.id),
    projectSummary: {
      count: projects.length, budgetFen: projects.reduce((s, p) => s + p.budgetFen, 0),
      accepted: projects.filter((p) => p.acceptedOn !== null).length, inProgress: projects.filter((p) => p.acceptedOn === null).length,
    },
    can: { edit: can(user, 'positions.edit', organizationPath) },
  };
}

export async function listCenters(db: Db, user: AuthUser) {
  if (isSelfOnly(user)) return { items: [], missing: [] };
  const rows = await repo.listCenters(db, user.scope);
  const ids = rows.map((r) => r.id);
  const [photos, projects, branches] = await Promise.all([repo.photosOf(db, ids), repo.projectsOf(db, ids), repo.villageBranches(db, user.scope)]);
  const withCenter = new Set(rows.map((r) => r.organizationId));
  const [photosOf, projectsOf] = [groupedBy(photos, (p) => p.centerId), groupedBy(projects, (p) => p.serviceCenterId)];
  return {
    items: rows.map((r) => summarize(r, user, photosOf.get(r.id) ?? [], projectsOf.get(r.id) ?? [])),
    missing: branches.filter((b) => !withCenter.has(b.id)).map((b) => ({ organizationId: b.id, organizationName: b.name })),
  };
}

async function loadCenter(db: DbOrTx, user: AuthUser, id: number) {
  const row = isSelfOnly(user) ? undefined : await repo.findCenter(db, user.scope, id);
  if (!row) throw notFound('党群服务中心');
  return row;
}

export async function getCenter(db: DbOrTx, user: AuthUser, id: number): Promise<ServiceCenterDetail> {
  const row = await loadCenter(db, user, id);
  const [photos, projects] = await Promise.all([repo.photosOf(db, [id]), repo.projectsOf(db, [id])]);
  return {
    ...summarize(row, user, photos, projects),
    photos: photos.map((p) => ({ id: p.id, caption: p.caption, size: p.size, uploadedAt: p.uploadedAt.toISOString() })),
    projects: projects.map(toProject),
  };
}

const WRITE_DENIED = '只有镇党委管理员和本支部书记可以维护党群服务中心';

async function writableCenter(db: DbOrTx, user: AuthUser, id: number) {
  const row = await loadCenter(db, user, id);
  await loadWritableBranch(db, user, row.organizationId, 'positions.edit', WRITE_DENIED);
  return row;
}

export async function saveCenter(db: Db, caller: Caller, orgId: number, raw: z.input<typeof SaveServiceCenterSchema>): Promise<ServiceCenterDetail> {
  const { user } = caller;
  const input = SaveServiceCenterSchema.parse(raw);
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, user, orgId, 'positions.edit', WRITE_DENIED);
    if (input.builtOn && input.builtOn > todayInShanghai()) throw invalid('builtOn', '建成日期不能晚于今天');
    const names = input.rooms.map((r) => r.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw invalid(`rooms.${names.lastIndexOf(dup)}.name`, `房间"${dup}"重复`);
    const existed = await repo.findCenterOfOrg(tx, branch.id);
    const id = await repo.upsertCenter(tx, {
      tenantId: user.tenantId, organizationId: branch.id, villageId: branch.villageId, name: input.name, address: input.address,
      floorArea: input.floorArea ?? null, rooms: input.rooms, openingHours: input.openingHours || null, standard: input.standard,
      builtOn: input.builtOn ?? null, note: input.note || null, updatedBy: user.id,
    });
    await audit(tx, caller, { action: existed ? 'service_center.update' : 'service_center.create', objectType: 'service_center', objectId: id, detail: { organizationId: branch.id, rooms: names } });
    return getCenter(tx, user, id);
  });
}

export async function addPhoto(db: Db, caller: Caller, id: number, caption: string | undefined, read: () => Promise<Upload>): Promise<ServiceCenterDetail> {
  const { user } = caller;
  await writableCenter(db, user, id);
  // Read the upload only after the scope checks, so an out-of-scope id answers 404 whatever was sent.
  const upload = await read();
  // processPhoto strips EXIF (GPS location, device data) and bounds the size.
  const photo = await processUploadedPhoto(upload.data);
  return db.transaction(async (tx) => {
    await writableCenter(tx, user, id);
    const photoId = await repo.insertPhoto(tx, {
      tenantId: user.tenantId, serviceCenterId: id, caption: caption || null, mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg, uploadedBy: user.id,
    });
    await audit(tx, caller, { action: 'service_center.photo.add', objectType: 'service_center', objectId: id, detail: { photoId, size: photo.jpeg.length, hadLocation: photo.hadLocation } });
    return getCenter(tx, user, id);
  });
}

export async function readPhoto(db: Db, user: AuthUser, id: number, photoId: number) {
  await loadCenter(db, user, id);
  const photo = await repo.findPhoto(db, id, photoId);
  if (!photo) throw notFound('照片');
  return photo;
}

/** 验收 closes a project: an acceptance date needs the work finished, and cannot precede the start. */
function checkProject(p: { progress: number; startedOn: string | null; acceptedOn: string | null }) {
  const today = todayInShanghai();
  if (p.startedOn && p.startedOn > today) throw invalid('startedOn', '开工日期不能晚于今天');
  if (p.acceptedOn) {
    if (p.progress !== 100) throw invalid('acceptedOn', `填写验收日期时进度应为100%(当前${p.progress}%)`);
    if (p.acceptedOn > today) throw invalid('acceptedOn', '验收日期不能晚于今天');
    if (p.startedOn && p.acceptedOn < p.startedOn) throw invalid('acceptedOn', `验收日期不能早于开工日期(${p.startedOn})`);
  }
}

export async function addProject(db: Db, caller: Caller, id: number, raw: z.input<typeof CreateServiceCenterProjectSchema>): Promise<ServiceCenterDetail> {
  const { user } = caller;
  const input = CreateServiceCenterProjectSchema.parse(raw);
  return db.transaction(async (tx) => {
    await writableCenter(tx, user, id);
    const values = { ...input, startedOn: input.startedOn ?? null, acceptedOn: input.acceptedOn ?? null, note: input.note || null };
    checkProject(values);
    const projectId = await repo.insertProject(tx, { tenantId: user.tenantId, serviceCenterId: id, ...values, updatedBy: user.id });
    await audit(tx, caller, { action: 'service_center.project.add', objectType: 'service_center', objectId: id, detail: { projectId, budgetFen: input.budgetFen } });
    return getCenter(tx, user, id);
  });
}

export async function updateProject(db: Db, caller: Caller, id: number, projectId: number, raw: z.input<typeof UpdateServiceCenterProjectSchema>): Promise<ServiceCenterDetail> {
  const { user } = caller;
  const input = UpdateServiceCenterProjectSchema.parse(raw);
  return db.transaction(async (tx) => {
    await writableCenter(tx, user, id);
    const old = await repo.findProject(tx, id, projectId);
    if (!old) throw notFound('建设项目');
    const next = {
      name: input.name ?? old.name, budgetFen: input.budgetFen ?? old.budgetFen, progress: input.progress ?? old.progress,
      startedOn: input.startedOn === undefined ? old.startedOn : input.startedOn,
      acceptedOn: input.acceptedOn === undefined ? old.acceptedOn : input.acceptedOn,
      note: input.note === undefined ? old.note : input.note || null,
    };
    checkProject(next);
    await repo.updateProject(tx, projectId, { ...next, updatedBy: user.id });
    await audit(tx, caller, { action: 'service_center.project.update', objectType: 'service_center', objectId: id, detail: {
      projectId, from: { progress: old.progress, budgetFen: old.budgetFen, acceptedOn: old.acceptedOn }, to: { progress: next.progress, budgetFen: next.budgetFen, acceptedOn: next.acceptedOn },
    } });
    return getCenter(tx, user, id);
  });
}

