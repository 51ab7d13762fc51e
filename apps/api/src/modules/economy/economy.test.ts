import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createSupervisor, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 18 points 1–2: a village's collective income by source, entered as a draft, submitted, approved by the town; a
 * correction is the next version with its reason; the weak-village line from the setting and the year a village crossed it.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let supervisorA: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const WAN = 1_000_000;
const amounts = (operatingWan: number, over: Json = {}) => ({ operating: operatingWan * WAN, contracting: 0, investment: 0, subsidy: 3 * WAN, other: 12_345, ...over });
const url = (orgId: number, year: number, tail = '') => `/api/economy/villages/${orgId}/years/${year}${tail}`;
const put = (s: Session, orgId: number, year: number, body: Json) => s.request('PUT', url(orgId, year), body);

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Enters, submits and approves a year: the secretary enters and submits, the town approves. */
async function approvedYear(orgId: number, secretary: Session, year: number, operatingWan: number) {
  await ok(await put(secretary, orgId, year, { amounts: amounts(operatingWan) }));
  await ok(await secretary.post(url(orgId, year, '/submit')));
  return ok(await town.admin.post(url(orgId, year, '/approve')));
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  ({ session: supervisorA } = await createSupervisor(town, [a.id]));
});
afterAll(async () => { await ctx.close(); });

describe('18.1 collective income', () => {
  it('18.1 a draft, submitted, approved by the town only; a correction is a new version with a reason', async () => {
    const draft = await ok(await put(secretaryA, a.id, 2020, { amounts: amounts(4, { contracting: 150_000, investment: 99 }) }));
    expect(draft.open).toMatchObject({ version: 1, status: 'draft', operatingIncomeFen: 4 * WAN + 150_099 });
    expect(draft.can).toMatchObject({ enter: true, submit: true, approve: false });
    const submitted = await ok(await secretaryA.post(url(a.id, 2020, '/submit')));
    expect(submitted.open.status).toBe('submitted');
    // Submitted: no more edits until the town decides; only the town approves.
    expect((await put(secretaryA, a.id, 2020, { amounts: amounts(5) })).statusCode).toBe(409);
    expect((await secretaryA.post(url(a.id, 2020, '/approve'))).statusCode).toBe(403);
    const approved = await ok(await town.admin.post(url(a.id, 2020, '/approve')));
    expect(approved).toMatchObject({ approved: { version: 1, status: 'approved' }, open: null });

    const noReason = await put(secretaryA, a.id, 2020, { amounts: amounts(6) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('更正原因');
    const corrected = await ok(await put(secretaryA, a.id, 2020, { amounts: amounts(6), reason: '补记发包收入' }));
    expect(corrected.open).toMatchObject({ version: 2, status: 'draft', reason: '补记发包收入' });
    // The approved version stays the one shown until the correction is approved.
    let overview = await ok(await town.admin.get('/api/economy?from=2020&to=2020'));
    expect(overview.villages.find((v: Json) => v.organizationId === a.id).cells[0]).toMatchObject({ status: 'draft', operatingIncomeFen: 4 * WAN + 150_099 });
    await ok(await secretaryA.post(url(a.id, 2020, '/submit')));
    const second = await ok(await town.admin.post(url(a.id, 2020, '/approve')));
    expect(second.versions.map((v: Json) => [v.version, v.status])).toEqual([[2, 'approved'], [1, 'approved']]);
    overview = await ok(await town.admin.get('/api/economy?from=2020&to=2020'));
    expect(overview.villages.find((v: Json) => v.organizationId === a.id).cells[0]).toMatchObject({ status: 'approved', operatingIncomeFen: 6 * WAN, totalFen: 9 * WAN + 12_345 });

    // Approved versions are frozen in the database whoever writes.
    await expect(ctx.pool.query('update economy_incomes set operating_fen = 1 where organization_id = $1 and version = 1', [a.id])).rejects.toThrow(/frozen/);
    await expect(ctx.pool.query('delete from economy_incomes where organization_id = $1', [a.id])).rejects.toThrow(/frozen/);
    // The income's own lines: the demo town's 村企合作 writes economy.partnership.* lines of its own.
    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'economy_income' order by id");
    expect(rows.map((r) => r.action)).toEqual(['economy.draft', 'economy.submit', 'economy.approve', 'economy.draft', 'economy.submit', 'economy.approve']);
  });

  it('18.1 another village is out of scope (404); a 包村干部 reads, does not enter; refused amounts name the source', async () => {
    expect((await secretaryB.get(url(a.id, 2020))).statusCode).toBe(404);
    expect((await put(secretaryB, a.id, 2021, { amounts: amounts(1) })).statusCode).toBe(404);
    expect((await secretaryB.post(url(a.id, 2020, '/approve'))).statusCode).toBe(404);
    expect((await ok(await supervisorA.get(url(a.id, 2020)))).can.enter).toBe(false);
    expect((await put(supervisorA, a.id, 2021, { amounts: amounts(1) })).statusCode).toBe(403);
    const bad = await put(secretaryA, a.id, 2021, { amounts: amounts(1, { investment: -5 }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('投资收益不能为负');
    const seen = await ok(await secretaryB.get('/api/economy'));
    expect(seen.villages.map((v: Json) => v.organizationId)).toEqual([b.id]);
  });
});

describe('18.2 the weak-village line', () => {
  it('18.2 flags villages below the setting, records the year a village crossed it, sums the town with growth', async () => {
    await approvedYear(b.id, secretaryB, 2021, 5);
    await approvedYear(b.id, secretaryB, 2022, 8);
    await approvedYear(b.id, secretaryB, 2023, 12);
    await approvedYear(a.id, secretaryA, 2023, 20);
    const overview = await ok(await town.admin.get('/api/economy?from=2021&to=2023'));
    expect(overview.thresholdFen).toBe(10 * WAN);
    expect(overview.thresholdSource).toContain('经营性收入');
    // Tree order, never by income.
    expect(overview.villages.map((v: Json) => v.organizationId)).toEqual([a.id, b.id]);
    const vb = overview.villages.find((v: Json) => v.organizationId === b.id);
    expect(vb.cells.map((c: Json) => c.weak)).toEqual([true, true, false]);
    expect(vb.crossedIn).toBe(2023);
    const t2023 = overview.town.find((t: Json) => t.year === 2023);
    expect(t2023).toMatchObject({ villages: 2, operatingIncomeFen: 32 * WAN, weak: 0 });
    // Like with like, over the villages approved in both years: b alone (a has no 2022), 8 + 3 万元 and 123.45 元 in
    // 2022, 12 + 3 万元 and 123.45 元 in 2023; a's 20 万元 joining the town in 2023 is no growth.
    expect(t2023.growthPct).toBeCloseTo(((15 * WAN + 12_345 - (11 * WAN + 12_345)) * 100) / (11 * WAN + 12_345), 1);
    // 2021 against 2020: no village approved in both (a has 2020, b 2021), so no growth figure rather than a fall.
    expect(overview.town.find((t: Json) => t.year === 2021).growthPct).toBeNull();
    expect((await ok(await town.admin.get('/api/economy?from=2019&to=2019'))).town).toEqual([]);

    // The line is the town's setting.
    expect((await town.admin.request('PATCH', '/api/settings/economy.weakIncomeWan', { value: 13 })).statusCode).toBe(200);
    const raised = await ok(await town.admin.get('/api/economy?from=2021&to=2023'));
    const rb = raised.villages.find((v: Json) => v.organizationId === b.id);
    expect(rb.cells.map((c: Json) => c.weak)).toEqual([true, true, true]);
    expect(rb.crossedIn).toBeNull();
    expect((await town.admin.request('PATCH', '/api/settings/economy.weakIncomeWan', { value: 10 })).statusCode).toBe(200);
  });
});

describe('the 驾驶舱\'s 集体经济 tile', () => {
  it('counts last year\'s approved villages, those below the line and the years waiting for the town, per village on its card', async () => {
    const lastYear = Number(todayInShanghai().slice(0, 4)) - 1;
    await approvedYear(a.id, secretaryA, lastYear, 4);
    await ok(await put(secretaryB, b.id, lastYear, { amounts: amounts(25) }));
    await ok(await secretaryB.post(url(b.id, lastYear, '/submit')));
    const value = (body: Json, label: string) => (body.tiles as Json[]).find((t) => t.key === 'economy')!.figures.find((f: Json) => f.label === label)!.value;
    const board = await ok(await town.admin.get('/api/dashboard/town'));
    expect([`${lastYear}年收入已审核的村`, `${lastYear}年未审核的村`, `${lastYear}年薄弱村`, '待镇审核'].map((l) => value(board, l))).toEqual([1, 1, 1, 1]);
    const card = await ok(await town.admin.get(`/api/dashboard/villages/${b.id}`));
    expect([`${lastYear}年收入已审核的村`, `${lastYear}年薄弱村`, '待镇审核'].map((l) => value(card, l))).toEqual([0, 0, 1]);
  });
});
