import { and, eq, inArray, sql } from 'drizzle-orm';
import type { MemberProfile } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { scopeFilter, type Scope } from '../../db/scope.js';
import { members, membershipEvents, organizations, persons } from '../../db/schema/index.js';
import type { AuthUser } from '../../lib/access/index.js';
import type { SealedPerson } from './profile.js';
import type { deriveMembership } from './rules/membership-status.js';

/** PostgreSQL takes at most 65,535 parameters a statement: insert in slices well below that. */
const CHUNK = 1000;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

const currentColumns = {
  idNumberHash: persons.idNumberHash, personId: persons.id, memberId: members.id, organizationId: members.organizationId,
  organizationName: organizations.name, organizationPath: organizations.path, groupId: members.groupId,
  name: persons.name, gender: persons.gender, ethnicity: persons.ethnicity, birthDate: persons.birthDate, phoneHash: persons.phoneHash,
  nativePlace: persons.nativePlace, education: persons.education, occupation: persons.occupation, workUnit: persons.workUnit,
  address: persons.address, hamlet: persons.hamlet, partyPosts: members.partyPosts, isVillageCadre: members.isVillageCadre, isHardship: members.isHardship,
};
export type CurrentRecord = { [K in keyof typeof currentColumns]: (typeof currentColumns)[K]['_']['data'] | null } & {
  /** Whether the person's membership lies inside the importing user's scope (decided in the query). */
  inScope: boolean;
};

/** Existing persons of the tenant (and their membership, if any) by keyed ID-number hash, each marked in or out of the scope. */
export async function findByIdHashes(db: DbOrTx, scope: Scope, hashes: string[]): Promise<Map<string, CurrentRecord>> {
  const out = new Map<string, CurrentRecord>();
  for (const slice of chunks(hashes)) {
    if (!slice.length) continue;
    const inScope = sql<boolean>`coalesce(${scopeFilter(organizations, scope)}, false)`;
    const rows = await db.select({ ...currentColumns, inScope }).from(persons)
      .leftJoin(members, eq(members.personId, persons.id))
      .leftJoin(organizations, eq(organizations.id, members.organizationId))
      .where(and(eq(persons.tenantId, scope.tenantId), inArray(persons.idNumberHash, slice)));
    for (const r of rows) out.set(r.idNumberHash, r as CurrentRecord);
  }
  return out;
}

/** Profile fields an import may change; a column missing from the file leaves its field as it is. */
const PERSON_FIELDS = ['name', 'gender', 'ethnicity', 'birthDate', 'nativePlace', 'education', 'occupation', 'workUnit', 'address', 'hamlet'] as const;
const MEMBER_FIELDS = ['partyPosts', 'isVillageCadre', 'isHardship'] as const;

/** The persons/members columns an imported row would change, limited to the columns the file has. */
export function importChanges(cur: CurrentRecord, sealed: SealedPerson, p: MemberProfile, present: Set<string>) {
  const person: Partial<SealedPerson> = {};
  const member: { groupId?: number | null; partyPosts?: string[]; isVillageCadre?: boolean; isHardship?: boolean } = {};
  for (const f of PERSON_FIELDS) if (present.has(f) && (cur[f] ?? null) !== (sealed[f] ?? null)) Object.assign(person, { [f]: sealed[f] });
  if (present.has('phone') && (cur.phoneHash ?? null) !== (sealed.phoneHash ?? null)) {
    Object.assign(person, { phoneEnc: sealed.phoneEnc, phoneHash: sealed.phoneHash, phoneMasked: sealed.phoneMasked });
  }
  if (present.has('groupName') && (cur.groupId ?? null) !== (p.groupId ?? null)) member.groupId = p.groupId ?? null;
  for (const f of MEMBER_FIELDS) {
    if (!present.has(f)) continue;
    const same = f === 'partyPosts' ? [...(cur.partyPosts ?? [])].sort().join() === [...p.partyPosts].sort().join() : cur[f] === p[f];
    if (!same) Object.assign(member, { [f]: p[f] });
  }
  return { person, member, changed: Object.keys(person).length + Object.keys(member).length > 0 };
}

export interface NewMember {
  sealed: SealedPerson;
  profile: MemberProfile;
  derived: ReturnType<typeof deriveMembership>;
  events: { kind: 'admitted' | 'confirmed'; occurredOn: string; dateUnknown?: boolean }[];
}

export async function insertMembers(tx: DbOrTx, user: AuthUser, list: NewMember[]): Promise<void> {
  for (const slice of chunks(list)) {
    const personIds = await tx.insert(persons).values(slice.map((m) => ({ tenantId: user.tenantId, ...m.sealed })))
      .returning({ id: persons.id });
    const memberIds = await tx.insert(members).values(slice.map((m, i) => ({
      tenantId: user.tenantId, personId: personIds[i].id, organizationId: m.profile.organizationId, groupId: m.profile.groupId ?? null,
      joinedAt: m.profile.joinedAt, confirmedAt: m.derived.confirmedOn, standing: m.derived.standing, membershipStatus: m.derived.status,
      isMobile: m.derived.isMobile, probationEndsOn: m.derived.probationEndsOn, partyPosts: m.profile.partyPosts,
      isVillageCadre: m.profile.isVillageCadre, isHardship: m.profile.isHardship,
    }))).returning({ id: members.id });
    const events = slice.flatMap((m, i) => m.events.map((e) => ({
      tenantId: user.tenantId, memberId: memberIds[i].id, kind: e.kind, occurredOn: e.occurredOn, dateUnknown: e.dateUnknown ?? false,
      toOrganizationId: m.profile.organizationId, recordedBy: user.id, reason: 'Excel 导入',
    })));
    for (const part of chunks(events)) await tx.insert(membershipEvents).values(part);
  }
}

export async function updateImported(tx: DbOrTx, ids: { personId: number; memberId: number }, changes: ReturnType<typeof importChanges>) {
  if (Object.keys(changes.person).length) await tx.update(persons).set({ ...changes.person, updatedAt: new Date() }).where(eq(persons.id, ids.personId));
  if (Object.keys(changes.member).length) await tx.update(members).set({ ...changes.member, updatedAt: new Date() }).where(eq(members.id, ids.memberId));
}
