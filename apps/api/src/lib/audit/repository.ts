/** The audit chain's table: index.ts appends and verifies through these, one statement each. */
import { and, asc, count, desc, eq, gt, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import type { AuditFields } from './chain.js';

/** Any constant: one chain, so inserts are serialised while the previous hash is read. */
const AUDIT_CHAIN_LOCK = 7_340_202;

/** Held until the transaction ends: call it before reading the last hash. */
export async function lockChain(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

export async function lastHash(tx: DbOrTx): Promise<string | undefined> {
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return last?.hash;
}

export async function insertEvent(tx: DbOrTx, row: AuditFields & { prevHash: string; hash: string }): Promise<void> {
  await tx.insert(auditEvents).values(row);
}

/** The next events after an id, in chain order. */
export async function eventsAfter(db: DbOrTx, afterId: number, max: number) {
  return db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(max);
}

/** The chain's head and the number of rows up to it, in one statement (one snapshot). */
export async function head(db: DbOrTx): Promise<{ id: number; count: number; hash: string } | undefined> {
  const { rows } = await db.execute<{ id: string; hash: string; count: string }>(sql`
    select h.id, h.hash, (select count(*) from audit_events where id <= h.id) as count
    from (select id, hash from audit_events order by id desc limit 1) h`);
  const [row] = rows;
  return row && { id: Number(row.id), hash: row.hash, count: Number(row.count) };
}

/**
 * How many lines of one action a user of a tenant (or, without userId, anyone of the tenant) left since a time (the
 * tenant-and-time index bounds the scan).
 */
export async function countSince(db: DbOrTx, where: { tenantId: number; userId?: number; action: string; since: Date }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents).where(and(
    eq(auditEvents.tenantId, where.tenantId), gte(auditEvents.at, where.since),
    where.userId === undefined ? undefined : eq(auditEvents.userId, where.userId), eq(auditEvents.action, where.action),
  ));
  return row?.n ?? 0;
}
