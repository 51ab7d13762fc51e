import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { docxText, pdfText } from '../../../test/documents.js';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMemberAccount, createSupervisor, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';
import { addTripAction, addTripParticipant, createTrip, tripBody } from '../../../test/trips-factories.js';

/**
 * Issue 19 point 4, 对标学习: a town trip to 周庄镇 with its topics, participants (accounts or typed), each one's 心得,
 * follow-up actions on their owner's 待办 (overdue says so, done takes it off) and the report as Word and PDF; a
 * village's secretary sees their village's part of a town trip and writes what is theirs, never another village's.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: { userId: number; session: Session };
let secretaryB: { userId: number; session: Session };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const today = todayInShanghai();

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const tripTasks = async (s: Session) => (await ok(await s.get('/api/tasks?kind=TRIP_ACTION_DUE'))).items as Json[];

/** What the application role reads of a table under a branch's row scope (the policies alone, no WHERE of ours). */
async function rowsUnder(orgId: number, query: string) {
  const [{ path }] = (await ctx.pool.query('select path from organizations where id = $1', [orgId])).rows;
  return withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [path] }), async () => (await ctx.appDb.execute(sql.raw(query))).rows);
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town, { name: '甲村党支部' });
  b = await createBranch(town, { name: '乙村党支部', villageId: town.villages[1].id });
  secretaryA = await createUser(town, 'branch_secretary', [a.id], { displayName: '张书记' });
  secretaryB = await createUser(town, 'branch_secretary', [b.id], { displayName: '李书记' });
});
afterAll(async () => { await ctx.close(); });

describe('19.4 对标学习', () => {
  it('19.4 the town records a trip with the article\'s topics; the period and topics are checked and every write is audited', async () => {
    const trip = await createTrip(town, { topics: ['party_building', 'beautiful_village', 'governance', 'innovation'] });
    expect(trip).toMatchObject({ destination: '江苏省无锡市周庄镇', participants: 0, actions: 0, can: { edit: true } });
    const backwards = await town.admin.post('/api/education/trips', tripBody(town, { endsOn: addDays(today, -40) }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('返回日期不能早于出发日期');
    const noTopic = await town.admin.post('/api/education/trips', tripBody(town, { topics: [] }));
    expect(noTopic.body).toContain('请至少选择一项学习内容');
    const long = await town.admin.post('/api/education/trips', tripBody(town, { note: '字'.repeat(501) }));
    expect(long.body).toContain('行程安排不能超过500个字');
    const edited = await ok(await town.admin.patch(`/api/education/trips/${trip.id}`, { ...tripBody(town), organizationId: undefined, title: '周庄镇学习' }));
    expect(edited.title).toBe('周庄镇学习');
    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'education_trip' and object_id = $1 order by id", [String(trip.id)]);
    expect(rows.map((r) => r.action)).toEqual(['education.trip.create', 'education.trip.update']);
  });

  it('19.4 participants: accounts of the town\'s cadres (named as they sign in) or typed; a plain 党员 or an outside unit is refused', async () => {
    const trip = await createTrip(town);
    const people = await ok(await town.admin.get('/api/education/trips/people'));
    expect(people.items).toEqual(expect.arrayContaining([expect.objectContaining({ userId: secretaryA.userId, name: '张书记', organizationId: a.id })]));
    const member = await createMemberAccount(town, a.id);
    expect(people.items.map((p: Json) => p.userId)).not.toContain(member.userId);
    const withA = await addTripParticipant(town, trip.id, { userId: secretaryA.userId, organizationId: a.id, post: '党支部书记' });
    expect(withA.participantList[0]).toMatchObject({ name: '张书记', organizationName: '甲村党支部', post: '党支部书记' });
    const typed = await addTripParticipant(town, trip.id, { name: '王委员', organizationId: b.id, post: '村委会委员' });
    expect(typed.participants).toBe(2);
    const plain = await town.admin.post(`/api/education/trips/${trip.id}/participants`, { userId: member.userId, organizationId: a.id });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().fields[0]).toMatchObject({ path: 'userId', message: '参加人员须为该单位的镇村干部账号' });
    // 张书记 is 甲村's, not 乙村's.
    expect((await town.admin.post(`/api/education/trips/${trip.id}/participants`, { userId: secretaryA.userId, organizationId: b.id })).statusCode).toBe(400);
  });

  it('19.4 a village\'s secretary sees their village\'s part of a town trip, writes their 心得, and gets 403 for the trip and 404 for another village\'s row', async () => {
    const trip = await createTrip(town);
    await addTripParticipant(town, trip.id, { userId: secretaryA.userId, organizationId: a.id });
    const full = await addTripParticipant(town, trip.id, { userId: secretaryB.userId, organizationId: b.id });
    const [pa, pb] = full.participantList as Json[];
    const seen = await ok(await secretaryA.session.get(`/api/education/trips/${trip.id}`));
    expect(seen.can.edit).toBe(false);
    expect(seen.participantList.map((p: Json) => p.name)).toEqual(['张书记']);
    expect(seen.participantList[0].can.writeTakeaway).toBe(true);
    const written = await ok(await secretaryA.session.request('PUT', `/api/education/trips/${trip.id}/participants/${pa.id}/takeaway`, { takeaway: '周庄镇网格化治理经验值得学习' }));
    expect(written.participantList[0]).toMatchObject({ takeaway: '周庄镇网格化治理经验值得学习', takeawayAt: expect.any(String) });
    expect((await secretaryA.session.request('PUT', `/api/education/trips/${trip.id}/participants/${pb.id}/takeaway`, { takeaway: '越权' })).statusCode).toBe(404);
    expect((await secretaryA.session.patch(`/api/education/trips/${trip.id}`, { ...tripBody(town), organizationId: undefined })).statusCode).toBe(403);
    const tooLong = await secretaryA.session.request('PUT', `/api/education/trips/${trip.id}/participants/${pa.id}/takeaway`, { takeaway: '字'.repeat(2001) });
    expect(tooLong.body).toContain('学习心得不能超过2000个字');
    // A trip without their village is none of theirs; a supervisor of neither village sees nothing of it either.
    const other = await createTrip(town, { title: '镇机关学习' });
    expect((await secretaryA.session.get(`/api/education/trips/${other.id}`)).statusCode).toBe(404);
    const { session: supervisor } = await createSupervisor(town, [b.id]);
    expect((await supervisor.get(`/api/education/trips/${other.id}`)).statusCode).toBe(404);
    const list = await ok(await secretaryA.session.get('/api/education/trips'));
    expect(list.items.map((t: Json) => t.id)).toContain(trip.id);
    expect(list.items.map((t: Json) => t.id)).not.toContain(other.id);
    expect(list.organizers).toEqual([{ id: a.id, name: '甲村党支部' }]);
  });

  it('19.4 a follow-up is on its owner\'s 待办, says 已逾期 once past its day, and leaves 待办 when done', async () => {
    const trip = await createTrip(town, { title: '周庄镇美丽乡村学习' });
    const made = await addTripAction(town, trip.id, { content: '制定甲村人居环境整治方案', ownerUserId: secretaryA.userId, organizationId: a.id, dueOn: addDays(today, 5) });
    const late = await addTripAction(town, trip.id, { content: '建立网格员队伍', ownerUserId: secretaryA.userId, organizationId: a.id, dueOn: addDays(today, -3) });
    const [due, overdue] = [made.actionList.find((x: Json) => x.dueOn === addDays(today, 5)), late.actionList.find((x: Json) => x.dueOn === addDays(today, -3))];
    expect([due.state, overdue.state]).toEqual(['due', 'overdue']);
    const tasks = (await tripTasks(secretaryA.session)).filter((t) => t.link === `/education/trips/${trip.id}`);
    expect(tasks).toEqual([
      expect.objectContaining({ overdue: true, dueOn: addDays(today, -3), message: expect.stringContaining('已逾期'), organizationName: '甲村党支部' }),
      expect.objectContaining({ overdue: false, dueOn: addDays(today, 5), memberName: '对标学习 周庄镇美丽乡村学习(江苏省无锡市周庄镇)' }),
    ]);
    // Not on another village's secretary's list, nor the town admin's (the action names its owner).
    expect((await tripTasks(secretaryB.session)).some((t) => t.link === `/education/trips/${trip.id}`)).toBe(false);
    expect((await tripTasks(town.admin)).some((t) => t.link === `/education/trips/${trip.id}`)).toBe(false);
    // The owner marks it done: off 待办. A done date in the future is refused on its field.
    const future = await secretaryA.session.patch(`/api/education/trips/${trip.id}/actions/${overdue.id}`, { dueOn: overdue.dueOn, doneOn: addDays(today, 1) });
    expect(future.json().fields[0]).toMatchObject({ path: 'doneOn', message: '完成日期不能晚于今天' });
    const done = await ok(await secretaryA.session.patch(`/api/education/trips/${trip.id}/actions/${overdue.id}`, { dueOn: overdue.dueOn, doneOn: today, doneNote: '已组建网格员12人' }));
    expect(done.actionList.find((x: Json) => x.id === overdue.id)).toMatchObject({ state: 'done', doneNote: '已组建网格员12人' });
    expect((await tripTasks(secretaryA.session)).filter((t) => t.link === `/education/trips/${trip.id}`).map((t) => t.dueOn)).toEqual([addDays(today, 5)]);
    // The owner must be a cadre who sees the unit; another village's secretary may not close it.
    const wrongOwner = await town.admin.post(`/api/education/trips/${trip.id}/actions`, { content: 'x', ownerUserId: secretaryB.userId, organizationId: a.id, dueOn: today });
    expect(wrongOwner.json().fields[0]).toMatchObject({ path: 'ownerUserId', message: '责任人须为该单位的镇村干部账号' });
    expect((await secretaryB.session.patch(`/api/education/trips/${trip.id}/actions/${due.id}`, { dueOn: due.dueOn, doneOn: today })).statusCode).toBe(404);
    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'education_trip' and object_id = $1 order by id", [String(trip.id)]);
    expect(rows.map((r) => r.action)).toEqual(['education.trip.create', 'education.trip.action.create', 'education.trip.action.create', 'education.trip.action.update']);
  });

  it('19.4 the report as Word and A4 PDF holds the trip, participants, their 心得 and the follow-ups with their state', async () => {
    const trip = await createTrip(town, { title: '赴周庄镇学习基层治理', topics: ['governance', 'innovation'] });
    const p = await addTripParticipant(town, trip.id, { userId: secretaryA.userId, organizationId: a.id, post: '党支部书记' });
    await addTripParticipant(town, trip.id, { name: '王委员', organizationId: b.id });
    await town.admin.request('PUT', `/api/education/trips/${trip.id}/participants/${p.participantList[0].id}/takeaway`, { takeaway: '党建引领网格治理,事事有人管' });
    await addTripAction(town, trip.id, { content: '推行党员联户制度', ownerUserId: secretaryA.userId, organizationId: a.id, dueOn: addDays(today, -1) });
    const pdf = pdfText(await town.admin.get(`/api/education/trips/${trip.id}/report.pdf`));
    for (const text of ['赴周庄镇学习基层治理对标学习报告', '江苏省无锡市周庄镇', '基层治理、创新发展', '参加人数2人', '张书记', '王委员', '党建引领网格治理,事事有人管', '(未填写学习心得)', '推行党员联户制度', '已逾期']) {
      expect(pdf, text).toContain(text);
    }
    const word = await docxText(await town.admin.get(`/api/education/trips/${trip.id}/report.docx`));
    for (const text of ['赴周庄镇学习基层治理对标学习报告', '张书记', '党建引领网格治理,事事有人管', '推行党员联户制度', '已逾期']) expect(word, text).toContain(text);
    // The organiser's document: a village's secretary who took part gets 403.
    expect((await secretaryA.session.get(`/api/education/trips/${trip.id}/report.pdf`)).statusCode).toBe(403);
    const { rows } = await ctx.pool.query("select count(*)::int as n from audit_events where action = 'education.trip.export' and object_id = $1", [String(trip.id)]);
    expect(rows[0].n).toBe(2);
  });

  it('19.4 a village\'s secretary organises their own village\'s trip with their own people only', async () => {
    const own = await createTrip(town, { organizationId: a.id, title: '甲村两委赴先进村学习' }, secretaryA.session);
    expect(own.can.edit).toBe(true);
    const outside = await secretaryA.session.post(`/api/education/trips/${own.id}/participants`, { name: '乙村人', organizationId: b.id });
    expect(outside.statusCode).toBe(404);
    expect((await secretaryA.session.post('/api/education/trips', tripBody(town))).statusCode).toBe(404);
    const member = await createMemberAccount(town, a.id);
    expect((await member.session.get('/api/education/trips')).statusCode).toBe(403);
    expect((await member.session.get(`/api/education/trips/${own.id}`)).statusCode).toBe(404);
  });

  it('19.4 row-level security: under a village\'s scope only its participants and actions show, and the trips they belong to', async () => {
    const trip = await createTrip(town, { title: '行级安全测试' });
    await addTripParticipant(town, trip.id, { name: '甲村人员', organizationId: a.id });
    await addTripParticipant(town, trip.id, { name: '乙村人员', organizationId: b.id });
    const hidden = await createTrip(town, { title: '无乙村人员' });
    const participants = await rowsUnder(b.id, 'select organization_id, name from education_trip_participants');
    expect(participants.every((r) => Number(r.organization_id) === b.id), JSON.stringify(participants)).toBe(true);
    expect(participants.map((r) => r.name)).toContain('乙村人员');
    const actions = await rowsUnder(b.id, 'select organization_id from education_trip_actions');
    expect(actions.every((r) => Number(r.organization_id) === b.id)).toBe(true);
    const trips = (await rowsUnder(b.id, 'select id from education_trips')).map((r) => Number(r.id));
    expect(trips).toContain(trip.id);
    expect(trips).not.toContain(hidden.id);
    // Seen through its participant, the town's trip is still not the village's to write.
    const refused = await rowsUnder(b.id, `update education_trips set title = '越权' where id = ${trip.id}`).then(() => new Error('written'), (e: Error) => e);
    expect(String((refused.cause as Error | undefined)?.message ?? refused.message)).toMatch(/row-level security/);
  });
});
