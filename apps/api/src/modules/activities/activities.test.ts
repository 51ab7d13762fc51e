import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from '../../../test/context.js';
import { monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';

let ctx: TestContext;
let yingzi: Session;
let ids: Record<string, number>;
const current = todayInShanghai().slice(0, 7);
const monthsAgo = (n: number) => monthFromIndex(monthIndex(current) - n);
// Past months before the demo town's year of records, so "done" and "late" depend neither on today nor on the demo data.
const lastMonth = monthsAgo(14);

interface Row { ruleKey: string; kind: string; status: string; done: number; expected: number }
interface Branch { organizationId: number; organizationName: string; rows: Row[]; summary: Record<string, number> }
const rowOf = (branches: Branch[], orgId: number, ruleKey: string) =>
  branches.find((b) => b.organizationId === orgId)?.rows.find((r) => r.ruleKey === ruleKey);

beforeAll(async () => {
  ctx = await createTestContext();
  yingzi = await ctx.signIn('yingzi');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('组织生活 records', () => {
  it('a secretary records a 主题党日 with attendance; the compliance calendar shows it done for that branch only', async () => {
    const created = await yingzi.post('/api/activities', {
      organizationId: ids['营子村党支部'], kind: 'theme_day', heldOn: `${lastMonth}-20`, place: '村党群服务中心', topic: '学习党的二十届四中全会精神',
      host: '张志强', recorder: '李文',
    });
    expect(created.statusCode, created.body).toBe(201);
    const activity = created.json();
    expect(activity).toMatchObject({ kind: 'theme_day', organizationName: '营子村党支部', attendance: { present: 0, excused: 0, absent: 0 } });
    expect(activity.expected.length).toBeGreaterThan(2);
    const [a, b, c] = activity.expected.map((m: { memberId: number }) => m.memberId);
    const marked = await yingzi.request('PUT', `/api/activities/${activity.id}/attendance`, {
      records: [{ memberId: a, state: 'present' }, { memberId: b, state: 'excused', reason: '外出务工', makeupOn: `${lastMonth}-25` }, { memberId: c, state: 'absent' }],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().attendance).toEqual({ present: 1, excused: 1, absent: 1 });
    expect(marked.json().attendances.find((r: { memberId: number }) => r.memberId === b)).toMatchObject({ state: 'excused', reason: '外出务工' });

    const { rows: audit } = await ctx.pool.query(`select action from audit_events where object_type = 'activity' and object_id = $1 order by id`, [String(activity.id)]);
    expect(audit.map((r) => r.action)).toEqual(['activity.create', 'activity.attendance']);
    // The record is signed off below; later tests edit it, which needs it returned first.

    const admin = await ctx.signIn('admin');
    // 营子村 is guided by the demo supervisor: the record counts once signed off.
    const waiting = (await admin.get(`/api/compliance?period=${lastMonth}`)).json() as { branches: Branch[] };
    expect(rowOf(waiting.branches, ids['营子村党支部'], 'theme_day.monthly')).toMatchObject({ status: 'late', done: 0, awaitingSignOff: 1 });
    expect((await yingzi.post(`/api/activities/${activity.id}/reviews`, { action: 'submit' })).statusCode).toBe(200);
    const signed = await (await ctx.signIn('supervisor')).post(`/api/activities/${activity.id}/reviews`, { action: 'sign_off' });
    expect(signed.json().reviewStatus).toBe('signed_off');
    const res = await admin.get(`/api/compliance?period=${lastMonth}`);
    expect(res.statusCode, res.body).toBe(200);
    const { period, branches } = res.json() as { period: string; branches: Branch[] };
    expect(period).toBe(lastMonth);
    expect(rowOf(branches, ids['营子村党支部'], 'theme_day.monthly')).toMatchObject({ status: 'done', done: 1, expected: 1 });
    expect(rowOf(branches, ids['西花沟村党支部'], 'theme_day.monthly')).toMatchObject({ status: 'late', done: 0 });
    expect(JSON.stringify(branches)).not.toMatch(/rank|percent/i);
  });

  it('a secretary sees only their own branch in the calendar; orgId narrows it', async () => {
    const own = (await yingzi.get(`/api/compliance?period=${lastMonth}`)).json() as { branches: Branch[] };
    expect(own.branches.map((b) => b.organizationName)).toEqual(['营子村党支部']);
    const admin = await ctx.signIn('admin');
    const one = (await admin.get(`/api/compliance?orgId=${ids['西花沟村党支部']}&period=${lastMonth}`)).json() as { branches: Branch[] };
    expect(one.branches.map((b) => b.organizationId)).toEqual([ids['西花沟村党支部']]);
  });

  it('a 三日合一 counts for its three kinds', async () => {
    const period = monthsAgo(15);
    const res = await yingzi.post('/api/activities', {
      organizationId: ids['营子村党支部'], kind: 'combined_day', heldOn: `${period}-10`, place: '村委会', topic: '三日合一: 学习、议事、说事',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().countedAs).toEqual(expect.arrayContaining(['theme_day', 'deliberation_day', 'villager_say_day']));
    const { branches } = (await yingzi.get(`/api/compliance?period=${period}`)).json() as { branches: Branch[] };
    // It counts for the theme day; being supervised, it waits for the sign-off before turning done.
    expect(rowOf(branches, ids['营子村党支部'], 'theme_day.monthly')).toMatchObject({ awaitingSignOff: 1 });
  });

  it('a 组织生活会 held as a 党员大会 counts for both; a combination the rules do not allow names countsFor', async () => {
    const period = monthsAgo(16);
    const ok = await yingzi.post('/api/activities', {
      organizationId: ids['营子村党支部'], kind: 'life_meeting', countsFor: ['general_meeting'], heldOn: `${period}-05`, place: '村委会', topic: '年度组织生活会',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const { branches } = (await yingzi.get(`/api/compliance?period=${period}`)).json() as { branches: Branch[] };
    expect(rowOf(branches, ids['营子村党支部'], 'general_meeting.quarterly')).toMatchObject({ status: 'done' });
    const bad = await yingzi.post('/api/activities', {
      organizationId: ids['营子村党支部'], kind: 'heart_talk', countsFor: ['committee_meeting'], heldOn: `${period}-06`, place: '村委会', topic: '谈心',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('countsFor');
  });

  it('a 党小组会 needs its group, and the group must belong to the branch', async () => {
    const base = { organizationId: ids['营子村党支部'], kind: 'group_meeting', heldOn: `${lastMonth}-12`, place: '组长家', topic: '党小组学习' };
    const missing = await yingzi.post('/api/activities', base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('groupId');
    const wrong = await ctx.signIn('admin').then((admin) => admin.post('/api/activities', { ...base, groupId: ids['西花沟村党支部/第一党小组'] }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('groupId');
    const ok = await yingzi.post('/api/activities', { ...base, groupId: ids['营子村党支部/第一党小组'] });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().groupName).toBe('第一党小组');
  });

  it('attendance only for members of the branch; edits are audited', async () => {
    const list = (await yingzi.get(`/api/activities?from=${lastMonth}-01&to=${lastMonth}-28`)).json().items;
    const theme = list.find((a: { kind: string }) => a.kind === 'theme_day');
    // Signed off in the first test: the supervisor returns it so the branch may correct it.
    await (await ctx.signIn('supervisor')).post(`/api/activities/${theme.id}/reviews`, { action: 'return', text: '请补充决议' });
    const other = (await ctx.pool.query(`select m.id from members m join organizations o on o.id = m.organization_id where o.name = '西花沟村党支部' limit 1`)).rows[0].id;
    const res = await yingzi.request('PUT', `/api/activities/${theme.id}/attendance`, { records: [{ memberId: other, state: 'present' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('records');
    const patched = await yingzi.patch(`/api/activities/${theme.id}`, { topic: '学习贯彻四中全会精神', resolutions: '开展人居环境整治' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ topic: '学习贯彻四中全会精神', resolutions: '开展人居环境整治', attendance: { present: 1 } });
    expect((await yingzi.patch(`/api/activities/${theme.id}`, { organizationId: 1 })).statusCode).toBe(400);
  });

  it('a supervisor reads but cannot write (403); another village secretary gets 404', async () => {
    const supervisor = await ctx.signIn('supervisor');
    const write = await supervisor.post('/api/activities', { organizationId: ids['营子村党支部'], kind: 'theme_day', heldOn: `${lastMonth}-28`, place: '村委会', topic: '主题党日' });
    expect(write.statusCode).toBe(403);
    const theme = (await yingzi.get('/api/activities')).json().items.find((a: { kind: string }) => a.kind === 'theme_day');
    expect((await supervisor.get(`/api/activities/${theme.id}`)).statusCode).toBe(200);
    expect((await supervisor.patch(`/api/activities/${theme.id}`, { topic: '越权' })).statusCode).toBe(403);
    const xihuagou = await ctx.signIn('xihuagou');
    expect((await xihuagou.get(`/api/activities/${theme.id}`)).statusCode).toBe(404);
    expect((await xihuagou.patch(`/api/activities/${theme.id}`, { topic: '越权' })).statusCode).toBe(404);
    const theirs = (await xihuagou.get('/api/activities')).json().items as { organizationName: string }[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((a) => a.organizationName === '西花沟村党支部')).toBe(true);
  });

  it('a member sees only their own attendance, never the branch roster', async () => {
    const member = await ctx.signIn('member');
    const theme = (await member.get('/api/activities')).json().items.find((a: { kind: string }) => a.kind === 'theme_day');
    const detail = (await member.get(`/api/activities/${theme.id}`)).json();
    expect(detail.expected.length).toBeLessThanOrEqual(1);
    expect(detail.attendances.length).toBeLessThanOrEqual(1);
    expect(detail.can.edit).toBe(false);
  });
});
