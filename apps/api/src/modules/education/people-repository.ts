import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * The people a session of an organisation may name: the 党员 on its subtree's roster, and the village cadres in post,
 * reserves in a pipeline, talents and people on the way into the party (发展党员, active) filed under it (the cadres and talent modules' registries, read here by their
 * tables as each keeps them: a person, member or not, under a village branch). One line per person, a member's own
 * branch first, so the attendance line is filed under the branch that keeps the person. Names only: no ID number or
 * phone is read.
 */
export interface PersonUnder { personId: number; name: string; organizationId: number; source: 'member' | 'person'; note: string }

export async function peopleUnder(db: DbOrTx, tenantId: number, path: string, personIds?: readonly number[]): Promise<PersonUnder[]> {
  if (personIds && !personIds.length) return [];
  const only = personIds ? sql`and p.id in (${sql.join(personIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const { rows } = await db.execute(sql`
    select distinct on (p.id) p.id as "personId", p.name, k.organization_id as "organizationId", k.source, k.note
    from (
      select m.person_id, m.organization_id, 'member' as source, '党员' as note, 0 as rank
        from members m where m.on_roster and m.membership_status <> 'left'
      union all select c.person_id, c.organization_id, 'person', '村干部', 1 from cadre_posts c where c.ended_on is null
      union all select r.person_id, r.organization_id, 'person', '后备人才', 2 from reserve_candidates r where r.status = 'active'
      union all select t.person_id, t.organization_id, 'person', '人才', 3 from talents t
      union all select q.person_id, q.organization_id, 'person', '入党积极分子/发展对象', 4 from recruitments q where q.status = 'active'
    ) k
    join persons p on p.id = k.person_id and p.tenant_id = ${tenantId}
    join organizations o on o.id = k.organization_id and o.tenant_id = ${tenantId}
      and o.path ~>=~ ${path} and o.path ~<~ ${`${path}~`}
    where true ${only}
    order by p.id, k.rank`);
  return (rows as unknown as PersonUnder[]).sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
}
