import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, todayInShanghai, type AwayList, type AwayTalentDetail } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, personOf, testIdNumber, type Branch, type Town } from '../../../test/factories.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import * as repo from './away-repository.js';

/**
 * Issue 15 point 7: people away per village (member or not; the member's 流动党员 entry linked), the contact log, contact
 * dues on 待办 from talent.awayContactMonths, liaison organisations with sealed phones, the return (回流), and scope.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let secretary: Session;
let otherSecretary: Session;
let memberId = 0;
const today = todayInShanghai();

const newPerson = (name: string) => ({ name, gender: 'female', birthDate: '1990-05-01', idNumber: testIdNumber('1990-05-01', 'female'), phone: '13912345678' });
const register = async (s: Session, body: Record<string, unknown>) => {
  const res = await s.post('/api/talent/away', { organizationId: branch.id, place: '江苏省苏州市', occupation: '电子厂车间主任', employerKind: 'enterprise', ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AwayTalentDetail;
};

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  memberId = await createMember(town, branch.id);
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [other.id]));
});
afterAll(async () => { await ctx.close(); });

describe('15.7 talent away from home', () => {
  it('registers a non-member with the ID number and phone sealed, and a member linked to their 流动党员 entry', async () => {
    const away = await register(secretary, { newPerson: newPerson('在外甲'), skills: '数控机床', leftOn: '2020-03-01' });
    expect(away.talent).toMatchObject({ isMember: false, flow: null, phoneMasked: '139****5678', status: 'away', lastContactOn: null });
    expect(away.idNumberMasked).toMatch(/\*{8}/);
    const { rows: [p] } = await ctx.pool.query('select id_number_enc, phone_enc from persons where id = $1', [away.talent.personId]);
    expect(p.phone_enc).not.toContain('13912345678');
    // The member's own outflow: registered away, the entry and its contact log are read from the roster.
    await secretary.post(`/api/members/${memberId}/flows`, { direction: 'outflow', startedOn: '2024-01-10', destination: '浙江省杭州市', hasFixedPlace: true });
    const flow = (await secretary.get(`/api/members/${memberId}/mobility`)).json().flows[0];
    await secretary.post(`/api/members/${memberId}/flows/${flow.id}/contacts`, { contactedOn: addDays(today, -10), method: 'wechat', note: '参加流入地支部活动' });
    const m = await register(secretary, { personId: await personOf(ctx, memberId), place: '浙江省杭州市', occupation: '电商运营', employerKind: 'startup' });
    expect(m.talent).toMatchObject({ isMember: true, memberId, flow: { id: flow.id, destination: '浙江省杭州市' }, lastContactOn: addDays(today, -10) });
    expect(m.contacts.map((c) => c.source)).toEqual(['flow']);
    // One open record per person.
    const again = await secretary.post('/api/talent/away', { organizationId: branch.id, personId: await personOf(ctx, memberId), place: '上海', occupation: '电商运营', employerKind: 'startup' });
    expect(again.statusCode).toBe(400);
  });

  it('logs contacts and computes the next contact from talent.awayContactMonths; overdue ones reach 待办 with since when', async () => {
    const away = await register(secretary, { newPerson: newPerson('在外乙') });
    // Registered today and never contacted: due in six months, not yet on the list.
    expect(away.talent.contactDueOn).toBe(addMonths(today, 6));
    const longAgo = addMonths(today, -8);
    let d = (await secretary.post(`/api/talent/away/${away.talent.id}/contacts`, { contactedOn: longAgo, method: 'phone', contactedBy: '村书记', content: '询问务工情况,有回乡创业意向' })).json() as AwayTalentDetail;
    expect(d.talent).toMatchObject({ lastContactOn: longAgo, contactDueOn: addMonths(longAgo, 6), overdue: true });
    const tasks = (await secretary.get('/api/tasks?kind=AWAY_CONTACT_DUE')).json();
    const item = tasks.items.find((t: { memberName: string }) => t.memberName.startsWith('在外乙'));
    expect(item).toMatchObject({ overdue: true, dueOn: addMonths(longAgo, 6) });
    expect(item.message).toContain(`上次联系${longAgo}`);
    expect(item.message).toContain('已逾期');
    // The town's setting decides: 12 months makes it due later, not overdue.
    await town.admin.patch('/api/settings/talent.awayContactMonths', { value: 12 });
    const list = (await secretary.get(`/api/talent/away?orgId=${branch.id}&due=overdue`)).json() as AwayList;
    expect(list.items.map((i) => i.name)).not.toContain('在外乙');
    expect(list.contactMonths).toBe(12);
    await town.admin.patch('/api/settings/talent.awayContactMonths', { value: 6 });
    d = (await secretary.post(`/api/talent/away/${away.talent.id}/contacts`, { contactedOn: today, method: 'meeting', contactedBy: '镇组织委员', content: '在外人才座谈会' })).json() as AwayTalentDetail;
    expect(d.talent.overdue).toBe(false);
    expect(d.contacts.map((c) => c.method)).toEqual(['meeting', 'phone']);
  });

  it('records the return and the handover to the talent registry; a returnee has no contact due', async () => {
    const away = await register(secretary, { newPerson: newPerson('在外丙'), leftOn: '2019-01-01' });
    expect((await secretary.post(`/api/talent/away/${away.talent.id}/handover`, { handedOn: today })).statusCode).toBe(400);
    const d = (await secretary.post(`/api/talent/away/${away.talent.id}/return`, { returnedOn: addDays(today, -5), purpose: '回村领办果蔬合作社', support: '镇农业综合服务中心技术指导' })).json() as AwayTalentDetail;
    expect(d.talent).toMatchObject({ status: 'returned', returnedOn: addDays(today, -5), contactDueOn: null, overdue: false });
    const h = (await secretary.post(`/api/talent/away/${away.talent.id}/handover`, { handedOn: today, note: '列入本土人才' })).json() as AwayTalentDetail;
    expect(h.talent.handedOn).toBe(today);
    const returned = (await secretary.get(`/api/talent/away?status=returned`)).json() as AwayList;
    expect(returned.items.map((i) => i.name)).toEqual(['在外丙']);
  });

  it('keeps liaison organisations with a sealed contact phone, revealed only stepped up and audited', async () => {
    const people = (await secretary.get(`/api/talent/away?orgId=${branch.id}`)).json() as AwayList;
    const res = await town.admin.post('/api/talent/away-liaisons', {
      organizationId: town.committeeId, kind: 'outside_branch', name: '驻苏州流动党员党支部', place: '江苏省苏州市', contactName: '王联络', contactPhone: '13800001111',
      coveredIds: people.items.map((i) => i.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ contactPhoneMasked: '138****1111', covered: expect.arrayContaining([expect.objectContaining({ name: '在外甲' })]) });
    expect(res.body).not.toContain('13800001111');
    const id = res.json().id;
    expect((await town.admin.post(`/api/talent/away-liaisons/${id}/reveal`, { reason: '联系驻外支部' })).statusCode).toBe(403);
    await town.admin.stepUp();
    expect((await town.admin.post(`/api/talent/away-liaisons/${id}/reveal`, { reason: '联系驻外支部' })).json()).toEqual({ value: '13800001111' });
    const { rows } = await ctx.pool.query(`select result from audit_events where action = 'talentAway.liaison.reveal' and object_id = $1 order by id`, [String(id)]);
    expect(rows.map((r) => r.result)).toEqual(['denied', 'ok']);
    // A village's liaison cannot cover another village's people.
    const bad = await otherSecretary.post('/api/talent/away-liaisons', { organizationId: other.id, kind: 'labour', name: '区人社局', coveredIds: [people.items[0].id] });
    expect(bad.statusCode).toBe(400);
  });

  it('updates where and what while away, only the fields sent, and not once returned', async () => {
    const away = await register(secretary, { newPerson: newPerson('在外丁'), skills: '焊工证', employer: '某船厂' });
    const d = (await secretary.patch(`/api/talent/away/${away.talent.id}`, { place: '浙江省舟山市', occupation: '船厂焊接班长' })).json() as AwayTalentDetail;
    expect(d.talent).toMatchObject({ place: '浙江省舟山市', occupation: '船厂焊接班长', skills: '焊工证', employer: '某船厂' });
    await secretary.post(`/api/talent/away/${away.talent.id}/return`, { returnedOn: today, purpose: '回村开办农机维修点' });
    expect((await secretary.patch(`/api/talent/away/${away.talent.id}`, { place: '上海市' })).statusCode).toBe(400);
  });

  it('row-level security hides another village\'s people away when the scope filter is removed', async () => {
    const { rows } = await ctx.pool.query<{ path: string }>('select path from organizations where id = $1', [other.id]);
    const all = { tenantId: town.tenantId, paths: ['/'] };
    const f = { status: 'all' as const, due: 'all' as const, today, months: 6, warnDays: 30 };
    const seen = await withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [rows[0].path] }), () => repo.listAway(ctx.appDb, all, f, 1, 100));
    expect(seen).toEqual([]);
    const asOwner = await withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [rows[0].path] }), () => repo.listAway(ctx.db, all, f, 1, 100));
    expect(asOwner.length).toBeGreaterThan(0);
  });

  it('shows a village secretary only their own village; another village answers 404', async () => {
    const mine = (await secretary.get('/api/talent/away?status=all')).json() as AwayList;
    expect(mine.items.length).toBeGreaterThan(0);
    expect((await otherSecretary.get('/api/talent/away?status=all')).json().items).toEqual([]);
    expect((await otherSecretary.get(`/api/talent/away/${mine.items[0].id}`)).statusCode).toBe(404);
    expect((await otherSecretary.post(`/api/talent/away/${mine.items[0].id}/contacts`, { contactedOn: today, method: 'phone', contactedBy: '越权', content: '越权' })).statusCode).toBe(404);
    expect((await otherSecretary.get(`/api/talent/away?orgId=${branch.id}`)).statusCode).toBe(404);
    expect((await otherSecretary.get('/api/talent/away-liaisons')).json().items).toEqual([]);
  });
});
