/**
 * 村级集体经济项目 (issue 18 point 5): a village's collective projects with their investment, funding, dated stages,
 * 验收 and yearly 收益; photos stored without their location (lib/photos, as every photo of the platform); linked to
 * the 四议两公开 it went through (modules/positions) and the 三务公开 that published its accounts (modules/disclosure),
 * both of the same village. The demo files its projects through createProject and setProjectIncome.
 */
import {
  CreateProjectSchema, ProjectIncomeInputSchema, ProjectInputSchema, projectDateProblem, todayInShanghai,
  type CreateProject, type Project, type ProjectIncomeInput, type ProjectInput, type ProjectList,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { groupedBy } from '../../lib/group.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { CheckedUpload } from '../../lib/uploads/index.js';
import { disclosureRefs } from '../disclosure/index.js';
import { fourTwoRefs } from '../positions/index.js';
import * as repo from './projects-repository.js';
import { seesVillages, villagesOfList, writable, writableVillage } from './village-records.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;

async function toProjects(db: DbOrTx, user: AuthUser, rows: Row[]): Promise<Project[]> {
  const ids = rows.map((r) => r.id);
  const linked = <K extends 'fourTwoId' | 'disclosureId'>(k: K) => rows.flatMap((r) => (r[k] ? [r[k]] : []));
  const [incomes, photos, fourTwo, disclosures] = await Promise.all([
    repo.incomesOf(db, ids), repo.photosOf(db, ids),
    fourTwoRefs(db, user.scope, { ids: linked('fourTwoId') }), disclosureRefs(db, user.scope, { ids: linked('disclosureId') }),
  ]);
  const [incomesOf, photosOf] = [groupedBy(incomes, (i) => i.projectId), groupedBy(photos, (p) => p.projectId)];
  const fourTwoById = new Map(fourTwo.map((f) => [f.id, { id: f.id, title: f.title }]));
  const disclosureById = new Map(disclosures.map((d) => [d.id, { id: d.id, title: d.title, period: d.period }]));
  return rows.map(({ organizationPath, updatedAt, fourTwoId, disclosureId, ...r }) => {
    const years = (incomesOf.get(r.id) ?? []).map(({ projectId: _p, ...i }) => i);
    return {
      ...r, fourTwo: fourTwoId ? fourTwoById.get(fourTwoId) ?? null : null, disclosure: disclosureId ? disclosureById.get(disclosureId) ?? null : null,
      incomes: years, incomeFen: years.reduce((n, i) => n + i.amountFen, 0),
      photos: (photosOf.get(r.id) ?? []).map((p) => ({ id: p.id, caption: p.caption, size: p.size, uploadedAt: p.uploadedAt.toISOString() })),
      updatedAt: updatedAt.toISOString(), can: { edit: can(user, 'economy.enter', organizationPath) },
    };
  });
}

export async function listProjects(db: Db, user: AuthUser, orgId?: number): Promise<ProjectList> {
  const villages = await villagesOfList(db, user, orgId);
  const rows = await repo.listProjects(db, user.scope, villages.map((v) => v.organizationId));
  return { villages: villages.map(({ path: _path, ...v }) => v), items: await toProjects(db, user, rows) };
}

const find = async (db: DbOrTx, user: AuthUser, id: number, lock = false) => (seesVillages(user) ? repo.findProject(db, user.scope, id, lock) : undefined);

export async function getProject(db: DbOrTx, user: AuthUser, id: number): Promise<Project> {
  const row = await find(db, user, id);
  if (!row) throw notFound('村级项目');
  requirePermission(user, 'economy.read', undefined, row.organizationPath);
  return (await toProjects(db, user, [row]))[0];
}

type Input = ReturnType<typeof ProjectInputSchema.parse>;

/** The stages' dates and the links: a 四议两公开 of the same village, a 三务公开 of the same village that is published. */
async function checkProject(db: DbOrTx, user: AuthUser, organizationId: number, input: Input) {
  const problem = projectDateProblem(input, todayInShanghai());
  if (problem) throw invalid(problem.field, problem.message);
  if (input.fourTwoId) {
    const [f] = await fourTwoRefs(db, user.scope, { ids: [input.fourTwoId] });
    if (!f || f.organizationId !== organizationId) throw invalid('fourTwoId', '请选择本村的四议两公开事项');
  }
  if (input.disclosureId) {
    const [d] = await disclosureRefs(db, user.scope, { ids: [input.disclosureId] });
    if (!d || d.organizationId !== organizationId) throw invalid('disclosureId', '请选择本村的三务公开事项');
    if (d.status !== 'published') throw invalid('disclosureId', `“${d.title}”尚未公开,公开后再关联`);
  }
}

export async function createProject(db: Db, caller: Caller, body: CreateProject, options: { isDemo?: boolean } = {}): Promise<Project> {
  const { organizationId, ...input } = CreateProjectSchema.parse(body);
  return db.transaction(async (tx) => {
    const village = await writableVillage(tx, caller.user, organizationId);
    await checkProject(tx, caller.user, village.id, input);
    const id = await repo.insertProject(tx, {
      ...input, tenantId: caller.user.tenantId, organizationId: village.id, isDemo: options.isDemo ?? false, createdBy: caller.user.id, updatedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'economy.project.create', objectType: 'economy_project', objectId: id, detail: { organizationId, ...input } });
    return getProject(tx, caller.user, id);
  });
}

const loadWritable = async (tx: DbOrTx, user: AuthUser, id: number) => writable(user, await find(tx, user, id, true), '村级项目');

export async function updateProject(db: Db, caller: Caller, id: number, body: ProjectInput): Promise<Project> {
  const input = ProjectInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const old = await loadWritable(tx, caller.user, id);
    await checkProject(tx, caller.user, old.organizationId, input);
    await repo.updateProject(tx, id, { ...input, updatedBy: caller.user.id });
    const { organizationPath: _p, updatedAt: _u, villageName: _v, ...from } = old;
    await audit(tx, caller, { action: 'economy.project.update', objectType: 'economy_project', objectId: id, detail: { organizationId: old.organizationId, from, to: input } });
    return getProject(tx, caller.user, id);
  });
}

/** A year's 收益 of the project (set or corrected; the audit line keeps the amount it replaced). */
export async function setProjectIncome(db: Db, caller: Caller, id: number, year: number, body: ProjectIncomeInput): Promise<Project> {
  const input = ProjectIncomeInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const project = await loadWritable(tx, caller.user, id);
    const was = await repo.upsertIncome(tx, { ...input, tenantId: caller.user.tenantId, organizationId: project.organizationId, projectId: id, year, updatedBy: caller.user.id });
    await audit(tx, caller, { action: 'economy.project.income', objectType: 'economy_project', objectId: id, detail: { year, amountFen: input.amountFen, was, note: input.note } });
    return getProject(tx, caller.user, id);
  });
}

export async function deleteProjectIncome(db: Db, caller: Caller, id: number, year: number): Promise<Project> {
  return db.transaction(async (tx) => {
    await loadWritable(tx, caller.user, id);
    const row = await repo.deleteIncome(tx, id, year);
    if (!row) throw notFound(`${year}年度收益`);
    await audit(tx, caller, { action: 'economy.project.income.delete', objectType: 'economy_project', objectId: id, detail: { year, was: row.amountFen } });
    return getProject(tx, caller.user, id);
  });
}

export async function addProjectPhoto(db: Db, caller: Caller, id: number, caption: string | undefined, read: () => Promise<CheckedUpload>): Promise<Project> {
  await loadWritable(db, caller.user, id);
  // Read the upload only after the scope checks, so an out-of-scope id answers 404 whatever was sent.
  const upload = await read();
  // processPhoto re-encodes without metadata: the location (GPS) and the device are gone, as for every photo.
  const photo = await processUploadedPhoto(upload.data);
  return db.transaction(async (tx) => {
    const project = await loadWritable(tx, caller.user, id);
    const photoId = await repo.insertPhoto(tx, {
      tenantId: caller.user.tenantId, organizationId: project.organizationId, projectId: id, caption: caption || null,
      mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg, uploadedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'economy.project.photo', objectType: 'economy_project', objectId: id, detail: { photoId, size: photo.jpeg.length, hadLocation: photo.hadLocation } });
    return getProject(tx, caller.user, id);
  });
}

export async function readProjectPhoto(db: Db, user: AuthUser, id: number, photoId: number) {
  const row = await find(db, user, id);
  if (!row) throw notFound('村级项目');
  requirePermission(user, 'economy.read', undefined, row.organizationPath);
  const photo = await repo.findPhoto(db, id, photoId);
  if (!photo) throw notFound('照片');
  return photo;
}
