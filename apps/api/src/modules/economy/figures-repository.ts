import { sql } from 'drizzle-orm';
import type { IncomeStatus } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { inSubtree, type Scope } from '../../db/scope.js';
import { villageBranchIn } from './repository.js';
import { executeNamed } from '../../db/prepared.js';

/**
 * The figures of 集体经济, computed by the database: each village's year from its latest approved version (经营性收入 =
 * 经营收入 + 发包及上交收入 + 投资收益, contracts OPERATING_SOURCES), weak below the threshold, and the year it last moved
 * from below the line to above it (消薄年份); the town's sums per year with growth over the year before.
 */
const approved = (scope: Scope, from: number, to: number) => sql`
  select distinct on (i.organization_id, i.year) i.organization_id, i.year,
    (i.operating_fen + i.contracting_fen + i.investment_fen) as operating, (i.operating_fen + i.contracting_fen + i.investment_fen + i.subsidy_fen + i.other_fen) as total
  from economy_incomes i join ${organizations} on ${organizations.id} = i.organization_id
  where i.status = 'approved' and i.year between ${from} and ${to} and ${villageBranchIn(scope)}
  order by i.organization_id, i.year, i.version desc`;

export interface CellRow { organizationId: number; year: number; status: IncomeStatus | null; operating: number | null; total: number | null; weak: boolean | null }

/** One row per village × year that has any version: the latest version's status and the approved figures. */
export async function cells(db: DbOrTx, scope: Scope, from: number, to: number, thresholdFen: number): Promise<CellRow[]> {
  const { rows } = await db.execute(sql`
    with latest as (
      select distinct on (i.organization_id, i.year) i.organization_id, i.year, i.status
      from economy_incomes i join ${organizations} on ${organizations.id} = i.organization_id
      where i.year between ${from} and ${to} and ${villageBranchIn(scope)}
      order by i.organization_id, i.year, i.version desc
    ), a as (${approved(scope, from, to)})
    select l.organization_id as "organizationId", l.year, l.status, a.operating::float8 as operating, a.total::float8 as total,
      case when a.operating is null then null else a.operating < ${thresholdFen} end as weak
    from latest l left join a on a.organization_id = l.organization_id and a.year = l.year
    order by l.organization_id, l.year`);
  return rows as unknown as CellRow[];
}

/** Each village's latest year of moving from an approved year below the line to the next approved year at or above it. */
export async function crossings(db: DbOrTx, scope: Scope, thresholdFen: number): Promise<Map<number, number>> {
  const { rows } = await db.execute(sql`
    with a as (${approved(scope, 1900, 9999)}),
    flagged as (select organization_id, year, operating < ${thresholdFen} as weak,
      lag(operating < ${thresholdFen}) over (partition by organization_id order by year) as was_weak from a)
    select organization_id as "organizationId", max(year)::int as year from flagged where not weak and was_weak group by organization_id`);
  return new Map((rows as { organizationId: number; year: number }[]).map((r) => [r.organizationId, r.year]));
}

export interface TownRow { year: number; villages: number; operatingIncomeFen: number; totalFen: number; weak: number; growthPct: number | null }

/**
 * The town's (the scope's) approved sums per year, and the total's growth over the year before in per cent, like with
 * like: over the villages approved in both years (a village still waiting for approval would read as a fall).
 */
export async function townYears(db: DbOrTx, scope: Scope, from: number, to: number, thresholdFen: number): Promise<TownRow[]> {
  const { rows } = await db.execute(sql`
    with a as (${approved(scope, from - 1, to)}),
    y as (select year, count(*)::int as villages, sum(operating)::float8 as op, sum(total)::float8 as total,
      count(*) filter (where operating < ${thresholdFen})::int as weak from a group by year),
    pair as (select c.year, sum(c.total) as cur, sum(p.total) as prev from a c join a p on p.organization_id = c.organization_id and p.year = c.year - 1 group by c.year)
    select y.year, villages, op as "operatingIncomeFen", total as "totalFen", weak,
      case when pair.prev is null or pair.prev = 0 then null else round(((pair.cur - pair.prev) * 100.0 / pair.prev)::numeric, 1)::float8 end as "growthPct"
    from y left join pair on pair.year = y.year where y.year between ${from} and ${to} order by y.year`);
  return rows as unknown as TownRow[];
}

export interface DashboardEconomyRow { villages: number; approved: number; weak: number; submitted: number }

/**
 * The 驾驶舱's 集体经济 figures (issue 17 point 1, issue 18): of the villages in scope (under a village's path for its
 * card), how many have `year` approved, how many of those fall below the line, and how many years wait for the
 * town's approval.
 */
export async function dashboardCounts(db: DbOrTx, scope: Scope, under: string | undefined, year: number, thresholdFen: number): Promise<DashboardEconomyRow> {
  const { rows } = await executeNamed(db, sql`
    with v as (select ${organizations.id} from ${organizations} where ${villageBranchIn(scope)} ${under ? sql`and ${inSubtree(organizations.path, under)}` : sql``}),
    a as (${approved(scope, year, year)})
    select (select count(*) from v)::int as villages,
      (select count(*) from a where a.organization_id in (select id from v))::int as approved,
      (select count(*) from a where a.organization_id in (select id from v) and a.operating < ${thresholdFen})::int as weak,
      (select count(*) from economy_incomes i where i.status = 'submitted' and i.organization_id in (select id from v))::int as submitted`, 'economy_dashboard');
  return rows[0] as unknown as DashboardEconomyRow;
}

export interface GrowthRow { organizationId: number; year: number; latestStatus: IncomeStatus; latestOperating: number; approvedOperating: number | null }

/**
 * 集体增收 for the assessment (issue 18): per village branch and year, the latest version's status and 经营性收入 and
 * the latest approved version's, for the years asked (the caller asks for the year before as well).
 */
export async function growthYears(db: DbOrTx, organizationIds: readonly number[], from: number, to: number): Promise<GrowthRow[]> {
  if (!organizationIds.length) return [];
  const ids = sql`${sql.param([...organizationIds])}::int[]`;
  const { rows } = await db.execute(sql`
    with v as (
      select i.organization_id, i.year, i.version, i.status, (i.operating_fen + i.contracting_fen + i.investment_fen) as op
      from economy_incomes i where i.organization_id = any(${ids}) and i.year between ${from} and ${to}
    ), latest as (select distinct on (organization_id, year) * from v order by organization_id, year, version desc),
    appr as (select distinct on (organization_id, year) * from v where status = 'approved' order by organization_id, year, version desc)
    select l.organization_id as "organizationId", l.year, l.status as "latestStatus", l.op::float8 as "latestOperating", a.op::float8 as "approvedOperating"
    from latest l left join appr a on a.organization_id = l.organization_id and a.year = l.year`);
  return rows as unknown as GrowthRow[];
}

export interface SourceRow { organizationId: number; year: number; operating: number; contracting: number; investment: number; subsidy: number; other: number }

/** The latest approved version's five sources per village and year (for the documents), under a village's path when asked. */
export async function approvedSources(db: DbOrTx, scope: Scope, from: number, to: number, under?: string): Promise<SourceRow[]> {
  const { rows } = await db.execute(sql`
    select distinct on (i.organization_id, i.year) i.organization_id as "organizationId", i.year,
      i.operating_fen::float8 as operating, i.contracting_fen::float8 as contracting, i.investment_fen::float8 as investment,
      i.subsidy_fen::float8 as subsidy, i.other_fen::float8 as other
    from economy_incomes i join ${organizations} on ${organizations.id} = i.organization_id
    where i.status = 'approved' and i.year between ${from} and ${to} and ${villageBranchIn(scope)} ${under ? sql`and ${inSubtree(organizations.path, under)}` : sql``}
    order by i.organization_id, i.year, i.version desc`);
  return rows as unknown as SourceRow[];
}
