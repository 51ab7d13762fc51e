import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { EDUCATIONS } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { cadreChanges, cadrePosts, cadreTerms, members, organizations, persons, secretaryAdjustments, villages } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

const isMember = sql<boolean>`exists (select 1 from ${members} m where m.person_id = ${persons.id})`;

/** A post and its holder, as the village page and the town board both show it. */
export const holdingColumns = {
  id: cadrePosts.id, post: cadrePosts.post, personId: cadrePosts.personId, name: persons.name, isMember,
  gender: persons.gender, birthDate: persons.birthDate, idNumberMasked: persons.idNumberMasked,
  startedOn: cadrePosts.startedOn, endedOn: cadrePosts.endedOn, how: cadrePosts.how, termId: cadrePosts.termId,
  periodEndsOn: cadrePosts.periodEndsOn, homePost: cadrePosts.homePost, sendingUnit: cadrePosts.sendingUnit,
  supportProjects: cadrePosts.supportProjects, supportFen: cadrePosts.supportFen,
  education: sql<(typeof EDUCATIONS)[number] | null>`${persons.education}`, localTalent: cadrePosts.localTalent,
};

/**
 * A cadre's 学历 (the person's, as the roster keeps it) and 本土人才 (their holdings in this village today). The cadres
 * module writes the person's education itself: it is the one column of the profile the team structure needs.
 */
export async function updateProfile(db: DbOrTx, organizationId: number, personId: number, education: string | null, localTalent: boolean) {
  await db.update(persons).set({ education, updatedAt: new Date() }).where(eq(persons.id, personId));
  await db.update(cadrePosts).set({ localTalent })
    .where(and(eq(cadrePosts.organizationId, organizationId), eq(cadrePosts.personId, personId), isNull(cadrePosts.endedOn)));
}

/** The posts held today in one village (no end recorded). */
export async function currentHoldings(db: DbOrTx, organizationId: number) {
  return db.select(holdingColumns).from(cadrePosts).innerJoin(persons, eq(persons.id, cadrePosts.personId))
    .where(and(eq(cadrePosts.organizationId, organizationId), isNull(cadrePosts.endedOn)))
    .orderBy(asc(cadrePosts.startedOn), asc(cadrePosts.id));
}

export async function findHolding(db: DbOrTx, organizationId: number, id: number) {
  const [row] = await db.select(holdingColumns).from(cadrePosts).innerJoin(persons, eq(persons.id, cadrePosts.personId))
    .where(and(eq(cadrePosts.organizationId, organizationId), eq(cadrePosts.id, id))).limit(1);
  return row;
}

export type HoldingValues = Omit<typeof cadrePosts.$inferInsert, 'id' | 'createdAt'>;

export async function insertHolding(db: DbOrTx, values: HoldingValues) {
  const [row] = await db.insert(cadrePosts).values(values).returning({ id: cadrePosts.id });
  return row.id;
}

export async function endHolding(db: DbOrTx, id: number, endedOn: string) {
  await db.update(cadrePosts).set({ endedOn }).where(eq(cadrePosts.id, id));
}

export async function insertChange(db: DbOrTx, values: Omit<typeof cadreChanges.$inferInsert, 'id' | 'createdAt'>) {
  await db.insert(cadreChanges).values(values);
}

export async function historyOf(db: DbOrTx, organizationId: number) {
  return db.select({
    id: cadreChanges.id, kind: cadreChanges.kind, role: cadreChanges.role, post: cadrePosts.post, personId: cadrePosts.personId,
    name: persons.name, occurredOn: cadreChanges.occurredOn, reason: cadreChanges.reason, recordedAt: cadreChanges.createdAt,
  }).from(cadreChanges)
    .innerJoin(cadrePosts, eq(cadrePosts.id, cadreChanges.cadrePostId))
    .innerJoin(persons, eq(persons.id, cadrePosts.personId))
    .where(eq(cadreChanges.organizationId, organizationId))
    .orderBy(desc(cadreChanges.occurredOn), desc(cadreChanges.id));
}

export async function termsOf(db: DbOrTx, organizationId: number) {
  return db.select({ id: cadreTerms.id, startYear: cadreTerms.startYear, endYear: cadreTerms.endYear, electedOn: cadreTerms.electedOn })
    .from(cadreTerms).where(eq(cadreTerms.organizationId, organizationId)).orderBy(desc(cadreTerms.startYear));
}

export async function insertTerm(db: DbOrTx, values: Omit<typeof cadreTerms.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(cadreTerms).values(values).onConflictDoNothing().returning({ id: cadreTerms.id });
  return row?.id;
}

export async function villageNameOf(db: DbOrTx, villageId: number | null) {
  if (!villageId) return null;
  const [row] = await db.select({ name: villages.name }).from(villages).where(eq(villages.id, villageId)).limit(1);
  return row?.name ?? null;
}

/**
 * The people a change may name: members of this branch, and anyone who has held a post in this village (a non-member
 * cadre, an assigned 机关干部). Nobody else: a person of another village is not offered and is refused.
 */
export async function candidatesOf(db: DbOrTx, organizationId: number) {
  const { rows } = await db.execute<{ personId: number; name: string; isMember: boolean }>(sql`
    select p.id as "personId", p.name, exists (select 1 from members m2 where m2.person_id = p.id) as "isMember"
    from persons p
    where p.id in (select m.person_id from members m where m.organization_id = ${organizationId} and m.membership_status = 'active' and m.on_roster)
       or p.id in (select c.person_id from cadre_posts c where c.organization_id = ${organizationId})
    order by p.name, p.id`);
  return rows;
}

export async function isCandidate(db: DbOrTx, organizationId: number, personId: number) {
  return (await candidatesOf(db, organizationId)).some((c) => c.personId === personId);
}

const adjustmentColumns = {
  id: secretaryAdjustments.id, organizationId: secretaryAdjustments.organizationId, organizationName: organizations.name,
  personId: secretaryAdjustments.personId, name: persons.name, reason: secretaryAdjustments.reason, markedOn: secretaryAdjustments.markedOn,
  decision: secretaryAdjustments.decision, decisionNote: secretaryAdjustments.decisionNote, decidedOn: secretaryAdjustments.decidedOn,
};

/** Adjustments of the villages in scope (or one village), the undecided first. */
export async function adjustmentsIn(db: DbOrTx, scope: Scope, organizationId?: number) {
  return db.select(adjustmentColumns).from(secretaryAdjustments)
    .innerJoin(organizations, eq(organizations.id, secretaryAdjustments.organizationId))
    .innerJoin(persons, eq(persons.id, secretaryAdjustments.personId))
    .where(and(scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope),
      organizationId ? eq(secretaryAdjustments.organizationId, organizationId) : undefined))
    .orderBy(sql`${secretaryAdjustments.decision} is not null`, desc(secretaryAdjustments.markedOn), desc(secretaryAdjustments.id));
}

export async function findAdjustment(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({ ...adjustmentColumns, path: organizations.path }).from(secretaryAdjustments)
    .innerJoin(organizations, eq(organizations.id, secretaryAdjustments.organizationId))
    .innerJoin(persons, eq(persons.id, secretaryAdjustments.personId))
    .where(and(eq(secretaryAdjustments.id, id), scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope))).limit(1);
  return row;
}

export async function insertAdjustment(db: DbOrTx, values: Omit<typeof secretaryAdjustments.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(secretaryAdjustments).values(values).onConflictDoNothing().returning({ id: secretaryAdjustments.id });
  return row?.id;
}

export async function decideAdjustment(db: DbOrTx, id: number, values: Pick<typeof secretaryAdjustments.$inferInsert, 'decision' | 'decisionNote' | 'decidedOn' | 'decidedBy'>) {
  await db.update(secretaryAdjustments).set(values).where(eq(secretaryAdjustments.id, id));
}
