import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { cadrePosts, members, organizations, persons } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { holdingColumns } from './repository.js';
import { runNamed } from '../../db/prepared.js';

/**
 * One row per village branch in scope with today's secretary and director, 一肩挑 and the number of posts held;
 * counted by the database (ARCHITECTURE: aggregates are not computed in JavaScript).
 */
export async function boardRows(db: DbOrTx, scope: Scope) {
  const { rows } = await db.execute<{ organizationId: number; name: string; secretary: string | null; secretaryHow: string | null; director: string | null; combined: boolean; holders: number }>(sql`
    select organizations.id as "organizationId", organizations.name,
      s.name as secretary, s.how as "secretaryHow", d.name as director,
      coalesce(s.person_id = d.person_id, false) as combined,
      (select count(*)::int from cadre_posts c where c.organization_id = organizations.id and c.ended_on is null) as holders
    from organizations
    left join lateral (select c.person_id, c.how, p.name from cadre_posts c join persons p on p.id = c.person_id
      where c.organization_id = organizations.id and c.post = 'secretary' and c.ended_on is null limit 1) s on true
    left join lateral (select c.person_id, p.name from cadre_posts c join persons p on p.id = c.person_id
      where c.organization_id = organizations.id and c.post = 'director' and c.ended_on is null limit 1) d on true
    where organizations.kind = 'branch' and organizations.status = 'active' and organizations.village_id is not null
      and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}
    order by organizations.sort_order, organizations.id`);
  return rows;
}

export async function boardTotals(db: DbOrTx, scope: Scope) {
  const { rows: [row] } = await db.execute<{ villages: number; combined: number; withoutSecretary: number }>(sql`
    select count(*)::int as villages,
      count(*) filter (where exists (select 1 from cadre_posts s join cadre_posts d on d.person_id = s.person_id and d.organization_id = s.organization_id
        where s.organization_id = organizations.id and s.post = 'secretary' and d.post = 'director' and s.ended_on is null and d.ended_on is null))::int as combined,
      count(*) filter (where not exists (select 1 from cadre_posts s where s.organization_id = organizations.id and s.post = 'secretary' and s.ended_on is null))::int as "withoutSecretary"
    from organizations
    where organizations.kind = 'branch' and organizations.status = 'active' and organizations.village_id is not null
      and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}`);
  return row;
}

/** Assigned cadres (选派) in post in the villages in scope, the nearest period end first. */
export async function assignedIn(db: DbOrTx, scope: Scope, today: string, underPath?: string) {
  return runNamed(db.select({
    ...holdingColumns,
    organizationId: cadrePosts.organizationId, organizationName: organizations.name,
    daysLeft: sql<number | null>`(${cadrePosts.periodEndsOn} - ${today}::date)`,
  }).from(cadrePosts)
    .innerJoin(persons, eq(persons.id, cadrePosts.personId))
    .innerJoin(organizations, eq(organizations.id, cadrePosts.organizationId))
    .where(and(eq(cadrePosts.how, 'assignment'), isNull(cadrePosts.endedOn), isNotNull(cadrePosts.periodEndsOn),
      scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope), underPath ? inSubtree(organizations.path, underPath) : undefined))
    .orderBy(asc(cadrePosts.periodEndsOn), asc(cadrePosts.id)), 'cadres_assigned');
}
