import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, sessions, tenants, userScopes, users } from '../../db/schema/index.js';

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function recordFailedLogin(db: DbOrTx, userId: number, maxFailures: number, lockMs: number) {
  // One statement, so concurrent wrong passwords cannot skip past the threshold.
  const [row] = await db.update(users).set({
    failedLogins: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then 0 else ${users.failedLogins} + 1 end`,
    lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then now() + ${`${lockMs} milliseconds`}::interval else ${users.lockedUntil} end`,
  }).where(eq(users.id, userId)).returning({ lockedUntil: users.lockedUntil });
  return row;
}

export async function clearFailedLogins(db: DbOrTx, userId: number) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(db: DbOrTx, values: { id: string; userId: number; csrfToken: string; ip: string }) {
  await db.insert(sessions).values(values);
}

export async function findSession(db: DbOrTx, id: string) {
  const [row] = await db.select({
    csrfToken: sessions.csrfToken,
    createdAt: sessions.createdAt,
    lastSeenAt: sessions.lastSeenAt,
    user: {
      id: users.id, tenantId: users.tenantId, username: users.username, displayName: users.displayName,
      roles: users.roles, disabled: users.disabled, tenantName: tenants.name, isDemoTenant: tenants.isDemo,
    },
  }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(sessions.id, id)).limit(1);
  return row;
}

export async function touchSession(db: DbOrTx, id: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** The roots of a user's scope, read fresh on every request so a revoked assignment takes effect at once. */
export async function findScopeRoots(db: DbOrTx, userId: number) {
  return db.select({ organizationId: organizations.id, name: organizations.name, path: organizations.path })
    .from(userScopes)
    .innerJoin(organizations, and(eq(organizations.id, userScopes.organizationId), eq(organizations.status, 'active')))
    .where(eq(userScopes.userId, userId))
    .orderBy(asc(organizations.path));
}
