/**
 * 我的学习 (issue 19 point 7): a member's own page — their hours of the year against their own target, the sessions
 * they were named at, and the coming sessions of their branch to answer 参加 or 请假 as for 组织生活. Personal: the
 * caller's own person only, whatever else their roles see; reading one's own hours is not audited (as 我的组织生活),
 * an answer is. No check-in and no ranking: attendance and 学时 come only from what the organiser records.
 */
import { ResponseBodySchema, todayInShanghai, type MyStudy, type MyUpcomingTraining } from '@dj/contracts';
import type { z } from 'zod';
import { acrossScope, type Db, type DbOrTx } from '../../db/client.js';
import { audit, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { personYear } from './hours-service.js';
import * as my from './my-repository.js';
import * as repo from './repository.js';

/**
 * The member's own lines and the sessions meant for them, read across the row scope on purpose: a member's grant is
 * their branch (or 党小组), and row-level security would hide the town's 集中轮训 and the parent branch's study. The
 * queries themselves name the person and their organisation's ancestors only (my-repository.ts, sessionsOfPerson).
 */
const ownRows = <T>(db: DbOrTx, read: () => PromiseLike<T>) => acrossScope(db, read);

async function ownMember(db: Db, user: AuthUser): Promise<my.OwnMember> {
  // The caller's own roster line, by their own person: a member account granted at their 党小组 does not see the
  // branch's roster rows under the row scope, yet the line is theirs.
  const me = user.personId ? await ownRows(db, () => my.ownMemberOf(db, user.tenantId, user.personId!)) : undefined;
  if (!me) throw forbidden('当前账号未关联本镇党员,没有个人学时');
  return me;
}

// Held once attendance is recorded or the first day has passed: then the answer would change nothing.
const upcomingItem = ({ recorded, ...r }: my.UpcomingRow, today: string): MyUpcomingTraining => ({
  ...r, kind: r.kind as MyUpcomingTraining['kind'], canRespond: !recorded && r.startsOn >= today,
});

export async function myStudy(db: Db, user: AuthUser, year?: number): Promise<MyStudy> {
  const me = await ownMember(db, user);
  const today = todayInShanghai();
  const [hours, upcoming] = await ownRows(db, () => Promise.all([
    personYear(db, user, { personId: me.personId, name: me.name }, year ?? Number(today.slice(0, 4))),
    my.upcomingOf(db, me.organizationId, me.personId, today),
  ]));
  return { hours, upcoming: upcoming.map((r) => upcomingItem(r, today)) };
}

export async function respondToSession(db: Db, caller: Caller, id: number, raw: z.input<typeof ResponseBodySchema>): Promise<MyUpcomingTraining> {
  const body = ResponseBodySchema.parse(raw);
  const me = await ownMember(db, caller.user);
  const today = todayInShanghai();
  // A session of another branch reads like a record outside scope; the scope's own rule (RLS) agrees.
  const [row] = await ownRows(db, () => my.upcomingOf(db, me.organizationId, me.personId, today, id));
  if (!row) {
    if (await repo.findSession(db, caller.user.scope, id)) throw forbidden('只能答复本支部组织的培训');
    throw notFound('培训');
  }
  if (!upcomingItem(row, today).canRespond) throw invalid('response', '培训已经开始或已登记出席,请向支部书记说明情况');
  const reason = body.reason?.trim() || null;
  if (body.response === 'leave' && !reason) throw invalid('reason', '请假请写明事由');
  return db.transaction(async (tx) => {
    // Their own answer, filed under their branch: a member granted at their 党小组 would not pass the row scope's check.
    await ownRows(tx, () => my.upsertResponse(tx, { tenantId: caller.user.tenantId, organizationId: me.organizationId, sessionId: id, personId: me.personId, response: body.response, reason }));
    await audit(tx, caller, { action: `education.session.response.${body.response}`, objectType: 'training_session', objectId: id, detail: { organizationId: me.organizationId } });
    const [now] = await ownRows(tx, () => my.upcomingOf(tx, me.organizationId, me.personId, today, id));
    if (!now) throw new AppError('CONFLICT', '培训已被删除');
    return upcomingItem(now, today);
  });
}
