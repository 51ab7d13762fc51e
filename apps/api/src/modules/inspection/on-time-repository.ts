/**
 * 整改按期 for the assessment measures (issue 16 point 2): villages' rectifications whose deadline falls in a period,
 * each with the day the village finished its part. The village's part is the 整改材料: the last submission before the
 * inspector accepted (or, while the inspector has not decided, the latest one). An acceptance that comes after the
 * deadline does not make the village late when its材料 were in by then: the wait is the inspection team's
 * (lateness() escalates the task to the town; it says nothing of whose the delay is).
 */
import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm';
import type { RectificationStatus } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { rectificationEvents, rectifications } from '../../db/schema/index.js';

const RECTIFICATION_ID = sql.raw('"rectifications"."id"');

export interface RectificationDue {
  id: number;
  organizationId: number;
  description: string;
  dueOn: string;
  status: RectificationStatus;
  /** The village's last submission (before acceptance, when accepted); null when none stands. */
  submittedOn: string | null;
}

/**
 * The rectifications of these organisations due between two days (inclusive), in one statement for all of them. The
 * submission date is found by the database: the latest 'evidence' event not followed by a 'reopened' one (a reopened
 * submission no longer stands) and not after the acceptance.
 */
export async function rectificationsDueBetween(db: DbOrTx, organizationIds: number[], start: string, end: string): Promise<RectificationDue[]> {
  if (!organizationIds.length) return [];
  return db.select({
    id: rectifications.id, organizationId: rectifications.organizationId, description: rectifications.description, dueOn: rectifications.dueOn, status: rectifications.status, submittedOn: submittedOnSql(),
  }).from(rectifications)
    .where(and(inArray(rectifications.organizationId, organizationIds), gte(rectifications.dueOn, start), lte(rectifications.dueOn, end)))
    .orderBy(asc(rectifications.dueOn), asc(rectifications.id));
}

/** The village's standing submission day of the current rectification row (see rectificationsDueBetween). */
function submittedOnSql() {
  // Spelled out: drizzle leaves a single table's columns unqualified, and inside the subquery a bare "id" would be the event's.
  return sql<string | null>`(
    select max((ev.at at time zone 'Asia/Shanghai')::date)::text from ${rectificationEvents} ev
    where ev.rectification_id = ${RECTIFICATION_ID} and ev.kind = 'evidence'
      and not exists (select 1 from ${rectificationEvents} r where r.rectification_id = ev.rectification_id and r.kind = 'reopened' and r.at > ev.at)
      and not exists (select 1 from ${rectificationEvents} a where a.rectification_id = ev.rectification_id and a.kind = 'accepted' and a.at < ev.at))`;
}

/**
 * The 驾驶舱's rectification figures (issue 17): not yet accepted, and of those the ones past their deadline, counted
 * by the database for these organisations.
 */
export async function rectificationCounts(db: DbOrTx, organizationIds: number[], today: string): Promise<{ open: number; overdue: number }> {
  if (!organizationIds.length) return { open: 0, overdue: 0 };
  const [row] = await db.select({
    open: sql<number>`count(*) filter (where ${rectifications.status} <> 'accepted')::int`,
    overdue: sql<number>`count(*) filter (where ${rectifications.status} <> 'accepted' and ${rectifications.dueOn} < ${today})::int`,
  }).from(rectifications).where(inArray(rectifications.organizationId, organizationIds));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

/**
 * 整改按期完成率 for the 对标 (issue 17 point 4): of these organisations' rectifications due between two days, how many
 * are decided (past their deadline on `today`, or with materials in) and how many had the village's materials in by the
 * deadline — counted by the database.
 */
export async function rectificationOnTimeCounts(db: DbOrTx, organizationIds: number[], start: string, end: string, today: string) {
  if (!organizationIds.length) return { due: 0, onTime: 0 };
  const submittedOn = submittedOnSql();
  const [row] = await db.select({
    due: sql<number>`count(*) filter (where ${rectifications.dueOn} < ${today} or ${submittedOn} is not null)::int`,
    onTime: sql<number>`count(*) filter (where ${submittedOn} <= ${rectifications.dueOn}::text)::int`,
  }).from(rectifications)
    .where(and(inArray(rectifications.organizationId, organizationIds), gte(rectifications.dueOn, start), lte(rectifications.dueOn, end)));
  return { due: row?.due ?? 0, onTime: row?.onTime ?? 0 };
}
