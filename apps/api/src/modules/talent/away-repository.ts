/**
 * 在外人才 queries. Party membership and the open 流动党员 entry are read from the roster (members, member_flows) at read
 * time, never copied; the last contact is the latest of this log and the member's 流动党员 contact log; the next contact
 * due is computed by the database from the town's setting.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AwayContactMethod, AwayEmployerKind, AwayStatus } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { awayContacts, awayLiaisonPeople, awayTalents, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { executeNamed } from '../../db/prepared.js';

export type AwayRow = {
  id: number; organizationId: number; organizationName: string; organizationPath: string; personId: number; name: string;
  gender: 'male' | 'female'; birthDate: string; phoneMasked: string | null; idNumberMasked: string;
  place: string; occupation: string; employerKind: AwayEmployerKind; employer: string | null; skills: string | null;
  leftOn: string | null; registeredOn: string; memberId: number | null; flowId: number | null; flowDestination: string | null; flowStartedOn: string | null;
  returnedOn: string | null; returnPurpose: string | null; returnSupport: string | null; handedOn: string | null; handedNote: string | null;
  lastContactOn: string | null; contactDueOn: string | null; status: AwayStatus;
};

export interface AwayFilter {
  under?: string; status: AwayStatus | 'all'; due: 'all' | 'overdue' | 'due'; employerKind?: AwayEmployerKind;
  partyMember?: 'yes' | 'no'; q?: string; today: string; months: number; warnDays: number; id?: number;
}

const inScope = (scope: Scope) => scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope);

/** Every person away in scope (or one, by id) with the derived columns; the filters apply outside. */
function rowsOf(scope: Scope, f: Pick<AwayFilter, 'under' | 'months' | 'id'>): SQL {
  return sql`
    select a.id, a.organization_id as "organizationId", organizations.name as "organizationName", organizations.path as "organizationPath",
      a.person_id as "personId", p.name, p.gender, p.birth_date::text as "birthDate", p.phone_masked as "phoneMasked", p.id_number_masked as "idNumberMasked",
      a.place, a.occupation, a.employer_kind as "employerKind", a.employer, a.skills, a.left_on::text as "leftOn", a.registered_on::text as "registeredOn",
      m.id as "memberId", f.id as "flowId", f.destination as "flowDestination", f.started_on::text as "flowStartedOn",
      a.returned_on::text as "returnedOn", a.return_purpose as "returnPurpose", a.return_support as "returnSupport",
      a.handed_on::text as "handedOn", a.handed_note as "handedNote",
      lc.last::text as "lastContactOn",
      case when a.returned_on is null then (coalesce(lc.last, a.registered_on) + make_interval(months => ${f.months}::int))::date::text end as "contactDueOn",
      case when a.returned_on is null then 'away' else 'returned' end as status
    from away_talents a
    join organizations on organizations.id = a.organization_id
    join persons p on p.id = a.person_id
    left join members m on m.person_id = a.person_id and m.membership_status = 'active' and m.on_roster
    left join lateral (select mf.id, mf.destination, mf.started_on from member_flows mf
      where mf.member_id = m.id and mf.direction = 'outflow' and mf.ended_on is null order by mf.started_on desc limit 1) f on true
    left join lateral (select greatest(
      (select max(c.contacted_on) from away_contacts c where c.away_talent_id = a.id),
      (select max(fc.contacted_on) from flow_contacts fc where fc.flow_id = f.id)) as last) lc on true
    where ${inScope(scope)}
      ${f.under ? sql`and ${inSubtree(sql`organizations.path`, f.under)}` : sql``}
      ${f.id ? sql`and a.id = ${f.id}` : sql``}`;
}

function filters(f: AwayFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.status !== 'all') parts.push(sql`r.status = ${f.status}`);
  if (f.due === 'overdue') parts.push(sql`r."contactDueOn" < ${f.today}`);
  if (f.due === 'due') parts.push(sql`r."contactDueOn" >= ${f.today} and r."contactDueOn" <= (${f.today}::date + ${f.warnDays}::int)::text`);
  if (f.employerKind) parts.push(sql`r."employerKind" = ${f.employerKind}`);
  if (f.partyMember) parts.push(f.partyMember === 'yes' ? sql`r."memberId" is not null` : sql`r."memberId" is null`);
  if (f.q) parts.push(sql`(r.name like ${`%${f.q}%`} or r.place like ${`%${f.q}%`} or r.occupation like ${`%${f.q}%`} or coalesce(r.skills, '') like ${`%${f.q}%`})`);
  return sql.join(parts, sql` and `);
}

/** One page: overdue first (the longest waiting first), then by the next due day, returnees by their return. */
export async function listAway(db: DbOrTx, scope: Scope, f: AwayFilter, page: number, pageSize: number) {
  const { rows } = await db.execute<AwayRow & { total: number }>(sql`
    select r.*, count(*) over ()::int as total from (${rowsOf(scope, f)}) r where ${filters(f)}
    order by r."contactDueOn" asc nulls last, r."returnedOn" desc nulls last, r."organizationName", r.name, r.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return rows;
}

/** The counts beside the list, over the villages in scope (or the one chosen), by the database. */
export async function countAway(db: DbOrTx, scope: Scope, f: AwayFilter) {
  const { rows: [row] } = await executeNamed<{ away: number; returned: number; overdue: number; partyMembers: number }>(db, sql`
    select count(*) filter (where r.status = 'away')::int as away, count(*) filter (where r.status = 'returned')::int as returned,
      count(*) filter (where r."contactDueOn" < ${f.today})::int as overdue,
      count(*) filter (where r.status = 'away' and r."memberId" is not null)::int as "partyMembers"
    from (${rowsOf(scope, f)}) r`, 'away_counts');
  return row;
}

export async function findAway(db: DbOrTx, scope: Scope, id: number, months: number): Promise<AwayRow | undefined> {
  const { rows: [row] } = await db.execute<AwayRow>(rowsOf(scope, { id, months }));
  return row;
}

/** Contacts due or overdue by `until` (for 待办), in scope. */
export async function dueAway(db: DbOrTx, scope: Scope, f: { under?: string; months: number; until: string }) {
  const { rows } = await executeNamed<AwayRow>(db, sql`select r.* from (${rowsOf(scope, f)}) r where r."contactDueOn" <= ${f.until} order by r."contactDueOn", r.id`, 'away_due');
  return rows;
}

/** This log's lines and the member's 流动党员 contact log lines (read-only here), newest first. */
export async function contactsOf(db: DbOrTx, awayTalentId: number, flowId: number | null) {
  const { rows } = await db.execute<{ id: number; contactedOn: string; method: AwayContactMethod; contactedBy: string; content: string; source: 'away' | 'flow' }>(sql`
    select c.id, c.contacted_on::text as "contactedOn", c.method, c.contacted_by as "contactedBy", c.content, 'away' as source
    from away_contacts c where c.away_talent_id = ${awayTalentId}
    union all
    select fc.id, fc.contacted_on::text, fc.method, coalesce(u.display_name, '支部'), coalesce(fc.note, ''), 'flow'
    from flow_contacts fc left join users u on u.id = fc.recorded_by where fc.flow_id = ${flowId ?? 0}
    order by 2 desc, 1 desc`);
  return rows;
}

export async function insertContact(db: DbOrTx, values: typeof awayContacts.$inferInsert) {
  const [row] = await db.insert(awayContacts).values(values).returning({ id: awayContacts.id });
  return row.id;
}

export async function insertAway(db: DbOrTx, values: typeof awayTalents.$inferInsert) {
  const [row] = await db.insert(awayTalents).values(values).onConflictDoNothing().returning({ id: awayTalents.id });
  return row?.id;
}

export async function updateAway(db: DbOrTx, id: number, values: Partial<typeof awayTalents.$inferInsert>) {
  await db.update(awayTalents).set(values).where(eq(awayTalents.id, id));
}

/** People a village may register: its members on the roster and anyone registered away from it before. */
export async function isVillagePerson(db: DbOrTx, organizationId: number, personId: number) {
  const { rows } = await db.execute<{ ok: boolean }>(sql`
    select exists (select 1 from members m where m.person_id = ${personId} and m.organization_id = ${organizationId} and m.on_roster)
        or exists (select 1 from away_talents a where a.person_id = ${personId} and a.organization_id = ${organizationId}) as ok`);
  return rows[0]?.ok ?? false;
}

export async function villageCandidates(db: DbOrTx, organizationId: number) {
  const { rows } = await db.execute<{ personId: number; name: string; isMember: boolean }>(sql`
    select p.id as "personId", p.name, true as "isMember" from members m join persons p on p.id = m.person_id
    where m.organization_id = ${organizationId} and m.on_roster and m.membership_status = 'active'
      and not exists (select 1 from away_talents a where a.person_id = p.id and a.returned_on is null)
    order by p.name, p.id`);
  return rows;
}

export async function sealedPhoneOf(db: DbOrTx, personId: number) {
  const { rows: [row] } = await db.execute<{ phoneEnc: string | null }>(sql`select phone_enc as "phoneEnc" from persons where id = ${personId}`);
  return row?.phoneEnc ?? null;
}

/** Ids among `ids` that are people away inside the subtree `path` and the caller's scope. */
export async function awayIdsUnder(db: DbOrTx, scope: Scope, path: string, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: awayTalents.id, organizationId: awayTalents.organizationId }).from(awayTalents)
    .innerJoin(organizations, eq(organizations.id, awayTalents.organizationId))
    .where(and(inScope(scope), inSubtree(organizations.path, path), sql`${awayTalents.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`));
  return rows;
}

export async function setCoverage(db: DbOrTx, tenantId: number, liaisonId: number, covered: { id: number; organizationId: number }[]) {
  await db.delete(awayLiaisonPeople).where(eq(awayLiaisonPeople.liaisonId, liaisonId));
  if (covered.length) {
    await db.insert(awayLiaisonPeople).values(covered.map((c) => ({ liaisonId, awayTalentId: c.id, tenantId, organizationId: c.organizationId })));
  }
}
