import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import {
  createActivity, createBranch, createMember, createMemberAccount, createMembers, createSupervisor, createTown, createUser, type Branch,
} from '../../../test/factories.js';
import { addDays, monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';

let ctx: TestContext;
let admin: Session;
/** The secretary of `here` (with a 党小组, three 正式党员 and a member account, supervised) and of its neighbour `there`. */
let secretary: Session;
let neighbour: Session;
let supervisor: Session;
let member: Session;
let here: Branch;
let there: Branch;
/** A 党员 of `there`, who cannot be marked at `here`'s meetings. */
let thereMember: number;
const current = todayInShanghai().slice(0, 7);
const monthsAgo = (n: number) => monthFromIndex(monthIndex(current) - n);
// Past months, so "done" and "late" do not depend on today.
const lastMonth = monthsAgo(14);

interface Row { ruleKey: string; kind: string; status: string; done: number; expected: number }
interface CalendarBranch { organizationId: number; organizationName: string; rows: Row[]; summary: Record<string, number> }
const rowOf = (branches: CalendarBranch[], orgId: number, ruleKey: string) =>
  branches.find((b) => b.organizationId === orgId)?.rows.find((r) => r.ruleKey === ruleKey);

beforeAll(async () => {
  ctx = await createTestContext();
  const town = await createTown(ctx);
  admin = town.admin;
  [here, there] = [await createBranch(town, { groups: 1 }), await createBranch(town, { groups: 1 })];
  await createMembers(town, here.id, { full: 3 });
  thereMember = await createMember(town, there.id);
  member = (await createMemberAccount(town, here.id)).session;
  [secretary, neighbour] = [(await createUser(town, 'branch_secretary', [here.id])).session, (await createUser(town, 'branch_secretary', [there.id])).session];
  supervisor = (await createSupervisor(town, [here.id])).session;
  // The neighbour keeps records of its own, none of them this month's 主题党日.
  await createActivity(neighbour, there.id, { kind: 'general_meeting', heldOn: `${monthsAgo(20)}-10`, topic: '党员大会' });
});
afterAll(async () => { await ctx.close(); });

describe('组织生活 records', () => {
  it('a secretary records a 主题党日 with attendance; the compliance calendar shows it done for that branch only', async () => {
    const created = await secretary.post('/api/activities', {
      organizationId: here.id, kind: 'theme_day', heldOn: `${lastMonth}-20`, place: '村党群服务中心', topic: '学习党的二十届四中全会精神',
      host: '张志强', recorder: '李文',
    });
    expect(created.statusCode, created.body).toBe(201);
    const activity = created.json();
    expect(activity).toMatchObject({ kind: 'theme_day', organizationName: here.name, attendance: { present: 0, excused: 0, absent: 0 } });
    expect(activity.expected.length).toBeGreaterThan(2);
    const [a, b, c] = activity.expected.map((m: { memberId: number }) => m.memberId);
    const marked = await secretary.request('PUT', `/api/activities/${activity.id}/attendance`, {
      records: [{ memberId: a, state: 'present' }, { memberId: b, state: 'excused', reason: '外出务工', makeupOn: `${lastMonth}-25` }, { memberId: c, state: 'absent' }],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().attendance).toEqual({ present: 1, excused: 1, absent: 1 });
    expect(marked.json().attendances.find((r: { memberId: number }) => r.memberId === b)).toMatchObject({ state: 'excused', reason: '外出务工' });

    const { rows: audit } = await ctx.pool.query(`select action from audit_events where object_type = 'activity' and object_id = $1 order by id`, [String(activity.id)]);
    expect(audit.map((r) => r.action)).toEqual(['activity.create', 'activity.attendance']);
    // The record is signed off below; later tests edit it, which needs it returned first.

    // `here` is guided by a supervisor: the record counts once signed off.
    const waiting = (await admin.get(`/api/compliance?period=${lastMonth}`)).json() as { branches: CalendarBranch[] };
    // 13.3: held on time and waiting for the sign-off is 已开展·待签认 for the branch, never late.
    expect(rowOf(waiting.branches, here.id, 'theme_day.monthly')).toMatchObject({ status: 'awaiting_sign_off', done: 0, awaitingSignOff: 1 });
    expect((await secretary.post(`/api/activities/${activity.id}/reviews`, { action: 'submit' })).statusCode).toBe(200);
    const signed = await supervisor.post(`/api/activities/${activity.id}/reviews`, { action: 'sign_off' });
    expect(signed.json().reviewStatus).toBe('signed_off');
    const res = await admin.get(`/api/compliance?period=${lastMonth}`);
    expect(res.statusCode, res.body).toBe(200);
    const { period, branches } = res.json() as { period: string; branches: CalendarBranch[] };
    expect(period).toBe(lastMonth);
    expect(rowOf(branches, here.id, 'theme_day.monthly')).toMatchObject({ status: 'done', done: 1, expected: 1 });
    expect(rowOf(branches, there.id, 'theme_day.monthly')).toMatchObject({ status: 'late', done: 0 });
    expect(JSON.stringify(branches)).not.toMatch(/rank|percent/i);
  });

  it('a secretary sees only their own branch in the calendar; orgId narrows it', async () => {
    const own = (await secretary.get(`/api/compliance?period=${lastMonth}`)).json() as { branches: CalendarBranch[] };
    expect(own.branches.map((b) => b.organizationName)).toEqual([here.name]);
    const one = (await admin.get(`/api/compliance?orgId=${there.id}&period=${lastMonth}`)).json() as { branches: CalendarBranch[] };
    expect(one.branches.map((b) => b.organizationId)).toEqual([there.id]);
  });

  it('a 三日合一 counts for its three kinds', async () => {
    const period = monthsAgo(15);
    const res = await secretary.post('/api/activities', {
      organizationId: here.id, kind: 'combined_day', heldOn: `${period}-10`, place: '村委会', topic: '三日合一: 学习、议事、说事',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().countedAs).toEqual(expect.arrayContaining(['theme_day', 'deliberation_day', 'villager_say_day']));
    const { branches } = (await secretary.get(`/api/compliance?period=${period}`)).json() as { branches: CalendarBranch[] };
    // It counts for the theme day; being supervised, it waits for the sign-off before turning done.
    expect(rowOf(branches, here.id, 'theme_day.monthly')).toMatchObject({ awaitingSignOff: 1 });
  });

  it('a 组织生活会 held as a 党员大会 counts for both; a combination the rules do not allow names countsFor', async () => {
    const period = monthsAgo(16);
    const ok = await secretary.post('/api/activities', {
      organizationId: here.id, kind: 'life_meeting', countsFor: ['general_meeting'], heldOn: `${period}-05`, place: '村委会', topic: '年度组织生活会',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const { branches } = (await secretary.get(`/api/compliance?period=${period}`)).json() as { branches: CalendarBranch[] };
    expect(rowOf(branches, here.id, 'general_meeting.quarterly')).toMatchObject({ status: 'done' });
    const bad = await secretary.post('/api/activities', {
      organizationId: here.id, kind: 'heart_talk', countsFor: ['committee_meeting'], heldOn: `${period}-06`, place: '村委会', topic: '谈心',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('countsFor');
  });

  it('a 党小组会 needs its group, and the group must belong to the branch', async () => {
    const base = { organizationId: here.id, kind: 'group_meeting', heldOn: `${lastMonth}-12`, place: '组长家', topic: '党小组学习' };
    const missing = await secretary.post('/api/activities', base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('groupId');
    const wrong = await admin.post('/api/activities', { ...base, groupId: there.groupIds[0] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('groupId');
    const ok = await secretary.post('/api/activities', { ...base, groupId: here.groupIds[0] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().groupName).toBe('第1党小组');
  });

  it('attendance only for members of the branch; edits are audited', async () => {
    const list = (await secretary.get(`/api/activities?from=${lastMonth}-01&to=${lastMonth}-28`)).json().items;
    const theme = list.find((a: { kind: string }) => a.kind === 'theme_day');
    // Signed off in the first test: the supervisor returns it so the branch may correct it.
    await supervisor.post(`/api/activities/${theme.id}/reviews`, { action: 'return', text: '请补充决议' });
    const res = await secretary.request('PUT', `/api/activities/${theme.id}/attendance`, { records: [{ memberId: thereMember, state: 'present' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('records');
    const patched = await secretary.patch(`/api/activities/${theme.id}`, { topic: '学习贯彻四中全会精神', resolutions: '开展人居环境整治' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ topic: '学习贯彻四中全会精神', resolutions: '开展人居环境整治', attendance: { present: 1 } });
    expect((await secretary.patch(`/api/activities/${theme.id}`, { organizationId: 1 })).statusCode).toBe(400);
  });

  it('a supervisor reads but cannot write (403); another village secretary gets 404', async () => {
    const write = await supervisor.post('/api/activities', { organizationId: here.id, kind: 'theme_day', heldOn: `${lastMonth}-28`, place: '村委会', topic: '主题党日' });
    expect(write.statusCode).toBe(403);
    const theme = (await secretary.get('/api/activities')).json().items.find((a: { kind: string }) => a.kind === 'theme_day');
    expect((await supervisor.get(`/api/activities/${theme.id}`)).statusCode).toBe(200);
    expect((await supervisor.patch(`/api/activities/${theme.id}`, { topic: '越权' })).statusCode).toBe(403);
    expect((await neighbour.get(`/api/activities/${theme.id}`)).statusCode).toBe(404);
    expect((await neighbour.patch(`/api/activities/${theme.id}`, { topic: '越权' })).statusCode).toBe(404);
    const theirs = (await neighbour.get('/api/activities')).json().items as { organizationName: string }[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((a) => a.organizationName === there.name)).toBe(true);
  });

  it('a member sees only their own attendance, never the branch roster', async () => {
    const theme = (await member.get('/api/activities')).json().items.find((a: { kind: string }) => a.kind === 'theme_day');
    const detail = (await member.get(`/api/activities/${theme.id}`)).json();
    expect(detail.expected.length).toBeLessThanOrEqual(1);
    expect(detail.attendances.length).toBeLessThanOrEqual(1);
    expect(detail.can.edit).toBe(false);
  });
});

describe('13.6 local frequencies are town settings', () => {
  it('13.6 changing the 党课 setting changes what is due: 2 a quarter leaves one 党课 short, 0 drops the row', async () => {
    const period = monthsAgo(26);
    await createActivity(neighbour, there.id, { kind: 'party_lecture', heldOn: `${period}-10`, topic: '专题党课' });
    const lecture = async () => rowOf(((await neighbour.get(`/api/compliance?period=${period}`)).json() as { branches: CalendarBranch[] }).branches, there.id, 'party_lecture.quarterly');
    // Default: one a quarter (地方做法), so the one held is enough.
    expect(await lecture()).toMatchObject({ expected: 1, done: 1, status: 'done' });
    expect((await admin.patch('/api/settings/activity.partyLecturesPerQuarter', { value: 2 })).statusCode).toBe(200);
    const two = await lecture();
    expect(two).toMatchObject({ expected: 2, done: 1, status: 'late' });
    expect((two as Row & { source: string }).source).toContain('activity.partyLecturesPerQuarter');
    expect((await admin.patch('/api/settings/activity.partyLecturesPerQuarter', { value: 0 })).statusCode).toBe(200);
    expect(await lecture()).toBeUndefined();
    expect((await admin.patch('/api/settings/activity.partyLecturesPerQuarter', { value: 1 })).statusCode).toBe(200);
  });
});

describe('13.8 我的组织生活 asks only what a member can still answer', () => {
  it('13.8 a meeting already held (its day past, or its attendance recorded today) or a 党小组会 of another group is not offered for 参加/请假', async () => {
    const today = todayInShanghai();
    const future = addDays(today, 5);
    const coming = await createActivity(secretary, here.id, { heldOn: future, topic: '下周的主题党日' });
    const otherGroup = await createActivity(secretary, here.id, { kind: 'group_meeting', groupId: here.groupIds[0], heldOn: future, topic: '另一个党小组的会' });
    const morning = await createActivity(secretary, here.id, { kind: 'party_lecture', heldOn: today, topic: '今天上午的党课' });
    const attendance = await secretary.request('PUT', `/api/activities/${morning.id}/attendance`, { records: [{ memberId: morning.expected[0].memberId, state: 'present' }] });
    expect(attendance.statusCode, attendance.body).toBe(200);
    const past = await createActivity(secretary, here.id, { heldOn: addDays(today, -3), topic: '三天前的主题党日' });

    const items = (await member.get('/api/my/activities')).json().items as { id: number; held: boolean; canRespond: boolean }[];
    const of = (id: number) => items.find((i) => i.id === id);
    expect(of(coming.id)).toMatchObject({ held: false, canRespond: true });
    expect(of(otherGroup.id)).toMatchObject({ held: false, canRespond: false });
    expect(of(morning.id)).toMatchObject({ held: true, canRespond: false });
    expect(of(past.id)).toMatchObject({ held: true, canRespond: false });
    // The server holds the same line: a meeting whose attendance is in takes no answer.
    const late = await member.post(`/api/activities/${morning.id}/responses`, { response: 'confirm' });
    expect(late.statusCode).toBe(400);
    expect(late.json().fields[0].message).toContain('已经举行');
    expect((await member.post(`/api/activities/${coming.id}/responses`, { response: 'confirm' })).statusCode).toBe(200);
  });
});
