import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, organizationHistory, organizations, users, villages } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { runNamed } from '../../db/prepared.js';

const columns = {
  id: organizations.id, parentId: organizations.parentId, path: organizations.path, name: organizations.name,
  kind: organizations.kind, sector: organizations.sector, isJoint: organizations.isJoint, villageId: organizations.villageId,
  villageName: villages.name, villageCode: villages.code, status: organizations.status, closedAt: organizations.closedAt,
  isDemo: organizations.isDemo, updatedAt: organizations.updatedAt, tenantId: organizations.tenantId,
};

function selectOrganizations(db: DbOrTx, where: SQL | undefined) {
  return db.select(columns).from(organizations).leftJoin(villages, eq(villages.id, organizations.villageId)).where(where);
}

export interface ListFilter {
  /** Path of the chosen root, or none for the user's scope roots. */
  root?: { id: number; path: string };
  range: 'self' | 'children' | 'subtree';
  includeClosed: boolean;
}

export async function list(db: DbOrTx, scope: Scope, filter: ListFilter) {
  const conditions: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (!filter.includeClosed) conditions.push(eq(organizations.status, 'active'));
  const { root, range } = filter;
  if (root) {
    if (range === 'self') conditions.push(eq(organizations.id, root.id));
    if (range === 'children') conditions.push(eq(organizations.parentId, root.id));
    if (range === 'subtree') conditions.push(inSubtree(organizations.path, root.path));
  } else if (range === 'self') {
    conditions.push(sql`${organizations.path} in ${scope.paths.length ? scope.paths : ['']}`);
  } else if (range === 'children') {
    // Direct children of each scope root: one more id segment than the root's path.
    conditions.push(sql`regexp_replace(${organizations.path}, '[0-9]+/$', '') in ${scope.paths.length ? scope.paths : ['']}`);
  }
  return runNamed(selectOrganizations(db, and(...conditions))
    .orderBy(sql`length(${organizations.path}) - length(replace(${organizations.path}, '/', ''))`, asc(organizations.sortOrder), asc(organizations.id)), 'organization_list');
}

/** One organisation if it lies inside the scope; undefined otherwise (the caller answers 404). */
export async function findById(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await selectOrganizations(db, and(scopeFilter(organizations, scope), eq(organizations.id, id))).limit(1);
  return row;
}

export async function nextId(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`select nextval(pg_get_serial_sequence('organizations', 'id')) as id`);
  return Number(result.rows[0].id);
}

export async function insert(db: DbOrTx, values: typeof organizations.$inferInsert) {
  await db.insert(organizations).values(values);
}

export async function update(db: DbOrTx, id: number, values: Partial<typeof organizations.$inferInsert>) {
  await db.update(organizations).set({ ...values, updatedAt: new Date() }).where(eq(organizations.id, id));
}

/** Re-root a whole subtree in one statement: every descendant's path keeps its tail. */
export async function moveSubtree(db: DbOrTx, tenantId: number, oldPath: string, newPath: string) {
  await db.update(organizations).set({
    path: sql`${newPath} || substring(${organizations.path} from ${oldPath.length + 1}::int)`,
  }).where(and(eq(organizations.tenantId, tenantId), inSubtree(organizations.path, oldPath)));
}

export async function countActiveChildren(db: DbOrTx, id: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations)
    .where(and(eq(organizations.parentId, id), eq(organizations.status, 'active')));
  return row.n;
}

export async function siblingNameTaken(db: DbOrTx, parentId: number, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(and(
    eq(organizations.parentId, parentId), eq(organizations.name, name), eq(organizations.status, 'active'),
    exceptId ? ne(organizations.id, exceptId) : undefined,
  )).limit(1);
  return !!row;
}

/** Members in good standing anywhere in the subtree (a branch's members include its groups'). */
export async function memberCounts(db: DbOrTx, tenantId: number, path: string) {
  const [row] = await db.select({
    full: sql<number>`count(*) filter (where ${members.standing} = 'full')::int`,
    probationary: sql<number>`count(*) filter (where ${members.standing} = 'probationary')::int`,
    total: sql<number>`count(*)::int`,
    committee: sql<number>`count(*) filter (where ${members.partyPosts} && array['deputy_secretary','organization_officer','publicity_officer','discipline_officer'])::int`,
  }).from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(members.tenantId, tenantId), eq(members.membershipStatus, 'active'), inSubtree(organizations.path, path)));
  return row;
}

export async function insertHistory(db: DbOrTx, values: typeof organizationHistory.$inferInsert) {
  await db.insert(organizationHistory).values(values);
}

export async function listHistory(db: DbOrTx, organizationId: number) {
  return db.select({
    id: organizationHistory.id, action: organizationHistory.action, at: organizationHistory.at,
    userName: users.displayName, before: organizationHistory.before, after: organizationHistory.after, note: organizationHistory.note,
  }).from(organizationHistory)
    .leftJoin(users, eq(users.id, organizationHistory.userId))
    .where(eq(organizationHistory.organizationId, organizationId))
    .orderBy(desc(organizationHistory.at), desc(organizationHistory.id));
}

export async function findVillage(db: DbOrTx, tenantId: number, villageId: number) {
  const [row] = await db.select().from(villages).where(and(eq(villages.tenantId, tenantId), eq(villages.id, villageId))).limit(1);
  return row;
}
