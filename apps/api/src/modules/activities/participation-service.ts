/**
 * What members and the meeting itself add to a record: a member's own answer before the day (confirm or ask for
 * leave, from a phone, never a forced check-in), and a vote at a 支部党员大会, allowed only once the quorum holds.
 */
import type { ActivityKind, ResponseBodySchema, VoteBody } from '@dj/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { addDays, todayInShanghai } from '@dj/contracts';
import { can, audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { expectedChecker, expectedFor, getActivity, loadActivity } from './detail-service.js';
import * as evidence from './evidence-repository.js';
import * as repo from './repository.js';
import { voteResult } from '../../lib/quorum.js';
import { assertEditable } from './service.js';

async function ownMember(db: Db, user: AuthUser) {
  if (!user.personId) throw forbidden('当前账号未关联党员,不能答复');
  const m = await repo.memberOfPerson(db, user.tenantId, user.personId);
  if (!m) throw forbidden('当前账号未关联党员,不能答复');
  return m;
}

export async function respond(db: Db, { user, ip }: Caller, id: number, body: z.infer<typeof ResponseBodySchema>) {
  const row = await loadActivity(db, user, id);
  const me = await ownMember(db, user);
  const expected = await expectedFor(db, row);
  // Not expected at this meeting reads like a record outside scope: nothing to answer here.
  if (!expected.some((m) => m.id === me.id)) throw forbidden('您不在本次活动的应到名单中');
  // Held: its day has passed, or the attendance is already in (a meeting earlier today).
  if (row.heldOn < todayInShanghai() || (await repo.activitiesWithAttendance(db, [id])).length) throw invalid('response', '活动已经举行,请向支部书记说明情况');
  if (body.response === 'leave' && !body.reason?.trim()) throw invalid('reason', '请假请写明事由');
  return db.transaction(async (tx) => {
    await evidence.upsertResponse(tx, { activityId: id, memberId: me.id, response: body.response, reason: body.reason?.trim() || null });
    await audit(tx, { user, ip }, { action: `activity.response.${body.response}`, objectType: 'activity', objectId: id });
    return getActivity(tx, user, id);
  });
}

/**
 * A member's own activities: the coming ones to answer and the last months' with their attendance. Issue 13 point 8:
 * a meeting already held (its day past, or its attendance recorded) or one the member is not expected at is never
 * offered for 参加/请假. Whom a 支委会 expects is expectedFromRoster's business (the committee, once recorded).
 */
export async function myActivities(db: Db, user: AuthUser) {
  const me = await ownMember(db, user);
  const today = todayInShanghai();
  const rows = await repo.branchActivitiesSince(db, me.organizationId, addDays(today, -90), 50);
  const ids = rows.map((r) => r.id);
  const responses = await evidence.memberResponses(db, ids, me.id);
  const attended = await repo.memberAttendance(db, ids, me.id);
  const recorded = new Set(await repo.activitiesWithAttendance(db, ids));
  const expects = await expectedChecker(db, me.organizationId);
  return {
    items: rows.map((r) => {
      const held = r.heldOn < today || recorded.has(r.id);
      return {
        id: r.id, kind: r.kind as ActivityKind, heldOn: r.heldOn, place: r.place, topic: r.topic, organizationName: r.organizationName,
        myResponse: responses.find((x) => x.activityId === r.id)?.response ?? null,
        myAttendance: attended.find((x) => x.activityId === r.id)?.state ?? null,
        held, canRespond: !held && expects(r, me.id),
      };
    }),
  };
}

export async function recordVote(db: Db, { user, ip }: Caller, id: number, body: VoteBody) {
  return db.transaction(async (tx) => {
    const row = await loadActivity(tx, user, id);
    if (!can(user, 'activities.record', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以记录表决');
    assertEditable(row);
    const detail = await getActivity(tx, user, id);
    const q = detail.quorum;
    if (!q) throw invalid('subject', '只有支部党员大会(或作为党员大会召开的活动)才能记录表决');
    // 支部工作条例第十一条: no vote without more than half of the voting members present.
    if (!q.met) throw invalid('subject', `${q.message};请先登记出席情况`);
    const written = body.writtenOpinions ?? 0;
    if (written > q.fullMembers - q.presentFull) throw invalid('writtenOpinions', '书面意见只能由未到会的正式党员提出,份数不能超过未到会正式党员人数');
    if (body.inFavour + body.against + body.abstain > q.presentFull + written) {
      throw invalid('inFavour', `赞成、反对、弃权合计不能超过到会正式党员${q.presentFull}人与书面意见${written}份之和(预备党员没有表决权)`);
    }
    const result = voteResult({ votingMembers: q.fullMembers, yes: body.inFavour });
    await evidence.insertVote(tx, {
      activityId: id, subject: body.subject, votingMembers: q.fullMembers, presentFull: q.presentFull, presentProbationary: q.presentProbationary,
      writtenOpinions: written, inFavour: body.inFavour, against: body.against, abstain: body.abstain, passed: result.passed, recordedBy: user.id,
    });
    await audit(tx, { user, ip }, { action: 'activity.vote', objectType: 'activity', objectId: id, detail: { passed: result.passed } });
    return getActivity(tx, user, id);
  });
}
