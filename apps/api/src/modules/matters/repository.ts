import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MatterStage } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { activities, matterEvents as ev, matterPhotos as ph, matters as m, organizations, users, villages } from '../../db/schema/index.js';
import { inSubtree, scopeFilter, type Scope } from '../../db/scope.js';
import { runNamed } from '../../db/prepared.js';

/** The active village branches (行政村's 村党支部) in scope: where matters are filed. */
const villageBranchIn = (scope: Scope) =>
  and(scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), eq(organizations.status, 'active'), isNotNull(organizations.villageId));

export async function villageBranches(db: DbOrTx, scope: Scope) {
  return db.select({ organizationId: organizations.id, path: organizations.path, villageName: villages.name, code: villages.code })
    .from(organizations).innerJoin(villages, eq(villages.id, organizations.villageId)).where(villageBranchIn(scope)).orderBy(asc(organizations.path));
}

export async function villageOf(db: DbOrTx, villageId: number) {
  const [row] = await db.select({ name: villages.name, code: villages.code }).from(villages).where(eq(villages.id, villageId));
  return row;
}

const columns = {
  id: m.id, receipt: m.receipt, organizationId: m.organizationId, organizationPath: organizations.path, villageName: villages.name,
  source: m.source, category: m.category, title: m.title, content: m.content, place: m.place, raiserName: m.raiserName,
  raiserPhoneEnc: m.raiserPhoneEnc, visitNote: m.visitNote, raisedOn: m.raisedOn, raisedActivityId: m.raisedActivityId, stage: m.stage,
  forum: m.forum, discussedOn: m.discussedOn, discussion: m.discussion, discussionActivityId: m.discussionActivityId, ownerName: m.ownerName,
  dueOn: m.dueOn, fourTwoId: m.fourTwoId, handledOn: m.handledOn, result: m.result, reply: m.reply, rating: m.rating,
  ratingReason: m.ratingReason, ratedOn: m.ratedOn, reopenCount: m.reopenCount, escalatedOn: m.escalatedOn,
  escalationReason: m.escalationReason, isDemo: m.isDemo,
};
const scoped = (db: DbOrTx) => db.select(columns).from(m)
  .innerJoin(organizations, eq(organizations.id, m.organizationId)).innerJoin(villages, eq(villages.id, organizations.villageId));
const one = (db: DbOrTx) => scoped(db).limit(1);
export type MatterRow = Awaited<ReturnType<typeof one>>[number];

/** The deadline in SQL, as rules/stages.ts#deadlineOf: 议事 within discussDays, then the 办结期限. */
const deadlineSql = (discussDays: number) =>
  sql`(case when ${m.stage} = 'raised' then ${m.raisedOn} + ${discussDays}::int when ${m.stage} = 'discussed' then ${m.dueOn} end)`;
const lateSql = (today: string, discussDays: number) => sql`(${deadlineSql(discussDays)} < ${today}::date)`;
const escalatedSql = (today: string, discussDays: number) =>
  sql`(${m.stage} in ('raised', 'discussed') and (${lateSql(today, discussDays)} or ${m.escalatedOn} is not null))`;

export interface ListFilter {
  underPath?: string; stage?: MatterStage; due?: 'overdue' | 'escalated' | 'open'; year?: number; today: string; discussDays: number;
}

function whereOf(scope: Scope, f: ListFilter, withStage = true): SQL {
  const parts: (SQL | undefined)[] = [villageBranchIn(scope)];
  if (f.underPath) parts.push(inSubtree(organizations.path, f.underPath));
  if (f.year) parts.push(sql`extract(year from ${m.raisedOn}) = ${f.year}`);
  if (withStage && f.stage) parts.push(eq(m.stage, f.stage));
  if (withStage && f.due === 'open') parts.push(inArray(m.stage, ['raised', 'discussed']));
  if (withStage && f.due === 'overdue') parts.push(lateSql(f.today, f.discussDays));
  if (withStage && f.due === 'escalated') parts.push(escalatedSql(f.today, f.discussDays));
  return and(...parts) as SQL;
}

/** A page of the list, open ones by their deadline first, then the newest; and the total of the filtered list. */
export async function listMatters(db: DbOrTx, scope: Scope, f: ListFilter, limit: number, offset: number) {
  const where = whereOf(scope, f);
  const [rows, [{ total }]] = await Promise.all([
    scoped(db).where(where).orderBy(sql`${deadlineSql(f.discussDays)} asc nulls last`, desc(m.raisedOn), desc(m.id)).limit(limit).offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(m).innerJoin(organizations, eq(organizations.id, m.organizationId)).where(where),
  ]);
  return { rows, total };
}

/** The headings' counts over the scope and year, whatever stage or deadline filter is chosen. */
export async function countsOf(db: DbOrTx, scope: Scope, f: ListFilter) {
  const [row] = await db.select({
    raised: sql<number>`(count(*) filter (where ${m.stage} = 'raised'))::int`, discussed: sql<number>`(count(*) filter (where ${m.stage} = 'discussed'))::int`,
    handled: sql<number>`(count(*) filter (where ${m.stage} = 'handled'))::int`, rated: sql<number>`(count(*) filter (where ${m.stage} = 'rated'))::int`,
    overdue: sql<number>`(count(*) filter (where ${lateSql(f.today, f.discussDays)}))::int`,
    escalated: sql<number>`(count(*) filter (where ${escalatedSql(f.today, f.discussDays)}))::int`,
  }).from(m).innerJoin(organizations, eq(organizations.id, m.organizationId)).where(whereOf(scope, f, false));
  return row;
}

/**
 * The 驾驶舱's 村民说事 figures: every open, late and escalated matter (whatever year it was raised), and the matters
 * rated and closed in the year by rating, counted by the database — a distribution, never a ranking.
 */
export async function matterFigures(db: DbOrTx, scope: Scope, f: { underPath?: string; year: number; today: string; discussDays: number }) {
  const closedIn = (rating?: string) =>
    sql`(count(*) filter (where ${m.stage} = 'rated' and extract(year from ${m.ratedOn}) = ${f.year}${rating ? sql` and ${m.rating} = ${rating}` : sql``}))::int`;
  const [row] = await db.select({
    open: sql<number>`(count(*) filter (where ${m.stage} in ('raised', 'discussed')))::int`,
    overdue: sql<number>`(count(*) filter (where ${lateSql(f.today, f.discussDays)}))::int`,
    escalated: sql<number>`(count(*) filter (where ${escalatedSql(f.today, f.discussDays)}))::int`,
    closed: sql<number>`${closedIn()}`, satisfied: sql<number>`${closedIn('satisfied')}`,
    basically: sql<number>`${closedIn('basically')}`, dissatisfied: sql<number>`${closedIn('dissatisfied')}`,
  }).from(m).innerJoin(organizations, eq(organizations.id, m.organizationId)).where(whereOf(scope, { underPath: f.underPath, today: f.today, discussDays: f.discussDays }, false));
  return row;
}

/** Open matters of the scope with a deadline, for 待办 (the caller computes due and late from the rules). */
export async function openMatters(db: DbOrTx, scope: Scope, underPath?: string) {
  return runNamed(scoped(db).where(and(whereOf(scope, { underPath, today: '', discussDays: 0 }, false), inArray(m.stage, ['raised', 'discussed'])))
    .orderBy(asc(m.raisedOn)), 'matters_open');
}

/** One matter in scope; `lock` serialises two writers of the same matter. */
export async function findMatter(db: DbOrTx, scope: Scope, id: number, lock = false): Promise<MatterRow | undefined> {
  const [row] = await scoped(db).where(and(villageBranchIn(scope), eq(m.id, id))).limit(1);
  if (row && lock) await db.execute(sql`select id from matters where id = ${id} for update`);
  return row;
}

export async function ledgerRows(db: DbOrTx, scope: Scope, organizationId: number, from: string, to: string) {
  return scoped(db).where(and(villageBranchIn(scope), eq(m.organizationId, organizationId), sql`${m.raisedOn} between ${from}::date and ${to}::date`))
    .orderBy(asc(m.raisedOn), asc(m.id));
}

/** The matters raised or discussed at a meeting (三日合一 and the other meeting days). */
export async function mattersOfActivity(db: DbOrTx, scope: Scope, activityId: number) {
  return scoped(db).where(and(villageBranchIn(scope), or(eq(m.raisedActivityId, activityId), eq(m.discussionActivityId, activityId))))
    .orderBy(asc(m.id));
}

export type MatterValues = Omit<typeof m.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertMatter(db: DbOrTx, values: MatterValues) {
  const [row] = await db.insert(m).values(values).returning({ id: m.id });
  return row.id;
}

/** Many at once (the demo town's year): ids in the order given. */
export async function insertMatters(db: DbOrTx, values: MatterValues[]) {
  if (!values.length) return [];
  return (await db.insert(m).values(values).returning({ id: m.id })).map((r) => r.id);
}

export async function updateMatter(db: DbOrTx, id: number, values: Partial<MatterValues>) {
  await db.update(m).set({ ...values, updatedAt: new Date() }).where(eq(m.id, id));
}

export type EventValues = Omit<typeof ev.$inferInsert, 'id' | 'createdAt'>;
export async function insertEvents(db: DbOrTx, values: EventValues[]) {
  if (values.length) await db.insert(ev).values(values);
}

const author = alias(users, 'author');
export async function eventsOf(db: DbOrTx, matterId: number) {
  return db.select({ id: ev.id, kind: ev.kind, on: ev.on, text: ev.text, rating: ev.rating, by: author.displayName })
    .from(ev).leftJoin(author, eq(author.id, ev.createdBy)).where(eq(ev.matterId, matterId)).orderBy(asc(ev.id));
}

export async function photosOf(db: DbOrTx, matterId: number) {
  return db.select({ id: ph.id, caption: ph.caption, size: ph.size }).from(ph).where(eq(ph.matterId, matterId)).orderBy(asc(ph.id));
}

export async function insertPhoto(db: DbOrTx, values: Omit<typeof ph.$inferInsert, 'id' | 'uploadedAt'>) {
  const [row] = await db.insert(ph).values(values).returning({ id: ph.id });
  return row.id;
}

export async function findPhoto(db: DbOrTx, matterId: number, photoId: number) {
  const [row] = await db.select({ mime: ph.mime, data: ph.data }).from(ph).where(and(eq(ph.id, photoId), eq(ph.matterId, matterId)));
  return row;
}

/** The meeting days a matter may be raised or discussed at: the branch's 说事日, 议事日, 三日合一, 主题党日 and 支委会. */
export const MEETING_KINDS = ['villager_say_day', 'deliberation_day', 'combined_day', 'theme_day', 'committee_meeting'] as const;

const meetingColumns = { id: activities.id, kind: activities.kind, title: activities.topic, heldOn: activities.heldOn, organizationId: activities.organizationId, parts: activities.agendaParts };
const meetingsScoped = (db: DbOrTx, scope: Scope) => db.select(meetingColumns).from(activities)
  .innerJoin(organizations, eq(organizations.id, activities.organizationId)).where(scopeFilter(organizations, scope)).$dynamic();

/** A branch's meetings of the last year or so, newest first (the forms' pickers). */
export async function meetingsOf(db: DbOrTx, scope: Scope, organizationId: number, since: string) {
  return meetingsScoped(db, scope).where(and(scopeFilter(organizations, scope), eq(activities.organizationId, organizationId),
    inArray(activities.kind, [...MEETING_KINDS]), sql`${activities.heldOn} >= ${since}::date`)).orderBy(desc(activities.heldOn)).limit(100);
}

export async function meetingsByIds(db: DbOrTx, scope: Scope, ids: number[]) {
  if (!ids.length) return [];
  return meetingsScoped(db, scope).where(and(scopeFilter(organizations, scope), inArray(activities.id, ids)));
}

/** Public intake: the village by its code (the demo town's only when no real one has the code, as the 三务 pages). */
export async function publicVillage(db: DbOrTx, code: string) {
  const rows = await db.execute(sql`select v.id, v.tenant_id as "tenantId", v.code, v.name, o.id as "organizationId"
    from villages v join tenants t on t.id = v.tenant_id
    join organizations o on o.village_id = v.id and o.kind = 'branch' and o.status = 'active'
    where v.code = ${code} order by t.is_demo, v.id, o.id limit 1`);
  return rows.rows[0] as { id: number; tenantId: number; code: string; name: string; organizationId: number } | undefined;
}

/** The public status page's fields only: never the name, the phone or the content. */
export async function publicStatus(db: DbOrTx, receipt: string) {
  const [row] = await db.select({ receipt: m.receipt, category: m.category, stage: m.stage, raisedOn: m.raisedOn, discussedOn: m.discussedOn,
    dueOn: m.dueOn, handledOn: m.handledOn, reply: m.reply, rating: m.rating, reopenCount: m.reopenCount, villageName: villages.name, code: villages.code })
    .from(m).innerJoin(organizations, eq(organizations.id, m.organizationId)).innerJoin(villages, eq(villages.id, organizations.villageId))
    .where(eq(m.receipt, receipt)).limit(1);
  return row;
}

/** The 党员联户 visit a case was made from (转为村民说事), with its household: the case's link back. */
export async function visitOfMatter(db: DbOrTx, matterId: number) {
  const { rows } = await db.execute(sql`select x.household_id as "householdId", h.head_name as "headName", x.visited_on::text as "visitedOn"
    from household_visits x join households h on h.id = x.household_id where x.matter_id = ${matterId} order by x.id limit 1`);
  return (rows[0] as { householdId: number; headName: string; visitedOn: string } | undefined) ?? null;
}

/**
 * The town's public site: per village, the year's matters raised, handled (办结 in the year) and rated by rating — counts
 * by the database, never a name. The demo rows of a real town stay off its public page.
 */
export async function publicYearStats(db: DbOrTx, tenantId: number, year: number) {
  const inYear = (col: SQL) => sql`extract(year from ${col}) = ${year}`;
  const rated = (r: string) => sql`(count(m.id) filter (where ${inYear(sql`m.rated_on`)} and m.rating = ${r}))::int`;
  const { rows } = await db.execute(sql`select v.name as "villageName",
      (count(m.id) filter (where ${inYear(sql`m.raised_on`)}))::int as raised,
      (count(m.id) filter (where m.stage in ('handled', 'rated') and ${inYear(sql`m.handled_on`)}))::int as handled,
      ${rated('satisfied')} as satisfied, ${rated('basically')} as basically, ${rated('dissatisfied')} as dissatisfied
    from organizations o join villages v on v.id = o.village_id join tenants t on t.id = o.tenant_id
    left join matters m on m.organization_id = o.id and (not m.is_demo or t.is_demo)
    where o.tenant_id = ${tenantId} and o.kind = 'branch' and o.status = 'active'
    group by v.id, v.name, v.code order by v.code`);
  return rows as unknown as { villageName: string; raised: number; handled: number; satisfied: number; basically: number; dissatisfied: number }[];
}
