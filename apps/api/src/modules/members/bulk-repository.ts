import { and, eq, inArray } from 'drizzle-orm';
import type { MemberProfile } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { members, membershipEvents, organizations, persons } from '../../db/schema/index.js';
import type { AuthUser } from '../../plugins/auth.js';
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
export type CurrentRecord = { [K in keyof typeof currentColumns]: (typeof currentColumns)[K]['_']['data'] | null };

/** Existing persons (and their membership, if any) by keyed ID-number hash. */
export async function findByIdHashes(db: DbOrTx, tenantId: number, hashes: string[]): Promise<Map<string, CurrentRecord>> {
  const out = new Map<string, CurrentRecord>();
  for (const slice of chunks(hashes)) {
    if (!slice.length) continue;
    const rows = await db.select(currentColumns).from(persons)
      .leftJoin(members, eq(members.personId, persons.id))
      .leftJoin(organizations, eq(organizations.id, members.organizationId))
      .where(and(eq(persons.tenantId, tenantId), inArray(persons.idNumberHash, slice)));
    for (const r of rows) out.set(r.idNumberHash, r as CurrentRecord);
  }
  return out;
}

/** Whether an imported row would change the stored record (the ID number itself matched already). */
export function differs(cur: CurrentRecord, sealed: SealedPerson, p: MemberProfile): boolean {
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  return !(same(cur.name, sealed.name) && same(cur.gender, sealed.gender) && same(cur.ethnicity, sealed.ethnicity)
    && same(cur.birthDate, sealed.birthDate) && same(cur.phoneHash, sealed.phoneHash) && same(cur.nativePlace, sealed.nativePlace)
    && same(cur.education, sealed.education) && same(cur.occupation, sealed.occupation) && same(cur.workUnit, sealed.workUnit)
    && same(cur.address, sealed.address) && same(cur.hamlet, sealed.hamlet) && same(cur.groupId, p.groupId)
    && same([...(cur.partyPosts ?? [])].sort().join(), [...p.partyPosts].sort().join())
    && same(cur.isVillageCadre, p.isVillageCadre) && same(cur.isHardship, p.isHardship));
}

export interface NewMember {
  sealed: SealedPerson;
  profile: MemberProfile;
  derived: ReturnType<typeof deriveMembership>;
  events: { kind: 'admitted' | 'confirmed'; occurredOn: string }[];
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
      tenantId: user.tenantId, memberId: memberIds[i].id, kind: e.kind, occurredOn: e.occurredOn,
      toOrganizationId: m.profile.organizationId, recordedBy: user.id, reason: 'Excel 导入',
    })));
    for (const part of chunks(events)) await tx.insert(membershipEvents).values(part);
  }
}

export async function updateImported(tx: DbOrTx, ids: { personId: number; memberId: number }, sealed: SealedPerson, p: MemberProfile) {
  await tx.update(persons).set({ ...sealed, updatedAt: new Date() }).where(eq(persons.id, ids.personId));
  await tx.update(members).set({
    groupId: p.groupId ?? null, partyPosts: p.partyPosts, isVillageCadre: p.isVillageCadre, isHardship: p.isHardship, updatedAt: new Date(),
  }).where(eq(members.id, ids.memberId));
}
