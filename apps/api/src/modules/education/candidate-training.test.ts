import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecruitment, ok, openRecruitment, q, record, type RecruitmentContext } from '../../../test/recruitment-fixtures.js';
import { createTrainingSession, setTrainingAttendance } from '../../../test/factories.js';

/**
 * Issue 19 point 1: the 发展党员 培训 step names a 发展对象培训 session, and 《中国共产党发展党员工作细则》第十七条
 * (三天或二十四学时) is checked against the session's days and the person's credited hours, not typed figures.
 */
let d: RecruitmentContext;
beforeAll(async () => { d = await openRecruitment(); });
afterAll(async () => { await d.ctx.close(); });

async function candidate(name: string) {
  const r = await createRecruitment(name, 'political_review');
  const [{ person_id: personId }] = await q('select person_id from recruitments where id = $1', [r.id]);
  return { id: r.id as number, personId: Number(personId) };
}
const training = (days: [string, string], hours: number) =>
  createTrainingSession(d.admin, d.town.committeeId, { kind: 'candidate_training', title: '发展对象培训班', startsOn: days[0], endsOn: days[1], hours });

describe('细则第十七条 reads the linked 发展对象培训', () => {
  it('a three-day session the person attended satisfies the step, whatever was typed; the step keeps the session', async () => {
    const c = await candidate('钱发展');
    const s = await training(['2020-06-07', '2020-06-09'], 24);
    await setTrainingAttendance(d.admin, s.id, [{ personId: c.personId, state: 'present' }]);
    const j = ok(await record(d.admin, c.id, 'training', '2020-06-10', { trainingSessionId: s.id, trainingDays: 0 }));
    expect(j.records.at(-1).details).toMatchObject({ trainingSessionId: s.id, trainingDays: 3, trainingHours: 24 });
  });

  it('a two-day, 16-hour session is refused under 第十七条 even with 3 days typed', async () => {
    const c = await candidate('孙发展');
    const s = await training(['2020-06-07', '2020-06-08'], 16);
    await setTrainingAttendance(d.admin, s.id, [{ personId: c.personId, state: 'present' }]);
    const res = await record(d.admin, c.id, 'training', '2020-06-10', { trainingSessionId: s.id, trainingDays: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第十七条');
  });

  it('absent from the session, or a session of another kind, is refused with the reason', async () => {
    const c = await candidate('周发展');
    const s = await training(['2020-06-07', '2020-06-09'], 24);
    await setTrainingAttendance(d.admin, s.id, [{ personId: c.personId, state: 'absent' }]);
    const absent = await record(d.admin, c.id, 'training', '2020-06-10', { trainingSessionId: s.id });
    expect(absent.statusCode).toBe(400);
    expect(absent.json().message).toContain('出席名单');
    const other = await createTrainingSession(d.admin, d.town.committeeId, { kind: 'rotation_town', startsOn: '2020-06-07', endsOn: '2020-06-09', hours: 24 });
    expect((await record(d.admin, c.id, 'training', '2020-06-10', { trainingSessionId: other.id })).json().message).toContain('不是发展对象培训');
  });
});
