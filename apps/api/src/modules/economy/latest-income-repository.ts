import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { economyIncomes as e } from '../../db/schema/index.js';

/** A village branch's latest approved year of collective income, its total summed by the database (a showcase's figure). */
export async function latestApprovedIncome(db: DbOrTx, organizationId: number): Promise<{ year: number; totalFen: number } | null> {
  const [row] = await db.select({ year: e.year, totalFen: sql<string>`${e.operatingFen} + ${e.contractingFen} + ${e.investmentFen} + ${e.subsidyFen} + ${e.otherFen}` })
    .from(e).where(and(eq(e.organizationId, organizationId), eq(e.status, 'approved'))).orderBy(desc(e.year), desc(e.version)).limit(1);
  return row ? { year: row.year, totalFen: Number(row.totalFen) } : null;
}
