import { sql } from 'drizzle-orm';
import { COLLEGE_EDUCATIONS, VILLAGE_CADRE_POSTS, VILLAGE_CADRE_POST_BODY, type CadreBody } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';
import { executeNamed } from '../../db/prepared.js';

const postsOf = (...bodies: CadreBody[]) => VILLAGE_CADRE_POSTS.filter((p) => bodies.includes(VILLAGE_CADRE_POST_BODY[p]));
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
/** The 两委: the branch committee and the villagers' committee (not the staff posts, not the 第一书记). */
const TEAM_POSTS = postsOf('branch', 'villagers');
const COMMITTEE_POSTS = postsOf('villagers');

/** One village's (organisationId set) or the town's counts as the database returns them; null ids are the town's row. */
export type StructureRow = {
  organizationId: number | null; name: string | null;
  cadres: number; avgAge: number | null; upTo35: number; from36To45: number; from46To55: number; over55: number;
  college: number; educationUnknown: number; collegeSharePct: number | null; women: number;
  villagesWithSecretary: number; combined: number; combinedSharePct: number | null;
  committeeMembers: number; committeePartyMembers: number; committeePartySharePct: number | null;
  localTalent: number; localTalentSharePct: number | null; womenShortVillages: number;
};

const pct = (part: string, whole: string) => sql.raw(`round(100.0 * ${part} / nullif(${whole}, 0), 1)::float8`);

/**
 * 班子结构 of the villages in scope (or of one village), each village's row and the town's (organizationId null),
 * counted by the database (ARCHITECTURE: aggregates are not computed in JavaScript). A person is counted once per
 * village, whatever posts they hold there; ages are whole years on `today`. The town's row also counts the villages
 * with fewer women than `womenMin` (a per-village target).
 */
export async function structureRows(db: DbOrTx, scope: Scope, today: string, womenMin: number, organizationId?: number): Promise<StructureRow[]> {
  const { rows } = await executeNamed<StructureRow>(db, sql`
    with v as (
      select organizations.id, organizations.name, organizations.sort_order from ${organizations}
      where organizations.kind = 'branch' and organizations.status = 'active' and organizations.village_id is not null
        and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}
        ${organizationId ? sql`and organizations.id = ${organizationId}` : sql``}
    ),
    team as (
      select c.organization_id, c.person_id, bool_or(c.local_talent) as local_talent, bool_or(c.post in (${list(COMMITTEE_POSTS)})) as on_committee
      from cadre_posts c join v on v.id = c.organization_id
      where c.ended_on is null and c.post in (${list(TEAM_POSTS)})
      group by c.organization_id, c.person_id
    ),
    people as (
      select t.organization_id, t.person_id, t.local_talent, t.on_committee, p.education, p.gender,
        extract(year from age(${today}::date, p.birth_date))::int as age,
        exists (select 1 from members m where m.person_id = p.id and m.membership_status = 'active' and m.on_roster) as party
      from team t join persons p on p.id = t.person_id
    ),
    per_village as (
      select v.id, v.name, v.sort_order,
        count(pp.person_id)::int as cadres, coalesce(sum(pp.age), 0)::int as age_sum,
        count(*) filter (where pp.age <= 35)::int as up_to35,
        count(*) filter (where pp.age between 36 and 45)::int as from36_to45,
        count(*) filter (where pp.age between 46 and 55)::int as from46_to55,
        count(*) filter (where pp.age > 55)::int as over55,
        count(*) filter (where pp.education in (${list(COLLEGE_EDUCATIONS)}))::int as college,
        count(*) filter (where pp.person_id is not null and pp.education is null)::int as education_unknown,
        count(*) filter (where pp.gender = 'female')::int as women,
        count(*) filter (where pp.on_committee)::int as committee_members,
        count(*) filter (where pp.on_committee and pp.party)::int as committee_party,
        count(*) filter (where pp.local_talent)::int as local_talent,
        exists (select 1 from cadre_posts s where s.organization_id = v.id and s.post = 'secretary' and s.ended_on is null)::int as with_secretary,
        exists (select 1 from cadre_posts s join cadre_posts d on d.organization_id = s.organization_id and d.person_id = s.person_id
          where s.organization_id = v.id and s.post = 'secretary' and d.post = 'director' and s.ended_on is null and d.ended_on is null)::int as combined
      from v left join people pp on pp.organization_id = v.id
      group by v.id, v.name, v.sort_order
    ),
    all_rows as (
      select id, name, sort_order, cadres, age_sum, up_to35, from36_to45, from46_to55, over55, college, education_unknown, women,
        committee_members, committee_party, local_talent, with_secretary, combined, (cadres > 0 and women < ${womenMin})::int as women_short
      from per_village
      union all
      select null, null, null, ${sql.raw(['cadres', 'age_sum', 'up_to35', 'from36_to45', 'from46_to55', 'over55', 'college', 'education_unknown', 'women',
        'committee_members', 'committee_party', 'local_talent', 'with_secretary', 'combined'].map((c) => `coalesce(sum(${c}), 0)::int`).join(', '))},
        count(*) filter (where cadres > 0 and women < ${womenMin})::int
      from per_village
    )
    select id as "organizationId", name, cadres, round(age_sum::numeric / nullif(cadres, 0), 1)::float8 as "avgAge",
      up_to35 as "upTo35", from36_to45 as "from36To45", from46_to55 as "from46To55", over55,
      college, education_unknown as "educationUnknown", ${pct('college', 'cadres')} as "collegeSharePct", women,
      with_secretary as "villagesWithSecretary", combined, ${pct('combined', 'with_secretary')} as "combinedSharePct",
      committee_members as "committeeMembers", committee_party as "committeePartyMembers", ${pct('committee_party', 'committee_members')} as "committeePartySharePct",
      local_talent as "localTalent", ${pct('local_talent', 'cadres')} as "localTalentSharePct", women_short as "womenShortVillages"
    from all_rows
    order by id is null, sort_order, id`, 'cadres_structure');
  return rows;
}
