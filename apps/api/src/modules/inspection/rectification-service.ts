/** 整改: the village submits evidence, the inspector accepts or reopens; overdue tasks are escalated to the town board. */
import type { RectificationDetail, RectificationSummary } from '@dj/contracts';
import { RectificationEvidenceSchema, RectificationListQuerySchema, todayInShanghai } from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, isSelfOnly, audit, findOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { lateness, nextStatus, refusal, type RectificationAction } from './rules/rectification.js';
import { itemsOf } from './service.js';
import { storedEvidence, type Upload } from './uploads.js';
import * as repo from './repository.js';

type Row = repo.RectificationRow;

export function toSummary(row: Row, today = todayInShanghai()): RectificationSummary {
  const item = itemsOf({ items: row.roundItems }).find((i) => i.key === row.itemKey);
  return {
    id: row.id, roundId: row.roundId, roundTitle: row.roundTitle, resultId: row.resultId, organizationId: row.organizationId,
    organizationName: row.organizationName, itemKey: row.itemKey, itemLabel: item?.label ?? row.itemKey, description: row.description,
    ownerName: row.ownerName, dueOn: row.dueOn, requiredEvidence: row.requiredEvidence, status: row.status, acceptedOn: row.acceptedOn,
    ...lateness(row.status, row.dueOn, today),
  };
}

/** Secretaries see their own village's tasks, supervisors their villages', town-wide roles all; a plain 党员 none. */
export async function listRectifications(db: Db, user: AuthUser, q: z.infer<typeof RectificationListQuerySchema>): Promise<{ items: RectificationSummary[] }> {
  let orgPath: string | undefined;
  if (q.orgId !== undefined) {
    const org = isSelfOnly(user) ? undefined : await findOrganizationInScope(db, user, q.orgId);
    if (!org) throw notFound('党组织');
    orgPath = org.path;
  }
  if (isSelfOnly(user)) return { items: [] };
  const today = todayInShanghai();
  const rows = await repo.listRectifications(db, user.scope, {
    orgPath, roundId: q.roundId, status: q.status, overdueBefore: q.escalated === 'true' ? today : undefined,
  });
  const items = rows.map((r) => toSummary(r, today));
  return { items: q.escalated === 'false' ? items.filter((r) => !r.escalated) : items };
}

async function loadRectification(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  const [row] = isSelfOnly(user) ? [] : await repo.listRectifications(db, user.scope, { id });
  if (!row) throw notFound('整改任务');
  return row;
}

const fileView = ({ id, name, mime, size, uploadedAt }: Awaited<ReturnType<typeof repo.filesOfResults>>[number]) => ({ id, name, mime, size, uploadedAt: uploadedAt.toISOString() });

export async function getRectification(db: DbOrTx, user: AuthUser, id: number): Promise<RectificationDetail> {
  const row = await loadRectification(db, user, id);
  const events = await repo.eventsOf(db, id);
  const files = await repo.filesOfEvidence(db, events.map((e) => e.id));
  const photos = await repo.filesOfResults(db, [row.resultId]);
  const s = toSummary(row);
  return {
    ...s,
    resultPhotos: photos.map(fileView),
    events: events.map((e) => ({ ...e, at: e.at.toISOString(), files: files.filter((f) => f.evidenceId === e.id).map(fileView) })),
    can: {
      submitEvidence: can(user, 'rectification.submit', row.organizationPath) && refusal('evidence', row.status) === null,
      review: can(user, 'inspection.inspect') && refusal('accept', row.status) === null,
    },
  };
}

/** Loads, checks the role (after scope, so a foreign id is a 404) and the state, under a row lock. */
async function transition(tx: DbOrTx, user: AuthUser, id: number, action: RectificationAction) {
  const row = await loadRectification(tx, user, id);
  if (action === 'evidence' && !can(user, 'rectification.submit', row.organizationPath)) throw forbidden('只有本村党支部书记和镇党委管理员可以提交整改材料');
  if (action !== 'evidence' && !can(user, 'inspection.inspect')) throw forbidden('只有检查组(纪委、民政检查员)和镇党委管理员可以验收或退回整改');
  await repo.lockRectification(tx, id);
  const [fresh] = await repo.listRectifications(tx, user.scope, { id });
  const why = refusal(action, fresh.status);
  if (why) throw new AppError('CONFLICT', why);
  return fresh;
}

/**
 * Evidence: a note, and optionally one file (a photo, stripped of its location, or a document). More photos come as
 * further submissions while the task waits for review.
 */
export async function submitEvidence(db: Db, caller: Caller, id: number, read: () => Promise<{ note: unknown; file: Upload | null }>): Promise<RectificationDetail> {
  const { user } = caller;
  // Scope and role first (404/403 whatever was sent); the body is read only after that.
  await db.transaction((tx) => transition(tx, user, id, 'evidence'));
  const sent = await read();
  // The same contract as a JSON body, applied by hand because a multipart form carries the note as a field.
  const parsed = RectificationEvidenceSchema.safeParse({ note: typeof sent.note === 'string' ? sent.note : '' });
  if (!parsed.success) throw invalid('note', parsed.error.issues[0].message);
  const { note } = parsed.data;
  const file = sent.file ? await storedEvidence(sent.file) : null;
  return db.transaction(async (tx) => {
    await transition(tx, user, id, 'evidence');
    const eventId = await repo.insertEvent(tx, { tenantId: user.tenantId, rectificationId: id, kind: 'evidence', note, byUserId: user.id });
    const fileId = file ? await repo.insertFile(tx, { tenantId: user.tenantId, evidenceId: eventId, ...file, uploadedBy: user.id }) : null;
    await repo.updateRectification(tx, id, { status: nextStatus('evidence') });
    await audit(tx, caller, { action: 'inspection.rectification.evidence', objectType: 'rectification', objectId: id, detail: { eventId, fileId, size: file?.size ?? 0 } });
    return getRectification(tx, user, id);
  });
}

export async function accept(db: Db, caller: Caller, id: number, note?: string): Promise<RectificationDetail> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    await transition(tx, user, id, 'accept');
    await repo.updateRectification(tx, id, { status: nextStatus('accept'), acceptedOn: todayInShanghai() });
    const eventId = await repo.insertEvent(tx, { tenantId: user.tenantId, rectificationId: id, kind: 'accepted', note: note?.trim() || null, byUserId: user.id });
    await audit(tx, caller, { action: 'inspection.rectification.accept', objectType: 'rectification', objectId: id, detail: { eventId } });
    return getRectification(tx, user, id);
  });
}

export async function reopen(db: Db, caller: Caller, id: number, reason: string): Promise<RectificationDetail> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    await transition(tx, user, id, 'reopen');
    await repo.updateRectification(tx, id, { status: nextStatus('reopen') });
    const eventId = await repo.insertEvent(tx, { tenantId: user.tenantId, rectificationId: id, kind: 'reopened', note: reason.trim(), byUserId: user.id });
    await audit(tx, caller, { action: 'inspection.rectification.reopen', objectType: 'rectification', objectId: id, detail: { eventId } });
    return getRectification(tx, user, id);
  });
}
