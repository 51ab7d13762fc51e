import { sql } from 'drizzle-orm';
import type { ACTIVITY_RESPONSES } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { trainingResponses } from '../../db/schema/index.js';

type ActivityResponse = (typeof ACTIVITY_RESPONSES)[number];

export interface OwnMember { memberId: number; personId: number; name: string; organizationId: number }

/** The signed-in person's membership on this town's roster (their branch holds the sessions they are asked to). */
export async function ownMemberOf(db: DbOrTx, tenantId: number, personId: number): Promise<OwnMember | undefined> {
  const { rows } = await db.execute(sql`select m.id as "memberId", m.person_id as "personId", p.name, m.organization_id as "organizationId"
    from members m join persons p on p.id = m.person_id
    where m.person_id = ${personId} and m.tenant_id = ${tenantId} and m.on_roster and m.membership_status <> 'left' limit 1`);
  return (rows as unknown as OwnMember[])[0];
}

export interface UpcomingRow {
  id: number; kind: string; title: string; startsOn: string; endsOn: string; hours: number; venue: string | null; organizationName: string;
  myResponse: ActivityResponse | null; recorded: boolean;
}

/**
 * The sessions meant for the member from today on, soonest first, with the person's answer and whether attendance is in:
 * those held by their own organisation or one above it (their 党小组's branch, the town's 集中轮训), and any naming them
 * as an attendee. Read across the row scope on purpose (acrossScope at the caller): a member's grant covers their own
 * branch or group only, so the town's and the parent branch's rows are hidden from it; the WHERE below is the whole
 * widening — the ancestors of one organisation and the person's own lines, never a sibling branch's session.
 */
export async function upcomingOf(db: DbOrTx, organizationId: number, personId: number, today: string, sessionId?: number): Promise<UpcomingRow[]> {
  const only = sessionId === undefined ? sql`and s.starts_on >= ${today}` : sql`and s.id = ${sessionId}`;
  const { rows } = await db.execute(sql`
    select s.id, s.kind, s.title, s.starts_on::text as "startsOn", s.ends_on::text as "endsOn", s.hours::float8 as hours, s.venue, o.name as "organizationName",
      (select r.response from training_responses r where r.session_id = s.id and r.person_id = ${personId}) as "myResponse",
      exists (select 1 from training_attendees a where a.session_id = s.id) as recorded
    from training_sessions s join organizations o on o.id = s.organization_id
    join organizations mine on mine.id = ${organizationId} and mine.tenant_id = s.tenant_id
    where s.kind <> 'online_study' ${only}
      and (starts_with(mine.path, o.path)
        or exists (select 1 from training_attendees a where a.session_id = s.id and a.person_id = ${personId}))
    order by s.starts_on, s.id limit 20`);
  return rows as unknown as UpcomingRow[];
}

export async function upsertResponse(tx: DbOrTx, values: typeof trainingResponses.$inferInsert) {
  await tx.insert(trainingResponses).values(values).onConflictDoUpdate({
    target: [trainingResponses.sessionId, trainingResponses.personId],
    set: { response: values.response, reason: values.reason ?? null, respondedAt: new Date() },
  });
}

/** The answers to a session, with the member's name only, first answered first. */
export async function responsesOf(db: DbOrTx, sessionId: number) {
  const { rows } = await db.execute(sql`select r.person_id as "personId", p.name, r.response, r.reason
    from training_responses r join persons p on p.id = r.person_id where r.session_id = ${sessionId} order by r.responded_at, r.person_id`);
  return rows as unknown as { personId: number; name: string; response: ActivityResponse; reason: string | null }[];
}
