/** The accounts of a town as user administration sees them (issue 12 point 1); every read is limited to the caller's scope. */
import type { Role, UserListQuery } from '@dj/contracts';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inSubtree, type Scope } from '../../db/scope.js';
import { members, organizations, persons, roleGrants, users } from '../../db/schema/index.js';

const like = (s: string) => `%${s.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Any of the paths' subtrees holds this organisation path column. */
function inPaths(path: SQL, scope: Scope): SQL {
  if (!scope.paths.length) return sql`false`;
  return sql.join(scope.paths.map((p) => inSubtree(path, p)), sql` or `);
}

/**
 * A user the caller may administer: of the caller's town, with a grant inside the caller's scope, or with no grant at all
 * (an account whose last grant was taken away is still the town's to manage). Another town's, or one working only
 * outside the caller's scope, does not exist for the caller.
 */
export function visibleTo(scope: Scope): SQL {
  return and(eq(users.tenantId, scope.tenantId), sql`(exists (select 1 from role_grants g join organizations o on o.id = g.organization_id
      where g.user_id = ${users.id} and (${inPaths(sql`o.path`, scope)}))
    or not exists (select 1 from role_grants g where g.user_id = ${users.id}))`) as SQL;
}

const locked = sql<boolean>`(coalesce(${users.lockedUntil} > now(), false) or exists (select 1 from login_failures f where f.user_id = ${users.id} and f.locked_until > now()))`;

const summaryColumns = {
  id: users.id, username: users.username, displayName: users.displayName, personId: users.personId, personName: persons.name,
  branchName: sql<string | null>`(select o.name from members m join organizations o on o.id = m.organization_id
    where m.person_id = ${users.personId} and m.on_roster order by m.id desc limit 1)`,
  disabled: users.disabled, locked, mustChangePassword: users.mustChangePassword,
  twoFactorEnrolled: sql<boolean>`exists (select 1 from user_second_factors f where f.user_id = ${users.id} and f.confirmed_at is not null)`,
  lastSeenAt: sql<string | null>`(select max(s.last_seen_at) from sessions s where s.user_id = ${users.id})`,
  createdAt: users.createdAt,
};
export async function listUsers(db: DbOrTx, scope: Scope, q: UserListQuery & { id?: number }) {
  const parts: (SQL | undefined)[] = [visibleTo(scope)];
  if (q.id !== undefined) parts.push(eq(users.id, q.id));
  if (q.q) parts.push(sql`(${users.username} ilike ${like(q.q)} or ${users.displayName} ilike ${like(q.q)} or ${persons.name} ilike ${like(q.q)})`);
  if (q.role) parts.push(sql`exists (select 1 from role_grants g where g.user_id = ${users.id} and g.role = ${q.role})`);
  if (q.status === 'disabled') parts.push(eq(users.disabled, true));
  if (q.status === 'locked') parts.push(and(eq(users.disabled, false), locked));
  if (q.status === 'active') parts.push(and(eq(users.disabled, false), sql`not ${locked}`));
  return db.select(summaryColumns).from(users).leftJoin(persons, eq(persons.id, users.personId))
    .where(and(...parts)).orderBy(asc(users.username)).limit(2000);
}

export interface GrantRow { userId: number; role: Role; organizationId: number; organizationName: string; path: string; status: string }

/** The grants of these users with their organisations (closed ones too: an admin should see and remove them). */
export async function grantsOf(db: DbOrTx, userIds: number[]): Promise<GrantRow[]> {
  if (!userIds.length) return [];
  return db.select({
    userId: roleGrants.userId, role: roleGrants.role, organizationId: roleGrants.organizationId, organizationName: organizations.name,
    path: organizations.path, status: organizations.status,
  }).from(roleGrants).innerJoin(organizations, eq(organizations.id, roleGrants.organizationId))
    .where(inArray(roleGrants.userId, userIds)).orderBy(asc(organizations.path), asc(roleGrants.role));
}

export async function replaceGrants(db: DbOrTx, userId: number, grants: { role: Role; organizationId: number }[]) {
  await db.delete(roleGrants).where(eq(roleGrants.userId, userId));
  if (grants.length) await db.insert(roleGrants).values(grants.map((g) => ({ userId, ...g })));
}

/** Active accounts of the town holding town_admin at an active organisation, but one user; locks the rows against a parallel change. */
export async function otherActiveTownAdmins(db: DbOrTx, tenantId: number, exceptUserId: number): Promise<number> {
  const { rows } = await db.execute(sql`select u.id from users u where u.tenant_id = ${tenantId} and not u.disabled and u.id <> ${exceptUserId}
    and exists (select 1 from role_grants g join organizations o on o.id = g.organization_id and o.status = 'active' where g.user_id = u.id and g.role = 'town_admin')
    for update of u`);
  return rows.length;
}

export async function usernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return !!row;
}

export async function accountOfPerson(db: DbOrTx, tenantId: number, personId: number): Promise<number | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.personId, personId))).limit(1);
  return row?.id;
}

/** The person behind a member on the roster of an organisation in the caller's scope, with their name; undefined otherwise. */
export async function rosterPerson(db: DbOrTx, scope: Scope, memberId: number) {
  const [row] = await db.select({ id: persons.id, name: persons.name }).from(members)
    .innerJoin(persons, eq(persons.id, members.personId)).innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(members.id, memberId), eq(members.onRoster, true), eq(persons.tenantId, scope.tenantId), eq(organizations.tenantId, scope.tenantId),
      inPaths(sql`${organizations.path}`, scope))).limit(1);
  return row;
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<number> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row.id;
}

export async function updateUser(db: DbOrTx, id: number, values: Partial<Pick<typeof users.$inferInsert, 'displayName' | 'disabled'>>) {
  await db.update(users).set(values).where(eq(users.id, id));
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
