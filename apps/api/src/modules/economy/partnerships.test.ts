import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayInShanghai, type Task } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createSupervisor, createTown, createUser, postFile, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 18 point 3, 村企合作: a village's agreement with an enterprise or park, its yearly planned and received money
 * (shown beside the income year, never changing it), its 联建 organisations and agreement file, the renewal on 待办 and
 * the 集体经济 tile's 合作到期; the village's secretary keeps its own, the town all, a supervisor reads.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let enterprise: Branch;
let secretaryA: Session;
let supervisorA: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const WAN = 1_000_000;
const today = todayInShanghai();
const thisYear = Number(today.slice(0, 4));

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const agreement = (over: Json = {}) => ({
  organizationId: a.id, partnerKind: 'park', partnerName: '泰和水处理剂专业园', status: 'active', incomeSource: 'contracting',
  terms: '村集体闲置土地30亩出租园区建设标准化厂房,租金逐年支付', startsOn: '2024-01-01', endsOn: addDays(today, 20), ...over,
});

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  enterprise = await createBranch(town, { village: false, name: '测试园区企业党支部' });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: supervisorA } = await createSupervisor(town, [a.id]));
});
afterEach(() => { vi.useRealTimers(); });
afterAll(async () => { await ctx.close(); });

describe('18.3 村企合作', () => {
  it('18.3 the village secretary records, edits and renews an agreement; the town sees it, a supervisor only reads', async () => {
    const made = await ok(await secretaryA.post('/api/economy/partnerships', agreement()));
    expect(made).toMatchObject({ villageName: town.villages[0].name, status: 'active', due: 'due', can: { edit: true }, linkedOrgs: [], agreementFiles: [] });
    // An agreement in force needs its period; a period must not run backwards.
    const noEnd = await secretaryA.post('/api/economy/partnerships', agreement({ endsOn: null }));
    expect(noEnd.statusCode).toBe(400);
    expect(noEnd.body).toContain('履行中的合作须填写到期日期');
    expect((await secretaryA.post('/api/economy/partnerships', agreement({ endsOn: '2023-12-31' }))).statusCode).toBe(400);
    // Terms are limited and the limit is named.
    const long = await secretaryA.post('/api/economy/partnerships', agreement({ terms: '字'.repeat(501) }));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('合作内容不能超过500个字');

    // Renewal: a new 到期日期 beyond the reminder window, and the town's 联建 branch of the enterprise.
    const renewed = await ok(await town.admin.patch(`/api/economy/partnerships/${made.id}`, { ...agreement({ endsOn: `${thisYear + 3}-12-31` }), organizationId: undefined, linkedOrgIds: [enterprise.id] }));
    expect(renewed).toMatchObject({ due: null, linkedOrgs: [{ id: enterprise.id, name: '测试园区企业党支部' }] });

    const seen = await ok(await supervisorA.get(`/api/economy/partnerships/${made.id}`));
    expect(seen.can.edit).toBe(false);
    expect((await supervisorA.patch(`/api/economy/partnerships/${made.id}`, { ...agreement(), organizationId: undefined })).statusCode).toBe(403);
    const list = await ok(await town.admin.get('/api/economy/partnerships'));
    expect(list.items.map((p: Json) => p.id)).toContain(made.id);
    expect(list).toMatchObject({ dueDays: 60, dueSource: expect.stringContaining('默认60天') });
    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'economy_partnership' and object_id = $1 order by id", [String(made.id)]);
    expect(rows.map((r) => r.action)).toEqual(['economy.partnership.create', 'economy.partnership.update']);
  });

  it('18.3 another village\'s secretary gets 404 for the agreement, its file and its village, not 403', async () => {
    const made = await ok(await town.admin.post('/api/economy/partnerships', agreement({ organizationId: b.id, partnerName: '旺达创业创新示范园' })));
    expect((await secretaryA.get(`/api/economy/partnerships/${made.id}`)).statusCode).toBe(404);
    expect((await secretaryA.patch(`/api/economy/partnerships/${made.id}`, { ...agreement(), organizationId: undefined })).statusCode).toBe(404);
    expect((await secretaryA.request('PUT', `/api/economy/partnerships/${made.id}/years`, { years: [] })).statusCode).toBe(404);
    expect((await postFile(secretaryA, `/api/economy/partnerships/${made.id}/files`, { data: Buffer.from('%PDF-1.4 x'), name: '协议.pdf' })).statusCode).toBe(404);
    expect((await secretaryA.post('/api/economy/partnerships', agreement({ organizationId: b.id }))).statusCode).toBe(404);
    // A 联建 organisation outside the secretary's scope is as unknown as any other id.
    expect((await secretaryA.post('/api/economy/partnerships', agreement({ linkedOrgIds: [enterprise.id] }))).statusCode).toBe(404);
    expect((await secretaryA.get('/api/economy/partnerships')).json().items.map((p: Json) => p.id)).not.toContain(made.id);
  });

  it('18.3 yearly planned and received rows; received money shows beside the income year and warns, never changing it', async () => {
    const made = await ok(await secretaryA.post('/api/economy/partnerships', agreement({ partnerName: '浙鲁智慧农业产业园', incomeSource: 'investment', endsOn: '2031-12-31' })));
    const dup = await secretaryA.request('PUT', `/api/economy/partnerships/${made.id}/years`, { years: [{ year: 2024, plannedFen: 1, receivedFen: 1 }, { year: 2024, plannedFen: 1, receivedFen: null }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('2024年度重复');
    const years = [
      { year: thisYear, plannedFen: 5 * WAN, receivedFen: null },
      { year: 2024, plannedFen: 5 * WAN, receivedFen: 3 * WAN, note: '园区资金紧张,余款次年初付清' },
    ];
    const saved = await ok(await secretaryA.request('PUT', `/api/economy/partnerships/${made.id}/years`, { years }));
    expect(saved.years.map((y: Json) => [y.year, y.plannedFen, y.receivedFen])).toEqual([[2024, 5 * WAN, 3 * WAN], [thisYear, 5 * WAN, null]]);
    expect(saved.thisYear).toMatchObject({ year: thisYear, receivedFen: null });

    // Before any income is entered: the money shows, nothing to compare.
    const before = await ok(await secretaryA.get(`/api/economy/villages/${a.id}/years/2024/partnerships`));
    expect(before).toMatchObject({ against: null, sources: [{ source: 'investment', receivedFen: 3 * WAN, incomeFen: null, exceeds: false }] });
    // The accounts book 2万元 of 投资收益: less than the partnership alone brought, so a warning; the version is untouched.
    const amounts = { operating: 0, contracting: 0, investment: 2 * WAN, subsidy: 0, other: 0 };
    await ok(await secretaryA.request('PUT', `/api/economy/villages/${a.id}/years/2024`, { amounts }));
    const warned = await ok(await secretaryA.get(`/api/economy/villages/${a.id}/years/2024/partnerships`));
    expect(warned).toMatchObject({ against: 'open', sources: [{ source: 'investment', receivedFen: 3 * WAN, incomeFen: 2 * WAN, exceeds: true }] });
    expect(warned.items).toEqual([{ id: made.id, partnerName: '浙鲁智慧农业产业园', source: 'investment', receivedFen: 3 * WAN }]);
    expect((await ok(await secretaryA.get(`/api/economy/villages/${a.id}/years/2024`))).open.amounts).toEqual(amounts);
  });

  it('18.3 the agreement file goes through the upload policy and comes back; a wrong kind is refused', async () => {
    const made = await ok(await secretaryA.post('/api/economy/partnerships', agreement({ status: 'negotiating', startsOn: null, endsOn: null, partnerName: '洽谈企业' })));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = await ok(await postFile(secretaryA, `/api/economy/partnerships/${made.id}/files`, { data: pdf, name: '合作协议.pdf' }));
    expect(up.agreementFiles).toMatchObject([{ name: '合作协议.pdf', size: pdf.length }]);
    const file = await supervisorA.get(`/api/economy/partnerships/${made.id}/files/${up.agreementFiles[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const zip = await postFile(secretaryA, `/api/economy/partnerships/${made.id}/files`, { data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), name: '协议.zip' });
    expect(zip.statusCode).toBe(415);
    const removed = await ok(await secretaryA.request('DELETE', `/api/economy/partnerships/${made.id}/files/${up.agreementFiles[0].id}`));
    expect(removed.agreementFiles).toEqual([]);
  });

  it('18.3 renewal on 待办: due within economy.partnershipDueDays, overdue once past, for the village and the town; 合作到期 on the tile', async () => {
    const town2 = await createTown(ctx);
    const v = await createBranch(town2);
    const { session: secretary } = await createUser(town2, 'branch_secretary', [v.id]);
    const due = await ok(await secretary.post('/api/economy/partnerships', agreement({ organizationId: v.id, partnerName: '将到期园区', endsOn: addDays(today, 30) })));
    const late = await ok(await town2.admin.post('/api/economy/partnerships', agreement({ organizationId: v.id, partnerName: '已过期企业', partnerKind: 'enterprise', endsOn: addDays(today, -3) })));
    await ok(await secretary.post('/api/economy/partnerships', agreement({ organizationId: v.id, partnerName: '远期企业', endsOn: addDays(today, 90) })));
    await ok(await secretary.post('/api/economy/partnerships', agreement({ organizationId: v.id, partnerName: '已终止企业', status: 'terminated', endsOn: addDays(today, -3) })));

    const tasks = (s: Session) => s.get('/api/tasks?kind=PARTNERSHIP_ENDING').then(ok).then((r) => r.items as Task[]);
    const mine = await tasks(secretary);
    expect(mine.map((t) => [t.memberName, t.overdue, t.dueOn])).toEqual([
      ['村企合作 已过期企业', true, addDays(today, -3)], ['村企合作 将到期园区', false, addDays(today, 30)],
    ]);
    expect(mine[0].message).toContain('已于');
    expect(mine[1].link).toBe(`/economy?partnership=${due.id}`);
    expect(mine[0].rule).toContain('economy.partnershipDueDays');
    expect((await tasks(town2.admin)).length).toBe(2);
    expect((await ok(await secretary.get(`/api/economy/partnerships/${late.id}`))).due).toBe('overdue');

    // The town shortens the window: the one due in 30 days leaves the list.
    await ok(await town2.admin.patch('/api/settings/economy.partnershipDueDays', { value: 10 }));
    expect((await tasks(secretary)).map((t) => t.memberName)).toEqual(['村企合作 已过期企业']);

    const dashboard = await ok(await town2.admin.get('/api/dashboard/town'));
    const tile = dashboard.tiles.find((t: Json) => t.key === 'economy');
    expect(tile.figures.find((f: Json) => f.label === '合作到期')).toMatchObject({ value: 1, tone: 'due' });
    const card = await ok(await town2.admin.get(`/api/dashboard/villages/${v.id}`));
    expect(card.tiles.find((t: Json) => t.key === 'economy').figures.find((f: Json) => f.label === '合作到期').value).toBe(1);
  });
});
