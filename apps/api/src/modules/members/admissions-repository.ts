/**
 * 当年发展党员数 for the 对标 (issue 17 point 4): members of the caller's scope admitted as 预备党员 between two days
 * (inclusive), counted by the database. A member counts once, by the first 'admitted' event (a re-admission after a
 * cancelled probation is not a second recruit); the branch is the member's current one.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, membershipEvents, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

export async function admittedBetween(db: DbOrTx, scope: Scope, start: string, end: string): Promise<number> {
  const { rows: [row] } = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select e.member_id, min(e.occurred_on) as first_on from ${membershipEvents} e
      join ${members} m on m.id = e.member_id
      join ${organizations} on ${organizations.id} = m.organization_id
      where e.kind = 'admitted' and ${scopeFilter(organizations, scope)}
      group by e.member_id
    ) a where a.first_on between ${start}::date and ${end}::date`);
  return row?.n ?? 0;
}
