/**
 * 村干部 and 后备人才 figures on a day for the 对标 (issue 17 point 4): the villages of the caller's scope, the reserves
 * in the pipeline that day, and the 两委 members in office that day with how many hold a 大专及以上 degree — dated
 * from the posts' and candidates' own dates, so a past year's 31 December reads as it stood. Counted by the database.
 */
import { sql } from 'drizzle-orm';
import { COLLEGE_EDUCATIONS, VILLAGE_CADRE_POSTS, VILLAGE_CADRE_POST_BODY } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
/** The 两委 (as the structure board counts them): the branch committee and the villagers' committee. */
const TEAM_POSTS = VILLAGE_CADRE_POSTS.filter((p) => ['branch', 'villagers'].includes(VILLAGE_CADRE_POST_BODY[p]));

export type CadresOnDay = { villages: number; reserves: number; cadres: number; college: number };

export async function cadresOnDay(db: DbOrTx, scope: Scope, day: string): Promise<CadresOnDay> {
  const { rows: [row] } = await db.execute<CadresOnDay>(sql`
    with v as (
      select organizations.id from ${organizations}
      where organizations.kind = 'branch' and organizations.status = 'active' and organizations.village_id is not null
        and ${scopeFilter(organizations, scope)}
    ),
    team as (
      select distinct c.organization_id, c.person_id from cadre_posts c join v on v.id = c.organization_id
      where c.post in (${list(TEAM_POSTS)}) and c.started_on <= ${day}::date and (c.ended_on is null or c.ended_on > ${day}::date)
    )
    select (select count(*) from v)::int as villages,
      (select count(*) from reserve_candidates rc join v on v.id = rc.organization_id
        where rc.entered_on <= ${day}::date and (rc.left_on is null or rc.left_on > ${day}::date))::int as reserves,
      (select count(*) from team)::int as cadres,
      (select count(*) from team t join persons p on p.id = t.person_id where p.education in (${list(COLLEGE_EDUCATIONS)}))::int as college`);
  return row;
}
