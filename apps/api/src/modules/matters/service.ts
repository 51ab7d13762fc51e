/**
 * 村民说事 (issue 20 point 1): the list, one matter with its history, and recording a raised matter. Filed under a
 * village's branch: the village in the caller's scope or 404, then matters.read / matters.handle at it (403 only once
 * visible). Stage actions are in stage-service.ts, the public form in public-service.ts.
 */
import { randomInt } from 'node:crypto';
import {
  CreateMatterSchema, MatterListQuerySchema, RECEIPT_ALPHABET, maskPhone, todayInShanghai,
  type CreateMatter, type Matter, type MatterList, type MatterListQuery, type MatterSummary,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadBranchInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { invalid, notFound } from '../../lib/errors.js';
import { fourTwoRefs } from '../positions/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { lateness } from './rules/stages.js';

/** A village branch in scope (404 otherwise: an organ's or enterprise's branch keeps no 村民说事). */
export async function loadVillage(db: DbOrTx, user: AuthUser, orgId: number) {
  const branch = await loadBranchInScope(db, user, orgId, '村党支部');
  if (!branch.villageId) throw notFound('村党支部');
  return { ...branch, villageId: branch.villageId };
}

export async function writableVillage(db: DbOrTx, user: AuthUser, orgId: number) {
  const village = await loadVillage(db, user, orgId);
  requirePermission(user, 'matters.handle', undefined, village.path);
  return village;
}

export const discussDaysOf = async (db: DbOrTx, tenantId: number) => settingValue(db, tenantId, 'matters.discussDays');

/** A 12-character receipt from a 31-letter alphabet (~8·10^17): random, so one receipt says nothing of another. */
export function newReceipt(): string {
  return Array.from({ length: 12 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
}

export function toSummary(r: repo.MatterRow, today: string, discussDays: number): MatterSummary {
  const { late, escalated, daysOverdue } = lateness(r, today, discussDays);
  return {
    id: r.id, receipt: r.receipt, organizationId: r.organizationId, villageName: r.villageName, source: r.source, category: r.category,
    title: r.title, raisedOn: r.raisedOn, stage: r.stage, ownerName: r.ownerName, dueOn: r.dueOn, rating: r.rating,
    reopened: r.reopenCount > 0, late, escalated, daysOverdue, isDemo: r.isDemo,
  };
}

export async function listMatters(db: Db, user: AuthUser, raw: MatterListQuery): Promise<MatterList> {
  const q = MatterListQuerySchema.parse(raw);
  const village = q.orgId ? await loadVillage(db, user, q.orgId) : undefined;
  requirePermission(user, 'matters.read', undefined, village?.path);
  const today = todayInShanghai();
  const discussDays = await discussDaysOf(db, user.tenantId);
  const filter = { underPath: village?.path, stage: q.stage, due: q.due, year: q.year, today, discussDays };
  const [{ rows, total }, counts, villages] = await Promise.all([
    repo.listMatters(db, user.scope, filter, q.pageSize, (q.page - 1) * q.pageSize), repo.countsOf(db, user.scope, filter), repo.villageBranches(db, user.scope),
  ]);
  return {
    villages: villages.map((v) => ({ organizationId: v.organizationId, villageName: v.villageName, code: v.code, canEdit: can(user, 'matters.handle', v.path) })),
    items: rows.map((r) => toSummary(r, today, discussDays)), total, page: q.page, pageSize: q.pageSize, counts,
  };
}

export const findMatter = async (db: DbOrTx, user: AuthUser, id: number, lock = false) => (isSelfOnly(user) ? undefined : repo.findMatter(db, user.scope, id, lock));

/** The phone as the list may show it: masked, and only a full read (none here) would be audited. */
function maskedPhone(cipher: FieldCipher | undefined, sealed: string | null): string | null {
  if (!sealed || !cipher) return sealed ? '已登记' : null;
  return maskPhone(cipher.decrypt(sealed));
}

export async function toMatter(db: DbOrTx, user: AuthUser, row: repo.MatterRow, cipher?: FieldCipher): Promise<Matter> {
  const today = todayInShanghai();
  // One after another: inside a transaction these share one connection.
  const discussDays = await discussDaysOf(db, user.tenantId);
  const events = await repo.eventsOf(db, row.id);
  const photos = await repo.photosOf(db, row.id);
  const meetings = await repo.meetingsByIds(db, user.scope, [row.raisedActivityId, row.discussionActivityId].filter((x): x is number => x !== null));
  const visit = await repo.visitOfMatter(db, row.id);
  const fourTwo = row.fourTwoId ? await fourTwoRefs(db, user.scope, { ids: [row.fourTwoId] }) : [];
  const meeting = (id: number | null) => {
    const a = id ? meetings.find((x) => x.id === id) : undefined;
    return a ? { id: a.id, kind: a.kind, title: a.title, heldOn: a.heldOn } : null;
  };
  return {
    ...toSummary(row, today, discussDays),
    content: row.content, place: row.place, raiserName: row.raiserName, raiserPhoneMasked: maskedPhone(cipher, row.raiserPhoneEnc), visitNote: row.visitNote, visit,
    raisedActivity: meeting(row.raisedActivityId), forum: row.forum, discussedOn: row.discussedOn, discussion: row.discussion,
    discussionActivity: meeting(row.discussionActivityId), fourTwo: fourTwo[0] ? { id: fourTwo[0].id, title: fourTwo[0].title } : null,
    handledOn: row.handledOn, result: row.result, reply: row.reply, ratingReason: row.ratingReason, ratedOn: row.ratedOn,
    escalatedOn: row.escalatedOn, escalationReason: row.escalationReason,
    events, photos, can: { handle: can(user, 'matters.handle', row.organizationPath) },
  };
}

export async function getMatter(db: DbOrTx, user: AuthUser, id: number, cipher?: FieldCipher): Promise<Matter> {
  const row = await findMatter(db, user, id);
  if (!row) throw notFound('村民说事');
  requirePermission(user, 'matters.read', undefined, row.organizationPath);
  return toMatter(db, user, row, cipher);
}

/** A meeting named on a matter must be one of the village branch's own (in the caller's scope). */
export async function checkMeeting(db: DbOrTx, user: AuthUser, organizationId: number, activityId: number | null, field: string) {
  if (!activityId) return;
  const [a] = await repo.meetingsByIds(db, user.scope, [activityId]);
  if (!a || a.organizationId !== organizationId) throw invalid(field, '请选择本村党支部的会议');
}

export async function createMatter(db: Db, caller: Caller, body: CreateMatter, options: { isDemo?: boolean } = {}): Promise<Matter> {
  const { organizationId, raiserPhone, ...input } = CreateMatterSchema.parse(body);
  return db.transaction(async (tx) => {
    const village = await writableVillage(tx, caller.user, organizationId);
    await checkMeeting(tx, caller.user, village.id, input.raisedActivityId, 'raisedActivityId');
    const id = await repo.insertMatter(tx, {
      ...input, tenantId: caller.user.tenantId, organizationId: village.id, receipt: newReceipt(), stage: 'raised',
      raiserPhoneEnc: raiserPhone ? caller.cipher.encrypt(raiserPhone) : null, isDemo: options.isDemo ?? false, createdBy: caller.user.id,
    });
    await repo.insertEvents(tx, [{ tenantId: caller.user.tenantId, organizationId: village.id, matterId: id, kind: 'raised', on: input.raisedOn, text: input.title, createdBy: caller.user.id }]);
    // The audit line names what was raised, never the phone.
    await audit(tx, caller, { action: 'matters.create', objectType: 'matter', objectId: id, detail: { organizationId, source: input.source, category: input.category, title: input.title, phone: raiserPhone ? 'sealed' : null } });
    return getMatter(tx, caller.user, id, caller.cipher);
  });
}
