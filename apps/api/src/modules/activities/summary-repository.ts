import { and, eq, sql } from 'drizzle-orm';
import type { Compliance } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { complianceSummaries, complianceVersions } from '../../db/schema/index.js';
import { anyOf, runNamed } from '../../db/prepared.js';

type BranchCompliance = Compliance['branches'][number];
export type StoredCalendar = Pick<BranchCompliance, 'rows' | 'summary'>;
export interface SummaryKey { period: string; today: string; rulesKey: string }

/**
 * For each branch: the version of what its calendar reads (0 before the first change), and the stored calendar of
 * the month when it still holds — same version, computed today, under the same settings. Read before computing
 * the missing ones: a write that lands meanwhile raises the version, so what we store is never taken for current.
 */
export async function storedCalendars(db: DbOrTx, branchIds: number[], key: SummaryKey) {
  if (!branchIds.length) return new Map<number, { version: number; stored: StoredCalendar | null }>();
  const versions = await runNamed(db.select({ organizationId: complianceVersions.organizationId, version: complianceVersions.version })
    .from(complianceVersions).where(anyOf(complianceVersions.organizationId, branchIds)), 'compliance_versions');
  const stored = await runNamed(db.select({
    organizationId: complianceSummaries.organizationId, version: complianceSummaries.version, rows: complianceSummaries.rows, summary: complianceSummaries.summary,
  }).from(complianceSummaries).where(and(
    anyOf(complianceSummaries.organizationId, branchIds), eq(complianceSummaries.period, key.period),
    eq(complianceSummaries.computedOn, key.today), eq(complianceSummaries.rulesKey, key.rulesKey),
  )), 'compliance_summaries_of');
  const versionOf = new Map(versions.map((v) => [v.organizationId, v.version]));
  const storedOf = new Map(stored.map((s) => [s.organizationId, s]));
  return new Map(branchIds.map((id) => {
    const version = versionOf.get(id) ?? 0;
    const s = storedOf.get(id);
    return [id, { version, stored: s && s.version === version ? { rows: s.rows, summary: s.summary } : null }];
  }));
}

/** Rows per insert: nine parameters each, well inside PostgreSQL's 65,535. */
const STORE_BATCH = 1000;

/** Keep freshly computed calendars; a row already there for the month is replaced. */
export async function storeCalendars(db: DbOrTx, tenantId: number, key: SummaryKey, calendars: { organizationId: number; version: number; calendar: StoredCalendar }[]) {
  for (let i = 0; i < calendars.length; i += STORE_BATCH) await storeBatch(db, tenantId, key, calendars.slice(i, i + STORE_BATCH));
}

async function storeBatch(db: DbOrTx, tenantId: number, key: SummaryKey, calendars: { organizationId: number; version: number; calendar: StoredCalendar }[]) {
  if (!calendars.length) return;
  await db.insert(complianceSummaries).values(calendars.map((c) => ({
    organizationId: c.organizationId, period: key.period, tenantId, version: c.version, computedOn: key.today, rulesKey: key.rulesKey,
    rows: c.calendar.rows, summary: c.calendar.summary,
  }))).onConflictDoUpdate({
    target: [complianceSummaries.organizationId, complianceSummaries.period],
    set: {
      version: sql`excluded.version`, computedOn: sql`excluded.computed_on`, rulesKey: sql`excluded.rules_key`,
      rows: sql`excluded.rows`, summary: sql`excluded.summary`, computedAt: sql`now()`,
    },
  });
}
