import { and, asc, desc, eq, ilike, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { flowContacts, memberFlows, members, membershipEvents, organizations, persons, users } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { anyOf, runNamed } from '../../db/prepared.js';

const groups = alias(organizations, 'member_group');

const columns = {
  id: members.id, personId: persons.id, tenantId: members.tenantId,
  name: persons.name, gender: persons.gender, ethnicity: persons.ethnicity, birthDate: persons.birthDate,
  idNumberMasked: persons.idNumberMasked, phoneMasked: persons.phoneMasked, nativePlace: persons.nativePlace,
  education: persons.education, occupation: persons.occupation, workUnit: persons.workUnit, address: persons.address,
  hamlet: persons.hamlet, joinedAt: members.joinedAt, confirmedAt: members.confirmedAt, standing: members.standing,
  membershipStatus: members.membershipStatus, isMobile: members.isMobile, onRoster: members.onRoster,
  probationEndsOn: members.probationEndsOn, organizationId: members.organizationId, organizationName: organizations.name,
  organizationPath: organizations.path, groupId: members.groupId, groupName: groups.name, partyPosts: members.partyPosts,
  isVillageCadre: members.isVillageCadre, isHardship: members.isHardship, isDemo: members.isDemo,
};
export type MemberRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** Members are scoped through their organisation's path: the same filter as the tree. */
function fromScoped(db: DbOrTx) {
  return db.select(columns).from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .leftJoin(groups, eq(groups.id, members.groupId));
}

export interface MemberFilter {
  under?: { id: number; path: string };
  range: 'self' | 'children' | 'subtree';
  /** Exact lookup by the keyed hash of a full ID number (under each known key: a rotation may be under way). */
  idNumberHashes?: string[];
  idSuffix?: string;
  name?: string;
  /** A member (role) sees only their own record. */
  personId?: number;
  filter: 'all' | 'probationary' | 'mobile' | 'unreachable' | 'confirmation_due' | 'suspended' | 'left';
  today: string;
  /** For 'unreachable': an open outflow whose last contact (or start) is on or before this date. */
  unreachableBefore?: string;
}

/**
 * A name search as a substring match. ILIKE only where the text has letters with case (a Latin or Uyghur-Latin
 * name): folding case cost half of the scan for Chinese names, which have none (city scale, 69,168 persons:
 * 75–93 ms with ILIKE, 38 ms with LIKE for 建国).
 */
function nameContains(name: string): SQL {
  const pattern = `%${name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return name.toLowerCase() === name.toUpperCase() ? like(persons.name, pattern) : ilike(persons.name, pattern);
}

function conditions(scope: Scope, f: MemberFilter): SQL {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope), eq(members.onRoster, true)];
  if (f.under) {
    if (f.range === 'self') parts.push(eq(organizations.id, f.under.id));
    if (f.range === 'children') parts.push(or(eq(organizations.id, f.under.id), eq(organizations.parentId, f.under.id)));
    if (f.range === 'subtree') parts.push(inSubtree(organizations.path, f.under.path));
  }
  if (f.idNumberHashes) parts.push(inArray(persons.idNumberHash, f.idNumberHashes));
  if (f.personId) parts.push(eq(members.personId, f.personId));
  if (f.idSuffix) parts.push(like(persons.idNumberMasked, `%${f.idSuffix}`));
  // Two-character names produce no trigram: the scope filter above narrows the scan first (stack-measurements §0.7).
  if (f.name) parts.push(nameContains(f.name));
  const active = inArray(members.membershipStatus, ['active', 'suspended']);
  if (f.filter === 'all') parts.push(active);
  if (f.filter === 'probationary') parts.push(and(active, eq(members.standing, 'probationary')));
  if (f.filter === 'mobile') parts.push(and(active, eq(members.isMobile, true)));
  if (f.filter === 'unreachable') {
    parts.push(and(active, sql`exists (select 1 from ${memberFlows} f where f.member_id = ${members.id} and f.ended_on is null
      and f.direction = 'outflow' and coalesce((select max(c.contacted_on) from ${flowContacts} c where c.flow_id = f.id), f.started_on)
      <= ${f.unreachableBefore ?? f.today}::date)`));
  }
  if (f.filter === 'suspended') parts.push(eq(members.membershipStatus, 'suspended'));
  if (f.filter === 'left') parts.push(eq(members.membershipStatus, 'left'));
  if (f.filter === 'confirmation_due') {
    parts.push(and(eq(members.membershipStatus, 'active'), eq(members.standing, 'probationary'),
      lte(members.probationEndsOn, sql`(${f.today}::date + 30)`)));
  }
  return and(...parts) as SQL;
}

/** The roster's order: branch by branch (as the tree sorts them), by name inside a branch. */
const ROSTER_ORDER = [asc(organizations.sortOrder), asc(organizations.id), asc(persons.name), asc(members.id)];

/** Past this many rows in scope (by the planner's estimate) the total is that estimate, said so, and the UI shows 约 N. */
export const EXACT_TOTAL_LIMIT = 10_000;

/** The filter reads persons only for a number or a name; the count needs the join only then. */
const readsPersons = (f: MemberFilter) => Boolean(f.idNumberHashes || f.idSuffix || f.name);

/**
 * One page of the roster in two phases: the page's member ids by the sort keys alone (the plan walks the
 * organisations in order and sorts each one's members by name, so nothing is read past the page and nothing wide is
 * sorted), then only those rows with every column. The total is a separate, capped count. The old single query with
 * count(*) over () joined and sorted every row in scope on every page and spilled to disk at city scale (issue 14).
 */
export async function list(db: DbOrTx, scope: Scope, f: MemberFilter, page: number, pageSize: number) {
  const items = await pageOf(db, scope, f, page, pageSize);
  return { items, ...await totalOf(db, scope, conditions(scope, f), readsPersons(f)) };
}

/** A page of the roster without its total. */
async function pageOf(db: DbOrTx, scope: Scope, f: MemberFilter, page: number, pageSize: number) {
  const keys = await runNamed(db.select({ id: members.id }).from(members)
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(conditions(scope, f)).orderBy(...ROSTER_ORDER).limit(pageSize).offset((page - 1) * pageSize), 'member_list_keys');
  // The ids as one array parameter: one statement text (one prepared statement) whatever the page's length.
  const ids = keys.map((k) => k.id);
  return ids.length
    ? runNamed(fromScoped(db).where(and(scopeFilter(organizations, scope), anyOf(members.id, ids))).orderBy(...ROSTER_ORDER), 'member_list_rows')
    : [];
}

/**
 * The to-do list's 转正 items: the first `limit` members of a filter in roster order, with only what an item names,
 * in one statement (the roster page's two phases read every column of each row for four of them).
 */
export async function namesOf(db: DbOrTx, scope: Scope, f: MemberFilter, limit: number) {
  return runNamed(db.select({ id: members.id, name: persons.name, organizationName: organizations.name, probationEndsOn: members.probationEndsOn })
    .from(members).innerJoin(persons, eq(persons.id, members.personId)).innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(conditions(scope, f)).orderBy(...ROSTER_ORDER).limit(limit), 'member_task_rows');
}

/**
 * The planner's estimate first (EXPLAIN, no rows read): past EXACT_TOTAL_LIMIT it is the answer, said so; below it
 * the rows are counted. Without a search, counted branch by branch (a lateral count per organisation in scope, which
 * the planner cannot flatten into a hash join over the whole members table): each branch's roster from its index.
 */
async function totalOf(db: DbOrTx, scope: Scope, where: SQL, withPersons: boolean) {
  const inScope = db.select({ one: sql<number>`1` }).from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId)).$dynamic();
  if (withPersons) inScope.innerJoin(persons, eq(persons.id, members.personId));
  const plan = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`explain (format json) ${inScope.where(where)}`);
  const estimate = Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
  if (estimate > EXACT_TOTAL_LIMIT) return { total: estimate, totalIsEstimate: true };
  if (withPersons) {
    // A name or number search: one join, so the planner can filter persons first (at city scale the per-branch
    // count looked up the person of every member in scope, 66,937 index probes and 200 ms for 建国).
    const [{ n }] = await runNamed(db.select({ n: sql<number>`count(*)::int` }).from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .innerJoin(persons, eq(persons.id, members.personId)).where(where), 'member_search_count');
    return { total: n, totalIsEstimate: false };
  }
  const roster = db.select({ n: sql<number>`count(*)`.as('n') }).from(members).$dynamic();
  const perBranch = roster.where(and(eq(members.organizationId, organizations.id), where)).as('roster');
  const [{ n }] = await runNamed(db.select({ n: sql<number>`coalesce(sum(${perBranch.n}), 0)::int` }).from(organizations)
    .crossJoinLateral(perBranch).where(scopeFilter(organizations, scope)), 'member_list_count');
  return { total: n, totalIsEstimate: false };
}

/** Up to `max` members for an export; the caller has already checked the count. */
export async function listAll(db: DbOrTx, scope: Scope, f: MemberFilter, max: number) {
  return fromScoped(db).where(conditions(scope, f)).orderBy(asc(organizations.sortOrder), asc(persons.name)).limit(max);
}

export async function findById(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await fromScoped(db).where(and(scopeFilter(organizations, scope), eq(members.id, id))).limit(1);
  return row;
}

/** Sealed personal numbers of one member: read only by the reveal action and the full export. */
export async function findSealed(db: DbOrTx, personId: number) {
  const [row] = await db.select({ idNumberEnc: persons.idNumberEnc, phoneEnc: persons.phoneEnc }).from(persons).where(eq(persons.id, personId));
  return row;
}

export async function findSealedMany(db: DbOrTx, personIds: number[]) {
  const out = new Map<number, { idNumberEnc: string; phoneEnc: string | null }>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const rows = await db.select({ id: persons.id, idNumberEnc: persons.idNumberEnc, phoneEnc: persons.phoneEnc }).from(persons)
      .where(inArray(persons.id, personIds.slice(i, i + 1000)));
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

export async function findPersonByIdHash(db: DbOrTx, tenantId: number, idNumberHash: string) {
  const [row] = await db.select({ personId: persons.id, memberId: members.id, organizationPath: organizations.path })
    .from(persons)
    .leftJoin(members, eq(members.personId, persons.id))
    .leftJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(persons.tenantId, tenantId), eq(persons.idNumberHash, idNumberHash))).limit(1);
  return row;
}

export async function insertPerson(db: DbOrTx, values: typeof persons.$inferInsert) {
  const [row] = await db.insert(persons).values(values).returning({ id: persons.id });
  return row.id;
}

export async function updatePerson(db: DbOrTx, id: number, values: Partial<typeof persons.$inferInsert>) {
  await db.update(persons).set({ ...values, updatedAt: new Date() }).where(eq(persons.id, id));
}

export async function insertMember(db: DbOrTx, values: typeof members.$inferInsert) {
  const [row] = await db.insert(members).values(values).returning({ id: members.id });
  return row.id;
}

export async function updateMember(db: DbOrTx, id: number, values: Partial<typeof members.$inferInsert>) {
  await db.update(members).set({ ...values, updatedAt: new Date() }).where(eq(members.id, id));
}

export type EventValues = typeof membershipEvents.$inferInsert;

export async function insertEvents(db: DbOrTx, values: EventValues[]) {
  if (values.length) await db.insert(membershipEvents).values(values);
}

/** A member's 党籍 events in the order they happened: what deriveMembership reads. */
export async function eventDatesOf(db: DbOrTx, memberId: number) {
  return db.select({ kind: membershipEvents.kind, occurredOn: membershipEvents.occurredOn, probationEndsOn: membershipEvents.probationEndsOn, dateUnknown: membershipEvents.dateUnknown })
    .from(membershipEvents).where(eq(membershipEvents.memberId, memberId)).orderBy(membershipEvents.occurredOn, membershipEvents.id);
}

const fromOrg = alias(organizations, 'from_org');
const toOrg = alias(organizations, 'to_org');

export async function listEvents(db: DbOrTx, memberId: number) {
  return db.select({
    id: membershipEvents.id, kind: membershipEvents.kind, occurredOn: membershipEvents.occurredOn, reason: membershipEvents.reason,
    fromOrganizationName: fromOrg.name, toOrganizationName: toOrg.name, recordedBy: users.displayName,
  }).from(membershipEvents)
    .leftJoin(fromOrg, eq(fromOrg.id, membershipEvents.fromOrganizationId))
    .leftJoin(toOrg, eq(toOrg.id, membershipEvents.toOrganizationId))
    .leftJoin(users, eq(users.id, membershipEvents.recordedBy))
    .where(eq(membershipEvents.memberId, memberId))
    .orderBy(asc(membershipEvents.occurredOn), asc(membershipEvents.id));
}

/** Active organisations of the tenant by name, for resolving 所在党支部 / 党小组 in forms and imports. */
export async function findOrganizationsInScope(db: DbOrTx, scope: Scope) {
  return db.select({ id: organizations.id, name: organizations.name, kind: organizations.kind, parentId: organizations.parentId, path: organizations.path })
    .from(organizations)
    .where(and(scopeFilter(organizations, scope), eq(organizations.status, 'active')))
    .orderBy(desc(organizations.kind));
}

/**
 * Every active 党支部 of the town, in or out of the caller's scope: a town-wide roster imported by a branch secretary
 * names the other branches, and their rows are told apart from unknown names (only names and ids are read).
 */
export async function findTownBranches(db: DbOrTx, tenantId: number) {
  return db.select({ id: organizations.id, name: organizations.name, path: organizations.path })
    .from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.kind, 'branch'), eq(organizations.status, 'active')));
}

/** How many members on the roster a filter finds in a scope (the 驾驶舱's counts; the list's total is estimated past a limit). */
export async function countMembers(db: DbOrTx, scope: Scope, f: MemberFilter) {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId)).where(conditions(scope, f));
  return n;
}
