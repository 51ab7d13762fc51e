/** 党费: each member's bases (what they pay from which month) and the months recorded as paid. */
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { duesBases, duesPayments } from '../../db/schema/index.js';

export type DuesBasisRow = typeof duesBases.$inferSelect;
export type DuesPaymentRow = typeof duesPayments.$inferSelect;

/** The bases (oldest first) and payments of these members. */
export async function loadDues(db: DbOrTx, memberIds: number[]) {
  if (!memberIds.length) return { bases: [] as DuesBasisRow[], payments: [] as DuesPaymentRow[] };
  const bases = await db.select().from(duesBases).where(inArray(duesBases.memberId, memberIds)).orderBy(asc(duesBases.effectiveFrom));
  const payments = await db.select().from(duesPayments).where(inArray(duesPayments.memberId, memberIds));
  return { bases, payments };
}

/** One basis per member and month it takes effect: setting it again for that month replaces it. */
export async function upsertBasis(db: DbOrTx, values: typeof duesBases.$inferInsert) {
  await db.insert(duesBases).values(values).onConflictDoUpdate({ target: [duesBases.memberId, duesBases.effectiveFrom], set: values });
}

export async function insertPayments(db: DbOrTx, rows: (typeof duesPayments.$inferInsert)[]) {
  await db.insert(duesPayments).values(rows);
}
