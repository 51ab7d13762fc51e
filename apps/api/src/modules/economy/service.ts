/**
 * 集体经济 (issue 18 point 1): a village's collective income per year by source. The village's secretary (or the town)
 * saves a draft and submits it; the town approves. An approved version is frozen: a correction opens the next version,
 * which must say why, and the figures keep using the last approved version until the correction is approved.
 */
import { IncomeDraftSchema, operatingIncomeOf, totalIncomeOf, type IncomeAmounts, type IncomeDraft, type IncomeOrigin, type IncomeYear } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, loadBranchInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import * as repo from './repository.js';

/** A village's branch in the caller's scope (404 otherwise, before any permission is looked at). */
export async function loadVillage(db: DbOrTx, user: AuthUser, orgId: number) {
  const branch = await loadBranchInScope(db, user, orgId, '村党支部');
  // Only a 行政村's branch keeps collective accounts: an enterprise's or an organ's branch answers as nonexistent.
  if (!branch.villageId) throw notFound('村党支部');
  return { ...branch, villageId: branch.villageId };
}

type Version = Awaited<ReturnType<typeof repo.versionsOf>>[number];
const withSums = (v: Version) => ({ ...v, operatingIncomeFen: operatingIncomeOf(v.amounts), totalFen: totalIncomeOf(v.amounts) });

export async function viewYear(db: DbOrTx, user: AuthUser, village: { id: number; path: string; villageId: number }, year: number): Promise<IncomeYear> {
  const versions = (await repo.versionsOf(db, village.id, year)).map(withSums);
  const open = versions.find((v) => v.status !== 'approved') ?? null;
  const enter = can(user, 'economy.enter', village.path);
  return {
    organizationId: village.id, villageName: await repo.villageNameOf(db, village.villageId), year, versions,
    approved: versions.find((v) => v.status === 'approved') ?? null, open,
    can: {
      enter: enter && open?.status !== 'submitted',
      submit: enter && open?.status === 'draft',
      approve: can(user, 'economy.approve', village.path) && open?.status === 'submitted',
    },
  };
}

export async function getYear(db: Db, user: AuthUser, orgId: number, year: number): Promise<IncomeYear> {
  const village = await loadVillage(db, user, orgId);
  requirePermission(user, 'economy.read');
  return viewYear(db, user, village, year);
}

/**
 * Writes a year's draft within the caller's transaction: edits the open draft, or opens the next version. Returns what
 * happened, or a refusal in Chinese (the import reports it against its row; the form answers 400/409).
 */
export async function writeDraft(tx: DbOrTx, caller: Caller, orgId: number, year: number, input: { amounts: IncomeAmounts; reason: string | null; origin: IncomeOrigin }):
  Promise<{ id: number; version: number; created: boolean } | { refused: string; field: string }> {
  const { open, lastVersion } = await repo.openVersion(tx, orgId, year);
  if (open?.status === 'submitted') return { refused: `${year}年度已提交待审核,审核前不能修改`, field: 'amounts' };
  if (open) {
    if (open.version > 1 && !input.reason) return { refused: '更正已审核的年度须填写更正原因', field: 'reason' };
    await repo.updateDraft(tx, open.id, input.amounts, input.origin, open.version > 1 ? input.reason : null);
    return { id: open.id, version: open.version, created: false };
  }
  // After an approved version, a new one is a correction: it must say why.
  if (lastVersion > 0 && !input.reason) return { refused: '更正已审核的年度须填写更正原因', field: 'reason' };
  const version = lastVersion + 1;
  const id = await repo.insertVersion(tx, { tenantId: caller.user.tenantId, organizationId: orgId, year, version, origin: input.origin, amounts: input.amounts, reason: lastVersion ? input.reason : null, createdBy: caller.user.id });
  return { id, version, created: true };
}

export async function saveDraft(db: Db, caller: Caller, orgId: number, year: number, body: IncomeDraft): Promise<IncomeYear> {
  const input = IncomeDraftSchema.parse(body);
  return db.transaction(async (tx) => {
    const village = await loadVillage(tx, caller.user, orgId);
    requirePermission(caller.user, 'economy.enter', undefined, village.path);
    const done = await writeDraft(tx, caller, orgId, year, { ...input, origin: 'form' });
    if ('refused' in done) throw done.field === 'reason' ? invalid('reason', done.refused) : new AppError('CONFLICT', done.refused);
    await audit(tx, caller, { action: 'economy.draft', objectType: 'economy_income', objectId: done.id, detail: { organizationId: orgId, year, version: done.version, amounts: input.amounts, reason: input.reason } });
    return viewYear(tx, caller.user, village, year);
  });
}

async function transition(db: Db, caller: Caller, orgId: number, year: number, step: 'submit' | 'approve'): Promise<IncomeYear> {
  return db.transaction(async (tx) => {
    const village = await loadVillage(tx, caller.user, orgId);
    requirePermission(caller.user, step === 'submit' ? 'economy.enter' : 'economy.approve', undefined, village.path);
    const { open } = await repo.openVersion(tx, orgId, year);
    const from = step === 'submit' ? 'draft' : 'submitted';
    if (!open || open.status !== from) throw new AppError('CONFLICT', step === 'submit' ? `${year}年度没有待提交的草稿` : `${year}年度没有待审核的收入`);
    await repo.setStatus(tx, open.id, from, step === 'submit' ? 'submitted' : 'approved', caller.user.id);
    await audit(tx, caller, { action: `economy.${step}`, objectType: 'economy_income', objectId: open.id, detail: { organizationId: orgId, year, version: open.version } });
    return viewYear(tx, caller.user, village, year);
  });
}

export const submitYear = (db: Db, caller: Caller, orgId: number, year: number) => transition(db, caller, orgId, year, 'submit');
export const approveYear = (db: Db, caller: Caller, orgId: number, year: number) => transition(db, caller, orgId, year, 'approve');
