/**
 * 薄弱村 (issue 18 point 2): the years × villages table of 经营性收入 and total, each village weak or not against the town's
 * line (setting economy.weakIncomeWan), the year it crossed the line (消薄), and the town's sums with growth. Villages
 * stay in tree order: the page shows distributions, never a ranking.
 */
import { ECONOMY_WEAK_SETTING, todayInShanghai, type EconomyOverview, type EconomyYearsQuery } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { can, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { invalid } from '../../lib/errors.js';
import { settingDefinition, settingValue } from '../settings/index.js';
import * as figures from './figures-repository.js';
import { partnershipsDueCount } from './partnerships-figures.js';
import * as repo from './repository.js';

const FEN_PER_WAN = 1_000_000;
const DEFAULT_SPAN = 5;

export async function thresholdFenOf(db: Db, tenantId: number): Promise<number> {
  return Math.round((await settingValue(db, tenantId, ECONOMY_WEAK_SETTING)) * FEN_PER_WAN);
}

export async function getOverview(db: Db, user: AuthUser, query: EconomyYearsQuery): Promise<EconomyOverview> {
  requirePermission(user, 'economy.read');
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const to = query.to ?? thisYear;
  const from = query.from ?? to - DEFAULT_SPAN + 1;
  if (from > to) throw invalid('from', '起始年度不能晚于截止年度');
  if (to - from > 20) throw invalid('from', '一次最多查看20个年度');
  const thresholdFen = await thresholdFenOf(db, user.tenantId);
  const [villages, cells, crossed, town] = await Promise.all([
    repo.villageBranches(db, user.scope), figures.cells(db, user.scope, from, to, thresholdFen),
    figures.crossings(db, user.scope, thresholdFen), figures.townYears(db, user.scope, from, to, thresholdFen),
  ]);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const byKey = new Map(cells.map((c) => [`${c.organizationId}:${c.year}`, c]));
  const enter = villages.some((v) => can(user, 'economy.enter', v.path));
  return {
    years, thresholdFen, thresholdSource: settingDefinition(ECONOMY_WEAK_SETTING)?.source ?? '',
    villages: villages.map((v) => ({
      organizationId: v.organizationId, villageName: v.villageName ?? v.name, crossedIn: crossed.get(v.organizationId) ?? null,
      cells: years.map((year) => {
        const c = byKey.get(`${v.organizationId}:${year}`);
        return { year, status: c?.status ?? null, operatingIncomeFen: c?.operating ?? null, totalFen: c?.total ?? null, weak: c?.weak ?? null };
      }),
    })),
    town: town.map((t) => ({ ...t })),
    can: { enter, approve: can(user, 'economy.approve'), import: enter },
  };
}

/** The 驾驶舱's 集体经济 tile: last year's approved figures (a year is entered after its accounts close) and what waits. */
export async function economyFigures(db: DbOrTx, user: AuthUser, village: { path: string } | undefined, today: string) {
  const year = Number(today.slice(0, 4)) - 1;
  const thresholdWan = await settingValue(db, user.tenantId, ECONOMY_WEAK_SETTING);
  const counts = await figures.dashboardCounts(db, user.scope, village?.path, year, Math.round(thresholdWan * FEN_PER_WAN));
  // 合作到期 (村企合作 renewals due or overdue, economy.partnershipDueDays): as of today, not of last year.
  return { year, thresholdWan, ...counts, partnershipsDue: await partnershipsDueCount(db, user, village?.path, today) };
}

/** 集体增收 of one village and year: the approved 经营性收入, a figure submitted and waiting for the town, the year before's approved. */
export interface IncomeGrowthItem { year: number; approvedFen: number | null; submittedFen: number | null; previousFen: number | null }

/**
 * The assessment's 集体增收 (modules/assessment measures.ts): for each village branch, each year of `years` with the
 * year before's approved figure, read in one statement whatever the number of villages. Rows stay under the caller's
 * row scope (the policies), the branches are the caller's own list.
 */
export async function incomeGrowthOf(db: DbOrTx, organizationIds: readonly number[], years: readonly number[]): Promise<Map<number, IncomeGrowthItem[]>> {
  const out = new Map<number, IncomeGrowthItem[]>(organizationIds.map((id) => [id, []]));
  if (!years.length) return out;
  const rows = await figures.growthYears(db, organizationIds, Math.min(...years) - 1, Math.max(...years));
  const key = (id: number, year: number) => `${id}:${year}`;
  const byKey = new Map(rows.map((r) => [key(r.organizationId, r.year), r]));
  for (const id of organizationIds) {
    for (const year of years) {
      const row = byKey.get(key(id, year));
      out.get(id)?.push({
        year, approvedFen: row?.approvedOperating ?? null, submittedFen: row?.latestStatus === 'submitted' ? row.latestOperating : null,
        previousFen: byKey.get(key(id, year - 1))?.approvedOperating ?? null,
      });
    }
  }
  return out;
}
