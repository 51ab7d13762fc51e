import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { createTestContext, type TestContext } from '../../../test/context.js';
import {
  createBranch, createMember, createMemberAccount, createTown, personOf, createTrainingSession, createUser, setTrainingAttendance, type Branch, type Town,
} from '../../../test/factories.js';

/**
 * Issue 19 point 7, 我的学习: a member reads their own hours of the year against their target and the sessions they
 * were named at, and answers their branch's coming sessions 参加 / 请假 as for 组织生活 — a courtesy to the secretary,
 * never a check-in and never a ranking. Personal: only the caller's own person, never someone else's.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let g: Branch;
let me: Awaited<ReturnType<typeof createMemberAccount>>;
let other: Awaited<ReturnType<typeof createMemberAccount>>;
let personId: number;
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const soon = addDays(today, 7);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  a = await createBranch(town, { name: '东岭村党支部' });
  b = await createBranch(town, { name: '南坡村党支部' });
  g = await createBranch(town, { name: '西岭村党支部', groups: 1 });
  me = await createMemberAccount(town, a.id, { name: '王甲' });
  other = await createMemberAccount(town, a.id, { name: '李乙' });
  personId = Number((await ctx.pool.query('select person_id from members where id = $1', [me.memberId])).rows[0].person_id);
});
afterAll(async () => { await ctx.close(); });

describe('我的学习', () => {
  it('shows the member\'s own year against the target, the sessions they were named at and the coming ones of their branch', async () => {
    const held = await createTrainingSession(town.admin, a.id, { title: '学习党章', hours: 3, startsOn: `${year}-01-10`, endsOn: `${year}-01-10` });
    await setTrainingAttendance(town.admin, held.id, [{ personId, state: 'present' }]);
    await createTrainingSession(town.admin, a.id, { title: '下周党课', hours: 2, startsOn: soon, endsOn: soon });
    await createTrainingSession(town.admin, b.id, { title: '别村学习', hours: 2, startsOn: soon, endsOn: soon });
    const res = await me.session.get(`/api/my/education?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const j: Json = res.json();
    expect(j.hours).toMatchObject({ personId, name: '王甲', year, target: 32, group: 'member', total: 3 });
    expect(j.hours.sessions.map((s: Json) => [s.title, s.state, s.hoursCredited])).toEqual([['学习党章', 'present', 3]]);
    expect(j.upcoming.map((s: Json) => [s.title, s.myResponse, s.canRespond])).toEqual([['下周党课', null, true]]);
    expect(res.body).not.toMatch(/李乙|别村学习|idNumber|phone/);
  });

  it('answers 参加, and 请假 only with a reason; the secretary sees the answers on the session; each answer is audited', async () => {
    const s = await createTrainingSession(town.admin, a.id, { title: '集中学习', startsOn: soon, endsOn: soon });
    const post = (body: Json) => me.session.post(`/api/education/sessions/${s.id}/responses`, body);
    expect((await post({ response: 'leave' })).json().message).toBe('请假请写明事由');
    const ok = await post({ response: 'confirm' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: s.id, myResponse: 'confirm', canRespond: true });
    expect((await post({ response: 'leave', reason: '外出务工' })).json().myResponse).toBe('leave');
    const secretary = (await createUser(town, 'branch_secretary', [a.id])).session;
    const detail: Json = (await secretary.get(`/api/education/sessions/${s.id}`)).json();
    expect(detail.responses).toEqual([{ personId, name: '王甲', response: 'leave', reason: '外出务工' }]);
    expect(detail.attendees).toBe(0);
    const { rows } = await ctx.pool.query(`select action from audit_events where object_type = 'training_session' and object_id = $1 and action like '%response%' order by id`, [String(s.id)]);
    expect(rows.map((r) => r.action)).toEqual(['education.session.response.confirm', 'education.session.response.leave']);
  });

  it('asks nothing once the attendance is recorded or the day has passed', async () => {
    const s = await createTrainingSession(town.admin, a.id, { startsOn: soon, endsOn: soon });
    await setTrainingAttendance(town.admin, s.id, [{ personId, state: 'present' }]);
    const res = await me.session.post(`/api/education/sessions/${s.id}/responses`, { response: 'confirm' });
    expect(res.statusCode).toBe(400);
    const past = await createTrainingSession(town.admin, a.id, { startsOn: addDays(today, -3), endsOn: addDays(today, -3) });
    expect((await me.session.post(`/api/education/sessions/${past.id}/responses`, { response: 'confirm' })).statusCode).toBe(400);
    const mine: Json = (await me.session.get('/api/my/education')).json();
    expect(mine.upcoming.find((u: Json) => u.id === s.id)).toMatchObject({ canRespond: false });
  });

  it('never answers for another branch\'s session (404) and keeps each member to their own record', async () => {
    const foreign = await createTrainingSession(town.admin, b.id, { startsOn: soon, endsOn: soon });
    expect((await me.session.post(`/api/education/sessions/${foreign.id}/responses`, { response: 'confirm' })).statusCode).toBe(404);
    const theirs: Json = (await other.session.get('/api/my/education')).json();
    expect(theirs.hours.name).toBe('李乙');
    expect(theirs.hours.total).toBe(0);
    // A work account without a person of the roster has no own hours.
    expect((await town.admin.get('/api/my/education')).statusCode).toBe(403);
    expect((await town.admin.post(`/api/education/sessions/${foreign.id}/responses`, { response: 'confirm' })).statusCode).toBe(403);
  });

  it('shows the town\'s 集中轮训 the member attended and the town\'s coming ones (row scope is the branch), not another branch\'s', async () => {
    const held = await createTrainingSession(town.admin, town.committeeId, { kind: 'rotation_town', title: '镇春训', hours: 8, startsOn: `${year}-01-20`, endsOn: `${year}-01-20` });
    await setTrainingAttendance(town.admin, held.id, [{ personId, state: 'present' }]);
    await createTrainingSession(town.admin, town.committeeId, { kind: 'rotation_town', title: '镇冬训', startsOn: soon, endsOn: soon });
    await createTrainingSession(town.admin, b.id, { title: '南坡村自学', startsOn: soon, endsOn: soon });
    const j: Json = (await me.session.get(`/api/my/education?year=${year}`)).json();
    expect(j.hours.sessions.map((s: Json) => s.title)).toContain('镇春训');
    expect(j.upcoming.map((s: Json) => s.title)).toContain('镇冬训');
    expect(j.upcoming.map((s: Json) => s.title)).not.toContain('南坡村自学');
    const winter = j.upcoming.find((s: Json) => s.title === '镇冬训');
    expect(winter).toMatchObject({ canRespond: true });
    expect((await me.session.post(`/api/education/sessions/${winter.id}/responses`, { response: 'confirm' })).statusCode).toBe(200);
    // A member of another branch still sees neither the session list nor another branch's study.
    const stranger = await createMemberAccount(town, b.id, { name: '赵丙' });
    const theirs: Json = (await stranger.session.get(`/api/my/education?year=${year}`)).json();
    expect(theirs.hours.sessions).toEqual([]);
    expect(theirs.upcoming.map((s: Json) => s.title)).not.toContain('下周党课');
    expect((await stranger.session.get('/api/education/sessions')).statusCode).toBe(403);
  });

  it('a member kept in a 党小组 (their account granted at the group) sees the coming sessions of its branch and of the town', async () => {
    const memberId = await createMember(town, g.id, { name: '孙丁', groupId: g.groupIds[0] });
    const grouped = await createUser(town, 'member', [g.groupIds[0]], { personId: await personOf(ctx, memberId) });
    await createTrainingSession(town.admin, g.id, { title: '西岭村支部学习', startsOn: soon, endsOn: soon });
    await createTrainingSession(town.admin, a.id, { title: '东岭村另一次学习', startsOn: soon, endsOn: soon });
    const res = await grouped.session.get('/api/my/education');
    expect(res.statusCode, res.body).toBe(200);
    const titles = res.json().upcoming.map((s: Json) => s.title);
    expect(titles).toEqual(expect.arrayContaining(['西岭村支部学习', '镇冬训']));
    expect(titles).not.toContain('东岭村另一次学习');
    const theirs = res.json().upcoming.find((s: Json) => s.title === '西岭村支部学习');
    const answer = await grouped.session.post(`/api/education/sessions/${theirs.id}/responses`, { response: 'confirm' });
    expect(answer.statusCode, answer.body).toBe(200);
  });
});
