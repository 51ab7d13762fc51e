import { and, asc, count, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { notifications, organizations, outbox, persons, supervisorAssignments, tenants, roleGrants, users } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewOutbox = typeof outbox.$inferInsert;

/** The caller's own notifications, newest first; every query here is keyed by user id. */
export async function listForUser(db: DbOrTx, userId: number, limit: number) {
  const items = await db.select().from(notifications).where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
  const [{ n }] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: Number(n) };
}

/** Marks one of the user's own notifications read (a second call keeps the first time); null when it is not theirs. */
export async function markRead(db: DbOrTx, userId: number, id: number): Promise<NotificationRow | null> {
  const [row] = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId))).returning();
  return row ?? null;
}

export async function markAllRead(db: DbOrTx, userId: number): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}

export async function insertOutbox(tx: DbOrTx, row: NewOutbox): Promise<boolean> {
  const inserted = await tx.insert(outbox).values(row).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id });
  return inserted.length > 0;
}

/** The send log for a tenant, newest first; the ciphertext is never selected. */
export async function listOutbox(db: Db, tenantId: number, status: 'pending' | 'sent' | 'failed' | undefined, limit = 200) {
  return db.select({
    id: outbox.id, channel: outbox.channel, userId: outbox.userId, userDisplayName: users.displayName, recipientMasked: outbox.recipientMasked,
    body: outbox.body, status: outbox.status, attempts: outbox.attempts, adapter: outbox.adapter, lastError: outbox.lastError,
    createdAt: outbox.createdAt, sentAt: outbox.sentAt,
  }).from(outbox).leftJoin(users, eq(users.id, outbox.userId))
    .where(and(eq(outbox.tenantId, tenantId), status ? eq(outbox.status, status) : undefined))
    .orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit);
}

/** The oldest pending SMS not tried yet in this drain, locked; rows another drain holds are skipped. */
export async function lockNextPendingSms(tx: Tx, exclude: number[]) {
  const [row] = await tx.select().from(outbox)
    .where(and(eq(outbox.status, 'pending'), exclude.length ? notInArray(outbox.id, exclude) : undefined))
    .orderBy(asc(outbox.id)).limit(1).for('update', { skipLocked: true });
  return row ?? null;
}

export async function markSmsAttempt(tx: Tx, id: number, fields: {
  status: 'pending' | 'sent' | 'failed'; attempts: number; adapter: string; providerRef: string | null; lastError: string | null; sentAt: Date | null;
}): Promise<void> {
  await tx.update(outbox).set(fields).where(eq(outbox.id, id));
}

// ── what the reminder job reads ──────────────────────────────────────────────────────────────────────────

export async function tenantIds(db: Db): Promise<number[]> {
  return (await db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.id))).map((t) => t.id);
}

/** Active 党支部 of a tenant (not general branches, not groups). */
export async function activeBranches(db: Db, tenantId: number) {
  return db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.kind, 'branch'), eq(organizations.status, 'active')))
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
}

/** Names of a tenant's party groups, for per-group reminder text. */
export async function groupNames(db: Db, tenantId: number): Promise<Map<number, string>> {
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), eq(organizations.kind, 'group')));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Enabled branch secretaries with the paths of the organisations they are secretary of and their person's phone (encrypted, masked). */
export async function secretaries(db: Db, tenantId: number) {
  const rows = await db.select({
    userId: users.id, path: organizations.path, phoneEnc: persons.phoneEnc, phoneMasked: persons.phoneMasked,
  }).from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'branch_secretary')))
    .innerJoin(organizations, and(eq(organizations.id, roleGrants.organizationId), eq(organizations.status, 'active')))
    .leftJoin(persons, and(eq(persons.id, users.personId), eq(persons.tenantId, users.tenantId)))
    .where(and(eq(users.tenantId, tenantId), eq(users.disabled, false)));
  const byUser = new Map<number, { userId: number; paths: string[]; phoneEnc: string | null; phoneMasked: string | null }>();
  for (const r of rows) {
    const entry = byUser.get(r.userId) ?? { userId: r.userId, paths: [], phoneEnc: r.phoneEnc, phoneMasked: r.phoneMasked };
    entry.paths.push(r.path);
    byUser.set(r.userId, entry);
  }
  return [...byUser.values()];
}

/** Enabled supervisors assigned to branches of the tenant. */
export async function supervisorsByBranch(db: Db, tenantId: number): Promise<Map<number, number[]>> {
  const rows = await db.select({ userId: supervisorAssignments.userId, organizationId: supervisorAssignments.organizationId })
    .from(supervisorAssignments).innerJoin(users, eq(users.id, supervisorAssignments.userId))
    .where(and(eq(supervisorAssignments.tenantId, tenantId), eq(users.disabled, false)));
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.organizationId, [...(out.get(r.organizationId) ?? []), r.userId]);
  return out;
}
