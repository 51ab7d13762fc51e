import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, personOf, recordCadreChange, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 15 point 3 (班子结构 against the town's targets), point 5 (聘用制, 事业编待遇, yearly reviews) and point 2's
 * 乡村振兴服务队 with its period end on 待办 (cadres.assignmentDueDays).
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let otherSecretary: Session;
const people: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const today = todayInShanghai();
const born = (age: number) => addYears(today, -age);
const joined = (age: number) => ({ birthDate: born(age), joinedAt: addYears(born(age), 22), confirmedAt: addYears(born(age), 23) });
const village = async (orgId = branch.id) => (await town.admin.get(`/api/cadres/villages/${orgId}`)).json() as Json;
const holdingOf = (v: Json, post: string) => (v.current as Json[]).find((h) => h.post === post)!;
const profile = (personId: number, body: Json) => town.admin.request('PUT', `/api/cadres/villages/${branch.id}/people/${personId}/profile`, body);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  people.a = await personOf(ctx, await createMember(town, branch.id, joined(30)));
  people.b = await personOf(ctx, await createMember(town, branch.id, { ...joined(40), gender: 'female' }));
  people.d = await personOf(ctx, await createMember(town, branch.id, joined(60)));
  await recordCadreChange(town, branch.id, { post: 'secretary', personId: people.a });
  await recordCadreChange(town, branch.id, { post: 'director', personId: people.b });
  // A non-member 委员 entered with their 学历, and a 计生专职 (a staff post: not one of the 两委).
  const v = await recordCadreChange(town, branch.id, {
    post: 'committee_member', newPerson: { name: '非党委员', gender: 'female', birthDate: born(50), idNumber: testIdNumber(born(50), 'female'), education: 'undergraduate' },
  });
  people.c = (v.current as Json[]).find((h) => h.post === 'committee_member')!.personId;
  await recordCadreChange(town, branch.id, { post: 'committee_member', personId: people.d });
  await recordCadreChange(town, branch.id, { post: 'family_planning', newPerson: { name: '计生专职', gender: 'female', birthDate: born(25), idNumber: testIdNumber(born(25), 'female'), education: 'postgraduate' } });
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [other.id]));
});
afterAll(async () => { await ctx.close(); });

describe('15.3 班子结构', () => {
  it('15.3 counts a village\'s 两委 by the definitions, against the town\'s targets', async () => {
    expect((await profile(people.a, { education: 'college', localTalent: false })).statusCode).toBe(200);
    expect((await profile(people.b, { education: 'high_school', localTalent: false })).statusCode).toBe(200);
    const res = await profile(people.c, { education: 'undergraduate', localTalent: true });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json().structure as Json;
    expect(s.figures).toEqual({
      cadres: 4, avgAge: 45, ageBands: { upTo35: 1, from36To45: 1, from46To55: 1, over55: 1 },
      college: 2, educationUnknown: 1, collegeSharePct: 50, women: 2,
      villagesWithSecretary: 1, combined: 0, combinedSharePct: 0,
      committeeMembers: 3, committeePartyMembers: 2, committeePartySharePct: 66.7,
      localTalent: 1, localTalentSharePct: 25,
    });
    expect(s.targets).toMatchObject({ avgAgeMax: 45, collegeSharePct: 30, womenMin: 1, combinedSharePct: 80 });
    expect(s.targets.source).toContain('本地换届目标');
    expect(s.checks).toEqual({ avgAge: 'met', collegeShare: 'met', women: 'met', combined: 'short' });
    expect(holdingOf(res.json(), 'committee_member')).toBeDefined();
    // A person who holds no post here today has no profile to record.
    expect((await profile(999999, { education: 'college', localTalent: true })).statusCode).toBe(404);
    expect((await ctx.pool.query(`select count(*)::int as n from audit_events where action = 'cadres.profile'`)).rows[0].n).toBe(3);
  });

  it('15.3 the town reads each village against its targets, in order and unranked; a setting moves the target', async () => {
    let t = (await town.admin.get('/api/cadres/structure')).json() as Json;
    expect(t.villages.map((v: Json) => v.organizationId)).toEqual([branch.id, other.id].filter((id) => t.villages.some((v: Json) => v.organizationId === id)));
    const empty = t.villages.find((v: Json) => v.organizationId === other.id);
    expect(empty.figures.cadres).toBe(0);
    expect(empty.checks).toEqual({ avgAge: 'none', collegeShare: 'none', women: 'none', combined: 'none' });
    expect(t.figures).toMatchObject({ cadres: 4, avgAge: 45, collegeSharePct: 50, combinedSharePct: 0 });
    expect(t.checks).toEqual({ avgAge: 'met', collegeShare: 'met', women: 'met', combined: 'short' });
    expect((await town.admin.request('PATCH', '/api/settings/cadres.targetAvgAgeMax', { value: 40 })).statusCode).toBe(200);
    t = (await town.admin.get('/api/cadres/structure')).json() as Json;
    expect(t.targets.avgAgeMax).toBe(40);
    expect(t.checks.avgAge).toBe('short');
    expect((await otherSecretary.get('/api/cadres/structure')).statusCode).toBe(403);
  });

  it('15.3 the figures follow a change: an adjustment makes the director secretary too (一肩挑)', async () => {
    await recordCadreChange(town, branch.id, { kind: 'adjustment', post: 'secretary', personId: people.b, occurredOn: today, reason: '镇党委调整' });
    const s = (await village()).structure as Json;
    expect(s.figures).toMatchObject({ cadres: 3, avgAge: 50, college: 1, collegeSharePct: 33.3, combined: 1, combinedSharePct: 100, women: 2 });
    expect(s.checks.combined).toBe('met');
    const t = (await town.admin.get('/api/cadres/structure')).json() as Json;
    expect(t.figures.combinedSharePct).toBe(100);
    expect(t.checks.combined).toBe('met');
  });
});

describe('15.5 聘用制 and 事业编待遇', () => {
  it('15.5 records the rule on a secretary\'s holding with yearly reviews, counts it for the town, and lapses with the holding', async () => {
    let v = await village();
    const secretary = holdingOf(v, 'secretary');
    const url = `/api/cadres/villages/${branch.id}/holdings/${secretary.id}/employment`;
    const body = { since: addDays(today, 0), ruleText: '镇党委《村党支部书记聘用制管理办法》', careerTreatment: true };
    let res = await town.admin.request('PUT', url, body);
    expect(res.statusCode, res.body).toBe(200);
    v = res.json();
    expect(v.employments).toEqual([{ id: expect.any(Number), cadrePostId: secretary.id, since: today, ruleText: body.ruleText, careerTreatment: true, reviews: [] }]);
    res = await town.admin.post(`${url}/reviews`, { year: Number(today.slice(0, 4)), result: 'excellent', note: '年度考核优秀' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().employments[0].reviews).toEqual([{ year: Number(today.slice(0, 4)), result: 'excellent', note: '年度考核优秀' }]);
    expect((await town.admin.post(`${url}/reviews`, { year: Number(today.slice(0, 4)), result: 'competent' })).statusCode).toBe(400);
    expect((await town.admin.post(`${url}/reviews`, { year: 2001, result: 'competent' })).statusCode).toBe(400);
    // A 委员 is not under the rule; another village's secretary cannot record it here.
    const member = holdingOf(v, 'committee_member');
    expect((await town.admin.request('PUT', `/api/cadres/villages/${branch.id}/holdings/${member.id}/employment`, body)).statusCode).toBe(400);
    expect((await otherSecretary.request('PUT', url, body)).statusCode).toBe(404);
    const board = (await town.admin.get('/api/cadres/board')).json() as Json;
    expect(board.employment).toEqual({ employed: 1, careerTreatment: 1, secretaries: 1, directors: 0, familyPlanning: 0 });
    expect((await ctx.pool.query(`select count(*)::int as n from audit_events where action like 'cadres.employment%'`)).rows[0].n).toBe(2);
    // The secretary resigns: the employment lapses with the holding.
    await recordCadreChange(town, branch.id, { kind: 'resignation', cadrePostId: secretary.id, occurredOn: today, reason: '个人原因辞职' });
    expect((await village()).employments).toEqual([]);
    expect(((await town.admin.get('/api/cadres/board')).json() as Json).employment.employed).toBe(0);
  });
});

describe('15.2 乡村振兴服务队', () => {
  it('15.2 lists members on the board and on the villages they serve; the period end is on 待办 by the setting', async () => {
    const body = { name: '服务队员甲', unit: '县农业农村局', teamName: '县派乡村振兴服务队', startedOn: addYears(today, -1), endsOn: addDays(today, 20), organizationIds: [branch.id, other.id] };
    const res = await town.admin.post('/api/cadres/service-team', body);
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ name: '服务队员甲', daysLeft: 20, villages: [{ organizationId: branch.id }, { organizationId: other.id }] });
    expect(((await town.admin.get('/api/cadres/board')).json() as Json).serviceTeam.map((m: Json) => m.id)).toEqual([id]);
    // The other village's secretary reads the member on their own page, with their own village only.
    const theirs = (await otherSecretary.get(`/api/cadres/villages/${other.id}`)).json() as Json;
    expect(theirs.serviceTeam.map((m: Json) => [m.id, m.villages.map((x: Json) => x.organizationId)])).toEqual([[id, [other.id]]]);
    const tasks = async () => ((await town.admin.get('/api/tasks')).json().items as Json[]).filter((t) => t.kind === 'SERVICE_TEAM_ENDING');
    expect((await tasks()).map((t) => [t.memberName, t.dueOn, t.overdue])).toEqual([['乡村振兴服务队 服务队员甲', body.endsOn, false]]);
    expect((await town.admin.request('PATCH', '/api/settings/cadres.assignmentDueDays', { value: 10 })).statusCode).toBe(200);
    expect(await tasks()).toEqual([]);
    expect(((await town.admin.get('/api/cadres/board')).json() as Json).dueDays).toBe(10);
    // Recording the leaving takes the member off the board and the village page.
    const left = await town.admin.request('PUT', `/api/cadres/service-team/${id}`, { ...body, endedOn: addDays(today, -1) });
    expect(left.statusCode, left.body).toBe(200);
    expect(((await town.admin.get('/api/cadres/board')).json() as Json).serviceTeam).toEqual([]);
    expect((await village()).serviceTeam).toEqual([]);
    // The other village's secretary sees the member but records nothing (the town does).
    expect((await otherSecretary.request('PUT', `/api/cadres/service-team/${id}`, body)).statusCode).toBe(403);
    expect((await ctx.pool.query(`select count(*)::int as n from audit_events where action like 'cadres.service_team.%'`)).rows[0].n).toBe(2);
  });
});
