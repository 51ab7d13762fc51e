/** 党费: each member's bases (what they pay from which month) and the months recorded as paid. */
import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import { monthFromIndex, monthIndex } from '@dj/contracts';
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

/** A 'YYYY-MM' month as a running month number (contracts' monthIndex, in SQL), so runs of months are differences. */
const monthNumber = (month: SQL) => sql`(split_part(${month}, '-', 1)::int * 12 + split_part(${month}, '-', 2)::int - 1)`;

/**
 * The 党费 figures of the members on the roster in a scope (驾驶舱, issue 17 point 1), counted by the database.
 * A month is due as `duesLedger` says: from the later of joining and the first basis, under the basis in force,
 * unless it is 免交, 少交 to nothing, or a base too small to give one 分 (computeMonthlyDues: 0.5 % of under 1 元
 * rounds to 0). The current month is still open, so arrears and the 6-month run count up to last month.
 *
 * Counted per run of months under one basis (a span) and per payment, not per month: a month-by-month series looked up
 * each month's basis and payment (two index probes a month, 28 k for a town of 1,065 members over 13 months: 86 ms of
 * the 驾驶舱's 110 ms on the city-scale bench). Months are running month numbers, so a span's length is a difference.
 */
export async function duesFigures(db: DbOrTx, scope: Scope, under: string | undefined, today: string) {
  const current = today.slice(0, 7);
  // Worked out here, not in SQL: to_date and to_char are only stable, so PostgreSQL evaluated last month again for
  // every payment row (12,560 for a town of the city bench: the statement 19 → 14 ms).
  const now = sql`${monthIndex(current)}::int`;
  const previous = monthFromIndex(monthIndex(current) - 1);
  const result = await db.execute<{ members: number; no_basis: number; due_now: number; paid_now: number; in_arrears: number; review: number }>(sql`
    with roster as (
      select m.id, m.joined_at from ${members} m join ${organizations} on ${organizations.id} = m.organization_id
      where ${scopeFilter(organizations, scope)} and m.on_roster and m.membership_status in ('active', 'suspended')
        ${under ? sql`and ${inSubtree(organizations.path, under)}` : sql``}
    ), starts as materialized (
      -- No basis: a null start (未设置党费标准); greatest() alone would skip the null.
      select r.id, case when f.first is not null then greatest(to_char(r.joined_at, 'YYYY-MM'), f.first) end as start
      from roster r left join lateral (select min(b.effective_from) as first from ${duesBases} b where b.member_id = r.id) f on true
    ), spans as materialized (
      -- Each basis from its month (not before the member's start) to the month before the next basis (not after now).
      select x.*, ${monthNumber(sql`x.from_m`)} as from_n, ${monthNumber(sql`x.to_m`)} as to_n from (
        select s.id, greatest(b.effective_from, s.start) as from_m,
          least(coalesce(to_char(to_date(lead(b.effective_from) over (partition by b.member_id order by b.effective_from), 'YYYY-MM') - interval '1 month', 'YYYY-MM'), ${current}), ${current}) as to_m,
          -- reduction_kind is null for most bases: compared through coalesce, or the whole test would be null.
          not (coalesce(b.reduction_kind, '') = 'exempt' or (coalesce(b.reduction_kind, '') = 'reduced' and coalesce(b.reduction_fen, 0) = 0)
            or (b.reduction_kind is null and b.category in ('salaried', 'annual_salary', 'self_employed', 'retired') and coalesce(b.base_fen, 0) < 100)) as due
        from starts s join ${duesBases} b on b.member_id = s.id where s.start is not null) x
      where x.from_m <= x.to_m
    ), by_span as (
      -- A due span's months before now, and how many of them were paid (one index count per span).
      select d.id,
        bool_or(d.due and d.to_m = ${current}) as due_now,
        sum(case when d.due and d.from_m < ${current} then least(d.to_n, ${now} - 1) - d.from_n + 1 else 0 end) as due_before,
        sum(case when d.due and d.from_m < ${current} then (select count(*) from ${duesPayments} p
          where p.member_id = d.id and p.month >= d.from_m and p.month <= least(d.to_m, ${previous})) else 0 end) as paid_before,
        max(least(d.to_n, ${now} - 1)) filter (where not d.due and d.from_m < ${current}) as free_before,
        bool_or(d.due and d.from_m <= ${previous} and d.to_m >= ${previous}) as due_last
      from spans d group by d.id
    ), by_payment as (
      select s.id, bool_or(p.month = ${current}) as paid_now, max(p.month) filter (where p.month < ${current}) as paid_last_before,
        bool_or(p.month = ${previous}) as paid_last
      from starts s join ${duesPayments} p on p.member_id = s.id
      where s.start is not null and p.month >= s.start and p.month <= ${current}
      group by s.id
    ), per_member as (
      select s.id, coalesce(d.due_now, false) as due_now, coalesce(d.due_now and p.paid_now, false) as paid_now,
        coalesce(d.due_before, 0) > coalesce(d.paid_before, 0) as in_arrears,
        -- The run of unpaid due months ending last month: back to the latest month before now paid or not due.
        coalesce(d.due_last and not coalesce(p.paid_last, false), false)
          and ${now} - 1 - coalesce(greatest(d.free_before, ${monthNumber(sql`p.paid_last_before`)}), ${monthNumber(sql`s.start`)} - 1) >= ${DUES_REVIEW_THRESHOLD_MONTHS} as review
      from starts s join by_span d on d.id = s.id left join by_payment p on p.id = s.id
    )
    select (select count(*) from starts)::int as members, (select count(*) from starts where start is null)::int as no_basis,
      (count(*) filter (where due_now))::int as due_now, (count(*) filter (where paid_now))::int as paid_now,
      (count(*) filter (where in_arrears))::int as in_arrears, (count(*) filter (where review))::int as review
    from per_member`);
  const [row] = result.rows;
  return { members: row.members, noBasis: row.no_basis, dueNow: row.due_now, paidNow: row.paid_now, inArrears: row.in_arrears, review: row.review };
}
