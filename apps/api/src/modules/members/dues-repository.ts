/** 党费: each member's bases (what they pay from which month) and the months recorded as paid. */
import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { duesBases, duesPayments, members, organizations } from '../../db/schema/index.js';
import { inSubtree, scopeFilter, type Scope } from '../../db/scope.js';
import { DUES_REVIEW_THRESHOLD_MONTHS } from './rules/dues.js';

export type DuesBasisRow = typeof duesBases.$inferSelect;
export type DuesPaymentRow = typeof duesPayments.$inferSelect;

/** The bases (oldest first) and payments of these members. */
export async function loadDues(db: DbOrTx, memberIds: number[]) {
  if (!memberIds.length) return { bases: [] as DuesBasisRow[], payments: [] as DuesPaymentRow[] };
  const bases = await db.select().from(duesBases).where(inArray(duesBases.memberId, memberIds)).orderBy(asc(duesBases.effectiveFrom));
  const payments = await db.select().from(duesPayments).where(inArray(duesPayments.memberId, memberIds));
  return { bases, payments };
}

/** One basis per member and month it takes effect: setting it again for that month replaces it. */
export async function upsertBasis(db: DbOrTx, values: typeof duesBases.$inferInsert) {
  await db.insert(duesBases).values(values).onConflictDoUpdate({ target: [duesBases.memberId, duesBases.effectiveFrom], set: values });
}

export async function insertPayments(db: DbOrTx, rows: (typeof duesPayments.$inferInsert)[]) {
  await db.insert(duesPayments).values(rows);
}

/** A 'YYYY-MM' month as a running month number (monthIndex in SQL), so runs of months are differences. */
const monthNumber = (month: SQL) => sql`(split_part(${month}, '-', 1)::int * 12 + split_part(${month}, '-', 2)::int)`;

/**
 * The 党费 figures of the members on the roster in a scope (驾驶舱, issue 17 point 1), counted by the database.
 * A month is due as `duesLedger` says: from the later of joining and the first basis, under the basis in force,
 * unless it is 免交, 少交 to nothing, or a base too small to give one 分 (computeMonthlyDues: 0.5 % of under 1 元
 * rounds to 0). The current month is still open, so arrears and the 6-month run count up to last month.
 */
export async function duesFigures(db: DbOrTx, scope: Scope, under: string | undefined, today: string) {
  const current = today.slice(0, 7);
  const result = await db.execute<{ members: number; no_basis: number; due_now: number; paid_now: number; in_arrears: number; review: number }>(sql`
    with roster as (
      select m.id, m.joined_at from ${members} m join ${organizations} on ${organizations.id} = m.organization_id
      where ${scopeFilter(organizations, scope)} and m.on_roster and m.membership_status in ('active', 'suspended')
        ${under ? sql`and ${inSubtree(organizations.path, under)}` : sql``}
    ), starts as materialized (
      -- No basis: a null start (未设置党费标准); greatest() alone would skip the null.
      select r.id, case when f.first is not null then greatest(to_char(r.joined_at, 'YYYY-MM'), f.first) end as start
      from roster r left join lateral (select min(b.effective_from) as first from ${duesBases} b where b.member_id = r.id) f on true
    ), owed as materialized (
      -- Every step is an index lookup for one member or one month, so a wrong row estimate (the scope's row-level
      -- security hides the organisations' selectivity from the planner) cannot turn a join quadratic; and the months
      -- are aggregated on their own, computed once (inlined into a join with the roster they ran once per member:
      -- 18-42 s a request in the bench's database, 750 ms in a test clone).
      select s.id, s.start, to_char(g, 'YYYY-MM') as month, b.due,
        exists (select 1 from ${duesPayments} p where p.member_id = s.id and p.month = to_char(g, 'YYYY-MM')) as paid
      from starts s cross join generate_series(to_date(s.start, 'YYYY-MM'), to_date(${current}, 'YYYY-MM'), interval '1 month') g
      cross join lateral (
        -- reduction_kind is null for most bases: compared through coalesce, or the whole test would be null.
        select not (coalesce(b.reduction_kind, '') = 'exempt' or (coalesce(b.reduction_kind, '') = 'reduced' and coalesce(b.reduction_fen, 0) = 0)
          or (b.reduction_kind is null and b.category in ('salaried', 'annual_salary', 'self_employed', 'retired') and coalesce(b.base_fen, 0) < 100)) as due
        from ${duesBases} b where b.member_id = s.id and b.effective_from <= to_char(g, 'YYYY-MM') order by b.effective_from desc limit 1) b
      where s.start is not null
    ), per_member as (
      select o.id, o.start,
        bool_or(o.due and o.month = ${current}) as due_now, bool_or(o.due and o.paid and o.month = ${current}) as paid_now,
        bool_or(o.due and not o.paid and o.month < ${current}) as in_arrears,
        -- The run of unpaid due months ending last month: back to the latest month before it that was paid or not due.
        max(o.month) filter (where o.month < ${current} and (o.paid or not o.due)) as last_break,
        bool_or(o.due and not o.paid and o.month = to_char(to_date(${current}, 'YYYY-MM') - interval '1 month', 'YYYY-MM')) as owed_last
      from owed o group by o.id, o.start
    )
    select (select count(*) from starts)::int as members, (select count(*) from starts where start is null)::int as no_basis,
      (count(*) filter (where due_now))::int as due_now, (count(*) filter (where paid_now))::int as paid_now,
      (count(*) filter (where in_arrears))::int as in_arrears,
      (count(*) filter (where owed_last and ${monthNumber(sql`${current}`)} - 1
        - ${monthNumber(sql`coalesce(last_break, to_char(to_date(start, 'YYYY-MM') - interval '1 month', 'YYYY-MM'))`)} >= ${DUES_REVIEW_THRESHOLD_MONTHS}))::int as review
    from per_member`);
  const [row] = result.rows;
  return { members: row.members, noBasis: row.no_basis, dueNow: row.due_now, paidNow: row.paid_now, inArrears: row.in_arrears, review: row.review };
}
