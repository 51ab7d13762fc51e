/**
 * What the 村两委成员名册 and the 干部任免审批表 read (issue 15 point 8): today's holdings with the holder's profile
 * (masked phone only), membership and term; and one person's holdings over time for the 简历 lines.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

export type RosterHolding = {
  organizationId: number; organizationName: string; villageName: string | null;
  personId: number; name: string; gender: 'male' | 'female'; birthDate: string; education: string | null;
  phoneMasked: string | null; standing: 'full' | 'probationary' | null;
  post: string; startedOn: string; how: string; termStart: number | null; termEnd: number | null;
};

/** Today's holdings of the village branches in scope (or of one), in the branches' order, then by post and start. */
export async function rosterHoldings(db: DbOrTx, scope: Scope, organizationId?: number): Promise<RosterHolding[]> {
  const { rows } = await db.execute<RosterHolding>(sql`
    select organizations.id as "organizationId", organizations.name as "organizationName", v.name as "villageName",
      p.id as "personId", p.name, p.gender, p.birth_date::text as "birthDate", p.education, p.phone_masked as "phoneMasked",
      (select m.standing from members m where m.person_id = p.id and m.membership_status = 'active') as standing,
      c.post, c.started_on::text as "startedOn", c.how, t.start_year as "termStart", t.end_year as "termEnd"
    from cadre_posts c
    join organizations on organizations.id = c.organization_id
    join persons p on p.id = c.person_id
    left join villages v on v.id = organizations.village_id
    left join cadre_terms t on t.id = c.term_id
    where c.ended_on is null and organizations.kind = 'branch' and organizations.village_id is not null and organizations.status = 'active'
      and ${organizationId ? sql`organizations.id = ${organizationId}` : sql`true`}
      and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}
    order by organizations.sort_order, organizations.id, c.started_on, c.id`);
  return rows;
}

export type FormPerson = {
  personId: number; name: string; gender: 'male' | 'female'; birthDate: string; ethnicity: string; nativePlace: string | null;
  education: string | null; joinedAt: string | null; standing: 'full' | 'probationary' | null;
};

export async function formPerson(db: DbOrTx, personId: number): Promise<FormPerson | undefined> {
  const { rows: [row] } = await db.execute<FormPerson>(sql`
    select p.id as "personId", p.name, p.gender, p.birth_date::text as "birthDate", p.ethnicity, p.native_place as "nativePlace", p.education,
      m.joined_at::text as "joinedAt", m.standing
    from persons p left join members m on m.person_id = p.id and m.membership_status = 'active'
    where p.id = ${personId}`);
  return row;
}

export type CareerLine = {
  organizationId: number; organizationName: string; villageName: string | null; post: string; startedOn: string; endedOn: string | null;
  startKind: string; endKind: string | null; endReason: string | null;
};

/** The person's holdings in the villages in scope, oldest first, each with the kinds of the changes that began and ended it. */
export async function careerOf(db: DbOrTx, scope: Scope, personId: number): Promise<CareerLine[]> {
  const { rows } = await db.execute<CareerLine>(sql`
    select organizations.id as "organizationId", organizations.name as "organizationName", v.name as "villageName", c.post,
      c.started_on::text as "startedOn", c.ended_on::text as "endedOn",
      coalesce((select ch.kind from cadre_changes ch where ch.cadre_post_id = c.id and ch.role = 'start' order by ch.id limit 1), c.how) as "startKind",
      (select ch.kind from cadre_changes ch where ch.cadre_post_id = c.id and ch.role = 'end' order by ch.id desc limit 1) as "endKind",
      (select ch.reason from cadre_changes ch where ch.cadre_post_id = c.id and ch.role = 'end' order by ch.id desc limit 1) as "endReason"
    from cadre_posts c
    join organizations on organizations.id = c.organization_id
    left join villages v on v.id = organizations.village_id
    where c.person_id = ${personId} and ${scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope)}
    order by c.started_on, c.id`);
  return rows;
}
