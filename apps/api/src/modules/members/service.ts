import type { Member, MemberDetail, MemberList, MemberListQuery, UpdateMember } from '@dj/contracts';
import { addMonths, CreateMemberSchema, MemberListQuerySchema, todayInShanghai } from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { can, requirePermission, isSelfOnly, audit, findOrganizationInScope, loadOrganizationInScope, optionalOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { initialEvents, refreshMembershipCache } from './events.js';
import { checkMembershipDates, completeness, sealPerson, type FieldProblem } from './profile.js';
import * as repo from './repository.js';
import { partyYears } from './rules/membership-status.js';
import { settingValue } from '../settings/index.js';
import { guardReveal } from '../auth/index.js';

type Row = repo.MemberRow;
type CreateMember = z.infer<typeof CreateMemberSchema>;

const rejected = (problems: FieldProblem[]) =>
  new AppError('VALIDATION', problems.map((p) => p.message).join(';'), problems);



export function toMember(row: Row, today = todayInShanghai()): Member {
  return {
    id: row.id, name: row.name, gender: row.gender, ethnicity: row.ethnicity, birthDate: row.birthDate,
    idNumberMasked: row.idNumberMasked, phoneMasked: row.phoneMasked, nativePlace: row.nativePlace,
    education: row.education as Member['education'], joinedAt: row.joinedAt, confirmedAt: row.confirmedAt, confirmedDateUnknown: row.standing === 'full' && !row.confirmedAt,
    partyYears: partyYears(row.confirmedAt, today), standing: row.standing, membershipStatus: row.membershipStatus,
    isMobile: row.isMobile, organizationId: row.organizationId, organizationName: row.organizationName,
    groupId: row.groupId, groupName: row.groupName, partyPosts: row.partyPosts as Member['partyPosts'],
    occupation: row.occupation as Member['occupation'], workUnit: row.workUnit, address: row.address, hamlet: row.hamlet,
    isVillageCadre: row.isVillageCadre, isHardship: row.isHardship, completeness: completeness(row).percent, isDemo: row.isDemo,
  };
}

/** A member inside the scope (a plain 党员: only themselves), or 404. Every members service loads through this. */
export async function loadMember(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  const row = await repo.findById(db, user.scope, id);
  if (!row || (isSelfOnly(user) && row.personId !== user.personId)) throw notFound('党员');
  return row;
}

export async function listMembers(db: Db, user: AuthUser, raw: MemberListQuery, cipher: FieldCipher): Promise<MemberList> {
  const query = MemberListQuerySchema.parse(raw);
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  const q = query.q?.replace(/\s+/g, '');
  const today = todayInShanghai();
  const filter: repo.MemberFilter = { under, range: query.range, filter: query.filter, today };
  if (query.filter === 'unreachable') filter.unreachableBefore = addMonths(today, -(await settingValue(db, user.tenantId, 'flow.unreachableMonths')));
  if (q && /^\d{17}[\dXx]$/.test(q)) filter.idNumberHashes = cipher.lookupHashes(q.toUpperCase());
  else if (q && /^\d{3}[\dXx]$/.test(q)) filter.idSuffix = q.toUpperCase();
  else if (q) filter.name = q;
  if (isSelfOnly(user)) {
    if (!user.personId) return { items: [], total: 0, totalIsEstimate: false, page: query.page, pageSize: query.pageSize };
    filter.personId = user.personId;
  }
  const { items, total, totalIsEstimate } = await repo.list(db, user.scope, filter, query.page, query.pageSize);
  // The day read once for the page: per row it was 28–31 % of the list's CPU at city scale (issue 14).
  return { items: items.map((r) => toMember(r, today)), total, totalIsEstimate, page: query.page, pageSize: query.pageSize };
}

export async function getMember(db: DbOrTx, user: AuthUser, id: number): Promise<MemberDetail> {
  const row = await loadMember(db, user, id);
  const events = await repo.listEvents(db, id);
  const manage = can(user, 'members.manage', row.organizationPath);
  return {
    ...toMember(row),
    events: events.map((e) => ({ ...e, kind: e.kind as MemberDetail['events'][number]['kind'] })),
    missingFields: completeness(row).missing,
    can: { edit: manage, reveal: manage, recordEvent: manage },
  };
}

/** The branch (and optional party group inside it) a member is filed under. */
export async function resolvePlacement(db: DbOrTx, user: AuthUser, organizationId: number, groupId: number | null | undefined) {
  const branch = await loadOrganizationInScope(db, user, organizationId);
  if (branch.kind !== 'branch') throw rejected([{ path: 'organizationId', message: '党员应编入党支部,请选择党支部而不是党委、党总支或党小组' }]);
  if (groupId) {
    const group = await findOrganizationInScope(db, user, groupId);
    if (!group || group.kind !== 'group' || group.parentId !== branch.id) throw rejected([{ path: 'groupId', message: '党小组不属于所选党支部' }]);
  }
  return branch;
}

export async function createMember(db: Db, caller: Caller, input: CreateMember): Promise<MemberDetail> {
  const { user, ip, cipher } = caller;
  return db.transaction(async (tx) => {
    const branch = await resolvePlacement(tx, user, input.organizationId, input.groupId);
    if (!can(user, 'members.manage', branch.path)) throw forbidden('只有镇党委管理员和本支部书记可以登记党员');
    const today = todayInShanghai();
    const sealed = sealPerson(cipher, input);
    const problems = [...(sealed.ok ? [] : sealed.problems), ...checkMembershipDates(input, today)];
    if (!sealed.ok || problems.length) throw rejected(problems);
    const existing = await repo.findPersonByIdHash(tx, user.tenantId, sealed.columns.idNumberHash);
    // Say only that the number is taken: where, and under which name, may be outside this user's scope.
    if (existing) throw new AppError('CONFLICT', '该身份证号已在本镇登记,请勿重复录入', [{ path: 'idNumber', message: '身份证号已登记' }]);
    const personId = await repo.insertPerson(tx, { tenantId: user.tenantId, ...sealed.columns });
    const id = await repo.insertMember(tx, {
      tenantId: user.tenantId, personId, organizationId: branch.id, groupId: input.groupId ?? null, joinedAt: input.joinedAt,
      confirmedAt: input.confirmedAt ?? null, standing: input.confirmedAt || input.confirmedDateUnknown ? 'full' : 'probationary', partyPosts: input.partyPosts,
      isVillageCadre: input.isVillageCadre, isHardship: input.isHardship,
    });
    await repo.insertEvents(tx, initialEvents(user, id, branch.id, input));
    await refreshMembershipCache(tx, id, today);
    await audit(tx, { user, ip }, { action: 'member.create', objectType: 'member', objectId: id, detail: { organizationId: branch.id } });
    return getMember(tx, user, id);
  });
}

export async function updateMember(db: Db, caller: Caller, id: number, input: UpdateMember): Promise<MemberDetail> {
  const { user, ip, cipher } = caller;
  return db.transaction(async (tx) => {
    const row = await loadMember(tx, user, id);
    if (!can(user, 'members.manage', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以修改党员信息');
    if (input.groupId !== undefined) await resolvePlacement(tx, user, row.organizationId, input.groupId);
    const sealedNow = await repo.findSealed(tx, row.personId);
    const merged = {
      name: input.name ?? row.name, gender: input.gender ?? row.gender, ethnicity: input.ethnicity ?? row.ethnicity,
      birthDate: input.birthDate ?? row.birthDate,
      idNumber: input.idNumber ?? cipher.decrypt(sealedNow.idNumberEnc),
      phone: input.phone !== undefined ? input.phone : sealedNow.phoneEnc ? cipher.decrypt(sealedNow.phoneEnc) : null,
      nativePlace: input.nativePlace !== undefined ? input.nativePlace : row.nativePlace,
      education: (input.education !== undefined ? input.education : row.education) as CreateMember['education'],
      occupation: (input.occupation !== undefined ? input.occupation : row.occupation) as CreateMember['occupation'],
      workUnit: input.workUnit !== undefined ? input.workUnit : row.workUnit,
      address: input.address !== undefined ? input.address : row.address,
      hamlet: input.hamlet !== undefined ? input.hamlet : row.hamlet,
    };
    const sealed = sealPerson(cipher, merged);
    const problems = [...(sealed.ok ? [] : sealed.problems), ...checkMembershipDates({ ...merged, joinedAt: row.joinedAt, confirmedAt: row.confirmedAt }, todayInShanghai())];
    if (!sealed.ok || problems.length) throw rejected(problems);
    const other = await repo.findPersonByIdHash(tx, user.tenantId, sealed.columns.idNumberHash);
    if (other && other.personId !== row.personId) throw new AppError('CONFLICT', '该身份证号已在本镇登记', [{ path: 'idNumber', message: '身份证号已登记' }]);
    await repo.updatePerson(tx, row.personId, sealed.columns);
    await repo.updateMember(tx, id, {
      ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
      ...(input.partyPosts !== undefined ? { partyPosts: input.partyPosts } : {}),
      ...(input.isVillageCadre !== undefined ? { isVillageCadre: input.isVillageCadre } : {}),
      ...(input.isHardship !== undefined ? { isHardship: input.isHardship } : {}),
    });
    // Field names only: the audit trail must not become a second copy of personal data.
    await audit(tx, { user, ip }, { action: 'member.update', objectType: 'member', objectId: id, detail: { fields: Object.keys(input) } });
    return getMember(tx, user, id);
  });
}

/** Showing a full 身份证号 or phone is a deliberate, reasoned and audited act. */
export async function revealField(db: Db, caller: Caller, id: number, body: { field: 'idNumber' | 'phone'; reason: string }) {
  const { user, cipher } = caller;
  const reveal = { action: 'member.reveal', objectType: 'member', objectId: id } as const;
  const row = await loadMember(db, user, id);
  await guardReveal(db, caller, reveal, body.field, { allowed: can(user, 'members.manage', row.organizationPath), denied: '只有镇党委管理员和本支部书记可以查看完整号码' });
  return db.transaction(async (tx) => {
    const sealed = await repo.findSealed(tx, row.personId);
    const enc = body.field === 'idNumber' ? sealed.idNumberEnc : sealed.phoneEnc;
    await audit(tx, caller, { ...reveal, detail: { field: body.field, reason: body.reason } });
    return { field: body.field, value: enc ? cipher.decrypt(enc) : null };
  });
}

/** Completeness per branch in scope: the average, how many records are incomplete, and what is missing most. */
export async function branchCompleteness(db: Db, user: AuthUser, orgId?: number) {
  const under = await optionalOrganizationInScope(db, user, orgId);
  requirePermission(user, 'branch.browse', '党员本人请在个人页面查看');
  const rows = await repo.listAll(db, user.scope, { under, range: 'subtree', filter: 'all', today: todayInShanghai() }, 20_000);
  type Tally = { name: string; percents: number[]; missing: Map<string, number> };
  const byBranch = new Map<number, Tally>();
  for (const r of rows) {
    const entry: Tally = byBranch.get(r.organizationId) ?? { name: r.organizationName, percents: [], missing: new Map<string, number>() };
    const c = completeness(r);
    entry.percents.push(c.percent);
    for (const f of c.missing) entry.missing.set(f, (entry.missing.get(f) ?? 0) + 1);
    byBranch.set(r.organizationId, entry);
  }
  return {
    items: [...byBranch.entries()].map(([organizationId, e]) => ({
      organizationId, organizationName: e.name, members: e.percents.length,
      averagePercent: Math.round(e.percents.reduce((a, b) => a + b, 0) / e.percents.length),
      incomplete: e.percents.filter((p) => p < 100).length,
      mostMissing: [...e.missing.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([field, count]) => ({ field, count })),
    })),
  };
}
