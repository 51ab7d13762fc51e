/**
 * A 三会一课 党课 recorded as study (issue 19 point 1). Why a link and not counting every 党课 automatically: an
 * activity carries no 学时 (a 党课 may be 1 hour or a half day), and a 党课 the branch also entered as a session would
 * count twice. So hours live only on sessions; a session made from a 党课 names it (training_sessions.activity_id,
 * unique), its attendance copied from the activity's sign-in, and a second one from the same 党课 is refused by the
 * database and here with a message. A 党课 never recorded as study counts no hours.
 */
import { FromActivitySchema, type FromActivity, type Training } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { lectureForTraining } from '../activities/index.js';
import { peopleUnder } from './people-repository.js';
import * as repo from './repository.js';
import { loadSession, viewSession } from './service.js';

export async function sessionFromLecture(db: Db, caller: Caller, body: FromActivity): Promise<Training> {
  const input = FromActivitySchema.parse(body);
  return db.transaction(async (tx) => {
    const lecture = await lectureForTraining(tx, caller.user.scope, input.activityId);
    if (!lecture) throw notFound('组织生活记录');
    requirePermission(caller.user, 'education.record', undefined, lecture.organizationPath);
    if (!lecture.isLecture) throw invalid('activityId', '只有党课(或计作党课的主题党日等)可以记为学习');
    const existing = await repo.sessionOfActivity(tx, lecture.id);
    if (existing) throw new AppError('CONFLICT', `该党课已记为学习(培训编号${existing.id}),学时只计一次`);
    const id = await repo.insertSession(tx, {
      tenantId: caller.user.tenantId, organizationId: lecture.organizationId, kind: 'branch_study', title: lecture.topic,
      startsOn: lecture.heldOn, endsOn: lecture.heldOn, hours: input.hours, venue: lecture.place, lecturers: lecture.lecturer,
      note: '由三会一课党课记录生成', activityId: lecture.id, isDemo: lecture.isDemo, createdBy: caller.user.id,
    });
    // The sign-in as recorded: present earns the hours, excused and absent none. Someone since transferred away is not
    // on the branch's registries any more and is left out rather than refusing the whole lecture.
    const kept = new Map((await peopleUnder(tx, caller.user.tenantId, lecture.organizationPath, lecture.attendance.map((a) => a.personId))).map((p) => [p.personId, p]));
    await repo.replaceAttendees(tx, id, lecture.attendance.flatMap((a) => {
      const person = kept.get(a.personId);
      if (!person) return [];
      const present = a.state === 'present';
      return [{
        tenantId: caller.user.tenantId, sessionId: id, sessionOrganizationId: lecture.organizationId, organizationId: person.organizationId,
        personId: a.personId, villagerName: null, state: present ? 'present' as const : 'absent' as const, hoursCredited: present ? input.hours : 0,
      }];
    }));
    await audit(tx, caller, { action: 'education.session.from_lecture', objectType: 'training_session', objectId: id, detail: { organizationId: lecture.organizationId, activityId: lecture.id, hours: input.hours } });
    return viewSession(tx, caller.user, await loadSession(tx, caller.user, id));
  });
}
