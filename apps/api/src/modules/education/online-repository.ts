/**
 * 线上学习's storage (issue 19 point 3), design choice (a): the online study of one branch on one platform in one month
 * is one training session of kind online_study, and each member's hours of that month are an ordinary attendee line
 * (present, hours_credited). Every hours sum (hours-repository.ts rosterHours and shortOfHours for the 待办 through
 * study_hours, which migration 0056's triggers keep from every line; sessionsOfPerson for a person's year and 我的学习)
 * already reads every present line of the year, so online hours count everywhere with no change to any sum, and the
 * row-level policies of 0046 cover them as they cover any session. A separate table (choice b) would have had to be
 * added to each of those sums, and one forgotten sum would disagree.
 */
import { and, eq, sql } from 'drizzle-orm';
import { ONLINE_PLATFORM_LABELS, type OnlinePlatform } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { trainingAttendees as a, trainingSessions as s } from '../../db/schema/index.js';

export interface OnlineSessionKey { tenantId: number; organizationId: number; platform: OnlinePlatform; month: string }

/** The session's title names the platform and month; with starts_on it is the unique key (training_sessions_online_uq). */
export const onlineTitle = (platform: OnlinePlatform, month: string) => `线上学习·${ONLINE_PLATFORM_LABELS[platform]}·${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The month's session of the branch and platform, made on first use (its hours follow its lines, see refreshHours). */
export async function onlineSession(tx: DbOrTx, key: OnlineSessionKey, userId: number): Promise<number> {
  const title = onlineTitle(key.platform, key.month);
  const startsOn = `${key.month}-01`;
  const [found] = await tx.select({ id: s.id }).from(s)
    .where(and(eq(s.organizationId, key.organizationId), eq(s.kind, 'online_study'), eq(s.title, title), eq(s.startsOn, startsOn)));
  if (found) return found.id;
  const [row] = await tx.insert(s).values({
    tenantId: key.tenantId, organizationId: key.organizationId, kind: 'online_study', title, startsOn, endsOn: monthEnd(key.month),
    hours: 0.1, note: '自愿的线上学习记录:导入或支部代为登记,不强制在线、不计在线时长、不排名', createdBy: userId,
  }).returning({ id: s.id });
  return row.id;
}

export type LineStatus = 'create' | 'update' | 'unchanged';

/** Sets a member's hours of the month (a second import of the same export changes nothing rather than doubling). */
export async function setLine(tx: DbOrTx, v: { tenantId: number; sessionId: number; sessionOrganizationId: number; organizationId: number; personId: number; hours: number }): Promise<{ status: LineStatus; was: number | null }> {
  const [old] = await tx.select({ id: a.id, hours: a.hoursCredited }).from(a).where(and(eq(a.sessionId, v.sessionId), eq(a.personId, v.personId)));
  if (old && old.hours === v.hours) return { status: 'unchanged', was: old.hours };
  if (old) {
    await tx.update(a).set({ hoursCredited: v.hours, state: 'present' }).where(eq(a.id, old.id));
    return { status: 'update', was: old.hours };
  }
  await tx.insert(a).values({ ...v, hoursCredited: v.hours, state: 'present', villagerName: null });
  return { status: 'create', was: null };
}

/** A session's length is the most any member was credited that month (its CHECK wants more than 0). */
export async function refreshHours(tx: DbOrTx, sessionId: number) {
  await tx.execute(sql`update training_sessions set updated_at = now(), hours = greatest(0.1,
    coalesce((select max(x.hours_credited) from training_attendees x where x.session_id = ${sessionId}), 0)) where id = ${sessionId}`);
}
