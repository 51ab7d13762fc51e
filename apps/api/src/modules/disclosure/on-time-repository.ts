/** The dates behind 三务公开按期 (on-time.ts): per branch, rule and period, the disclosures' 提出, 审批 and 公开 days. */
import { and, inArray, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { disclosures } from '../../db/schema/index.js';

const day = (col: AnyColumn) => sql`(${col} at time zone 'Asia/Shanghai')::date`;

/**
 * Per branch (all of them in one statement), rule and period, found by the database: the first publication, and of the disclosure taken on (the first
 * published, else the latest not returned or draft) its 提出 and 审批 days.
 */
export async function scheduledFactsOf(db: DbOrTx, organizationIds: number[], periods: string[]) {
  const d = disclosures;
  // The disclosure taken on: the first published, else the latest proposed one still under way (not a draft or returned).
  const takenOn = sql`order by ${d.publishedAt} asc nulls last, ${d.submittedAt} desc nulls last, ${d.id} desc)
    filter (where ${d.publishedAt} is not null or ${d.status} in ('submitted', 'reviewed', 'approved'))`;
  const first = (value: SQL) => sql`(array_agg(${value} ${takenOn})[1]`;
  const rows = await db.select({
    organizationId: d.organizationId, ruleKey: sql<string>`${d.ruleKey}`, period: d.period,
    publishedOn: sql<string | null>`(min(${day(d.publishedAt)}))::text`,
    disclosureId: sql<number | null>`${first(sql`${d.id}`)}`,
    submittedOn: sql<string | null>`(${first(day(d.submittedAt))})::text`,
    approvedOn: sql<string | null>`(${first(day(d.approvedAt))})::text`,
  }).from(d)
    .where(and(inArray(d.organizationId, organizationIds), isNotNull(d.ruleKey), inArray(d.period, periods)))
    .groupBy(d.organizationId, d.ruleKey, d.period);
  return rows;
}

/**
 * The first day these branches put a disclosure through the platform (提出 or 公开, Beijing time): before it the
 * platform holds no record of their 三务公开, so the 对标 (issue 17 point 4) does not count those periods as missed.
 */
export async function firstDisclosureOn(db: DbOrTx, organizationIds: number[]): Promise<string | null> {
  if (!organizationIds.length) return null;
  const [row] = await db.select({ on: sql<string | null>`(min(least(${day(disclosures.submittedAt)}, ${day(disclosures.publishedAt)})))::text` })
    .from(disclosures).where(inArray(disclosures.organizationId, organizationIds));
  return row?.on ?? null;
}
