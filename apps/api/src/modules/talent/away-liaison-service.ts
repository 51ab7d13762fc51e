/**
 * Liaison organisations of 在外人才 (the article: 通过与劳动就业部门、驻外流动党组织联系): the town's (owned by its 党委)
 * or a village's, with a contact person whose phone is sealed, and the people away each keeps in touch with.
 */
import {
  AwayCoverageSchema, CreateAwayLiaisonSchema, maskPhone, normalizePhone,
  type AwayCoverage, type AwayLiaison, type AwayLiaisonList, type CreateAwayLiaison,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, loadOrganizationInScope, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { guardReveal } from '../auth/index.js';
import { awayIdsUnder, setCoverage } from './away-repository.js';
import * as repo from './away-liaison-repository.js';

export async function listLiaisons(db: Db, user: AuthUser, orgId?: number): Promise<AwayLiaisonList> {
  const under = await optionalOrganizationInScope(db, user, orgId);
  requirePermission(user, 'talentAway.read');
  const rows = await repo.liaisonsIn(db, user.scope, under?.path);
  return { items: rows.map(({ organizationPath: _, ...r }) => r), can: { record: can(user, 'talentAway.record', under?.path) } };
}

async function loadLiaison(db: DbOrTx, user: AuthUser, id: number) {
  const [row] = isSelfOnly(user) ? [] : await repo.liaisonsIn(db, user.scope, undefined, id);
  if (!row) throw notFound('联络组织');
  return row;
}

const out = ({ organizationPath: _, ...r }: Awaited<ReturnType<typeof loadLiaison>>): AwayLiaison => r;

/** The people away named must lie under the liaison's organisation and in the caller's sight; otherwise 400 naming them. */
async function covered(tx: DbOrTx, user: AuthUser, path: string, ids: number[]) {
  const unique = [...new Set(ids)];
  const found = await awayIdsUnder(tx, user.scope, path, unique);
  if (found.length !== unique.length) throw invalid('coveredIds', '所选在外人员不属于该组织所辖的村');
  return found;
}

export async function createLiaison(db: Db, caller: Caller, body: CreateAwayLiaison): Promise<AwayLiaison> {
  const input = CreateAwayLiaisonSchema.parse(body);
  let phone: string | null = null;
  if (input.contactPhone) {
    const checked = normalizePhone(input.contactPhone);
    if (!checked.ok) throw invalid('contactPhone', checked.message);
    phone = checked.value;
  }
  return db.transaction(async (tx) => {
    const org = isSelfOnly(caller.user) ? undefined : await loadOrganizationInScope(tx, caller.user, input.organizationId);
    if (!org) throw notFound('组织');
    requirePermission(caller.user, 'talentAway.record', undefined, org.path);
    const people = await covered(tx, caller.user, org.path, input.coveredIds);
    const { coveredIds: _c, contactPhone: _p, ...fields } = input;
    const id = await repo.insertLiaison(tx, {
      ...fields, tenantId: caller.user.tenantId, createdBy: caller.user.id,
      contactPhoneEnc: phone ? caller.cipher.encrypt(phone) : null, contactPhoneMasked: phone ? maskPhone(phone) : null,
    });
    await setCoverage(tx, caller.user.tenantId, id, people);
    await audit(tx, caller, { action: 'talentAway.liaison.create', objectType: 'away_liaison', objectId: id, detail: { organizationId: org.id, covered: people.length } });
    return out(await loadLiaison(tx, caller.user, id));
  });
}

export async function updateCoverage(db: Db, caller: Caller, id: number, body: AwayCoverage): Promise<AwayLiaison> {
  const input = AwayCoverageSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await loadLiaison(tx, caller.user, id);
    requirePermission(caller.user, 'talentAway.record', undefined, row.organizationPath);
    const people = await covered(tx, caller.user, row.organizationPath, input.coveredIds);
    await setCoverage(tx, caller.user.tenantId, id, people);
    await audit(tx, caller, { action: 'talentAway.liaison.coverage', objectType: 'away_liaison', objectId: id, detail: { covered: people.length } });
    return out(await loadLiaison(tx, caller.user, id));
  });
}

/** The liaison contact's full phone: as a member's, writers only, stepped up, every try audited. */
export async function revealLiaisonPhone(db: Db, caller: Caller, id: number, reason: string) {
  const entry = { action: 'talentAway.liaison.reveal', objectType: 'away_liaison', objectId: id } as const;
  const row = await loadLiaison(db, caller.user, id);
  await guardReveal(db, caller, entry, 'phone', { allowed: can(caller.user, 'talentAway.record', row.organizationPath), denied: '只有镇党委管理员和本村党支部书记可以查看完整号码' });
  return db.transaction(async (tx) => {
    const enc = await repo.sealedContactPhone(tx, id);
    await audit(tx, caller, { ...entry, detail: { field: 'phone', reason } });
    return { value: enc ? caller.cipher.decrypt(enc) : null };
  });
}
