import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  recruitmentFiles, recruitments, recruitmentStepDefinitions, recruitmentPublicNotices, recruitmentPlans, recruitmentSteps,
  recruitmentRelations, members, organizations, persons, users,
} from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { anyOf, runNamed } from '../../db/prepared.js';

const recruitmentColumns = {
  id: recruitments.id, tenantId: recruitments.tenantId, personId: recruitments.personId,
  organizationId: recruitments.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  status: recruitments.status, phase: recruitments.phase, memberId: recruitments.memberId,
  stoppedOn: recruitments.stoppedOn, stoppedReason: recruitments.stoppedReason, isDemo: recruitments.isDemo,
  name: persons.name, gender: persons.gender, birthDate: persons.birthDate, idNumberMasked: persons.idNumberMasked,
  phoneMasked: persons.phoneMasked, education: persons.education, occupation: persons.occupation,
};
export type RecruitmentRow = Awaited<ReturnType<typeof listRecruitments>>[number];

/** Recruitments are scoped through their branch's path, like members. */
const fromScoped = (db: DbOrTx) => db.select(recruitmentColumns).from(recruitments)
  .innerJoin(persons, eq(persons.id, recruitments.personId))
  .innerJoin(organizations, eq(organizations.id, recruitments.organizationId));

export interface RecruitmentFilter { orgPath?: string; orgPaths?: string[]; phase?: string; status?: string; name?: string; ids?: number[] }

export async function listRecruitments(db: DbOrTx, scope: Scope, f: RecruitmentFilter = {}) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.orgPath) parts.push(inSubtree(organizations.path, f.orgPath));
  if (f.orgPaths) parts.push(f.orgPaths.length ? or(...f.orgPaths.map((p) => inSubtree(organizations.path, p))) : sql`false`);
  if (f.phase) parts.push(eq(recruitments.phase, f.phase as 'applicant'));
  if (f.status) parts.push(eq(recruitments.status, f.status as 'active'));
  if (f.name) parts.push(ilike(persons.name, `%${f.name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  if (f.ids) parts.push(f.ids.length ? inArray(recruitments.id, f.ids) : sql`false`);
  return runNamed(fromScoped(db).where(and(...parts)).orderBy(asc(organizations.path), asc(persons.name), asc(recruitments.id)), 'recruitment_list');
}

export async function findRecruitment(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await fromScoped(db).where(and(scopeFilter(organizations, scope), eq(recruitments.id, id))).limit(1);
  return row;
}

/**
 * The recruitments a person is currently 培养联系人, 入党介绍人 or contact of, wherever their branch is: a plain
 * 党员's whole view of this module. The relation is the access rule, so it is the query's predicate.
 */
export async function listMentoredBy(db: DbOrTx, tenantId: number, personId: number, id?: number) {
  const mentor = sql`exists (select 1 from ${recruitmentRelations} rr join ${members} m on m.id = rr.member_id
    where rr.recruitment_id = ${recruitments.id} and rr.tenant_id = ${tenantId} and m.person_id = ${personId}
      and rr.until is null and rr.voided_at is null)`;
  return fromScoped(db).where(and(eq(recruitments.tenantId, tenantId), mentor, id === undefined ? undefined : eq(recruitments.id, id)))
    .orderBy(asc(organizations.path), asc(persons.name), asc(recruitments.id));
}

/** Serialises writes to one recruitment (two secretaries recording the same step at once). */
export async function lockRecruitment(db: DbOrTx, id: number) {
  await db.execute(sql`select id from recruitments where id = ${id} for update`);
}

export async function insertRecruitment(db: DbOrTx, values: typeof recruitments.$inferInsert) {
  const [row] = await db.insert(recruitments).values(values).returning({ id: recruitments.id });
  return row.id;
}

export async function updateRecruitment(db: DbOrTx, id: number, values: Partial<typeof recruitments.$inferInsert>) {
  await db.update(recruitments).set({ ...values, updatedAt: new Date() }).where(eq(recruitments.id, id));
}

/** The person's recruitments other than `exceptId`, newest first (a refusal before a new application). */
export async function recruitmentsOfPerson(db: DbOrTx, personId: number) {
  return db.select({ id: recruitments.id, status: recruitments.status, stoppedOn: recruitments.stoppedOn })
    .from(recruitments).where(eq(recruitments.personId, personId)).orderBy(desc(recruitments.id));
}

const recordColumns = {
  id: recruitmentSteps.id, recruitmentId: recruitmentSteps.recruitmentId, stepCode: recruitmentSteps.stepCode,
  occurredOn: recruitmentSteps.occurredOn, decidedBy: recruitmentSteps.decidedBy, note: recruitmentSteps.note,
  details: recruitmentSteps.details, warnings: recruitmentSteps.warnings, recordedAt: recruitmentSteps.recordedAt,
  recordedByName: users.displayName,
};

/**
 * The records every derived view reads (rules, phase, next steps, deadlines, board, documents, registers): voided
 * ones are left out here, so nothing downstream can count them by mistake.
 */
export async function recordsOf(db: DbOrTx, recruitmentIds: number[]) {
  if (!recruitmentIds.length) return [];
  return runNamed(db.select(recordColumns).from(recruitmentSteps).leftJoin(users, eq(users.id, recruitmentSteps.recordedBy))
    .where(and(anyOf(recruitmentSteps.recruitmentId, recruitmentIds), isNull(recruitmentSteps.voidedAt)))
    .orderBy(asc(recruitmentSteps.occurredOn), asc(recruitmentSteps.id)), 'recruitment_records');
}

const voider = alias(users, 'voider');

/** Voided records, for the detail page only (shown as 已作废 with who, when and why). */
export async function voidedRecordsOf(db: DbOrTx, recruitmentId: number) {
  return db.select({
    id: recruitmentSteps.id, stepCode: recruitmentSteps.stepCode, occurredOn: recruitmentSteps.occurredOn, recordedByName: users.displayName,
    voidedAt: recruitmentSteps.voidedAt, voidedByName: voider.displayName, reason: recruitmentSteps.voidReason,
  }).from(recruitmentSteps).leftJoin(users, eq(users.id, recruitmentSteps.recordedBy)).leftJoin(voider, eq(voider.id, recruitmentSteps.voidedBy))
    .where(and(eq(recruitmentSteps.recruitmentId, recruitmentId), isNotNull(recruitmentSteps.voidedAt)))
    .orderBy(asc(recruitmentSteps.voidedAt), asc(recruitmentSteps.id));
}

export async function voidRecord(db: DbOrTx, recruitmentId: number, recordId: number, voidedBy: number, reason: string) {
  const rows = await db.update(recruitmentSteps).set({ voidedAt: new Date(), voidedBy, voidReason: reason })
    .where(and(eq(recruitmentSteps.id, recordId), eq(recruitmentSteps.recruitmentId, recruitmentId), isNull(recruitmentSteps.voidedAt)))
    .returning({ id: recruitmentSteps.id });
  return rows.length === 1;
}

export async function insertRecord(db: DbOrTx, values: typeof recruitmentSteps.$inferInsert) {
  const [row] = await db.insert(recruitmentSteps).values(values).returning({ id: recruitmentSteps.id });
  return row.id;
}

export async function filesOf(db: DbOrTx, recordIds: number[]) {
  if (!recordIds.length) return [];
  return db.select({ id: recruitmentFiles.id, recordId: recruitmentFiles.recordId, name: recruitmentFiles.name, size: recruitmentFiles.size })
    .from(recruitmentFiles).where(inArray(recruitmentFiles.recordId, recordIds)).orderBy(asc(recruitmentFiles.id));
}

export async function insertFile(db: DbOrTx, values: typeof recruitmentFiles.$inferInsert) {
  const [row] = await db.insert(recruitmentFiles).values(values).returning({ id: recruitmentFiles.id });
  return row.id;
}

/** A file of a recruitment: the join through its record keeps a file id of another recruitment from answering. */
export async function findFile(db: DbOrTx, recruitmentId: number, fileId: number) {
  const [row] = await db.select({ name: recruitmentFiles.name, mime: recruitmentFiles.mime, data: recruitmentFiles.data }).from(recruitmentFiles)
    .innerJoin(recruitmentSteps, eq(recruitmentSteps.id, recruitmentFiles.recordId))
    .where(and(eq(recruitmentFiles.id, fileId), eq(recruitmentSteps.recruitmentId, recruitmentId))).limit(1);
  return row;
}

export async function relationsOf(db: DbOrTx, recruitmentIds: number[]) {
  if (!recruitmentIds.length) return [];
  return db.select({
    id: recruitmentRelations.id, recruitmentId: recruitmentRelations.recruitmentId, kind: recruitmentRelations.kind, memberId: recruitmentRelations.memberId,
    memberName: persons.name, since: recruitmentRelations.since, until: recruitmentRelations.until, recordId: recruitmentRelations.recordId,
  }).from(recruitmentRelations).innerJoin(members, eq(members.id, recruitmentRelations.memberId)).innerJoin(persons, eq(persons.id, members.personId))
    .where(and(inArray(recruitmentRelations.recruitmentId, recruitmentIds), isNull(recruitmentRelations.voidedAt))).orderBy(asc(recruitmentRelations.since), asc(recruitmentRelations.id));
}

export async function insertRelations(db: DbOrTx, values: (typeof recruitmentRelations.$inferInsert)[]) {
  if (values.length) await db.insert(recruitmentRelations).values(values);
}

export async function endRelation(db: DbOrTx, recruitmentId: number, relationId: number, until: string) {
  const rows = await db.update(recruitmentRelations).set({ until })
    .where(and(
      eq(recruitmentRelations.id, relationId), eq(recruitmentRelations.recruitmentId, recruitmentId), isNull(recruitmentRelations.until),
      isNull(recruitmentRelations.voidedAt),
    ))
    .returning({ id: recruitmentRelations.id, since: recruitmentRelations.since });
  return rows[0];
}

/**
 * Open relations of one kind, ended when a new set is named (new sponsors replace the old). The naming record is
 * kept on them (null for the seed's and older callers') so voiding that record reopens exactly these.
 */
export async function endOpenRelations(db: DbOrTx, recruitmentId: number, kind: 'mentor' | 'sponsor', until: string, byRecordId: number | null = null) {
  await db.update(recruitmentRelations).set({ until, endedByRecordId: byRecordId })
    .where(and(
      eq(recruitmentRelations.recruitmentId, recruitmentId), eq(recruitmentRelations.kind, kind), isNull(recruitmentRelations.until),
      isNull(recruitmentRelations.voidedAt),
    ));
}

/** Undoes a voided 培养联系人/入党介绍人 record: its relations are voided (kept), the ones it ended are open again. */
export async function undoRelationsOfRecord(db: DbOrTx, recruitmentId: number, recordId: number) {
  const voided = await db.update(recruitmentRelations).set({ voidedAt: new Date() })
    .where(and(eq(recruitmentRelations.recruitmentId, recruitmentId), eq(recruitmentRelations.recordId, recordId), isNull(recruitmentRelations.voidedAt)))
    .returning({ id: recruitmentRelations.id });
  const reopened = await db.update(recruitmentRelations).set({ until: null, endedByRecordId: null })
    .where(and(eq(recruitmentRelations.recruitmentId, recruitmentId), eq(recruitmentRelations.endedByRecordId, recordId), isNull(recruitmentRelations.voidedAt)))
    .returning({ id: recruitmentRelations.id });
  return { voided: voided.map((r) => r.id), reopened: reopened.map((r) => r.id) };
}

/** Recruitments where a person (through their member record) is a current mentor, sponsor or contact. */
export async function relationsOfPerson(db: DbOrTx, tenantId: number, personId: number) {
  return db.select({ recruitmentId: recruitmentRelations.recruitmentId, kind: recruitmentRelations.kind, since: recruitmentRelations.since })
    .from(recruitmentRelations).innerJoin(members, eq(members.id, recruitmentRelations.memberId))
    .where(and(eq(recruitmentRelations.tenantId, tenantId), eq(members.personId, personId), isNull(recruitmentRelations.until), isNull(recruitmentRelations.voidedAt)));
}

export async function noticesOf(db: DbOrTx, recruitmentIds: number[]) {
  if (!recruitmentIds.length) return [];
  return runNamed(db.select().from(recruitmentPublicNotices).where(anyOf(recruitmentPublicNotices.recruitmentId, recruitmentIds)).orderBy(asc(recruitmentPublicNotices.startsOn), asc(recruitmentPublicNotices.id)), 'recruitment_notices');
}

export async function insertNotice(db: DbOrTx, values: typeof recruitmentPublicNotices.$inferInsert) {
  const [row] = await db.insert(recruitmentPublicNotices).values(values).returning({ id: recruitmentPublicNotices.id });
  return row.id;
}

export async function setNoticeOutcome(db: DbOrTx, recruitmentId: number, noticeId: number, outcome: 'no_objection' | 'objection_dismissed' | 'objection_upheld', outcomeNote: string | null) {
  const rows = await db.update(recruitmentPublicNotices).set({ outcome, outcomeNote })
    .where(and(eq(recruitmentPublicNotices.id, noticeId), eq(recruitmentPublicNotices.recruitmentId, recruitmentId))).returning({ id: recruitmentPublicNotices.id });
  return rows[0];
}

export async function localSteps(db: DbOrTx, tenantId: number) {
  return runNamed(db.select().from(recruitmentStepDefinitions).where(eq(recruitmentStepDefinitions.tenantId, tenantId)).orderBy(asc(recruitmentStepDefinitions.id)), 'recruitment_local_steps');
}

export async function insertLocalStep(db: DbOrTx, values: typeof recruitmentStepDefinitions.$inferInsert) {
  const [row] = await db.insert(recruitmentStepDefinitions).values(values).returning({ id: recruitmentStepDefinitions.id });
  return row.id;
}

/**
 * Members named as mentors or sponsors, with what the rules need to know about them. Only members inside the
 * caller's scope are found: a member of another village answers like one that does not exist.
 */
export async function membersForRules(db: DbOrTx, scope: Scope, ids: number[]) {
  if (!ids.length) return [];
  return db.select({
    id: members.id, name: persons.name, standing: members.standing, status: members.membershipStatus, onRoster: members.onRoster,
  }).from(members).innerJoin(persons, eq(persons.id, members.personId)).innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(scopeFilter(organizations, scope), inArray(members.id, ids)));
}

/** 正式党员 with a vote on a branch's roster (预备党员 and suspended members have none: 党章第七条). */
export async function votingMembers(db: DbOrTx, organizationId: number) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.standing, 'full'), eq(members.membershipStatus, 'active'), eq(members.onRoster, true)));
  return row.n;
}

export async function plansOf(db: DbOrTx, tenantId: number, year: number) {
  return db.select({ organizationId: recruitmentPlans.organizationId, quota: recruitmentPlans.quota, note: recruitmentPlans.note })
    .from(recruitmentPlans).where(and(eq(recruitmentPlans.tenantId, tenantId), eq(recruitmentPlans.year, year)));
}

export async function upsertPlan(db: DbOrTx, values: typeof recruitmentPlans.$inferInsert) {
  await db.insert(recruitmentPlans).values(values).onConflictDoUpdate({
    target: [recruitmentPlans.tenantId, recruitmentPlans.year, recruitmentPlans.organizationId],
    set: { quota: values.quota, note: values.note ?? null, updatedBy: values.updatedBy, updatedAt: new Date() },
  });
}

/** Branches in scope (the board's rows and the plan's). */
export async function branchesInScope(db: DbOrTx, scope: Scope, underPath?: string) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), isNull(organizations.closedAt)];
  if (underPath) parts.push(inSubtree(organizations.path, underPath));
  return db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations)
    .where(and(...parts)).orderBy(asc(organizations.path));
}

/** When each admitted member's probation ends (the 转正 deadline the board shows). */
export async function probationEndsOf(db: DbOrTx, memberIds: number[]) {
  if (!memberIds.length) return [];
  return runNamed(db.select({ id: members.id, probationEndsOn: members.probationEndsOn }).from(members).where(anyOf(members.id, memberIds)), 'recruitment_probation_ends');
}
