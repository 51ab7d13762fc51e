/**
 * A town (tenant) with its top party organisation and first town admin, and sign-in accounts inside it: the one
 * place that writes them, used by `npm run tenant:create` and by the test factories (test/factories.ts).
 */
import type { Role, TenantKind } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../lib/audit/index.js';
import { invalid } from '../../lib/errors.js';
import { ensureDefaultTemplates } from '../activities/index.js';
import { ensureExampleSchemes } from '../assessment/index.js';
import * as repo from './tenants-repository.js';

export interface NewAccount {
  tenantId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  /** Each role at its organisation (the account sees those subtrees and may do there what the role may). */
  grants: { role: Role; organizationId: number }[];
  personId?: number | null;
}

export async function createAccount(tx: DbOrTx, account: NewAccount): Promise<number> {
  return repo.insertUser(tx, {
    tenantId: account.tenantId, username: account.username.toLowerCase(), displayName: account.displayName,
    passwordHash: account.passwordHash, personId: account.personId ?? null,
  }, account.grants);
}

export interface NewTenant {
  /** 'town' (the default) or 'district' (区级: holds towns; its first account is a 区委组织部 account). */
  kind?: TenantKind;
  /** The district (its division code) a new town belongs to. */
  districtCode?: string;
  code: string;
  name: string;
  committeeName: string;
  admin: { username: string; passwordHash: string };
  /** 行政村 (code, name) the town's branches may belong to. */
  villages?: { code: string; name: string }[];
}

/** The district a town joins, by its division code: it must exist and be a district. */
async function districtByCode(tx: DbOrTx, code: string): Promise<number> {
  const district = await repo.findTenantByCode(tx, code);
  if (!district || district.kind !== 'district') throw invalid('district', `区划代码 ${code} 不是已建立的区(县):请先用 --kind district 建立该区`);
  return district.id;
}

/**
 * Call inside a transaction: the town, its 党委, its admin, the default checklist templates and the example assessment
 * schemes appear together. A district (kind 'district') gets its root organisation (区委组织部) and its first
 * 区委组织部 account instead: it keeps no templates or schemes, its towns do.
 */
export async function createTenant(tx: DbOrTx, input: NewTenant) {
  const kind = input.kind ?? 'town';
  if (kind === 'district' && input.districtCode) throw invalid('district', '区(县)不属于其他区:--kind district 不能与 --district 同用');
  const districtId = input.districtCode ? await districtByCode(tx, input.districtCode) : null;
  const tenantId = await repo.insertTenant(tx, { code: input.code, name: input.name, kind, districtId });
  const committeeId = await repo.insertRootOrganization(tx, { tenantId, name: input.committeeName, kind: 'committee', sector: 'government' });
  const adminId = await createAccount(tx, {
    tenantId, username: input.admin.username, displayName: kind === 'district' ? `${input.name}区委组织部` : `${input.name}管理员`,
    passwordHash: input.admin.passwordHash,
    grants: [{ role: kind === 'district' ? 'district_viewer' : 'town_admin', organizationId: committeeId }],
  });
  const villageIds = kind === 'town' ? await repo.insertVillages(tx, (input.villages ?? []).map((v) => ({ tenantId, ...v }))) : [];
  if (kind === 'town') {
    await ensureDefaultTemplates(tx, tenantId);
    await ensureExampleSchemes(tx, tenantId);
  }
  await recordAudit(tx, { tenantId, action: 'tenant.create', objectType: 'tenant', objectId: tenantId, result: 'ok', detail: { admin: input.admin.username.toLowerCase(), kind, districtId } });
  return { tenantId, committeeId, adminId, villageIds, districtId };
}

/**
 * Puts an existing town into a district (`npm run tenant:create -- --attach --code <town> --district <district>`), or
 * moves it to another one. Audited in the town's and the district's trails alike.
 */
export async function attachTownToDistrict(tx: DbOrTx, townCode: string, districtCode: string) {
  const town = await repo.findTenantByCode(tx, townCode);
  if (!town || town.kind !== 'town') throw invalid('code', `区划代码 ${townCode} 不是已建立的乡镇`);
  const districtId = await districtByCode(tx, districtCode);
  await repo.setTenantDistrict(tx, town.id, districtId);
  const detail = { town: town.code, district: districtCode, before: town.districtId };
  for (const tenantId of [town.id, districtId]) {
    await recordAudit(tx, { tenantId, action: 'tenant.attachToDistrict', objectType: 'tenant', objectId: town.id, result: 'ok', detail });
  }
  return { tenantId: town.id, name: town.name, districtId, towns: await repo.countTownsOfDistrict(tx, districtId) };
}

/** A tenant's id, code, name and kind (the district module asks whether the caller's tenant is a district). */
export const tenantOf = (db: DbOrTx, id: number) => repo.findTenant(db, id);

/** The towns of a district with their root organisations, by division code (see the repository on why across tenants). */
export const townsOfDistrict = (db: DbOrTx, districtId: number) => repo.townsOfDistrict(db, districtId);
export type { TownRoot } from './tenants-repository.js';
/** The districts that hold towns: the 驾驶舱快照 job refreshes their towns only. */
export const districtsWithTowns = (db: DbOrTx) => repo.districtsWithTowns(db);
