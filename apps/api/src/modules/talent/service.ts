/**
 * 人才 registry (issue 15 point 6): the talents of the villages in the caller's scope, each a person of one village with
 * kind, tier and year, field, what they lead and the support given. The village's secretary files its own; the town
 * files any village's and sets the programme's yearly targets. Personal numbers are masked; a full one is a reasoned,
 * audited read after step-up, as for members.
 */
import {
  CreateTalentSchema, TALENT_TIER_DEFAULT_LEVELS, TALENT_TIER_SETTING, TALENT_TIERS, TalentSupportInputSchema, TalentTargetsInputSchema,
  UpdateTalentSchema, todayInShanghai, type CreateTalent, type TalentDetail, type TalentList, type TalentListQuery, type TalentProgress,
  type TalentSupportInput, type TalentTargetsInput, type UpdateTalent,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, loadWritableBranch, optionalOrganizationInScope, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { guardReveal } from '../auth/index.js';
import { settingValues } from '../settings/index.js';
import { placeSealed, sealNewPerson } from './people.js';
import * as repo from './repository.js';

/** Only a village's branch files talents: an enterprise's or an organ's branch answers as one that does not exist. */
function villageOnly<T extends { villageId: number | null }>(branch: T): T {
  if (!branch.villageId) throw notFound('村党支部');
  return branch;
}

export async function listTalents(db: Db, user: AuthUser, query: TalentListQuery): Promise<TalentList> {
  // The village named first: one outside the scope answers as one that does not exist, whoever asks.
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  requirePermission(user, 'talent.read');
  const rows = await repo.listTalents(db, user.scope, { ...query, orgPath: under?.path });
  const villages = (await repo.villageBranches(db, user.scope)).map((v) => ({ organizationId: v.organizationId, name: v.villageName ?? v.name, path: v.path }));
  const writable = villages.filter((v) => can(user, 'talent.manage', v.path));
  return {
    rows,
    villages: villages.map(({ organizationId, name }) => ({ organizationId, name })),
    can: { create: writable.length > 0, import: writable.length > 0 },
  };
}

async function loadTalent(db: DbOrTx, user: AuthUser, id: number) {
  requirePermission(user, 'talent.read');
  const row = await repo.findTalent(db, user.scope, id);
  if (!row) throw notFound('人才');
  return row;
}

async function view(db: DbOrTx, user: AuthUser, id: number): Promise<TalentDetail> {
  const { path, ...row } = await loadTalent(db, user, id);
  const edit = can(user, 'talent.manage', path);
  return { ...row, support: await repo.supportOf(db, id), can: { edit, reveal: edit } };
}

export const getTalent = (db: Db, user: AuthUser, id: number) => view(db, user, id);

export async function createTalent(db: Db, caller: Caller, body: CreateTalent): Promise<TalentDetail> {
  const input = CreateTalentSchema.parse(body);
  requirePermission(caller.user, 'talent.manage');
  return db.transaction(async (tx) => {
    const branch = villageOnly(await loadWritableBranch(tx, caller.user, input.organizationId, 'talent.manage'));
    let personId = input.personId;
    if (personId) {
      if (!(await repo.isVillagePerson(tx, branch.id, personId))) throw invalid('personId', '所选人员不是本村党员,也未在本村任过职');
      if (await repo.talentOfPerson(tx, caller.user.tenantId, personId)) throw invalid('personId', '此人已在人才名册中');
    } else {
      const sealed = sealNewPerson(caller, input.newPerson!);
      if (!sealed.ok) throw new AppError('VALIDATION', sealed.problems.map((p) => p.message).join(';'), sealed.problems.map((p) => ({ ...p, path: `newPerson.${p.path}` })));
      const placed = await placeSealed(tx, caller, branch.id, sealed.sealed, true);
      if ('error' in placed) throw invalid('newPerson.idNumber', placed.error);
      personId = placed.personId!;
    }
    const { organizationId: _o, personId: _p, newPerson: _n, ...fields } = input;
    const id = await repo.insertTalent(tx, { ...fields, tenantId: caller.user.tenantId, organizationId: branch.id, personId, createdBy: caller.user.id });
    if (!id) throw invalid('personId', '此人已在人才名册中');
    await audit(tx, caller, { action: 'talent.create', objectType: 'talent', objectId: id, detail: { organizationId: branch.id, kind: input.kind, tier: input.tier } });
    return view(tx, caller.user, id);
  });
}

async function writableTalent(tx: DbOrTx, user: AuthUser, id: number) {
  const row = await loadTalent(tx, user, id);
  requirePermission(user, 'talent.manage', undefined, row.path);
  return row;
}

export async function updateTalent(db: Db, caller: Caller, id: number, body: UpdateTalent): Promise<TalentDetail> {
  const input = UpdateTalentSchema.parse(body);
  return db.transaction(async (tx) => {
    await writableTalent(tx, caller.user, id);
    await repo.updateTalent(tx, id, input);
    // Field names only: the audit trail is not a second copy of the registry.
    await audit(tx, caller, { action: 'talent.update', objectType: 'talent', objectId: id, detail: { fields: Object.keys(body) } });
    return view(tx, caller.user, id);
  });
}

export async function addSupport(db: Db, caller: Caller, id: number, body: TalentSupportInput): Promise<TalentDetail> {
  const input = TalentSupportInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const row = await writableTalent(tx, caller.user, id);
    const supportId = await repo.insertSupport(tx, { ...input, tenantId: caller.user.tenantId, organizationId: row.organizationId, talentId: id, createdBy: caller.user.id });
    await audit(tx, caller, { action: 'talent.support', objectType: 'talent', objectId: id, detail: { supportId, givenOn: input.givenOn, amountFen: input.amountFen } });
    return view(tx, caller.user, id);
  });
}

/** Showing a talent's full 身份证号 or phone: reasoned, audited, after step-up (as for members). */
export async function revealField(db: Db, caller: Caller, id: number, body: { field: 'idNumber' | 'phone'; reason: string }) {
  const reveal = { action: 'talent.reveal', objectType: 'talent', objectId: id } as const;
  const row = await loadTalent(db, caller.user, id);
  await guardReveal(db, caller, reveal, body.field, { allowed: can(caller.user, 'talent.manage', row.path), denied: '只有镇党委管理员和本村党支部书记可以查看完整号码' });
  return db.transaction(async (tx) => {
    const sealed = await repo.sealedOf(tx, row.personId);
    const enc = body.field === 'idNumber' ? sealed.idNumberEnc : sealed.phoneEnc;
    await audit(tx, caller, { ...reveal, detail: { field: body.field, reason: body.reason } });
    return { field: body.field, value: enc ? caller.cipher.decrypt(enc) : null };
  });
}

/** Progress of a year against the town's targets: counts in the caller's scope, from the database; no ranking. */
export async function getProgress(db: Db, user: AuthUser, year = Number(todayInShanghai().slice(0, 4))): Promise<TalentProgress> {
  requirePermission(user, 'talent.read');
  const counts = await repo.progressCounts(db, user.scope, year);
  const entered = await repo.targetsOf(db, user.tenantId, year);
  const defaults = await settingValues(db, user.tenantId, TALENT_TIERS.map((t) => TALENT_TIER_SETTING[t]));
  const tiers = TALENT_TIERS.map((tier) => {
    const own = entered.find((e) => e.tier === tier);
    return {
      tier, selected: counts.tiers.get(tier) ?? 0,
      target: own?.target ?? Number(defaults[TALENT_TIER_SETTING[tier]]), level: own?.level ?? TALENT_TIER_DEFAULT_LEVELS[tier],
      source: own ? 'town' as const : 'setting' as const,
    };
  });
  const total = counts.kinds.reduce((n, k) => n + k.total, 0);
  return { year, tiers, kinds: counts.kinds, total, can: { editTargets: can(user, 'talent.targets') } };
}

export async function setTargets(db: Db, caller: Caller, year: number, body: TalentTargetsInput): Promise<TalentProgress> {
  const input = TalentTargetsInputSchema.parse(body);
  requirePermission(caller.user, 'talent.targets');
  await db.transaction(async (tx) => {
    for (const t of input.targets) await repo.upsertTarget(tx, { ...t, tenantId: caller.user.tenantId, year, updatedBy: caller.user.id });
    await audit(tx, caller, { action: 'talent.targets', objectType: 'tenant', objectId: caller.user.tenantId, detail: { year, targets: input.targets } });
  });
  return getProgress(db, caller.user, year);
}
