/**
 * 党内统计 facts, as SQL: one line per (table, column, branch, member) that a count is made of. The counts and the
 * drill-down list read the same lines, so a cell and the members behind it cannot disagree. Everything is derived
 * from the dated 党籍 events (membership_events), never from the cached standing/status columns, so any day can be
 * counted. Only this file and repository.ts of the module know the SQL.
 *
 * On a day D a member is counted (在册) when their first admission (admitted, or confirmed for an old member entered as
 * 正式) is on or before D, no left/died/probation_cancelled is, and their last transfer across the deployment's edge
 * (a transfer without a receiving branch here) on or before D was not out. Their branch on D is the branch a later
 * in-town transfer took them from, else their branch today. 停止党籍 members stay counted: the 党籍 is not ended.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PARTY_ERA_BANDS, STAT_AGE_BANDS } from '@dj/contracts';

export interface Period { tenantId: number; start: string; end: string }

const ADMISSION = sql.raw(`('admitted', 'confirmed')`);
const ENDING = sql.raw(`('left', 'died', 'probation_cancelled')`);

/** The branch a member was in just after (date, eventId): the origin of the next in-town transfer, else today's. */
function branchAt(member: SQL, current: SQL, date: SQL, eventId: SQL | null): SQL {
  const after = eventId ? sql`(t.occurred_on, t.id) > (${date}, ${eventId})` : sql`t.occurred_on > ${date}`;
  return sql`coalesce((select t.from_organization_id from membership_events t where t.member_id = ${member}
    and t.kind = 'transferred_in' and t.to_organization_id is not null and ${after} order by t.occurred_on, t.id limit 1), ${current})`;
}

/** Was the member's last cross-edge transfer before this point an arrival (or none at all)? */
function inDeployment(member: SQL, before: SQL): SQL {
  return sql`coalesce((select t.kind from membership_events t where t.member_id = ${member} and t.kind in ('transferred_in', 'transferred_out')
    and t.to_organization_id is null and ${before} order by t.occurred_on desc, t.id desc limit 1), 'transferred_in') = 'transferred_in'`;
}

/**
 * The tenant's members with what the tables read, and their first admission, 转正 and end days, read in one pass over
 * each member's events (a NOT EXISTS per member was planned as a scan of every event for each member).
 */
function membersCte(tenantId: number): SQL {
  return sql`select m.id as member_id, m.organization_id as current_org, p.gender, p.ethnicity, p.birth_date, p.education, p.occupation,
      ev.admitted_on, ev.confirmed_on, ev.ended_on
    from members m join persons p on p.id = m.person_id
    cross join lateral (select min(a.occurred_on) filter (where a.kind in ${ADMISSION}) as admitted_on,
        min(a.occurred_on) filter (where a.kind = 'confirmed') as confirmed_on,
        min(a.occurred_on) filter (where a.kind in ${ENDING}) as ended_on
      from membership_events a where a.member_id = m.id) ev
    where m.tenant_id = ${tenantId}`;
}

/** Members counted on day `d` (a SQL date), with their branch and standing then. */
function rosterOn(d: SQL): SQL {
  return sql`select mem.*, ${branchAt(sql`mem.member_id`, sql`mem.current_org`, d, null)} as branch_id,
      case when mem.confirmed_on <= ${d} then 'full' else 'probationary' end as standing
    from mem
    where mem.admitted_on <= ${d} and (mem.ended_on is null or mem.ended_on > ${d})
      and ${inDeployment(sql`mem.member_id`, sql`t.occurred_on <= ${d}`)}`;
}

const ageBand = (on: SQL) => {
  const age = sql`extract(year from age(${on}, r.birth_date))`;
  const arms = STAT_AGE_BANDS.filter((b) => b.max !== null).map((b) => sql`when ${age} <= ${b.max} then ${b.key}`);
  return sql`case ${sql.join(arms, sql` `)} else ${STAT_AGE_BANDS.at(-1)!.key} end`;
};
const partyEra = () => {
  const arms = [...PARTY_ERA_BANDS].reverse().filter((b) => b.from !== null).map((b) => sql`when r.admitted_on >= ${b.from}::date then ${b.key}`);
  return sql`case ${sql.join(arms, sql` `)} else ${PARTY_ERA_BANDS[0].key} end`;
};

/** The dimension columns of a member line `r`, prefixed member_ or recruit_; age on `ageOn`. */
function dimensions(prefix: 'member' | 'recruit', ageOn: SQL): SQL {
  const dims: [string, SQL][] = [
    ['gender', sql`r.gender`],
    ['ethnicity', sql`case when r.ethnicity = '汉族' then 'han' else 'minority' end`],
    ['age', ageBand(ageOn)],
    ['education', sql`coalesce(r.education, 'unknown')`],
    ['occupation', sql`coalesce(r.occupation, 'unknown')`],
  ];
  if (prefix === 'member') dims.push(['partyEra', partyEra()], ['standing', sql`r.standing`]);
  return sql.join(dims.map(([d, v]) => sql`(${`${prefix}_${d}`}, ${v}::text)`), sql`, `);
}

/** The period's 党籍 events as flow columns, each at the branch the member was in when it happened. */
function flowEvents(p: Period): SQL {
  const column = sql`case
      when e.kind in ${ADMISSION} then 'joined'
      when e.kind = 'transferred_in' then case when e.to_organization_id is null then 'inExternal' else 'inTown' end
      when e.kind = 'transferred_out' then case when e.to_organization_id is null then 'outExternal' else 'outTown' end
      when e.kind = 'died' then 'died' else 'left' end`;
  const branch = sql`case when e.kind = 'transferred_in' and e.to_organization_id is not null then e.to_organization_id
      else ${branchAt(sql`e.member_id`, sql`mem.current_org`, sql`e.occurred_on`, sql`e.id`)} end`;
  return sql`select 'flows', ${column}, ${branch}, e.member_id, e.occurred_on
    from membership_events e join mem on mem.member_id = e.member_id
    where e.tenant_id = ${p.tenantId} and e.occurred_on > ${p.start}::date and e.occurred_on <= ${p.end}::date
      and e.kind in ('admitted', 'confirmed', 'transferred_in', 'transferred_out', 'left', 'died', 'probation_cancelled')
      -- only the first admission joins; a later confirmed is a change of standing
      and (e.kind not in ${ADMISSION} or not exists (select 1 from membership_events f where f.member_id = e.member_id
        and f.kind in ${ADMISSION} and (f.occurred_on, f.id) < (e.occurred_on, e.id)))
      -- a member whose relation was already out of the deployment leaves no gap by dying there
      and (e.kind <> 'died' or ${inDeployment(sql`e.member_id`, sql`(t.occurred_on, t.id) < (e.occurred_on, e.id)`)})`;
}

/**
 * Every fact line of the period: (tbl, col, branch_id, member_id, occurred_on). The start snapshot is the day before
 * the period starts, the end snapshot the statistics day itself.
 */
export function factsSql(p: Period): SQL {
  const end = sql`${p.end}::date`;
  return sql`with mem as (${membersCte(p.tenantId)}),
    roster_end as (${rosterOn(end)}),
    roster_start as (${rosterOn(sql`${p.start}::date`)}),
    facts (tbl, col, branch_id, member_id, occurred_on) as (
      select d.tbl, d.col, r.branch_id, r.member_id, null::date from roster_end r cross join lateral (values ${dimensions('member', end)}) d(tbl, col)
      union all
      select d.tbl, d.col, ${branchAt(sql`r.member_id`, sql`r.current_org`, sql`r.admitted_on`, null)}, r.member_id, r.admitted_on
        from mem r cross join lateral (values ${dimensions('recruit', sql`r.admitted_on`)}) d(tbl, col)
        where r.admitted_on > ${p.start}::date and r.admitted_on <= ${end}
          and exists (select 1 from recruitments rc where rc.member_id = r.member_id)
      union all
      select 'flows', 'start', r.branch_id, r.member_id, null::date from roster_start r
      union all
      select 'flows', 'end', r.branch_id, r.member_id, null::date from roster_end r
      union all
      ${flowEvents(p)}
      union all
      select 'mobile', f.direction, r.branch_id, r.member_id, f.started_on from roster_end r
        join member_flows f on f.member_id = r.member_id and f.started_on <= ${end} and (f.ended_on is null or f.ended_on > ${end})
    )`;
}
