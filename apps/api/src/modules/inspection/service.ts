/** 联督联查 rounds: creation and closing by the town, results recorded on site by the inspectors, with photos. */
import type { CreateInspectionRound, InspectionItem, InspectionRoundDetail, InspectionRoundSummary, RecordInspectionResult } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { todayInShanghai } from '@dj/contracts';
import { can, isSelfOnly, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import { DEFAULT_CHECKLIST, roundItems, teamProblems } from './rules/checklist.js';
import { defaultDueOn, isOutstanding, lateness } from './rules/rectification.js';
import { storedPhoto, type Upload } from './uploads.js';
import * as repo from './repository.js';


/** The town admin plans and closes rounds; inspectors (纪委/民政, whole town) and the town admin record on site. */

/**
 * Items are stored with their guidance (lookAt, isDefault) although the column's type names only key and label;
 * a row holding only key and label (written by hand or by an import) gets the default guidance for its key.
 */
export const itemsOf = (round: { items: unknown }): InspectionItem[] => (round.items as Array<{ key: string; label: string } & Partial<InspectionItem>>).map((i) => {
  const known = DEFAULT_CHECKLIST.find((d) => d.key === i.key);
  return { key: i.key, label: i.label, lookAt: i.lookAt ?? known?.lookAt ?? '', isDefault: i.isDefault ?? Boolean(known) };
});

const rejected = (problems: { path: string; message: string }[]) => new AppError('VALIDATION', problems.map((p) => p.message).join(';'), problems);

/** A round with at least one village in the caller's scope, or 404. A plain 党员 sees no round. */
export async function loadRound(db: DbOrTx, user: AuthUser, id: number) {
  const [row] = isSelfOnly(user) ? [] : await repo.listRounds(db, user.scope, id);
  if (!row) throw notFound('检查');
  return row;
}

type Rect = repo.RectificationRow;

function progressOf(villages: number, items: number, results: repo.ResultRow[], rects: Rect[], today: string) {
  return {
    villages, expected: villages * items, recorded: results.length, findings: results.filter((r) => r.outcome === 'finding').length,
    openRectifications: rects.filter((r) => isOutstanding(r.status)).length,
    escalated: rects.filter((r) => lateness(r.status, r.dueOn, today).escalated).length,
  };
}

const summary = (round: repo.RoundRow, progress: InspectionRoundSummary['progress']): InspectionRoundSummary => ({
  id: round.id, title: round.title, startsOn: round.startsOn, endsOn: round.endsOn, status: round.status, team: round.team, progress,
});

export async function listRounds(db: Db, user: AuthUser): Promise<{ items: InspectionRoundSummary[] }> {
  if (isSelfOnly(user)) return { items: [] };
  const rounds = await repo.listRounds(db, user.scope);
  const ids = rounds.map((r) => r.id);
  const [villages, results, rects] = [await repo.villagesOf(db, user.scope, ids), await repo.resultsOf(db, user.scope, ids), await repo.listRectifications(db, user.scope)];
  const today = todayInShanghai();
  return {
    items: rounds.map((r) => summary(r, progressOf(
      villages.filter((v) => v.roundId === r.id).length, itemsOf(r).length,
      results.filter((x) => x.roundId === r.id), rects.filter((x) => x.roundId === r.id), today,
    ))),
  };
}

export async function getRound(db: DbOrTx, user: AuthUser, id: number): Promise<InspectionRoundDetail> {
  const round = await loadRound(db, user, id);
  const villages = await repo.villagesOf(db, user.scope, [id]);
  const results = await repo.resultsOf(db, user.scope, [id]);
  const rects = await repo.listRectifications(db, user.scope, { roundId: id });
  const photos = await repo.filesOfResults(db, results.map((r) => r.id));
  const items = itemsOf(round);
  return {
    ...summary(round, progressOf(villages.length, items.length, results, rects, todayInShanghai())),
    items,
    closedAt: round.closedAt?.toISOString() ?? null,
    villages: villages.map((v) => ({
      organizationId: v.organizationId, organizationName: v.name,
      results: results.filter((r) => r.organizationId === v.organizationId).map((r) => ({
        id: r.id, itemKey: r.itemKey, outcome: r.outcome, note: r.note, recordedAt: r.recordedAt.toISOString(), recordedByName: r.recordedByName,
        photos: photos.filter((p) => p.resultId === r.id).map(({ id: fileId, name, mime, size, uploadedAt }) => ({ id: fileId, name, mime, size, uploadedAt: uploadedAt.toISOString() })),
        rectificationId: r.rectificationId, rectificationStatus: r.rectificationStatus,
      })),
    })),
    can: { record: can(user, 'inspection.inspect') && round.status === 'open', close: can(user, 'inspection.plan') && round.status === 'open' },
  };
}

export async function createRound(db: Db, caller: Caller, input: CreateInspectionRound): Promise<InspectionRoundDetail> {
  const { user } = caller;
  if (!can(user, 'inspection.plan')) throw forbidden('只有镇党委管理员可以安排联督联查');
  return db.transaction(async (tx) => {
    const problems = teamProblems(input.team);
    if (input.endsOn < input.startsOn) problems.push({ path: 'endsOn', message: '结束日期不能早于开始日期' });
    const ids = [...new Set(input.organizationIds)];
    if (!ids.length) problems.push({ path: 'organizationIds', message: '请选择至少一个要检查的村' });
    if (ids.length !== input.organizationIds.length) problems.push({ path: 'organizationIds', message: '检查的村有重复' });
    const branches = await repo.branchesFor(tx, user.scope, ids);
    // Same message for an id of another town and one that does not exist: nothing about the other is revealed.
    if (branches.length !== ids.length) problems.push({ path: 'organizationIds', message: '所选的村党组织不存在或不在本镇' });
    const { items, problems: itemProblems } = roundItems(input.extraItems);
    problems.push(...itemProblems);
    if (problems.length) throw rejected(problems);
    const id = await repo.insertRound(tx, {
      tenantId: user.tenantId, title: input.title, startsOn: input.startsOn, endsOn: input.endsOn, team: input.team, items, createdBy: user.id,
    }, ids);
    await audit(tx, caller, { action: 'inspection.round.create', objectType: 'inspection_round', objectId: id, detail: { villages: ids, items: items.map((i) => i.key), team: input.team.length } });
    return getRound(tx, user, id);
  });
}

export async function closeRound(db: Db, caller: Caller, id: number): Promise<InspectionRoundDetail> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, user, id);
    if (!can(user, 'inspection.plan')) throw forbidden('只有镇党委管理员可以结束联督联查');
    await repo.lockRound(tx, id);
    if (round.status === 'closed') throw new AppError('CONFLICT', '该检查已结束');
    await repo.closeRound(tx, id);
    // Open rectifications go on after the round ends: closing stops new results, not the follow-up.
    await audit(tx, caller, { action: 'inspection.round.close', objectType: 'inspection_round', objectId: id, detail: {} });
    return getRound(tx, user, id);
  });
}

async function rectificationSettings(db: DbOrTx, tenantId: number) {
  return (await settingValues(db, tenantId, ['rectification.defaultDays']))['rectification.defaultDays'];
}

/**
 * Upsert of one item at one village. A finding creates (or updates) its rectification in the same transaction;
 * finding → ok is refused while that rectification is not accepted, because the village's work on it would be lost.
 */
export async function recordResult(db: Db, caller: Caller, id: number, input: RecordInspectionResult): Promise<InspectionRoundDetail> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, user, id);
    const [village] = (await repo.villagesOf(tx, user.scope, [id])).filter((v) => v.organizationId === input.organizationId);
    if (!village) throw invalid('organizationId', '该村不在本次检查范围内或无权查看');
    if (!can(user, 'inspection.inspect')) throw forbidden('只有检查组(纪委、民政检查员)和镇党委管理员可以记录检查结果');
    await repo.lockRound(tx, id);
    if (round.status === 'closed') throw new AppError('CONFLICT', '该检查已结束,不能再记录结果');
    const item = itemsOf(round).find((i) => i.key === input.itemKey);
    if (!item) throw invalid('itemKey', '检查事项不在本次检查清单中');
    const note = input.note?.trim() || null;
    const today = todayInShanghai();
    const problems: { path: string; message: string }[] = [];
    if (input.outcome === 'finding') {
      if (!note) problems.push({ path: 'note', message: '发现问题须写明问题情况(情况说明)' });
      if (!input.ownerName?.trim()) problems.push({ path: 'ownerName', message: '发现问题须指定整改责任人' });
      if (!input.requiredEvidence?.trim()) problems.push({ path: 'requiredEvidence', message: '发现问题须写明需提交的整改佐证材料' });
      if (input.dueOn && input.dueOn < today) problems.push({ path: 'dueOn', message: '整改期限不能早于今天' });
    }
    if (problems.length) throw rejected(problems);
    const existing = (await repo.resultsOf(tx, user.scope, [id])).find((r) => r.organizationId === village.organizationId && r.itemKey === item.key);
    const rect = existing ? await repo.rectificationOfResult(tx, existing.id) : undefined;
    if (input.outcome === 'ok' && rect && isOutstanding(rect.status)) {
      throw new AppError('CONFLICT', `${village.name}“${item.label}”的整改尚未验收,不能改为合格;请先完成整改并验收`, [{ path: 'outcome', message: '整改未验收' }]);
    }
    const resultId = await repo.upsertResult(tx, {
      tenantId: user.tenantId, roundId: id, organizationId: village.organizationId, itemKey: item.key, outcome: input.outcome, note, recordedBy: user.id,
    });
    let rectificationId: number | null = rect?.id ?? null;
    if (input.outcome === 'finding') {
      const fields = {
        description: note as string, ownerName: (input.ownerName as string).trim(), requiredEvidence: (input.requiredEvidence as string).trim(),
        dueOn: input.dueOn ?? defaultDueOn(today, await rectificationSettings(tx, user.tenantId)),
      };
      if (!rect) {
        rectificationId = await repo.insertRectification(tx, { tenantId: user.tenantId, roundId: id, resultId, organizationId: village.organizationId, ...fields, createdBy: user.id });
      } else if (rect.status === 'accepted') {
        // Found again after acceptance: the same task is reopened with the new finding, and the history says so.
        await repo.updateRectification(tx, rect.id, { ...fields, status: 'reopened', acceptedOn: null });
        await repo.insertEvent(tx, { tenantId: user.tenantId, rectificationId: rect.id, kind: 'reopened', note: `复查再次发现问题:${note}`, byUserId: user.id });
      } else {
        await repo.updateRectification(tx, rect.id, { ...fields, dueOn: input.dueOn ?? undefined });
      }
    }
    await audit(tx, caller, { action: 'inspection.result.record', objectType: 'inspection_round', objectId: id, detail: {
      resultId, organizationId: village.organizationId, itemKey: item.key, outcome: input.outcome, rectificationId,
    } });
    return getRound(tx, user, id);
  });
}

export async function addResultPhoto(db: Db, caller: Caller, id: number, resultId: number, read: () => Promise<Upload>): Promise<InspectionRoundDetail> {
  const { user } = caller;
  const round = await loadRound(db, user, id);
  const [result] = await repo.resultsOf(db, user.scope, [id], resultId);
  if (!result) throw notFound('检查结果');
  if (!can(user, 'inspection.inspect')) throw forbidden('只有检查组和镇党委管理员可以上传检查照片');
  if (round.status === 'closed') throw new AppError('CONFLICT', '该检查已结束,不能再上传照片');
  // Read only after the scope checks, so an out-of-scope id answers 404 whatever was sent.
  const photo = await storedPhoto(await read());
  return db.transaction(async (tx) => {
    const fileId = await repo.insertFile(tx, { tenantId: user.tenantId, resultId, ...photo, uploadedBy: user.id });
    await audit(tx, caller, { action: 'inspection.result.photo', objectType: 'inspection_round', objectId: id, detail: { resultId, fileId, size: photo.size, outcome: result.outcome } });
    return getRound(tx, user, id);
  });
}

/** A photo or evidence file, if the village it belongs to is in the caller's scope. */
export async function readFile(db: Db, user: AuthUser, fileId: number) {
  const file = isSelfOnly(user) ? undefined : await repo.findFile(db, user.scope, fileId);
  if (!file) throw notFound('文件');
  return file;
}
