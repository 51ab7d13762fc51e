import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import {
  createActivity, createBranch, createInspectionRound, createMember, createTown, createUser, recordCadreChange, recordFinding, testIdNumber, type Branch, type Town,
} from '../../../test/factories.js';
import { gapOf, yearWindows } from './benchmark-service.js';

/**
 * 对标 (issue 17 point 4) on a town of the file's own: the computed own values are what the records made here say for
 * each calendar year; the benchmark town's values need their source; the gap follows the indicator's direction; every
 * write is audited; a secretary is refused and another town's indicator does not exist.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let town: Town;
let branch: Branch;
let secretary: Session;
const today = todayInShanghai();
const thisYear = Number(today.slice(0, 4));
const lastYear = thisYear - 1;
const ok = (res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const board = async (s: Session = town.admin) => ok(await s.get('/api/benchmark'));
const indicatorOf = (b: Json, name: string) => (b.indicators as Json[]).find((i) => i.name === name)!;
const cellOf = (b: Json, name: string, year: number) => (indicatorOf(b, name).cells as Json[]).find((c) => c.year === year)!;
const add = async (body: Json) => ok(await town.admin.post('/api/benchmark/indicators', body)).id as number;
const put = (id: number, year: number, body: Json) => town.admin.request('PUT', `/api/benchmark/indicators/${id}/values/${year}`, body);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  await createBranch(town, { villageId: town.villages[1].id });
  // Two 预备党员 admitted last year (转正 this year), one this year; the factories' other members joined in 2005.
  for (const i of [1, 2]) await createMember(town, branch.id, { joinedAt: `${lastYear}-0${i}-10`, confirmedAt: `${thisYear}-0${i}-10` });
  await createMember(town, branch.id, { joinedAt: `${thisYear}-01-01`, confirmedAt: null });
  // The 两委 since 2021: a member secretary (学历 not entered) and a 委员 with a degree: 50% 大专及以上.
  const secretaryId = (await ctx.pool.query('select person_id from members where organization_id = $1 limit 1', [branch.id])).rows[0].person_id;
  await recordCadreChange(town, branch.id, { post: 'secretary', personId: secretaryId });
  await recordCadreChange(town, branch.id, {
    post: 'committee_member', newPerson: { name: '对标委员', gender: 'female', birthDate: '1985-03-01', idNumber: testIdNumber('1985-03-01', 'female'), education: 'undergraduate' },
  });
  // Two rectifications due last year: one whose materials came in before its deadline, one never answered.
  const round = await createInspectionRound(town, [branch.id]);
  const inspector = (await createUser(town, 'inspector', [town.committeeId])).session;
  const a = await recordFinding(inspector, round.id, branch.id, 'cleanliness');
  const b = await recordFinding(inspector, round.id, branch.id, 'duty_roster');
  await ctx.pool.query('update rectifications set due_on = $2 where id = $1', [a.rectificationId, `${lastYear}-06-30`]);
  await ctx.pool.query('update rectifications set due_on = $2 where id = $1', [b.rectificationId, `${lastYear}-07-31`]);
  await ctx.pool.query(`insert into rectification_events (tenant_id, rectification_id, kind, at) values ($1, $2, 'evidence', $3)`,
    [town.tenantId, a.rectificationId, `${lastYear}-06-20T10:00:00+08:00`]);
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
});
afterAll(async () => { await ctx.close(); });

describe('benchmark town and indicators', () => {
  it('asks for the benchmark town before the first indicator', async () => {
    const res = await town.admin.post('/api/benchmark/indicators', { catalogueKey: 'recruited' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('对标镇');
    ok(await town.admin.request('PUT', '/api/benchmark/town', { name: '周庄镇', note: '测试对标镇' }));
    expect((await board()).town).toMatchObject({ name: '周庄镇', note: '测试对标镇' });
  });

  it('computes the own values from the records for each calendar year', async () => {
    for (const key of ['recruited', 'rectification_on_time', 'cadre_college_share', 'reserves_per_village', 'organization_life_on_time', 'disclosure_on_time']) {
      await add({ catalogueKey: key });
    }
    const b = await board();
    expect(b.years).toEqual([thisYear - 2, lastYear, thisYear]);
    expect(cellOf(b, '当年发展党员数', lastYear)).toMatchObject({ own: 2, benchmark: null, gap: null });
    expect(cellOf(b, '当年发展党员数', thisYear).own).toBe(1);
    expect(cellOf(b, '当年发展党员数', thisYear - 2).own).toBe(0);
    expect(cellOf(b, '整改按期完成率', lastYear).own).toBe(50);
    expect(cellOf(b, '整改按期完成率', thisYear - 2).own).toBeNull();
    expect(cellOf(b, '村"两委"大专及以上学历占比', thisYear).own).toBe(50);
    expect(cellOf(b, '每村后备人才数', thisYear).own).toBe(0);
    // No disclosure on the platform yet: no rate rather than every scheduled one missed.
    expect(cellOf(b, '三务公开按期公开率', lastYear).own).toBeNull();
    expect(indicatorOf(b, '当年发展党员数')).toMatchObject({ computed: true, group: 'party_building', higherIsBetter: true });
    expect(cellOf(b, '当年发展党员数', thisYear).ownSource).toContain(`截至${today}`);
  });

  it('reads 组织生活按期完成率 off the same monthly calendars the compliance board shows, from the first recorded activity on', async () => {
    expect(cellOf(await board(), '组织生活按期完成率', lastYear).own).toBeNull();
    await createActivity(secretary, branch.id, { heldOn: `${lastYear}-03-15` });
    let done = 0; let late = 0;
    for (let m = 3; m <= 12; m++) {
      const calendar = ok(await town.admin.get(`/api/compliance?period=${lastYear}-${String(m).padStart(2, '0')}`));
      for (const { summary } of calendar.branches as Json[]) { done += summary.done + summary.awaitingSignOff; late += summary.late; }
    }
    const b = await board();
    expect(cellOf(b, '组织生活按期完成率', lastYear).own).toBe(Math.round((done / (done + late)) * 1000) / 10);
    expect(done).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    // A year wholly before the platform's first record has no value rather than a rate of 0.
    expect(cellOf(b, '组织生活按期完成率', thisYear - 2).own).toBeNull();
  });

  it('refuses a catalogue indicator twice and a renamed catalogue indicator; edits a 自定义 one', async () => {
    expect((await town.admin.post('/api/benchmark/indicators', { catalogueKey: 'recruited' })).statusCode).toBe(400);
    const id = ok(await town.admin.get('/api/benchmark')).indicators.find((i: Json) => i.catalogueKey === 'recruited').id;
    expect((await town.admin.request('PATCH', `/api/benchmark/indicators/${id}`, { name: '发展党员' })).statusCode).toBe(400);
    const custom = await add({ name: '农村电商销售额', unit: '万元', group: 'innovation', higherIsBetter: true });
    ok(await town.admin.request('PATCH', `/api/benchmark/indicators/${custom}`, { name: '农村电商年销售额', group: 'innovation' }));
    expect(indicatorOf(await board(), '农村电商年销售额')).toMatchObject({ computed: false, unit: '万元' });
  });
});

describe('yearly values', () => {
  it('needs the source of the benchmark value and keeps the own value of a computed indicator to the records', async () => {
    const id = indicatorOf(await board(), '当年发展党员数').id;
    const missing = await put(id, lastYear, { benchmarkValue: 5 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: Json) => f.path)).toContain('source');
    expect((await put(id, lastYear, { benchmarkValue: 5, source: ' ' })).statusCode).toBe(400);
    const own = await put(id, lastYear, { benchmarkValue: 5, source: '周庄镇年度工作报告', ownValue: 9, ownSource: '估计' });
    expect(own.statusCode).toBe(400);
    expect(own.json().fields[0].path).toBe('ownValue');
    expect((await put(id, thisYear + 1, { benchmarkValue: 5, source: '周庄镇年度工作报告' })).statusCode).toBe(400);
  });

  it('shows the gap (own − benchmark) and the ratio, behind when lower on a higher-is-better indicator', async () => {
    const id = indicatorOf(await board(), '当年发展党员数').id;
    ok(await put(id, lastYear, { benchmarkValue: 5, source: '周庄镇年度工作报告' }));
    ok(await put(id, lastYear, { benchmarkValue: 4, source: '周庄镇年度工作报告(修订)' }));
    const cell = cellOf(await board(), '当年发展党员数', lastYear);
    expect(cell).toMatchObject({ own: 2, benchmark: 4, gap: -2, ratio: 0.5, ahead: false, source: '周庄镇年度工作报告(修订)' });
    expect(cell.enteredBy).toBeTruthy();
    // The edit is audited with the value before it.
    const { rows } = await ctx.pool.query(`select detail from audit_events where action = 'benchmark.value.put' and object_id = $1 order by id`, [String(id)]);
    expect(rows).toHaveLength(2);
    expect(rows[1].detail).toMatchObject({ year: lastYear, before: { benchmarkValue: 5, source: '周庄镇年度工作报告' }, after: { benchmarkValue: 4 } });
  });

  it('takes the own value of a hand-entered indicator with its own source, and no ratio for a percentage', async () => {
    const income = await add({ catalogueKey: 'collective_income_per_village' });
    expect((await put(income, lastYear, { benchmarkValue: 120, source: '周庄镇年度工作报告', ownValue: 30 })).json().fields[0].path).toBe('ownSource');
    ok(await put(income, lastYear, { benchmarkValue: 120, source: '周庄镇年度工作报告', ownValue: 30, ownSource: '镇经管站报表' }));
    const b = await board();
    expect(cellOf(b, '村均集体经济收入', lastYear)).toMatchObject({ own: 30, ownSource: '镇经管站报表', gap: -90, ratio: 0.25, ahead: false });
    expect(indicatorOf(b, '村均集体经济收入').computed).toBe(false);
    const rate = indicatorOf(b, '整改按期完成率').id;
    ok(await put(rate, lastYear, { benchmarkValue: 40, source: '周庄镇年度工作报告' }));
    expect(cellOf(await board(), '整改按期完成率', lastYear)).toMatchObject({ gap: 10, ratio: null, ahead: true });
  });
});

describe('access', () => {
  it('refuses a secretary (the town\'s own comparison) and answers another town\'s indicator as missing', async () => {
    expect((await secretary.get('/api/benchmark')).statusCode).toBe(403);
    const id = indicatorOf(await board(), '当年发展党员数').id;
    expect((await secretary.request('PUT', `/api/benchmark/indicators/${id}/values/${lastYear}`, { benchmarkValue: 1, source: '越权来源' })).statusCode).toBe(403);
    const neighbour = await createTown(ctx);
    expect((await neighbour.admin.request('PUT', `/api/benchmark/indicators/${id}/values/${lastYear}`, { benchmarkValue: 1, source: '越权来源' })).statusCode).toBe(404);
    expect((await neighbour.admin.request('PATCH', `/api/benchmark/indicators/${id}`, { group: 'governance' })).statusCode).toBe(404);
    expect(ok(await neighbour.admin.get('/api/benchmark'))).toMatchObject({ town: null, indicators: [] });
  });
});

describe('rules', () => {
  it('counts years back from this one, to today in the current year', () => {
    expect(yearWindows('2026-12-07', 2)).toEqual([
      { year: 2025, start: '2025-01-01', end: '2025-12-31', today: '2026-12-07' }, { year: 2026, start: '2026-01-01', end: '2026-12-07', today: '2026-12-07' },
    ]);
  });
  it('reads the gap by the direction: lower is better for a lower-is-better indicator', () => {
    expect(gapOf(3, 5, false, false)).toEqual({ gap: -2, ratio: 0.6, ahead: true });
    expect(gapOf(null, 5, true, false)).toEqual({ gap: null, ratio: null, ahead: null });
  });
});
