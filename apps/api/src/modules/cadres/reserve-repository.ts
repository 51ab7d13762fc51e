/** 后备人才 (issue 15 point 4): the pipeline's reads and writes; scope is decided in SQL (scopeFilter) as everywhere. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { cadrePosts, members, organizations, persons, reserveCandidates, reserveEvaluations, reserveMoves } from '../../db/schema/index.js';
import { inSubtree, scopeFilter, type Scope } from '../../db/scope.js';
import { executeNamed } from '../../db/prepared.js';

const mentorPost = alias(cadrePosts, 'mentor_post');
const mentorPerson = alias(persons, 'mentor_person');

const reserveColumns = {
  id: reserveCandidates.id, organizationId: reserveCandidates.organizationId, personId: reserveCandidates.personId,
  name: persons.name, gender: persons.gender, birthDate: persons.birthDate, idNumberMasked: persons.idNumberMasked,
  isMember: sql<boolean>`exists (select 1 from ${members} m where m.person_id = ${persons.id})`,
  source: reserveCandidates.source, sourceNote: reserveCandidates.sourceNote, stage: reserveCandidates.stage, stageSince: reserveCandidates.stageSince,
  enteredOn: reserveCandidates.enteredOn, status: reserveCandidates.status, leftOn: reserveCandidates.leftOn, leftReason: reserveCandidates.leftReason,
  appointedPost: reserveCandidates.appointedPost, mentorPostId: reserveCandidates.mentorPostId, mentorName: mentorPerson.name, mentorPost: mentorPost.post,
  lastEvaluatedOn: sql<string | null>`(select max(e.evaluated_on)::text from ${reserveEvaluations} e where e.candidate_id = ${reserveCandidates.id})`,
};

function reserveQuery(db: DbOrTx) {
  return db.select(reserveColumns).from(reserveCandidates)
    .innerJoin(persons, eq(persons.id, reserveCandidates.personId))
    .leftJoin(mentorPost, eq(mentorPost.id, reserveCandidates.mentorPostId))
    .leftJoin(mentorPerson, eq(mentorPerson.id, mentorPost.personId));
}
export type ReserveRow = Awaited<ReturnType<typeof reservesOf>>[number];

/** A village's reserves: in the pipeline first (可任用 first), then those who left, newest first. */
export async function reservesOf(db: DbOrTx, organizationIds: readonly number[]) {
  if (!organizationIds.length) return [];
  return reserveQuery(db).where(inArray(reserveCandidates.organizationId, [...organizationIds]))
    .orderBy(asc(reserveCandidates.organizationId), sql`${reserveCandidates.status} <> 'active'`,
      sql`array_position(array['ready','practice','training','reserve'], ${reserveCandidates.stage})`,
      desc(sql`coalesce(${reserveCandidates.leftOn}, ${reserveCandidates.enteredOn})`), asc(reserveCandidates.id));
}

/** One reserve inside the caller's scope, with its branch's path (for the permission), or undefined. */
export async function findReserve(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({
    id: reserveCandidates.id, organizationId: reserveCandidates.organizationId, path: organizations.path, personId: reserveCandidates.personId,
    stage: reserveCandidates.stage, stageSince: reserveCandidates.stageSince, status: reserveCandidates.status, enteredOn: reserveCandidates.enteredOn,
    mentorPostId: reserveCandidates.mentorPostId,
  }).from(reserveCandidates).innerJoin(organizations, eq(organizations.id, reserveCandidates.organizationId))
    .where(and(eq(reserveCandidates.id, id), scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope))).limit(1);
  return row;
}

export async function movesOf(db: DbOrTx, candidateIds: readonly number[]) {
  if (!candidateIds.length) return [];
  return db.select({
    id: reserveMoves.id, candidateId: reserveMoves.candidateId, kind: reserveMoves.kind, fromStage: reserveMoves.fromStage, toStage: reserveMoves.toStage,
    occurredOn: reserveMoves.occurredOn, reason: reserveMoves.reason, mentorName: mentorPerson.name,
  }).from(reserveMoves)
    .leftJoin(mentorPost, eq(mentorPost.id, reserveMoves.mentorPostId))
    .leftJoin(mentorPerson, eq(mentorPerson.id, mentorPost.personId))
    .where(inArray(reserveMoves.candidateId, [...candidateIds]))
    .orderBy(desc(reserveMoves.occurredOn), desc(reserveMoves.id));
}

export async function evaluationsOf(db: DbOrTx, candidateIds: readonly number[]) {
  if (!candidateIds.length) return [];
  return db.select({
    id: reserveEvaluations.id, candidateId: reserveEvaluations.candidateId, period: reserveEvaluations.period, evaluatedOn: reserveEvaluations.evaluatedOn,
    result: reserveEvaluations.result, comment: reserveEvaluations.comment,
  }).from(reserveEvaluations).where(inArray(reserveEvaluations.candidateId, [...candidateIds]))
    .orderBy(desc(reserveEvaluations.period), desc(reserveEvaluations.id));
}

/**
 * The people a village may list: its branch's members, anyone who held a post here, its 发展党员 (open recruitments)
 * and its earlier reserves. A person of another village is neither offered nor accepted.
 */
export async function candidatesOf(db: DbOrTx, organizationId: number) {
  const { rows } = await db.execute<{ personId: number; name: string; isMember: boolean }>(sql`
    select p.id as "personId", p.name, exists (select 1 from members m2 where m2.person_id = p.id) as "isMember"
    from persons p
    where p.id in (select m.person_id from members m where m.organization_id = ${organizationId} and m.membership_status = 'active' and m.on_roster)
       or p.id in (select c.person_id from cadre_posts c where c.organization_id = ${organizationId})
       or p.id in (select r.person_id from recruitments r where r.organization_id = ${organizationId} and r.status in ('active', 'probationary'))
       or p.id in (select rc.person_id from reserve_candidates rc where rc.organization_id = ${organizationId})
    order by p.name, p.id`);
  return rows;
}

export type CandidateValues = Omit<typeof reserveCandidates.$inferInsert, 'id' | 'createdAt'>;

/** Inserts a reserve; undefined when the person is already in a pipeline (the partial unique index decides). */
export async function insertReserve(db: DbOrTx, values: CandidateValues) {
  const [row] = await db.insert(reserveCandidates).values(values).onConflictDoNothing().returning({ id: reserveCandidates.id });
  return row?.id;
}

export async function updateReserve(db: DbOrTx, id: number, values: Partial<CandidateValues>) {
  await db.update(reserveCandidates).set(values).where(eq(reserveCandidates.id, id));
}

export async function insertMove(db: DbOrTx, values: Omit<typeof reserveMoves.$inferInsert, 'id' | 'createdAt'>) {
  await db.insert(reserveMoves).values(values);
}

export async function insertEvaluation(db: DbOrTx, values: Omit<typeof reserveEvaluations.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(reserveEvaluations).values(values).onConflictDoNothing().returning({ id: reserveEvaluations.id });
  return row?.id;
}

/**
 * Per village branch in scope: reserves in the pipeline by stage, and how many are due for an evaluation by `dueBy`
 * (the last evaluation's day, or entering's, plus `months`). Counted by the database; villages in tree order, never ranked.
 */
export async function boardRows(db: DbOrTx, scope: Scope, months: number, dueBy: string, underPath?: string) {
  const { rows } = await executeNamed<{ organizationId: number; name: string; reserve: number; training: number; practice: number; ready: number; evaluationsDue: number }>(db, sql`
    select organizations.id as "organizationId", organizations.name,
      count(rc.id) filter (where rc.stage = 'reserve')::int as reserve, count(rc.id) filter (where rc.stage = 'training')::int as training,
      count(rc.id) filter (where rc.stage = 'practice')::int as practice, count(rc.id) filter (where rc.stage = 'ready')::int as ready,
      count(rc.id) filter (where (coalesce((select max(e.evaluated_on) from reserve_evaluations e where e.candidate_id = rc.id), rc.entered_on)
        + make_interval(months => ${months}))::date <= ${dueBy}::date)::int as "evaluationsDue"
    from organizations
    left join reserve_candidates rc on rc.organization_id = organizations.id and rc.status = 'active'
    where organizations.kind = 'branch' and organizations.status = 'active' and organizations.village_id is not null
      and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}
      ${underPath ? sql`and ${inSubtree(sql`organizations.path`, underPath)}` : sql``}
    group by organizations.id
    order by organizations.sort_order, organizations.id`, 'reserve_board');
  return rows;
}

/** Reserves in the pipeline in scope whose evaluation falls due by `dueBy`, with the day it is due. */
export async function evaluationsDue(db: DbOrTx, scope: Scope, months: number, dueBy: string, underPath?: string) {
  const { rows } = await executeNamed<{ id: number; organizationId: number; organizationName: string; name: string; dueOn: string }>(db, sql`
    select * from (
      select rc.id, organizations.id as "organizationId", organizations.name as "organizationName", p.name,
        ((coalesce((select max(e.evaluated_on) from reserve_evaluations e where e.candidate_id = rc.id), rc.entered_on)
          + make_interval(months => ${months}))::date)::text as "dueOn"
      from reserve_candidates rc join organizations on organizations.id = rc.organization_id join persons p on p.id = rc.person_id
      where rc.status = 'active' and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}
        ${underPath ? sql`and ${inSubtree(sql`organizations.path`, underPath)}` : sql``}
    ) d where d."dueOn" <= ${dueBy} order by d."dueOn", d.id`, 'reserve_evaluations_due');
  return rows;
}
