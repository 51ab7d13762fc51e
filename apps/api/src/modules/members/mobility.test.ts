import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, createUser, personOf, type Branch, type Town } from '../../../test/factories.js';
import { addDays, addMonths, todayInShanghai } from '@dj/contracts';

let ctx: TestContext;
let town: Town;
let branch: Branch;
let secretary: Session;
/** The member under test; the second of `members` once the letters start. */
let memberId: number;
let members: number[];
const today = todayInShanghai();
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = await createBranch(town);
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
  // Two full members of the branch, neither mobile yet.
  members = await createMembers(town, branch.id, { full: 2 });
  memberId = members[0];
  expect((await secretary.get(`/api/members/${memberId}`)).json()).toMatchObject({ isMobile: false, standing: 'full' });
});
afterAll(async () => { await ctx.close(); });

const taskKinds = async (s: Session) => (await s.get('/api/tasks')).json().items.filter((t: { memberId: number }) => t.memberId === memberId).map((t: { kind: string }) => t.kind).sort();

describe('流动党员', () => {
  it('党员教育管理工作条例 第二十四、二十五条: 7 months away at a fixed place without contact → transfer due and 失联 on the to-do list', async () => {
    const started = addMonths(today, -7);
    const res = await secretary.post(`/api/members/${memberId}/flows`, { direction: 'outflow', startedOn: started, destination: '江苏省苏州市', workUnit: '某电子厂', hasFixedPlace: true, activityCardNo: 'LD-2026-001' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().flows[0].warnings.map((w: { code: string }) => w.code).sort()).toEqual(['TRANSFER_DUE', 'UNREACHABLE']);
    expect((await secretary.get(`/api/members/${memberId}`)).json().isMobile).toBe(true);
    expect(await taskKinds(secretary)).toEqual(['TRANSFER_DUE', 'UNREACHABLE']);
    const saved = (await secretary.get('/api/members?filter=unreachable&pageSize=100')).json().items.map((m: { id: number }) => m.id);
    expect(saved).toContain(memberId);
  });

  it('a recent contact clears the 失联 warning; the transfer stays due', async () => {
    const flow = (await secretary.get(`/api/members/${memberId}/mobility`)).json().flows[0];
    const res = await secretary.post(`/api/members/${memberId}/flows/${flow.id}/contacts`, { contactedOn: addDays(today, -3), method: 'wechat', note: '视频参加主题党日' });
    expect(res.json().flows[0].lastContactOn).toBe(addDays(today, -3));
    expect(await taskKinds(secretary)).toEqual(['TRANSFER_DUE']);
    const saved = (await secretary.get('/api/members?filter=unreachable&pageSize=100')).json().items.map((m: { id: number }) => m.id);
    expect(saved).not.toContain(memberId);
    expect((await secretary.post(`/api/members/${memberId}/flows`, { direction: 'outflow', startedOn: today, destination: '第二处' })).statusCode).toBe(409);
  });

  it('ending the flow ends the warnings and the mobile flag', async () => {
    const flow = (await secretary.get(`/api/members/${memberId}/mobility`)).json().flows[0];
    const res = await secretary.post(`/api/members/${memberId}/flows/${flow.id}/end`, { endedOn: today });
    expect(res.json().flows[0].warnings).toEqual([]);
    expect((await secretary.get(`/api/members/${memberId}`)).json().isMobile).toBe(false);
    expect(await taskKinds(secretary)).toEqual([]);
  });

  it('a plain member cannot read the branch to-do list', async () => {
    const member = await createUser(town, 'member', [branch.id], { personId: await personOf(ctx, members[1]) });
    expect((await member.session.get('/api/tasks')).statusCode).toBe(403);
  });

  it('supervisors may read but not record', async () => {
    const supervisor = (await createUser(town, 'supervisor', [branch.id])).session;
    expect((await supervisor.get(`/api/members/${memberId}/mobility`)).statusCode).toBe(200);
    expect((await supervisor.post(`/api/members/${memberId}/flows`, { direction: 'outflow', startedOn: today, destination: '某地' })).statusCode).toBe(403);
  });
});

describe('组织关系介绍信', () => {
  beforeAll(async () => {
    // Another member: the first one's history now ends today, so a back-dated letter would contradict it.
    memberId = members[1];
    expect((await secretary.get(`/api/members/${memberId}`)).json()).toMatchObject({ isMobile: false, standing: 'full' });
  });

  it('issuing a letter takes the member off the roster; an unreturned receipt past its validity is on the to-do list', async () => {
    const issuedOn = addDays(today, -100);
    const res = await secretary.post(`/api/members/${memberId}/letters`, { letterNo: '东组〔2026〕3号', destination: '中共济南市某街道工作委员会', issuedOn });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().letters[0]).toMatchObject({ validDays: 90, receiptReturnedOn: null });
    expect(res.json().letters[0].warnings.map((w: { code: string }) => w.code)).toEqual(['RECEIPT_OVERDUE']);
    const list = (await secretary.get('/api/members?pageSize=100')).json().items.map((m: { id: number }) => m.id);
    expect(list).not.toContain(memberId);
    expect(await taskKinds(secretary)).toEqual(['RECEIPT_OVERDUE']);
    const dup = await secretary.post(`/api/members/${memberId}/letters`, { letterNo: '东组〔2026〕3号', destination: '别处', issuedOn: today });
    expect(dup.statusCode).toBe(400);
  });

  it('a returned receipt clears the warning', async () => {
    const letter = (await secretary.get(`/api/members/${memberId}/mobility`)).json().letters[0];
    const res = await secretary.post(`/api/members/${memberId}/letters/${letter.id}/receipt`, { receiptReturnedOn: today });
    expect(res.json().letters[0].warnings).toEqual([]);
    expect(await taskKinds(secretary)).toEqual([]);
  });
});
