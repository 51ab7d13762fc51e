/**
 * 村企合作 (issue 18 point 3): a village's agreements with enterprises and parks. The town (economy.enter at the town)
 * and the village's secretary (economy.enter at the branch) keep them; every reader of 集体经济 (economy.read) sees the
 * villages of their scope. The village is named first and checked for scope (404) before any permission (403).
 */
import {
  PARTNERSHIP_DUE_SETTING, PartnershipCreateSchema, PartnershipUpdateSchema, PartnershipYearsInputSchema, partnershipDueState, todayInShanghai,
  type PartnershipCreate, type PartnershipDetail, type PartnershipList, type PartnershipSummary, type PartnershipUpdate, type PartnershipYearsInput,
} from '@dj/contracts';
import { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadOrganizationInScope, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { settingDefinition, settingValue } from '../settings/index.js';
import * as repo from './partnerships-repository.js';
import { villageBranches } from './repository.js';
import { loadVillage } from './service.js';

const thisYearOf = (today: string) => Number(today.slice(0, 4));

/** A partnership whose village is in the caller's scope, or 404 (another village's looks nonexistent). */
export async function loadPartnership(db: DbOrTx, user: AuthUser, id: number) {
  // A plain 党员 sees no village's records, as for the income (loadBranchInScope).
  const row = isSelfOnly(user) ? undefined : await repo.findPartnership(db, user.scope, id);
  if (!row) throw notFound('村企合作');
  return row;
}

type Found = NonNullable<Awaited<ReturnType<typeof repo.findPartnership>>>;
type Year = Awaited<ReturnType<typeof repo.yearsOf>>[number];

function summaryOf(row: Omit<Found, 'terms' | 'partnerBranchName'>, years: Year[], today: string, days: number): PartnershipSummary {
  const { path: _path, ...rest } = row;
  const current = years.find((y) => y.partnershipId === row.id && y.year === thisYearOf(today));
  return {
    ...rest, due: partnershipDueState(row, today, days),
    thisYear: current ? { year: current.year, plannedFen: current.plannedFen, receivedFen: current.receivedFen, note: current.note } : null,
  };
}

export async function listPartnerships(db: Db, user: AuthUser, orgId?: number): Promise<PartnershipList> {
  const under = await optionalOrganizationInScope(db, user, orgId);
  requirePermission(user, 'economy.read');
  const today = todayInShanghai();
  const days = await settingValue(db, user.tenantId, PARTNERSHIP_DUE_SETTING);
  const rows = await repo.partnershipsIn(db, user.scope, under?.path);
  const years = await repo.yearsOf(db, rows.map((r) => r.id));
  const villages = (await villageBranches(db, user.scope)).filter((v) => can(user, 'economy.enter', v.path));
  return {
    items: rows.map((r) => summaryOf(r, years, today, days)), dueDays: days, dueSource: settingDefinition(PARTNERSHIP_DUE_SETTING)?.source ?? '',
    villages: villages.map((v) => ({ organizationId: v.organizationId, villageName: v.villageName ?? v.name })),
  };
}

export async function viewPartnership(db: DbOrTx, user: AuthUser, row: Found): Promise<PartnershipDetail> {
  const today = todayInShanghai();
  const days = await settingValue(db, user.tenantId, PARTNERSHIP_DUE_SETTING);
  const years = await repo.yearsOf(db, [row.id]);
  const { terms, partnerBranchName, ...summary } = row;
  return {
    ...summaryOf(summary, years, today, days), terms, partnerBranchName,
    linkedOrgs: await repo.linkedOrgsOf(db, row.id),
    years: years.map(({ partnershipId: _id, ...y }) => y),
    agreementFiles: await repo.filesOf(db, row.id),
    can: { edit: can(user, 'economy.enter', row.path) },
  };
}

export async function getPartnership(db: Db, user: AuthUser, id: number): Promise<PartnershipDetail> {
  const row = await loadPartnership(db, user, id);
  requirePermission(user, 'economy.read');
  return viewPartnership(db, user, row);
}

/** The 联建 organisations must lie in the caller's scope (404 as for any id the caller cannot see); the village's own branch is implied. */
async function checkLinkedOrgs(db: DbOrTx, user: AuthUser, villageOrgId: number, ids: number[]) {
  const unique = [...new Set(ids)].filter((id) => id !== villageOrgId);
  for (const id of unique) await loadOrganizationInScope(db, user, id, '联建党组织');
  return unique;
}

type Fields = z.output<typeof PartnershipUpdateSchema>;
const columnsOf = ({ linkedOrgIds: _l, ...c }: Fields): repo.PartnershipColumns => c;

/**
 * Creates a partnership for a village (the route, and the demo through the module's index): the village must be in the
 * caller's scope, then the caller must enter that village's economy.
 */
export async function createPartnership(db: Db, caller: Caller, body: PartnershipCreate): Promise<PartnershipDetail> {
  const { organizationId, ...fields } = PartnershipCreateSchema.parse(body);
  return db.transaction(async (tx) => {
    const village = await loadVillage(tx, caller.user, organizationId);
    requirePermission(caller.user, 'economy.enter', '只有镇党委管理员和本村党支部书记可以登记村企合作', village.path);
    const linked = await checkLinkedOrgs(tx, caller.user, village.id, fields.linkedOrgIds);
    const id = await repo.insertPartnership(tx, { ...columnsOf(fields), tenantId: caller.user.tenantId, organizationId, createdBy: caller.user.id });
    await repo.setLinkedOrgs(tx, { tenantId: caller.user.tenantId, organizationId, partnershipId: id }, linked);
    await audit(tx, caller, { action: 'economy.partnership.create', objectType: 'economy_partnership', objectId: id, detail: { organizationId, ...fields, linkedOrgIds: linked } });
    return viewPartnership(tx, caller.user, await loadPartnership(tx, caller.user, id));
  });
}

/** Loads the partnership in scope (404), then requires economy.enter at its village (403). */
export async function writable(tx: DbOrTx, user: AuthUser, id: number) {
  const row = await loadPartnership(tx, user, id);
  requirePermission(user, 'economy.enter', '只有镇党委管理员和本村党支部书记可以修改村企合作', row.path);
  return row;
}

export async function updatePartnership(db: Db, caller: Caller, id: number, body: PartnershipUpdate): Promise<PartnershipDetail> {
  const fields = PartnershipUpdateSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    const linked = await checkLinkedOrgs(tx, caller.user, row.organizationId, fields.linkedOrgIds);
    await repo.updatePartnership(tx, id, columnsOf(fields));
    await repo.setLinkedOrgs(tx, { tenantId: caller.user.tenantId, organizationId: row.organizationId, partnershipId: id }, linked);
    const before = { status: row.status, startsOn: row.startsOn, endsOn: row.endsOn, incomeSource: row.incomeSource };
    await audit(tx, caller, { action: 'economy.partnership.update', objectType: 'economy_partnership', objectId: id, detail: { organizationId: row.organizationId, before, after: { ...fields, linkedOrgIds: linked } } });
    return viewPartnership(tx, caller.user, await loadPartnership(tx, caller.user, id));
  });
}

/** Replaces the yearly planned/received rows in one transaction. */
export async function setPartnershipYears(db: Db, caller: Caller, id: number, body: PartnershipYearsInput): Promise<PartnershipDetail> {
  const { years } = PartnershipYearsInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await writable(tx, caller.user, id);
    const sorted = [...years].sort((a, b) => a.year - b.year);
    await repo.setYears(tx, { tenantId: caller.user.tenantId, organizationId: row.organizationId, partnershipId: id }, sorted);
    await audit(tx, caller, { action: 'economy.partnership.years', objectType: 'economy_partnership', objectId: id, detail: { organizationId: row.organizationId, years: sorted } });
    return viewPartnership(tx, caller.user, await loadPartnership(tx, caller.user, id));
  });
}
