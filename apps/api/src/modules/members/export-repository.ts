/** The tables behind roster exports: 导出申请 and the day's exports counted from the audit chain. */
import { and, asc, count, desc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvents, memberExportRequests, organizations, users } from '../../db/schema/index.js';

export type ExportRequestRow = typeof memberExportRequests.$inferSelect;

/** A request of the tenant by id; `lock` holds it for the deciding transaction. */
export async function findRequest(db: DbOrTx, tenantId: number, id: number, lock = false): Promise<ExportRequestRow | undefined> {
  const q = db.select().from(memberExportRequests).where(and(eq(memberExportRequests.id, id), eq(memberExportRequests.tenantId, tenantId))).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The tenant's requests, newest first; only one requester's when `requestedBy` is given. */
export async function listRequests(db: DbOrTx, tenantId: number, requestedBy: number | undefined, max: number) {
  return db.select().from(memberExportRequests).where(and(
    eq(memberExportRequests.tenantId, tenantId), requestedBy === undefined ? undefined : eq(memberExportRequests.requestedBy, requestedBy),
  )).orderBy(desc(memberExportRequests.createdAt), desc(memberExportRequests.id)).limit(max);
}

export async function insertRequest(db: DbOrTx, values: typeof memberExportRequests.$inferInsert): Promise<ExportRequestRow> {
  const [created] = await db.insert(memberExportRequests).values(values).returning();
  return created;
}

export async function updateRequest(db: DbOrTx, id: number, values: Partial<typeof memberExportRequests.$inferInsert>): Promise<ExportRequestRow> {
  const [updated] = await db.update(memberExportRequests).set(values).where(eq(memberExportRequests.id, id)).returning();
  return updated;
}

export async function userNames(db: DbOrTx, userIds: number[]): Promise<Map<number, string>> {
  if (!userIds.length) return new Map();
  return new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]));
}

export async function findUser(db: DbOrTx, id: number) {
  const [user] = await db.select({ name: users.displayName, username: users.username }).from(users).where(eq(users.id, id));
  return user;
}

export async function organizationNames(db: DbOrTx, tenantId: number, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  return new Map((await db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.id, ids)))).map((o) => [o.id, o.name]));
}

/** Successful roster exports by one user since a moment: the audit chain is the count the daily quota reads. */
export async function exportsSince(db: DbOrTx, tenantId: number, userId: number, since: Date): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(auditEvents).where(and(
    eq(auditEvents.tenantId, tenantId), gte(auditEvents.at, since), eq(auditEvents.userId, userId),
    eq(auditEvents.action, 'member.export'), eq(auditEvents.result, 'ok'),
  ));
  return Number(n);
}
