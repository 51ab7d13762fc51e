/**
 * What a matter links to: a village's meetings (activities records: 村民说事日, 党群议事日, 三日合一, 主题党日, 支委会) and its
 * 四议两公开 (modules/positions, through its index), and the other way round, a meeting's matters (三日合一, point 4).
 */
import { addDays, todayInShanghai, type MatterLinkOptions, type MeetingMatters } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { isSelfOnly, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { fourTwoRefs } from '../positions/index.js';
import * as repo from './repository.js';
import { discussDaysOf, toSummary, writableVillage } from './service.js';

export async function linkOptions(db: Db, user: AuthUser, orgId: number): Promise<MatterLinkOptions> {
  const village = await writableVillage(db, user, orgId);
  const [meetings, fourTwo] = await Promise.all([
    repo.meetingsOf(db, user.scope, village.id, addDays(todayInShanghai(), -400)), fourTwoRefs(db, user.scope, { organizationId: village.id }),
  ]);
  return { meetings: meetings.map((a) => ({ id: a.id, kind: a.kind, title: a.title, heldOn: a.heldOn })), fourTwo: fourTwo.map((f) => ({ id: f.id, title: f.title })) };
}

/** 三日合一: the day's three agendas (the activity's typed parts) and the matters raised and discussed at it. */
export async function meetingMatters(db: Db, user: AuthUser, activityId: number): Promise<MeetingMatters> {
  const [a] = isSelfOnly(user) ? [] : await repo.meetingsByIds(db, user.scope, [activityId]);
  if (!a) throw notFound('会议');
  requirePermission(user, 'matters.read');
  const today = todayInShanghai();
  const [rows, discussDays] = await Promise.all([repo.mattersOfActivity(db, user.scope, activityId), discussDaysOf(db, user.tenantId)]);
  return {
    activity: { id: a.id, kind: a.kind, title: a.title, heldOn: a.heldOn, parts: a.parts },
    raised: rows.filter((r) => r.raisedActivityId === activityId).map((r) => toSummary(r, today, discussDays)),
    discussed: rows.filter((r) => r.discussionActivityId === activityId).map((r) => toSummary(r, today, discussDays)),
  };
}
