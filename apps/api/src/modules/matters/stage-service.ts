/**
 * 议事 → 办事 → 评事 (issue 20 point 1): each stage in one transaction with its history line and audit line, refused with
 * the Chinese reason of rules/stages.ts (409) when the matter is not at a stage that allows it.
 */
import {
  DiscussMatterSchema, EscalateMatterSchema, HandleMatterSchema, MatterStepSchema, RateMatterSchema, todayInShanghai,
  type DiscussMatter, type EscalateMatter, type HandleMatter, type Matter, type MatterEventKind, type MatterRating, type MatterStepInput, type RateMatter,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { processUploadedPhoto } from '../../lib/photos/process-photo.js';
import type { CheckedUpload } from '../../lib/uploads/index.js';
import { fourTwoRefs } from '../positions/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { afterRating, refusal, type MatterAction } from './rules/stages.js';
import { checkMeeting, findMatter, getMatter } from './service.js';

/** The matter in scope (404), the permission at its village (403), then the stage (409). */
async function loadFor(tx: DbOrTx, user: AuthUser, id: number, action: MatterAction) {
  const row = await findMatter(tx, user, id, true);
  if (!row) throw notFound('村民说事');
  requirePermission(user, 'matters.handle', undefined, row.organizationPath);
  const why = refusal(action, row.stage);
  if (why) throw new AppError('CONFLICT', why);
  return row;
}

type Row = repo.MatterRow;
async function record(tx: DbOrTx, caller: Caller, row: Row, kind: MatterEventKind, on: string, text: string | null, rating: MatterRating | null = null) {
  await repo.insertEvents(tx, [{ tenantId: caller.user.tenantId, organizationId: row.organizationId, matterId: row.id, kind, on, text, rating, createdBy: caller.user.id }]);
}

async function act(db: Db, caller: Caller, id: number, action: MatterAction, body: (tx: DbOrTx, row: Row) => Promise<Record<string, unknown>>): Promise<Matter> {
  return db.transaction(async (tx) => {
    const row = await loadFor(tx, caller.user, id, action);
    const detail = await body(tx, row);
    await audit(tx, caller, { action: `matters.${action}`, objectType: 'matter', objectId: id, detail: { organizationId: row.organizationId, ...detail } });
    return getMatter(tx, caller.user, id, caller.cipher);
  });
}

/** 议事: where and when it was discussed, what was agreed, who handles it by when; a 四议两公开 of the same village. */
export async function discussMatter(db: Db, caller: Caller, id: number, body: DiscussMatter): Promise<Matter> {
  const input = DiscussMatterSchema.parse(body);
  return act(db, caller, id, 'discuss', async (tx, row) => {
    if (input.discussedOn < row.raisedOn) throw invalid('discussedOn', `议事日期不能早于说事日期(${row.raisedOn})`);
    if (input.dueOn < input.discussedOn) throw invalid('dueOn', '办结期限不能早于议事日期');
    await checkMeeting(tx, caller.user, row.organizationId, input.activityId, 'activityId');
    if (input.fourTwoId) {
      const [f] = await fourTwoRefs(tx, caller.user.scope, { ids: [input.fourTwoId] });
      if (!f || f.organizationId !== row.organizationId) throw invalid('fourTwoId', '请选择本村的四议两公开事项');
    }
    await repo.updateMatter(tx, id, {
      stage: 'discussed', forum: input.forum, discussedOn: input.discussedOn, discussionActivityId: input.activityId, discussion: input.discussion,
      ownerName: input.ownerName, dueOn: input.dueOn, fourTwoId: input.fourTwoId, ...(input.reply ? { reply: input.reply } : {}),
    });
    await record(tx, caller, row, 'discussed', input.discussedOn, `${input.discussion}(责任人:${input.ownerName},${input.dueOn}前办结)`);
    return { ...input };
  });
}

export async function addStep(db: Db, caller: Caller, id: number, body: MatterStepInput): Promise<Matter> {
  const input = MatterStepSchema.parse(body);
  return act(db, caller, id, 'step', async (tx, row) => {
    await record(tx, caller, row, 'step', input.on, input.text);
    return input;
  });
}

export async function handleMatter(db: Db, caller: Caller, id: number, body: HandleMatter): Promise<Matter> {
  const input = HandleMatterSchema.parse(body);
  return act(db, caller, id, 'handle', async (tx, row) => {
    if (row.discussedOn && input.handledOn < row.discussedOn) throw invalid('handledOn', `办结日期不能早于议事日期(${row.discussedOn})`);
    await repo.updateMatter(tx, id, { stage: 'handled', handledOn: input.handledOn, result: input.result, ...(input.reply ? { reply: input.reply } : {}) });
    await record(tx, caller, row, 'handled', input.handledOn, input.result);
    return input;
  });
}

/** The village cannot handle it: the town takes it up (an overdue matter is escalated anyway, without this). */
export async function escalateMatter(db: Db, caller: Caller, id: number, body: EscalateMatter): Promise<Matter> {
  const input = EscalateMatterSchema.parse(body);
  return act(db, caller, id, 'escalate', async (tx, row) => {
    if (row.escalatedOn) throw new AppError('CONFLICT', `该事项已于${row.escalatedOn}上报镇党委`);
    const today = todayInShanghai();
    await repo.updateMatter(tx, id, { escalatedOn: today, escalationReason: input.reason });
    await record(tx, caller, row, 'escalated', today, input.reason);
    return input;
  });
}

/** 评事: only once handled; a first 不满意 reopens it with a new deadline (matters.handleDays), a second closes it. */
export async function rateMatter(db: Db, caller: Caller, id: number, body: RateMatter): Promise<Matter> {
  const input = RateMatterSchema.parse(body);
  return act(db, caller, id, 'rate', async (tx, row) => {
    if (row.handledOn && input.ratedOn < row.handledOn) throw invalid('ratedOn', `评议日期不能早于办结日期(${row.handledOn})`);
    const handleDays = await settingValue(tx, caller.user.tenantId, 'matters.handleDays');
    const next = afterRating(input.rating, row.reopenCount, input.ratedOn, handleDays);
    await record(tx, caller, row, 'rated', input.ratedOn, input.reason, input.rating);
    if (next.reopened) {
      await repo.updateMatter(tx, id, { stage: 'discussed', reopenCount: row.reopenCount + 1, dueOn: next.dueOn, handledOn: null, rating: null, ratingReason: null, ratedOn: null });
      await record(tx, caller, row, 'reopened', input.ratedOn, `重新办理,${next.dueOn}前办结`);
    } else {
      await repo.updateMatter(tx, id, { stage: 'rated', rating: input.rating, ratingReason: input.reason, ratedOn: input.ratedOn });
    }
    return { ...input, reopened: next.reopened };
  });
}

export async function addPhoto(db: Db, caller: Caller, id: number, caption: string | undefined, read: () => Promise<CheckedUpload>): Promise<Matter> {
  await db.transaction(async (tx) => loadFor(tx, caller.user, id, 'photo'));
  // Read the upload only after the scope checks, so an out-of-scope id answers 404 whatever was sent.
  const upload = await read();
  const photo = await processUploadedPhoto(upload.data);
  return act(db, caller, id, 'photo', async (tx, row) => {
    const photoId = await repo.insertPhoto(tx, {
      tenantId: caller.user.tenantId, organizationId: row.organizationId, matterId: id, caption: caption || null,
      mime: 'image/jpeg', size: photo.jpeg.length, data: photo.jpeg, uploadedBy: caller.user.id,
    });
    return { photoId, size: photo.jpeg.length, hadLocation: photo.hadLocation };
  });
}

export async function readPhoto(db: Db, user: AuthUser, id: number, photoId: number) {
  const row = await findMatter(db, user, id);
  if (!row) throw notFound('村民说事');
  requirePermission(user, 'matters.read', undefined, row.organizationPath);
  const photo = await repo.findPhoto(db, id, photoId);
  if (!photo) throw notFound('照片');
  return photo;
}
