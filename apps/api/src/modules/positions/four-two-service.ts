/**
 * 四议两公开 of a major village matter: 提议 → 商议 → 审议 (党员大会) → 决议 (村民会议/村民代表会议) → 决议公开 →
 * 实施结果公开, each dated, the two meetings with their votes, each stage with an optional document.
 * The rules themselves are pure functions in rules/four-two.ts.
 */
import type { FourTwoProcedure } from '@dj/contracts';
import { AddFourTwoStageSchema, CreateFourTwoSchema, FOUR_TWO_STAGE_LABELS, todayInShanghai } from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, isSelfOnly, audit, loadBranchInScope, loadWritableBranch, type AuthUser, type Caller } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import { withoutMetadata } from '../../lib/uploads/index.js';
import type { Upload } from './upload.js';
import * as repo from './four-two-repository.js';
import { checkStageOrder, judgeResolution, judgeReview, nextStage, statusAfter, type FourTwoThresholds } from './rules/four-two.js';
import { groupedBy } from '../../lib/group.js';

const WRITE_DENIED = '只有镇党委管理员和本支部书记可以登记四议两公开';

async function thresholds(db: DbOrTx, tenantId: number): Promise<FourTwoThresholds> {
  const v = await settingValues(db, tenantId, ['fourTwo.reviewQuorumPercent', 'fourTwo.reviewApprovePercent']);
  return { reviewQuorumPercent: v['fourTwo.reviewQuorumPercent'], reviewApprovePercent: v['fourTwo.reviewApprovePercent'] };
}

type Stage = Awaited<ReturnType<typeof repo.stagesOf>>[number];

function toProcedure(row: repo.ProcedureRow, stages: Stage[], t: FourTwoThresholds, user: AuthUser): FourTwoProcedure {
  const { organizationPath, ...rest } = row;
  return {
    ...rest, category: row.category as FourTwoProcedure['category'], createdAt: row.createdAt.toISOString(), thresholds: t,
    stages: stages.map((s) => ({
      id: s.id, stage: s.stage, heldOn: s.heldOn, body: s.body as FourTwoProcedure['stages'][number]['body'], vote: s.vote ?? null, passed: s.passed,
      note: s.note, file: s.fileName && s.fileMime ? { name: s.fileName, mime: s.fileMime } : null, recordedAt: s.recordedAt.toISOString(),
    })),
    nextStage: row.status === 'open' ? nextStage(stages) : null,
    can: { edit: can(user, 'positions.edit', organizationPath) && row.status === 'open' },
  };
}

export async function listProcedures(db: Db, user: AuthUser, orgId?: number) {
  const orgPath = orgId ? (await loadBranchInScope(db, user, orgId)).path : undefined;
  if (isSelfOnly(user)) return { items: [] };
  const rows = await repo.listProcedures(db, user.scope, { orgPath });
  const stagesOf = groupedBy(await repo.stagesOf(db, rows.map((r) => r.id)), (s) => s.procedureId);
  const t = await thresholds(db, user.tenantId);
  return { items: rows.map((r) => toProcedure(r, stagesOf.get(r.id) ?? [], t, user)) };
}

async function loadProcedure(db: DbOrTx, user: AuthUser, id: number, lock = false) {
  const row = isSelfOnly(user) ? undefined : await repo.findProcedure(db, user.scope, id, lock);
  if (!row) throw notFound('四议两公开事项');
  return row;
}

export async function getProcedure(db: DbOrTx, user: AuthUser, id: number): Promise<FourTwoProcedure> {
  const row = await loadProcedure(db, user, id);
  return toProcedure(row, await repo.stagesOf(db, [id]), await thresholds(db, user.tenantId), user);
}

export async function createProcedure(db: Db, caller: Caller, input: z.infer<typeof CreateFourTwoSchema>): Promise<FourTwoProcedure> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, user, input.organizationId, 'positions.edit', WRITE_DENIED);
    const id = await repo.insertProcedure(tx, { tenantId: user.tenantId, organizationId: branch.id, title: input.title, category: input.category, createdBy: user.id });
    await audit(tx, caller, { action: 'four_two.create', objectType: 'four_two_procedure', objectId: id, detail: { organizationId: branch.id, category: input.category } });
    return getProcedure(tx, user, id);
  });
}

async function writableProcedure(db: DbOrTx, user: AuthUser, id: number) {
  const row = await loadProcedure(db, user, id, true);
  if (!can(user, 'positions.edit', row.organizationPath)) throw forbidden(WRITE_DENIED);
  return row;
}

export async function addStage(db: Db, caller: Caller, id: number, input: z.infer<typeof AddFourTwoStageSchema>): Promise<FourTwoProcedure> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writableProcedure(tx, user, id);
    if (row.status !== 'open') throw new AppError('CONFLICT', row.status === 'rejected' ? '该事项未获通过,程序已结束' : '该事项四议两公开已完成');
    const done = await repo.stagesOf(tx, [id]);
    const order = checkStageOrder(done, input.stage, input.heldOn, todayInShanghai());
    if (order) throw invalid(order.path, order.message);
    const label = FOUR_TWO_STAGE_LABELS[input.stage];
    const meeting = input.stage === 'review' || input.stage === 'resolution';
    if (!meeting && input.vote) throw invalid('vote', `"${label}"不记录表决,只有党员大会审议和村民会议(代表会议)决议记录表决`);
    if (input.stage !== 'resolution' && input.body) throw invalid('body', '只有决议环节需要选择村民会议或村民代表会议');
    if (meeting && !input.vote) throw invalid('vote', `"${label}"须记录表决情况(应到、实到、赞成、反对、弃权)`);
    if (input.stage === 'resolution' && !input.body) throw invalid('body', '请选择作出决议的是村民会议还是村民代表会议');
    let passed: boolean | null = null;
    let reason: string | null = null;
    if (input.vote) {
      const outcome = input.stage === 'review' ? judgeReview(input.vote, await thresholds(tx, user.tenantId)) : judgeResolution(input.body!, input.vote);
      if (!outcome.ok) throw invalid(outcome.refusal.path, outcome.refusal.message);
      ({ passed, reason } = outcome);
    }
    const stageId = await repo.insertStage(tx, {
      tenantId: user.tenantId, procedureId: id, stage: input.stage, heldOn: input.heldOn, body: input.body ?? null, vote: input.vote ?? null,
      passed, note: input.note || null, recordedBy: user.id,
    });
    const status = statusAfter(input.stage, passed);
    if (status !== 'open') await repo.setStatus(tx, id, status);
    await audit(tx, caller, { action: 'four_two.stage', objectType: 'four_two_procedure', objectId: id, detail: { stageId, stage: input.stage, passed, reason, status } });
    return getProcedure(tx, user, id);
  });
}

export async function addStageFile(db: Db, caller: Caller, id: number, stageId: number, read: () => Promise<Upload>): Promise<FourTwoProcedure> {
  const { user } = caller;
  const row = await loadProcedure(db, user, id);
  if (!can(user, 'positions.edit', row.organizationPath)) throw forbidden(WRITE_DENIED);
  if (!(await repo.findStageFile(db, id, stageId))) throw notFound('环节记录');
  // Read only after the scope checks, so an out-of-scope id answers 404 whatever was sent.
  // Checked by the one upload policy; a picture loses its EXIF (GPS) before it is kept.
  const upload = await withoutMetadata(await read());
  return db.transaction(async (tx) => {
    await writableProcedure(tx, user, id);
    await repo.setStageFile(tx, stageId, { name: upload.filename, mime: upload.mime, data: upload.data });
    await audit(tx, caller, { action: 'four_two.stage.file', objectType: 'four_two_procedure', objectId: id, detail: { stageId, size: upload.data.length } });
    return getProcedure(tx, user, id);
  });
}

export async function readStageFile(db: Db, user: AuthUser, id: number, stageId: number) {
  await loadProcedure(db, user, id);
  const file = await repo.findStageFile(db, id, stageId);
  if (!file?.data || !file.name || !file.mime) throw notFound('附件');
  return { name: file.name, mime: file.mime, data: file.data };
}
