/**
 * 党员联户 (认人认门、交友交心; issue 20 point 3): the households of each village and the members who look after them. The
 * town and the village's secretary keep the list and the links (a reassignment ends the old link and opens a new one, so
 * history stays); the branches' readers see it; a member sees and visits their own households on 我的联户. Visits are
 * the member's record, entered by them or for them (代为登记). Deadlines only: never a score or a ranking of members.
 */
import {
  CreateHouseholdSchema, HOUSEHOLD_LIMITS, HouseholdInputSchema, HouseholdLinksSchema, maskPhone, normalizePhone,
  todayInShanghai, type CreateHousehold, type Household, type HouseholdDetail, type HouseholdInput, type HouseholdLinks, type HouseholdList,
  type HouseholdListQuery, type MatterStage, type VisitMethod,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadBranchInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { settingValues } from '../settings/index.js';
import * as repo from './repository.js';

export async function intervalOf(db: DbOrTx, tenantId: number): Promise<number> {
  return (await settingValues(db, tenantId, ['households.visitIntervalDays']))['households.visitIntervalDays'];
}

export const toHousehold = (user: AuthUser, { organizationPath, organizationName: _n, ...r }: repo.HouseholdRow): Household => ({
  ...r, can: { edit: can(user, 'households.manage', organizationPath) },
});

/** `mayRaise`: may the caller turn this visit into a case on the route the page uses (the village's, or their own)? */
export const toVisit = (v: repo.VisitRow, mayRaise: boolean) => ({
  ...v, method: v.method as VisitMethod, matterStage: v.matterStage as MatterStage | null, canRaise: mayRaise && !!v.raised && v.matterId === null,
});

/** A village branch in scope (404 otherwise; a branch of no 行政村 too), then the permission at it (403). */
export async function villageBranch(db: DbOrTx, user: AuthUser, orgId: number, permission: 'households.read' | 'households.manage') {
  const branch = await loadBranchInScope(db, user, orgId, '村党支部');
  if (!branch.villageId) throw notFound('村党支部');
  requirePermission(user, permission, undefined, branch.path);
  return branch;
}

/** A household in the caller's sight (a plain 党员 sees none here: their own are on 我的联户), or 404. */
export async function loadHousehold(db: DbOrTx, user: AuthUser, id: number, interval?: number) {
  const days = interval ?? await intervalOf(db, user.tenantId);
  const row = isSelfOnly(user) ? undefined : await repo.findHousehold(db, user.scope, days, todayInShanghai(), id);
  if (!row) throw notFound('联户农户');
  return row;
}

/** The route's query, parsed by its schema (due as a boolean). */
export async function listHouseholds(db: Db, user: AuthUser, q: HouseholdListQuery): Promise<HouseholdList> {
  const one = q.orgId ? await villageBranch(db, user, q.orgId, 'households.read') : undefined;
  requirePermission(user, 'households.read');
  // Every village of the scope names the filter's choices; the items are the chosen village's, or all.
  const villages = await repo.villageBranches(db, user.scope);
  const ids = one ? [one.id] : villages.map((v) => v.organizationId);
  const interval = await intervalOf(db, user.tenantId);
  const pageSize = HOUSEHOLD_LIMITS.pageSize;
  const { rows, total } = await repo.listHouseholds(db, user.scope, interval, todayInShanghai(), {
    organizationIds: ids, hamlet: q.hamlet, personId: q.personId, due: q.due, limit: pageSize, offset: (q.page - 1) * pageSize,
  });
  const hamlets = await repo.hamletsOf(db, ids);
  const members = one && can(user, 'households.manage', one.path) ? await repo.membersUnder(db, user.tenantId, one.path) : [];
  return {
    villages: villages.map((v) => ({
      organizationId: v.organizationId, villageName: v.villageName, canEdit: can(user, 'households.manage', v.path),
      hamlets: hamlets.filter((h) => h.organizationId === v.organizationId).map((h) => h.hamlet), members: v.organizationId === one?.id ? members : [],
    })),
    items: rows.map((r) => toHousehold(user, r)), total, page: q.page, pageSize, intervalDays: interval,
  };
}

export async function getHousehold(db: Db, user: AuthUser, id: number): Promise<HouseholdDetail> {
  const row = await loadHousehold(db, user, id);
  requirePermission(user, 'households.read', undefined, row.organizationPath);
  return detail(db, user, row);
}

async function detail(db: DbOrTx, user: AuthUser, row: repo.HouseholdRow): Promise<HouseholdDetail> {
  const [history, visits] = await Promise.all([repo.linkHistory(db, row.id), repo.visitsOf(db, [row.id])]);
  return { ...toHousehold(user, row), history, visits: visits.map((v) => toVisit(v, can(user, 'matters.handle', row.organizationPath))) };
}

/** The phone as typed: sealed and masked, or a 400 naming the field. undefined leaves it as stored. */
export function sealPhone(caller: Pick<Caller, 'cipher'>, phone: string | null | undefined) {
  if (phone === undefined) return {};
  if (!phone) return { phoneEnc: null, phoneMasked: null };
  const checked = normalizePhone(phone);
  if (!checked.ok) throw invalid('phone', checked.message);
  return { phoneEnc: caller.cipher.encrypt(checked.value), phoneMasked: maskPhone(checked.value) };
}

export async function createHousehold(db: Db, caller: Caller, body: CreateHousehold, options: { isDemo?: boolean } = {}): Promise<HouseholdDetail> {
  const { organizationId, phone, ...input } = CreateHouseholdSchema.parse(body);
  const sealed = sealPhone(caller, phone);
  return db.transaction(async (tx) => {
    const branch = await villageBranch(tx, caller.user, organizationId, 'households.manage');
    const id = await repo.insertHousehold(tx, {
      ...input, ...sealed, tenantId: caller.user.tenantId, organizationId: branch.id, isDemo: options.isDemo ?? false, createdBy: caller.user.id,
    });
    // The phone is never in the audit line; only whether one was given.
    await audit(tx, caller, { action: 'households.create', objectType: 'household', objectId: id, detail: { organizationId, ...input, phone: Boolean(sealed.phoneEnc) } });
    return detail(tx, caller.user, await loadHousehold(tx, caller.user, id));
  });
}

export async function updateHousehold(db: Db, caller: Caller, id: number, body: HouseholdInput): Promise<HouseholdDetail> {
  const { phone, ...input } = HouseholdInputSchema.parse(body);
  const sealed = sealPhone(caller, phone);
  return db.transaction(async (tx) => {
    const old = await loadHousehold(tx, caller.user, id);
    requirePermission(caller.user, 'households.manage', undefined, old.organizationPath);
    await repo.updateHousehold(tx, id, { ...input, ...sealed });
    await audit(tx, caller, { action: 'households.update', objectType: 'household', objectId: id, detail: {
      organizationId: old.organizationId, from: { headName: old.headName, hamlet: old.hamlet, address: old.address, people: old.people, situation: old.situation },
      to: input, phone: phone === undefined ? 'kept' : sealed.phoneEnc ? 'set' : 'cleared',
    } });
    return detail(tx, caller.user, await loadHousehold(tx, caller.user, id));
  });
}

/** The members named must be on the roster of the household's village branch (or its groups). */
export async function checkMembers(db: DbOrTx, tenantId: number, path: string, personIds: number[], field = 'personIds') {
  const roster = new Set((await repo.membersUnder(db, tenantId, path)).map((m) => m.personId));
  if (personIds.some((p) => !roster.has(p))) throw invalid(field, '所选党员不在本村党支部党员名册中');
}

/** 安排联系党员: the named members look after the household from today; those no longer named stop today (history kept). */
export async function setLinks(db: Db, caller: Caller, id: number, body: HouseholdLinks): Promise<HouseholdDetail> {
  const { personIds } = HouseholdLinksSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await loadHousehold(tx, caller.user, id);
    requirePermission(caller.user, 'households.manage', undefined, row.organizationPath);
    await checkMembers(tx, caller.user.tenantId, row.organizationPath, personIds);
    const done = await repo.setLinks(tx, { tenantId: caller.user.tenantId, organizationId: row.organizationId, householdId: id }, personIds, todayInShanghai(), caller.user.id);
    await audit(tx, caller, { action: 'households.links', objectType: 'household', objectId: id, detail: { organizationId: row.organizationId, ...done } });
    return detail(tx, caller.user, await loadHousehold(tx, caller.user, id));
  });
}
