import { sql, type SQL } from 'drizzle-orm';
import { acrossScope, type DbOrTx } from '../../db/client.js';
import { inSubtree, scopeFilter, type Scope } from '../../db/scope.js';
import { organizations } from '../../db/schema/index.js';
import { factsSql, type Period } from './facts.js';

/** Where the counts are taken: the caller's scope, and within it the subtree of the organisation asked for. */
export interface Where { scope: Scope; under: string | null }

const inWhere = (w: Where): SQL => sql`${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, w.scope)}
  ${w.under ? sql`and ${inSubtree(organizations.path, w.under)}` : sql``}`;

/** A count of one cell; branchId null is the total over every branch in the scope (GROUPING SETS, by the database). */
export type CountRow = { tbl: string; col: string; branchId: number | null; n: number };

/**
 * A branch's year includes members who have since moved to another branch of the town (its 镇内转出, its 年初数), whom
 * the row-level backstop hides from the branch's secretary, since it reads where a member is today. So the facts are
 * read across the town on purpose and cut to the caller's scope in the SQL, by the branch each fact belongs to then.
 */
const acrossTown = <T>(db: DbOrTx, query: () => PromiseLike<T>) => acrossScope(db, query);

export async function countFacts(db: DbOrTx, p: Period, w: Where): Promise<CountRow[]> {
  const { rows } = await acrossTown(db, () => db.execute<CountRow>(sql`${factsSql(p)}
    select f.tbl, f.col, f.branch_id as "branchId", count(*)::int as n
    from facts f join ${organizations} on organizations.id = f.branch_id
    where ${inWhere(w)}
    group by grouping sets ((f.tbl, f.col, f.branch_id), (f.tbl, f.col))`));
  return rows;
}

/** The rows of the member tables: the branches in the subtree open on the day, and any other branch with a count. */
export async function units(db: DbOrTx, w: Where, end: string, withCounts: number[]): Promise<{ id: number; name: string }[]> {
  const ids = withCounts.length ? sql`or organizations.id in (${sql.join(withCounts.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const { rows } = await db.execute<{ id: number; name: string }>(sql`
    select organizations.id, organizations.name from ${organizations}
    where ${inWhere(w)} and ((organizations.kind = 'branch' and (organizations.status = 'active' or organizations.closed_at::date > ${end}::date)) ${ids})
    order by organizations.sort_order, organizations.id`);
  return rows;
}

/**
 * 基层党组织 by kind (joint branches counted again on their own row) and sector. The tree keeps no founding day, so an
 * organisation counts if it is open today or was closed after the statistics day.
 */
export async function countOrganizations(db: DbOrTx, w: Where, end: string): Promise<{ kind: string; sector: string; n: number }[]> {
  const { rows } = await db.execute<{ kind: string; sector: string; n: number }>(sql`
    select k.kind, coalesce(organizations.sector, 'unknown') as sector, count(*)::int as n
    from ${organizations} cross join lateral (values (organizations.kind::text), (case when organizations.is_joint then 'joint_branch' end)) k(kind)
    where ${inWhere(w)} and organizations.kind <> 'group' and k.kind is not null
      and (organizations.status = 'active' or organizations.closed_at::date > ${end}::date)
    group by k.kind, coalesce(organizations.sector, 'unknown')`);
  return rows;
}

export type CellMember = { memberId: number; name: string; organizationName: string; occurredOn: string | null; total: number };

/** The members behind one cell (branchId null: every branch of the subtree), a page of them, with the cell's count. */
export async function cellMembers(db: DbOrTx, p: Period, w: Where, cell: { tbl: string; col: string; branchId: number | null }, page: { limit: number; offset: number }): Promise<CellMember[]> {
  const { rows } = await acrossTown(db, () => db.execute<CellMember>(sql`${factsSql(p)}
    select f.member_id as "memberId", ps.name, organizations.name as "organizationName", f.occurred_on::text as "occurredOn", count(*) over ()::int as total
    from facts f join ${organizations} on organizations.id = f.branch_id
      join members m on m.id = f.member_id join persons ps on ps.id = m.person_id
    where ${inWhere(w)} and f.tbl = ${cell.tbl} and f.col = ${cell.col} ${cell.branchId ? sql`and f.branch_id = ${cell.branchId}` : sql``}
    order by organizations.sort_order, organizations.id, f.occurred_on nulls first, ps.name, f.member_id
    limit ${page.limit} offset ${page.offset}`));
  return rows;
}
