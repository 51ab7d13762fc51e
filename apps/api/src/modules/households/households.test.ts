import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createMemberAccount, createTown, createUser, personOf, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 20 point 3, 党员联户: households of a village, the members who look after them (links with history), visits by
 * the member or entered for them, the visit rule against the town's interval, the 待办 items, and a member seeing only
 * their own households. The head's phone is sealed and masked.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let me: Awaited<ReturnType<typeof createMemberAccount>>;
let myPerson: number;
let otherPerson: number;
let outsider: number;
const today = todayInShanghai();

const ok = async (p: Promise<{ statusCode: number; body: string; json: () => Json }>) => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const household = (s: Session, body: Json) => ok(s.post('/api/households', { organizationId: a.id, ...body }));

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town, { name: '东岭村党支部' });
  b = await createBranch(town, { name: '南坡村党支部', villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  me = await createMemberAccount(town, a.id, { name: '王联户' });
  myPerson = await personOf(ctx, me.memberId);
  otherPerson = await personOf(ctx, await createMember(town, a.id, { name: '赵老党员' }));
  outsider = await personOf(ctx, await createMember(town, b.id, { name: '李外村' }));
});
afterAll(async () => { await ctx.close(); });

describe('20.3 党员联户: households and links', () => {
  it('the head\'s phone is stored sealed and shown masked; not in the audit line', async () => {
    const h = await household(secretaryA, { headName: '孙大爷', hamlet: '一组', address: '东岭村前街3号', people: 2, situation: '独居老人', phone: '13912345678' });
    expect(h.phoneMasked).toBe('139****5678');
    const { rows: [row] } = await ctx.pool.query('select phone_enc, phone_masked from households where id = $1', [h.id]);
    expect(row.phone_enc).not.toContain('13912345678');
    expect(row.phone_masked).toBe('139****5678');
    const list = await ok(secretaryA.get(`/api/households?orgId=${a.id}`));
    expect(JSON.stringify(list)).not.toContain('13912345678');
    const audits = await ctx.pool.query(`select detail::text from audit_events where object_type = 'household' and object_id = $1`, [String(h.id)]);
    expect(audits.rows.map((r) => r.detail).join()).not.toContain('13912345678');
    const bad = await secretaryA.post('/api/households', { organizationId: a.id, headName: '钱某', phone: '12345' });
    expect(bad.statusCode).toBe(400);
  });

  it('a reassignment ends the old link today and keeps it in the history; only the village\'s members can be named', async () => {
    const h = await household(secretaryA, { headName: '周大娘', hamlet: '二组' });
    expect(h.links).toEqual([]);
    expect(h.dueOn).toBeNull();
    await ok(secretaryA.request('PUT', `/api/households/${h.id}/links`, { personIds: [otherPerson] }));
    const moved = await ok(secretaryA.request('PUT', `/api/households/${h.id}/links`, { personIds: [myPerson] }));
    expect(moved.links.map((l: Json) => l.personId)).toEqual([myPerson]);
    expect(moved.history).toEqual([
      { personId: otherPerson, name: '赵老党员', since: today, until: today },
      { personId: myPerson, name: '王联户', since: today, until: null },
    ]);
    expect(moved.dueOn).toBe(addDays(today, 90));
    const foreign = await secretaryA.request('PUT', `/api/households/${h.id}/links`, { personIds: [outsider] });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.body).toContain('不在本村党支部党员名册中');
  });

  it('another village\'s secretary gets 404; a plain 党员 has no list (403) and no other household (404)', async () => {
    const h = await household(secretaryA, { headName: '吴大哥' });
    expect((await secretaryB.get(`/api/households/${h.id}`)).statusCode).toBe(404);
    expect((await secretaryB.patch(`/api/households/${h.id}`, { headName: '越权' })).statusCode).toBe(404);
    expect((await secretaryB.get(`/api/households?orgId=${a.id}`)).statusCode).toBe(404);
    const listB = await ok(secretaryB.get('/api/households'));
    expect(listB.items.every((x: Json) => x.organizationId === b.id)).toBe(true);
    expect((await me.session.get('/api/households')).statusCode).toBe(403);
    expect((await me.session.get(`/api/households/${h.id}`)).statusCode).toBe(404);
  });
});

describe('20.3 visits, the interval and 待办', () => {
  let mine: number;
  let notMine: number;

  beforeAll(async () => {
    mine = (await household(secretaryA, { headName: '郑奶奶', hamlet: '三组' })).id;
    notMine = (await household(secretaryA, { headName: '冯叔', hamlet: '三组' })).id;
    await ok(secretaryA.request('PUT', `/api/households/${mine}/links`, { personIds: [myPerson] }));
    await ok(secretaryA.request('PUT', `/api/households/${notMine}/links`, { personIds: [otherPerson] }));
  });

  it('a member sees only their own households and cannot log a visit to another\'s', async () => {
    const my = await ok(me.session.get('/api/my/households'));
    const heads = my.items.map((x: Json) => x.headName);
    expect(heads).toContain('郑奶奶');
    expect(heads).not.toContain('冯叔');
    expect(my.items.every((x: Json) => x.links.some((l: Json) => l.personId === myPerson))).toBe(true);
    const res = await me.session.post(`/api/my/households/${notMine}/visits`, { visitedOn: today, method: 'door' });
    expect(res.statusCode).toBe(404);
    expect((await me.session.post(`/api/households/${mine}/visits`, { visitedOn: today, method: 'door', personId: myPerson })).statusCode).toBe(404);
  });

  it('the due rule reads the town\'s interval: a visit 40 days ago is overdue at 30 days and on the secretary\'s 待办; a new visit clears it', async () => {
    expect((await town.admin.patch('/api/settings/households.visitIntervalDays', { value: 30 })).statusCode).toBe(200);
    const old = addDays(today, -40);
    // 代为登记: the secretary enters the member's visit by phone, with what was raised.
    const entered = await ok(secretaryA.post(`/api/households/${mine}/visits`, { visitedOn: old, method: 'phone', raised: '村口路灯不亮', personId: myPerson }));
    expect(entered.visits[0]).toMatchObject({ personId: myPerson, method: 'phone', raised: '村口路灯不亮', proxy: true, matterId: null });
    expect(entered).toMatchObject({ lastVisitOn: old, dueOn: addDays(old, 30), overdue: true });
    const tasks = await ok(secretaryA.get('/api/tasks?kind=HOUSEHOLD_VISIT_DUE'));
    const item = tasks.items.find((t: Json) => t.memberName === '王联户');
    expect(item).toMatchObject({ kind: 'HOUSEHOLD_VISIT_DUE', overdue: true, dueOn: addDays(old, 30), link: `/households?orgId=${a.id}&personId=${myPerson}&due=true` });
    expect(item.message).toContain('超过30天未走访:郑奶奶');
    expect(item.message).not.toContain('冯叔');
    // The other village's secretary does not see it; the member sees it on 我的联户 (a plain 党员 has no branch 待办).
    expect((await ok(secretaryB.get('/api/tasks?kind=HOUSEHOLD_VISIT_DUE'))).items).toEqual([]);
    expect((await me.session.get('/api/tasks')).statusCode).toBe(403);
    expect((await ok(me.session.get('/api/my/households'))).items[0]).toMatchObject({ id: mine, overdue: true });
    // The due list filter names the same household.
    const due = await ok(secretaryA.get(`/api/households?orgId=${a.id}&due=true`));
    expect(due.items.map((x: Json) => x.id)).toEqual([mine]);
    // The member logs a visit in a few taps: no location, no check-in.
    const logged = await ok(me.session.post(`/api/my/households/${mine}/visits`, { visitedOn: today, method: 'wechat' }));
    expect(logged).toMatchObject({ lastVisitOn: today, overdue: false, dueOn: addDays(today, 30) });
    expect(logged.visits[0]).toMatchObject({ proxy: false, method: 'wechat' });
    expect((await ok(secretaryA.get('/api/tasks?kind=HOUSEHOLD_VISIT_DUE'))).items).toEqual([]);
    const card = await ok(secretaryA.get(`/api/dashboard/villages/${a.id}`));
    const tile = card.tiles.find((t: Json) => t.key === 'households');
    expect(tile.figures.find((f: Json) => f.label === '30天内已走访').value).toBe(1);
    expect(tile.figures.find((f: Json) => f.label === '未走访超期').value).toBe(0);
    await town.admin.patch('/api/settings/households.visitIntervalDays', { value: 90 });
  });

  it('the secretary\'s own households are on their 待办 as their own, linking to 我的联户', async () => {
    const sec = await createUser(town, 'branch_secretary', [a.id], { personId: otherPerson });
    await ctx.pool.query(`update household_links set since = $2 where household_id = $1`, [notMine, addDays(today, -100)]);
    const tasks = await ok(sec.session.get('/api/tasks?kind=HOUSEHOLD_VISIT_DUE'));
    expect(tasks.items).toEqual([expect.objectContaining({ memberName: '赵老党员(本人联系的农户)', link: '/my/households', dueOn: addDays(today, -10) })]);
  });
});

describe('20.3 转为村民说事: a visit\'s raised matter becomes a case in one step', () => {
  it('the secretary converts once (409 the second time); the case is source 党员走访, head named, no phone; each links to the other', async () => {
    const h = await household(secretaryA, { headName: '钱大伯', phone: '13812345678' });
    const d = await ok(secretaryA.post(`/api/households/${h.id}/visits`, { visitedOn: today, method: 'door', raised: '屋后水渠堵了,下雨就漫进院子', personId: otherPerson }));
    const visitId = d.visits[0].id;
    const url = `/api/households/${h.id}/visits/${visitId}/matter`;
    expect((await secretaryB.post(url, {})).statusCode).toBe(404);
    const done = await ok(secretaryA.post(url, {}));
    const v = done.visits.find((x: Json) => x.id === visitId);
    expect(v).toMatchObject({ matterStage: 'raised' });
    const again = await secretaryA.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已转为村民说事');
    const m = await ok(secretaryA.get(`/api/matters/${v.matterId}`));
    expect(m).toMatchObject({
      source: 'visit', organizationId: a.id, raiserName: '钱大伯', raiserPhoneMasked: null, content: '屋后水渠堵了,下雨就漫进院子', raisedOn: today, stage: 'raised',
      visitNote: `赵老党员走访(${today})`, visit: { householdId: h.id, headName: '钱大伯', visitedOn: today },
    });
    const { rows } = await ctx.pool.query(`select action from audit_events where (object_type = 'matter' and object_id = $1) or (object_type = 'household' and object_id = $2 and action = 'households.visit.matter')`, [String(v.matterId), String(h.id)]);
    expect(rows.map((r) => r.action).sort()).toEqual(['households.visit.matter', 'matters.create']);
    expect((await ctx.pool.query('select count(*)::int as n from matters where raiser_phone_enc is not null and id = $1', [v.matterId])).rows[0].n).toBe(0);
  });

  it('a member converts only their own visit to their own household: another member\'s visit or household is 404; no raised text is 400', async () => {
    const h = await household(secretaryA, { headName: '陈阿婆' });
    await ok(secretaryA.request('PUT', `/api/households/${h.id}/links`, { personIds: [myPerson, otherPerson] }));
    const theirs = (await ok(secretaryA.post(`/api/households/${h.id}/visits`, { visitedOn: today, method: 'phone', raised: '想问问养老保险怎么续交', personId: otherPerson }))).visits[0].id;
    const item = await ok(me.session.post(`/api/my/households/${h.id}/visits`, { visitedOn: today, method: 'door', raised: '孙子上学的校车不停本组' }));
    const mine = item.visits.find((x: Json) => x.personId === myPerson).id;
    expect((await me.session.post(`/api/my/households/${h.id}/visits/${theirs}/matter`, {})).statusCode).toBe(404);
    expect((await me.session.post(`/api/households/${h.id}/visits/${mine}/matter`, {})).statusCode).toBe(404);
    const stranger = (await household(secretaryA, { headName: '褚大哥' })).id;
    expect((await me.session.post(`/api/my/households/${stranger}/visits/${mine}/matter`, {})).statusCode).toBe(404);
    const done = await ok(me.session.post(`/api/my/households/${h.id}/visits/${mine}/matter`, {}));
    const v = done.visits.find((x: Json) => x.id === mine);
    expect(v.matterStage).toBe('raised');
    expect((await me.session.post(`/api/my/households/${h.id}/visits/${mine}/matter`, {})).statusCode).toBe(409);
    const { rows: [row] } = await ctx.pool.query('select source, organization_id, raiser_name from matters where id = $1', [v.matterId]);
    expect(row).toEqual({ source: 'visit', organization_id: a.id, raiser_name: '陈阿婆' });
    const plain = (await ok(me.session.post(`/api/my/households/${h.id}/visits`, { visitedOn: today, method: 'wechat' }))).visits[0].id;
    const empty = await me.session.post(`/api/my/households/${h.id}/visits/${plain}/matter`, {});
    expect(empty.statusCode, empty.body).toBe(400);
  });
});
