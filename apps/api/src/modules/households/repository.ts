/**
 * 党员联户's queries. The visit rule is read in SQL: a household's visit is due by its last visit (else the first open
 * link's start) plus the town's interval; overdue once that day has passed. Lists, 待办 and the 驾驶舱 all read it here.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { householdLinks, households, householdVisits } from '../../db/schema/index.js';
import { inSubtree, type Scope } from '../../db/scope.js';
import { executeNamed } from '../../db/prepared.js';

/** The active village branches of the scope (o.*), optionally below a path. */
function orgIn(scope: Scope, underPath?: string): SQL {
  if (!scope.paths.length) return sql`false`;
  const roots = sql.join(scope.paths.map((p) => inSubtree(sql`o.path`, p)), sql` or `);
  return sql`o.tenant_id = ${scope.tenantId} and (${roots}) and o.kind = 'branch' and o.status = 'active' and o.village_id is not null${underPath ? sql` and ${inSubtree(sql`o.path`, underPath)}` : sql``}`;
}

export interface HouseholdRow {
  id: number; organizationId: number; villageName: string; organizationPath: string; organizationName: string;
  headName: string; hamlet: string | null; address: string | null; people: number | null; situation: string | null; phoneMasked: string | null;
  isDemo: boolean; links: { personId: number; name: string; since: string; until: string | null }[];
  lastVisitOn: string | null; dueOn: string | null; overdue: boolean;
}

/** Each household of the scope with its open links and its due day (interval in days, today in Beijing). */
function base(scope: Scope, intervalDays: number, today: string, where: SQL = sql`true`) {
  return sql`
    select h.id, h.organization_id as "organizationId", v.name as "villageName", o.path as "organizationPath", o.name as "organizationName",
      h.head_name as "headName", h.hamlet, h.address, h.people, h.situation, h.phone_masked as "phoneMasked", h.is_demo as "isDemo",
      coalesce(lk.links, '[]'::json) as links, lv.last_on::text as "lastVisitOn",
      (coalesce(lv.last_on, lk.first_since) + ${intervalDays}::int)::text as "dueOn",
      coalesce((coalesce(lv.last_on, lk.first_since) + ${intervalDays}::int) < ${today}::date, false) as overdue
    from households h
    join organizations o on o.id = h.organization_id and ${orgIn(scope)}
    join villages v on v.id = o.village_id
    left join lateral (select max(x.visited_on) as last_on from household_visits x where x.household_id = h.id) lv on true
    left join lateral (
      select min(l.since) as first_since,
        json_agg(json_build_object('personId', l.person_id, 'name', p.name, 'since', l.since::text, 'until', null) order by l.since, l.id) as links
      from household_links l join persons p on p.id = l.person_id where l.household_id = h.id and l.until is null
    ) lk on true
    where ${where}`;
}

export interface ListFilter { organizationIds: number[]; hamlet?: string; personId?: number; due?: boolean; limit: number; offset: number }

export async function listHouseholds(db: DbOrTx, scope: Scope, intervalDays: number, today: string, f: ListFilter) {
  if (!f.organizationIds.length) return { rows: [] as HouseholdRow[], total: 0 };
  const ids = sql`array[${sql.join(f.organizationIds.map((i) => sql`${i}::int`), sql`, `)}]`;
  const where = sql.join([
    sql`h.organization_id = any(${ids})`,
    f.hamlet ? sql`h.hamlet = ${f.hamlet}` : sql`true`,
    f.personId ? sql`exists (select 1 from household_links l where l.household_id = h.id and l.until is null and l.person_id = ${f.personId})` : sql`true`,
  ], sql` and `);
  const { rows } = await db.execute(sql`
    select q.*, count(*) over ()::int as total from (${base(scope, intervalDays, today, where)}) q
    ${f.due ? sql`where q.overdue` : sql``}
    order by q."organizationPath", q.hamlet nulls last, q."headName", q.id limit ${f.limit} offset ${f.offset}`);
  const list = rows as unknown as (HouseholdRow & { total: number })[];
  return { rows: list, total: list[0]?.total ?? 0 };
}

export async function findHousehold(db: DbOrTx, scope: Scope, intervalDays: number, today: string, id: number): Promise<HouseholdRow | undefined> {
  const { rows } = await db.execute(base(scope, intervalDays, today, sql`h.id = ${id}`));
  return (rows as unknown as HouseholdRow[])[0];
}

/** The households a person looks after now (open links), due first: 我的联户. */
export async function householdsOfPerson(db: DbOrTx, scope: Scope, intervalDays: number, today: string, personId: number): Promise<HouseholdRow[]> {
  const { rows } = await db.execute(sql`select q.* from (${base(scope, intervalDays, today,
    sql`exists (select 1 from household_links l where l.household_id = h.id and l.until is null and l.person_id = ${personId})`)}) q
    order by q.overdue desc, q."dueOn" nulls last, q.hamlet nulls last, q."headName", q.id`);
  return rows as unknown as HouseholdRow[];
}

export interface VisitRow {
  id: number; householdId: number; personId: number; personName: string; visitedOn: string; method: string;
  raised: string | null; note: string | null; matterId: number | null; matterStage: string | null; proxy: boolean; enteredByName: string;
}

/** Visits of the households, newest first (at most `perHousehold` each). */
export async function visitsOf(db: DbOrTx, householdIds: number[], perHousehold = 50): Promise<VisitRow[]> {
  if (!householdIds.length) return [];
  const ids = sql`array[${sql.join(householdIds.map((i) => sql`${i}::int`), sql`, `)}]`;
  const { rows } = await db.execute(sql`select * from (
      select x.id, x.household_id as "householdId", x.person_id as "personId", p.name as "personName", x.visited_on::text as "visitedOn", x.method,
        x.raised, x.note, x.matter_id as "matterId", mt.stage as "matterStage", x.proxy, u.display_name as "enteredByName",
        row_number() over (partition by x.household_id order by x.visited_on desc, x.id desc) as n
      from household_visits x join persons p on p.id = x.person_id join users u on u.id = x.entered_by
      left join matters mt on mt.id = x.matter_id
      where x.household_id = any(${ids})) q
    where q.n <= ${perHousehold} order by q."visitedOn" desc, q.id desc`);
  return (rows as unknown as (VisitRow & { n: number })[]).map(({ n: _n, ...r }) => r);
}

/** Every link of a household, open and ended, oldest first (the 联系党员 history). */
export async function linkHistory(db: DbOrTx, householdId: number) {
  const { rows } = await db.execute(sql`select l.person_id as "personId", p.name, l.since::text as since, l.until::text as until
    from household_links l join persons p on p.id = l.person_id where l.household_id = ${householdId} order by l.since, l.id`);
  return rows as unknown as { personId: number; name: string; since: string; until: string | null }[];
}

/** The village branches of the scope, in tree order. */
export async function villageBranches(db: DbOrTx, scope: Scope) {
  const { rows } = await db.execute(sql`select o.id as "organizationId", o.path, v.name as "villageName"
    from organizations o join villages v on v.id = o.village_id where ${orgIn(scope)} order by o.path`);
  return rows as unknown as { organizationId: number; path: string; villageName: string }[];
}

export async function hamletsOf(db: DbOrTx, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  const ids = sql`array[${sql.join(organizationIds.map((i) => sql`${i}::int`), sql`, `)}]`;
  const { rows } = await db.execute(sql`select distinct organization_id as "organizationId", hamlet from households where organization_id = any(${ids}) and hamlet is not null order by hamlet`);
  return rows as unknown as { organizationId: number; hamlet: string }[];
}

/** The members on the roster in the branch's subtree (the people who may look after its households). */
export async function membersUnder(db: DbOrTx, tenantId: number, path: string) {
  const { rows } = await db.execute(sql`select distinct p.id as "personId", p.name from members m join persons p on p.id = m.person_id
    join organizations o on o.id = m.organization_id
    where m.tenant_id = ${tenantId} and ${inSubtree(sql`o.path`, path)} and m.on_roster and m.membership_status = 'active' order by p.name, p.id`);
  return rows as unknown as { personId: number; name: string }[];
}

export type HouseholdValues = Omit<typeof households.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertHousehold(db: DbOrTx, values: HouseholdValues) {
  const [row] = await db.insert(households).values(values).returning({ id: households.id });
  return row.id;
}

export async function insertHouseholds(db: DbOrTx, values: HouseholdValues[]) {
  if (!values.length) return [];
  return (await db.insert(households).values(values).returning({ id: households.id })).map((r) => r.id);
}

export async function updateHousehold(db: DbOrTx, id: number, values: Partial<HouseholdValues>) {
  await db.update(households).set({ ...values, updatedAt: new Date() }).where(eq(households.id, id));
}

/** A village's households by head and group (the import matches its rows against them). */
export async function householdsNamed(db: DbOrTx, organizationId: number) {
  return db.select({ id: households.id, headName: households.headName, hamlet: households.hamlet }).from(households).where(eq(households.organizationId, organizationId));
}

/** Ends the open links of these people today and opens links for new ones; returns who left and who joined. */
export async function setLinks(db: DbOrTx, h: { tenantId: number; organizationId: number; householdId: number }, personIds: number[], today: string, userId: number) {
  const open = await db.select({ personId: householdLinks.personId }).from(householdLinks)
    .where(and(eq(householdLinks.householdId, h.householdId), isNull(householdLinks.until)));
  const now = new Set(open.map((o) => o.personId));
  const wanted = new Set(personIds);
  const ended = [...now].filter((p) => !wanted.has(p));
  const added = [...wanted].filter((p) => !now.has(p));
  if (ended.length) {
    await db.execute(sql`update household_links set until = greatest(${today}::date, since) where household_id = ${h.householdId} and until is null
      and person_id = any(array[${sql.join(ended.map((p) => sql`${p}::int`), sql`, `)}])`);
  }
  if (added.length) {
    await db.insert(householdLinks).values(added.map((personId) => ({ ...h, personId, since: today, createdBy: userId })));
  }
  return { ended, added };
}

export async function insertLinks(db: DbOrTx, values: (typeof householdLinks.$inferInsert)[]) {
  if (values.length) await db.insert(householdLinks).values(values);
}

export async function insertVisit(db: DbOrTx, values: typeof householdVisits.$inferInsert) {
  const [row] = await db.insert(householdVisits).values(values).returning({ id: householdVisits.id });
  return row.id;
}

export async function insertVisits(db: DbOrTx, values: (typeof householdVisits.$inferInsert)[]) {
  if (values.length) await db.insert(householdVisits).values(values);
}

export interface DueByMember { personId: number; name: string; organizationId: number; organizationName: string; n: number; firstDue: string; heads: string[] }

/** 待办: per member, their households past the interval (scope, optionally below a path; or one person's own). */
export async function overdueByMember(db: DbOrTx, scope: Scope, intervalDays: number, today: string, options: { underPath?: string; personId?: number }) {
  const where = options.underPath ? inSubtree(sql`o.path`, options.underPath) : sql`true`;
  const { rows } = await executeNamed(db, sql`
    select l.person_id as "personId", p.name, q."organizationId", q."organizationName", count(*)::int as n, min(q."dueOn") as "firstDue",
      (array_agg(q."headName" order by q."dueOn", q.id))[1:5] as heads
    from (${base(scope, intervalDays, today, where)}) q
    join household_links l on l.household_id = q.id and l.until is null
    join persons p on p.id = l.person_id
    where q.overdue ${options.personId ? sql`and l.person_id = ${options.personId}` : sql``}
    group by l.person_id, p.name, q."organizationId", q."organizationName", q."organizationPath"
    order by q."organizationPath", min(q."dueOn"), p.name`, 'households_overdue');
  return rows as unknown as DueByMember[];
}

/** The 驾驶舱's 联户 figures, counted by the database. */
export async function householdCounts(db: DbOrTx, scope: Scope, intervalDays: number, today: string, underPath?: string) {
  const where = underPath ? inSubtree(sql`o.path`, underPath) : sql`true`;
  const { rows } = await executeNamed(db, sql`
    select count(*)::int as households, (count(*) filter (where q."dueOn" is not null))::int as linked,
      (count(*) filter (where q."lastVisitOn"::date > ${today}::date - ${intervalDays}::int))::int as visited,
      (count(*) filter (where q.overdue))::int as due
    from (${base(scope, intervalDays, today, where)}) q`, 'households_counts');
  return rows[0] as unknown as { households: number; linked: number; visited: number; due: number };
}

/** One visit of a household, locked: two 转为村民说事 of the same visit wait for each other, the second sees the case. */
export async function lockVisit(db: DbOrTx, householdId: number, visitId: number) {
  const { rows } = await db.execute(sql`select x.id, x.person_id as "personId", p.name as "personName", x.visited_on::text as "visitedOn", x.raised,
      x.matter_id as "matterId" from household_visits x join persons p on p.id = x.person_id
    where x.id = ${visitId} and x.household_id = ${householdId} for update of x`);
  return rows[0] as { id: number; personId: number; personName: string; visitedOn: string; raised: string | null; matterId: number | null } | undefined;
}

export async function setVisitMatter(db: DbOrTx, visitId: number, matterId: number) {
  await db.update(householdVisits).set({ matterId }).where(eq(householdVisits.id, visitId));
}
