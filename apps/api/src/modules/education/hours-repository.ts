import { or, sql, type SQL } from 'drizzle-orm';
import { COMMITTEE_POSTS, ROTATION_KINDS } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { inSubtree, type Scope } from '../../db/scope.js';
import { executeNamed } from '../../db/prepared.js';

/** `o` (organizations) within the scope, or within one subtree of it: the scope stays in SQL. */
function orgIn(scope: Scope, underPath?: string): SQL {
  if (!scope.paths.length) return sql`false`;
  const roots = or(...scope.paths.map((p) => inSubtree(sql`o.path`, p))) as SQL;
  return sql`o.tenant_id = ${scope.tenantId} and ${roots}${underPath ? sql` and ${inSubtree(sql`o.path`, underPath)}` : sql``}`;
}

export interface RosterHours { memberId: number; personId: number; name: string; organizationId: number; organizationName: string; partyPosts: string[]; kind: string | null; hours: number }

/**
 * Each active member on the roster of the branches in scope (under a subtree when given), with their present hours
 * of the year per kind (one line per member and kind; a member without any has one line with kind null), as the
 * database keeps them: every present line of the person in the town, whichever branch it is filed under. Names only,
 * no personal numbers.
 */
export async function rosterHours(db: DbOrTx, scope: Scope, year: number, underPath?: string): Promise<RosterHours[]> {
  const { rows } = await db.execute(sql`
    select m.id as "memberId", m.person_id as "personId", p.name, o.id as "organizationId", o.name as "organizationName",
      m.party_posts as "partyPosts", h.kind, coalesce(h.hours, 0)::float8 as hours
    from members m
    join organizations o on o.id = m.organization_id and ${orgIn(scope, underPath)}
    join persons p on p.id = m.person_id
    left join study_hours h on h.person_id = m.person_id and h.year = ${year}
    where m.on_roster and m.membership_status = 'active'
    order by o.path, p.name, m.id`);
  return rows as unknown as RosterHours[];
}

export interface NewSecretaryRow { memberId: number; name: string; organizationId: number; organizationName: string; startedOn: string; trainedOn: string | null }

/** Secretaries in post whose term began on or after `since`, with the first 集中轮训 they attended from that day. */
export async function newSecretaries(db: DbOrTx, scope: Scope, since: string, underPath?: string): Promise<NewSecretaryRow[]> {
  const kinds = sql.join(ROTATION_KINDS.map((k) => sql`${k}`), sql`, `);
  const { rows } = await executeNamed(db, sql`
    select t.member_id as "memberId", p.name, o.id as "organizationId", o.name as "organizationName", t.started_on::text as "startedOn",
      (select min(s.starts_on)::text from training_attendees a join training_sessions s on s.id = a.session_id
        where a.person_id = m.person_id and a.state = 'present' and s.kind in (${kinds}) and s.starts_on >= t.started_on) as "trainedOn"
    from committee_terms t
    join organizations o on o.id = t.organization_id and ${orgIn(scope, underPath)}
    join members m on m.id = t.member_id and m.on_roster
    join persons p on p.id = m.person_id
    where t.post = 'secretary' and t.ended_on is null and t.started_on >= ${since}
    order by o.path, t.started_on`, 'new_secretaries');
  return rows as unknown as NewSecretaryRow[];
}

export interface PersonSessionRow { sessionId: number; title: string; kind: string; startsOn: string; endsOn: string; state: 'present' | 'absent'; hoursCredited: number }

/**
 * A person's attendance lines of a year: every line naming them in their town, wherever it is filed (a line kept under
 * a branch they have since left, a 党小组 member's line under the branch). Read across the row scope by the callers,
 * who have first found the person theirs.
 */
export async function sessionsOfPerson(db: DbOrTx, tenantId: number, personId: number, year: number): Promise<PersonSessionRow[]> {
  const { rows } = await db.execute(sql`
    select s.id as "sessionId", s.title, s.kind, s.starts_on::text as "startsOn", s.ends_on::text as "endsOn", a.state, a.hours_credited::float8 as "hoursCredited"
    from training_attendees a join training_sessions s on s.id = a.session_id
    where a.tenant_id = ${tenantId} and a.person_id = ${personId} and s.starts_on between ${`${year}-01-01`} and ${`${year}-12-31`}
    order by s.starts_on, s.id`);
  return rows as unknown as PersonSessionRow[];
}

/** The person's membership (for the target), if they are a 党员 on this town's roster. */
export async function memberOfPerson(db: DbOrTx, tenantId: number, personId: number) {
  const { rows } = await db.execute(sql`select m.id as "memberId", m.party_posts as "partyPosts" from members m
    where m.person_id = ${personId} and m.tenant_id = ${tenantId} and m.on_roster and m.membership_status = 'active'`);
  return (rows as unknown as { memberId: number; partyPosts: string[] }[])[0];
}

export interface ShortBranch { organizationId: number; organizationName: string; short: number; names: { name: string; total: number; target: number }[] }

/**
 * Each active member on the roster in scope with their year's target and present 学时 (the sum the hours page makes),
 * as a subquery for the database's own counts. The target is the leader's for a member holding a committee seat, as
 * rules/hours.ts targetGroupOf says. The hours are the person's year as the database keeps it (study_hours, migration
 * 0056): summing every member's lines here looked each line's session up under the lines' row policy, 13–21 ms of a
 * town's to-do list at city scale, and a sum grouped over every line in scope read the whole table (0.6–13 s).
 */
function membersAgainstTarget(scope: Scope, year: number, targets: { member: number; leader: number }, underPath?: string): SQL {
  const seats = sql`array[${sql.join(COMMITTEE_POSTS.map((p) => sql`${p}`), sql`, `)}]::text[]`;
  return sql`
    select o.id as org_id, o.name as org_name, o.path, m.id as member_id, p.name,
      case when m.party_posts && ${seats} then ${targets.leader}::float8 else ${targets.member}::float8 end as target,
      coalesce(h.total, 0)::float8 as total
    from members m
    join organizations o on o.id = m.organization_id and ${orgIn(scope, underPath)}
    join persons p on p.id = m.person_id
    left join lateral (select sum(h.hours) as total from study_hours h where h.person_id = m.person_id and h.year = ${year}) h on true
    where m.on_roster and m.membership_status = 'active'`;
}

/**
 * The branches in scope with members short of their year's 学时 (the 待办's question), counted by the database: how many
 * and the first `shown` in roster order, never the whole roster into the process (1,065 rows a request for a town of the
 * city bench). Only the names shown are built as JSON.
 */
export async function shortOfHours(db: DbOrTx, scope: Scope, year: number, targets: { member: number; leader: number }, shown: number, underPath?: string): Promise<ShortBranch[]> {
  const { rows } = await executeNamed(db, sql`
    with people as (${membersAgainstTarget(scope, year, targets, underPath)}),
    short as (
      select org_id, org_name, path, name, member_id, target, round(total::numeric, 1)::float8 as total,
        row_number() over (partition by org_id order by name, member_id) as nth
      from people where round(total::numeric, 1) < target
    )
    select org_id as "organizationId", org_name as "organizationName", count(*)::int as short,
      array_agg(json_build_object('name', name, 'total', total, 'target', target) order by nth) filter (where nth <= ${shown}) as names
    from short
    group by org_id, org_name, path order by path`, 'hours_short');
  return rows as unknown as ShortBranch[];
}

/** The 党支部 in scope in tree order: the sections of the town's 培训台账 (a 党小组's study is its branch's). */
export async function branchesIn(db: DbOrTx, scope: Scope): Promise<{ id: number; name: string; path: string }[]> {
  const { rows } = await db.execute(sql`select o.id, o.name, o.path from organizations o where ${orgIn(scope)} and o.kind = 'branch' order by o.path`);
  return rows as unknown as { id: number; name: string; path: string }[];
}

export interface EducationFigures { sessions: number; members: number; done: number; short: number }

/**
 * The 驾驶舱's 教育培训 figures of a year, counted by the database: the sessions held in scope (online study records
 * are not sessions held), and how many members on the roster have reached their year's 学时 or not yet — a
 * distribution, never a ranking, and never a score.
 */
export async function educationFigures(db: DbOrTx, scope: Scope, year: number, targets: { member: number; leader: number }, underPath?: string): Promise<EducationFigures> {
  const { rows } = await executeNamed(db, sql`
    with people as (${membersAgainstTarget(scope, year, targets, underPath)})
    select (select count(*) from training_sessions s join organizations o on o.id = s.organization_id and ${orgIn(scope, underPath)}
        where s.kind <> 'online_study' and s.starts_on between ${`${year}-01-01`} and ${`${year}-12-31`})::int as sessions,
      count(*)::int as members, (count(*) filter (where round(total::numeric, 1) >= target))::int as done,
      (count(*) filter (where round(total::numeric, 1) < target))::int as short
    from people`, 'hours_figures');
  return rows[0] as unknown as EducationFigures;
}
