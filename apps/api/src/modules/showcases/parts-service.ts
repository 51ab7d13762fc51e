/**
 * A showcase's parts (issue 20 point 5): the town's criteria, the yearly evaluation (each active criterion judged with
 * its evidence; the criterion's name is kept as it was), the visits hosted, the photos (without location), and the
 * publication on the town's public site after the personal-number scan of 三务公开 (run once here and stored).
 */
import {
  CriteriaInputSchema, EvaluationInputSchema, VisitInputSchema, todayInShanghai, type CriteriaInput, type EvaluationInput, type Showcase, type VisitInput,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { CheckedUpload } from '../../lib/uploads/index.js';
import { refuseNumbers } from './publish-scan.js';
import * as repo from './repository.js';
import { getShowcase, loadShowcase } from './service.js';

export async function getCriteria(db: Db, user: AuthUser) {
  requirePermission(user, 'showcases.read');
  return { items: await repo.criteriaOf(db, user.tenantId), canEdit: can(user, 'showcases.manage') };
}

/** The town's list as sent: rows with an id are renamed, new rows added, rows left out retired (evaluations keep their names). */
export async function setCriteria(db: Db, caller: Caller, body: CriteriaInput) {
  const { items } = CriteriaInputSchema.parse(body);
  requirePermission(caller.user, 'showcases.manage');
  return db.transaction(async (tx) => {
    const root = await repo.townRoot(tx, caller.user.tenantId);
    if (!root) throw notFound('镇党委');
    const old = await repo.criteriaOf(tx, caller.user.tenantId);
    const kept = new Set(items.flatMap((i) => (i.id ? [i.id] : [])));
    for (const c of old) if (!kept.has(c.id) && c.active) await repo.updateCriterion(tx, caller.user.tenantId, c.id, { active: false });
    for (const [sortOrder, item] of items.entries()) {
      const values = { name: item.name, description: item.description, sortOrder, active: true };
      if (!item.id) await repo.insertCriterion(tx, { ...values, tenantId: caller.user.tenantId, organizationId: root.id });
      else if (!(await repo.updateCriterion(tx, caller.user.tenantId, item.id, values))) throw invalid('items', `第${sortOrder + 1}条标准不存在`);
    }
    await audit(tx, caller, { action: 'showcase.criteria', objectType: 'showcase_criteria', objectId: root.id, detail: { items } });
    return { items: await repo.criteriaOf(tx, caller.user.tenantId), canEdit: true };
  });
}

/** A year's evaluation (set or corrected): every active criterion judged once. */
export async function putEvaluation(db: Db, caller: Caller, id: number, year: number, body: EvaluationInput): Promise<Showcase> {
  const input = EvaluationInputSchema.parse(body);
  if (Number(input.evaluatedOn.slice(0, 4)) < year) throw invalid('evaluatedOn', `${year}年度的评估日期不能早于${year}年`);
  if (input.evaluatedOn > todayInShanghai()) throw invalid('evaluatedOn', '评估日期不能晚于今天');
  return db.transaction(async (tx) => {
    const showcase = await loadShowcase(tx, caller.user, id, 'showcases.manage', true);
    const criteria = await repo.criteriaOf(tx, caller.user.tenantId, true);
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const judged = new Set<number>();
    const items = input.items.map((item, i) => {
      const c = byId.get(item.criterionId);
      if (!c) throw invalid('items', `第${i + 1}条不是本镇现行的示范点标准`);
      if (judged.has(c.id)) throw invalid('items', `“${c.name}”评估了两次`);
      judged.add(c.id);
      return { criterionId: c.id, criterionName: c.name, result: item.result, evidence: item.evidence };
    });
    const missing = criteria.filter((c) => !judged.has(c.id));
    if (missing.length) throw invalid('items', `请逐条评估:${missing.map((c) => `“${c.name}”`).join('、')}尚未评估`);
    await repo.upsertEvaluation(tx, {
      tenantId: showcase.tenantId, organizationId: showcase.organizationId, showcaseId: id, year, evaluatedOn: input.evaluatedOn,
      items, conclusion: input.conclusion, note: input.note, evaluatedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'showcase.evaluate', objectType: 'showcase', objectId: id, detail: { year, conclusion: input.conclusion } });
    return getShowcase(tx, caller.user, id);
  });
}

export async function addVisit(db: Db, caller: Caller, id: number, body: VisitInput): Promise<Showcase> {
  const input = VisitInputSchema.parse(body);
  if (input.visitedOn > todayInShanghai()) throw invalid('visitedOn', '来访日期不能晚于今天');
  return db.transaction(async (tx) => {
    const showcase = await loadShowcase(tx, caller.user, id, 'showcases.update', true);
    await repo.insertVisits(tx, [{ ...input, tenantId: showcase.tenantId, organizationId: showcase.organizationId, showcaseId: id, createdBy: caller.user.id }]);
    await audit(tx, caller, { action: 'showcase.visit', objectType: 'showcase', objectId: id, detail: input });
    return getShowcase(tx, caller.user, id);
  });
}

export async function deleteVisit(db: Db, caller: Caller, id: number, visitId: number): Promise<Showcase> {
  return db.transaction(async (tx) => {
    await loadShowcase(tx, caller.user, id, 'showcases.update', true);
    const was = await repo.deleteVisit(tx, id, visitId);
    if (!was) throw notFound('接待记录');
    await audit(tx, caller, { action: 'showcase.visit.delete', objectType: 'showcase', objectId: id, detail: was });
    return getShowcase(tx, caller.user, id);
  });
}

export async function addPhoto(db: Db, caller: Caller, id: number, caption: string | undefined, read: () => Promise<CheckedUpload>): Promise<Showcase> {
  await loadShowcase(db, caller.user, id, 'showcases.update');
  // Read the upload only after the scope checks, so an out-of-scope id answers 404 whatever was sent.
  const upload = await read();
  // Re-encoded without metadata: the location (GPS) and the device are gone, as for every photo of the platform.
  const photo = await processUploadedPhoto(upload.data);
  return db.transaction(async (tx) => {
    const showcase = await loadShowcase(tx, caller.user, id, 'showcases.update', true);
    const photoId = await repo.insertPhoto(tx, {
      tenantId: showcase.tenantId, organizationId: showcase.organizationId, showcaseId: id, caption: caption || null,
      mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg, uploadedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'showcase.photo', objectType: 'showcase', objectId: id, detail: { photoId, size: photo.jpeg.length, hadLocation: photo.hadLocation } });
    return getShowcase(tx, caller.user, id);
  });
}

export async function readPhoto(db: Db, user: AuthUser, id: number, photoId: number) {
  await loadShowcase(db, user, id, 'showcases.read');
  const photo = await repo.findPhoto(db, id, photoId);
  if (!photo) throw notFound('照片');
  return photo;
}

/** On the town's public site: the texts scanned once here (the public page does not scan per view). */
export async function publishShowcase(db: Db, caller: Caller, id: number, publish: boolean): Promise<Showcase> {
  return db.transaction(async (tx) => {
    const s = await loadShowcase(tx, caller.user, id, 'showcases.manage', true);
    if (publish) {
      refuseNumbers([{ key: 'name', where: '示范点名称', text: s.name }, { key: 'theme', where: '创建主题', text: s.theme },
        { key: 'summary', where: '简介', text: s.summary ?? '' }, { key: 'practices', where: '经验做法', text: s.practices ?? '' }]);
      if (s.status === 'withdrawn') throw invalid('status', '已撤销的示范点不能公开');
    }
    await repo.updateShowcase(tx, id, { publishedAt: publish ? new Date() : null });
    await audit(tx, caller, { action: publish ? 'showcase.publish' : 'showcase.unpublish', objectType: 'showcase', objectId: id, detail: {} });
    return getShowcase(tx, caller.user, id);
  });
}
