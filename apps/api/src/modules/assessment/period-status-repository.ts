/**
 * 考核期 figures for the 驾驶舱 (issue 17): the town's village-cadre periods of some months by status (评分中, 异议期,
 * 待审批, 已锁定; an 异议期 whose window closed with every objection ruled reads 待审批, as statusOf says), and the
 * distribution of the villages' 等次 in the periods past scoring, counted by the database. No league table: a grade
 * count per band, never a village's place.
 */
import { sql } from 'drizzle-orm';
import type { AssessmentPeriodStatus } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { executeNamed } from '../../db/prepared.js';

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The town's village-cadre periods of these months. */
const villagePeriods = (tenantId: number, months: readonly string[]) => sql`
  select p.* from assessment_periods p join assessment_schemes sc on sc.id = p.scheme_id
  where p.tenant_id = ${tenantId} and sc.audience = 'village_cadre' and p.period in (${list(months)})`;

export async function periodStatusCounts(db: DbOrTx, tenantId: number, months: string[], today: string): Promise<Map<AssessmentPeriodStatus, number>> {
  if (!months.length) return new Map();
  const { rows } = await executeNamed<{ status: AssessmentPeriodStatus; n: number }>(db, sql`
    select case when p.status = 'objection' and p.objection_until < ${today}::date
        and not exists (select 1 from assessment_objections o where o.period_id = p.id and o.ruling is null) then 'approval' else p.status end as status,
      count(*)::int as n
    from (${villagePeriods(tenantId, months)}) p group by 1`, 'assessment_period_status');
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * 等次 of these villages in the periods of these months that are past scoring: each village's score (its entries, an
 * upheld objection already in them, plus its adjustments) placed in its version's bands, highest band first.
 */
export async function gradeCounts(db: DbOrTx, tenantId: number, months: string[], organizationIds: number[]): Promise<{ grade: string | null; n: number }[]> {
  if (!months.length || !organizationIds.length) return [];
  const { rows } = await executeNamed<{ grade: string | null; floor: number | null; n: number }>(db, sql`
    with p as (${villagePeriods(tenantId, months)}),
    subj as (
      select s.period_id, s.organization_id, sum(s.points)::int as pts from assessment_scores s
      where s.period_id in (select id from p where status <> 'scoring') and s.organization_id in (${list(organizationIds)})
      group by 1, 2),
    scored as (
      select subj.pts + coalesce((select sum(a.delta) from assessment_adjustments a
          where a.period_id = subj.period_id and a.organization_id = subj.organization_id), 0) as score, v.bands
      from subj join p on p.id = subj.period_id join assessment_scheme_versions v on v.id = p.version_id)
    select g.label as grade, g.floor, count(*)::int as n
    from scored left join lateral (select b->>'label' as label, (b->>'min')::numeric as floor from jsonb_array_elements(scored.bands) b
      where scored.score >= (b->>'min')::numeric order by (b->>'min')::numeric desc limit 1) g on true
    group by 1, 2 order by g.floor desc nulls last`, 'assessment_grades');
  return rows.map((r) => ({ grade: r.grade, n: Number(r.n) }));
}
