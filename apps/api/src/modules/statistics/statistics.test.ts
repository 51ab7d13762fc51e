import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartyStatistics, StatTable } from '@dj/contracts';
import { newWorkbook } from '../../lib/excel.js';
import { createMember, createUser } from '../../../test/factories.js';
import { pdfText } from '../../../test/documents.js';
import { createRecruitment, ok, openRecruitment, type RecruitmentContext } from '../../../test/recruitment-fixtures.js';
import type { Session } from '../../../test/context.js';

/**
 * 党内统计 identities on a town built with the factories, the year 2020: two branches of 2005 members; during the year
 * one member entered directly and one admitted through 发展党员, one transferred out of the town, one died, one moved to
 * the other branch, one went away as a 流动党员. Every table must reconcile with the others.
 */
let d: RecruitmentContext;
let stats: PartyStatistics;
const ids: Record<string, number> = {};
const AS_OF = '2020-12-31';

const event = (memberId: number, body: Record<string, unknown>) => d.admin.post(`/api/members/${memberId}/events`, body);
const tableOf = (s: PartyStatistics, key: string) => s.tables.find((t) => t.key === key)!;
const rowOf = (t: StatTable, key: string) => t.rows.find((r) => r.key === key)!;
const cell = (t: StatTable, row: string, col: string) => rowOf(t, row).cells[t.columns.findIndex((c) => c.key === col)];

beforeAll(async () => {
  d = await openRecruitment();
  ids.transferred = await createMember(d.town, d.branch.id, { name: '转出镇外党员' });
  ids.died = await createMember(d.town, d.branch.id, { name: '去世党员' });
  ids.away = await createMember(d.town, d.branch.id, { name: '流出党员', occupation: 'migrant_worker' });
  ids.entered = await createMember(d.town, d.branch.id, { name: '新入党员', joinedAt: '2020-03-01', confirmedAt: null, gender: 'female', ethnicity: '回族', birthDate: '1998-05-05' });
  ids.later = await createMember(d.town, d.branch.id, { name: '次年入党员', joinedAt: '2021-03-01', confirmedAt: null });
  const recruit = await createRecruitment('发展对象甲', 'admission_approval');
  ids.recruit = recruit.memberId ?? (await d.ctx.pool.query('select member_id from recruitments where id = $1', [recruit.id])).rows[0].member_id;
  ok(await event(ids.transferred, { kind: 'transferred_out', occurredOn: '2020-06-01', reason: '转往外县党组织' }));
  ok(await event(ids.died, { kind: 'died', occurredOn: '2020-10-01' }));
  ok(await event(d.third, { kind: 'transferred_out', occurredOn: '2020-05-01', toOrganizationId: d.otherBranch.id }));
  ok(await d.admin.post(`/api/members/${ids.away}/flows`, { direction: 'outflow', startedOn: '2020-04-01', destination: '江苏省苏州市' }));
  stats = ok(await d.admin.get(`/api/statistics/party?asOf=${AS_OF}`)) as PartyStatistics;
});
afterAll(async () => d?.ctx.close());

describe('党内统计 identities', () => {
  it('counts the year as recorded: start + joined + moved in − left − moved out − died = end, per branch and in total', () => {
    const flows = tableOf(stats, 'flows');
    const [b, o] = [String(d.branch.id), String(d.otherBranch.id)];
    expect(Object.fromEntries(flows.columns.map((c, i) => [c.key, rowOf(flows, 'total').cells[i]]))).toEqual({
      start: 7, joined: 2, inExternal: 0, inTown: 1, left: 0, outExternal: 1, outTown: 1, died: 1, end: 7,
    });
    expect(cell(flows, b, 'start')).toBe(6);
    expect(cell(flows, b, 'end')).toBe(4 + 1);
    expect(cell(flows, o, 'end')).toBe(2);
    for (const row of flows.rows) {
      const v = (k: string) => cell(flows, row.key, k);
      expect(v('start') + v('joined') + v('inExternal') + v('inTown') - v('left') - v('outExternal') - v('outTown') - v('died'), row.label).toBe(v('end'));
    }
  });

  it('every 党员 table totals the 党员 at the end of the period; 正式 + 预备 = total', () => {
    const end = cell(tableOf(stats, 'flows'), 'total', 'end');
    for (const t of stats.tables.filter((x) => x.group === 'members')) expect(rowOf(t, 'total').total, t.title).toBe(end);
    const standing = tableOf(stats, 'member_standing');
    expect(cell(standing, 'total', 'full') + cell(standing, 'total', 'probationary')).toBe(end);
    expect(cell(standing, 'total', 'probationary')).toBe(2);
    expect(cell(tableOf(stats, 'member_ethnicity'), 'total', 'minority')).toBe(1);
  });

  it('branch rows sum to the total row in every table', () => {
    for (const t of stats.tables.filter((x) => x.group !== 'organizations')) {
      const branches = t.rows.filter((r) => r.key !== 'total');
      t.columns.forEach((c, i) => expect(branches.reduce((a, r) => a + r.cells[i], 0), `${t.title} ${c.label}`).toBe(rowOf(t, 'total').cells[i]));
    }
  });

  it('发展党员 of the year come from the recruitment module, all tables agreeing; 流动党员 as of the day', () => {
    for (const key of ['recruit_gender', 'recruit_age', 'recruit_education']) expect(rowOf(tableOf(stats, key), 'total').total, key).toBe(1);
    expect(cell(tableOf(stats, 'recruit_age'), 'total', 'upTo30')).toBe(1);
    expect(cell(tableOf(stats, 'mobile'), String(d.branch.id), 'outflow')).toBe(1);
    expect(cell(tableOf(stats, 'organizations'), 'branch', 'village')).toBe(2);
  });

  it('opens a cell to its members: names and branch, no personal numbers; the read is audited', async () => {
    const res = await d.admin.get(`/api/statistics/party/members?asOf=${AS_OF}&table=flows&row=total&column=died`);
    const body = ok(res);
    expect(body.items).toEqual([expect.objectContaining({ memberId: ids.died, name: '去世党员', organizationName: d.branch.name, occurredOn: '2020-10-01' })]);
    expect(res.body).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
    const { rows } = await d.ctx.pool.query(`select count(*)::int as n from audit_events where action = 'statistics.members.read'`);
    expect(rows[0].n).toBeGreaterThan(0);
    const paged = ok(await d.admin.get(`/api/statistics/party/members?asOf=${AS_OF}&table=member_gender&row=total&column=male&pageSize=2&page=2`));
    expect(paged.total).toBe(cell(tableOf(stats, 'member_gender'), 'total', 'male'));
    expect(paged.items).toHaveLength(2);
  });
});

describe('党内统计 the next year', () => {
  let next: PartyStatistics;
  beforeAll(async () => {
    // 2021: the member transferred out dies away (not the town's death); the member away is expelled (出党); a member
    // leaves for another county and comes back; the member entered for 2021 joins.
    ok(await event(ids.transferred, { kind: 'died', occurredOn: '2021-02-01' }));
    ok(await event(ids.away, { kind: 'left', occurredOn: '2021-03-01' }));
    ok(await event(d.full[1], { kind: 'transferred_out', occurredOn: '2021-04-01', reason: '转往外县党组织' }));
    ok(await event(d.full[1], { kind: 'transferred_in', occurredOn: '2021-06-01' }));
    next = ok(await d.admin.get('/api/statistics/party?asOf=2021-12-31')) as PartyStatistics;
  });

  it("starts where the last year ended, and counts only what happened in the town", () => {
    const flows = tableOf(next, 'flows');
    expect(Object.fromEntries(flows.columns.map((c, i) => [c.key, rowOf(flows, 'total').cells[i]]))).toEqual({
      start: cell(tableOf(stats, 'flows'), 'total', 'end'), joined: 1, inExternal: 1, inTown: 0, left: 1, outExternal: 1, outTown: 0, died: 0, end: 7,
    });
    expect(cell(tableOf(next, 'mobile'), 'total', 'outflow')).toBe(0);
    expect(rowOf(tableOf(next, 'recruit_gender'), 'total').total).toBe(0);
  });

  it('refuses a day after today', async () => {
    expect((await d.admin.get('/api/statistics/party?asOf=2999-12-31')).statusCode).toBe(400);
  });
});

describe('党内统计 scope and files', () => {
  let secretary: Session;
  beforeAll(async () => { secretary = d.secretary; });

  it('a branch secretary sees their branch only; another branch is 404; a plain 党员 403', async () => {
    const own = ok(await secretary.get(`/api/statistics/party?asOf=${AS_OF}`)) as PartyStatistics;
    expect(tableOf(own, 'flows').rows.map((r) => r.key)).toEqual([String(d.branch.id), 'total']);
    // The branch's year as the town sees it, including the member since moved to the other branch.
    expect(rowOf(tableOf(own, 'flows'), 'total').cells).toEqual(rowOf(tableOf(stats, 'flows'), String(d.branch.id)).cells);
    expect((await secretary.get(`/api/statistics/party?asOf=${AS_OF}&orgId=${d.otherBranch.id}`)).statusCode).toBe(404);
    expect((await secretary.get(`/api/statistics/party/members?asOf=${AS_OF}&table=flows&row=${d.otherBranch.id}&column=end`)).statusCode).toBe(404);
    const member = await createUser(d.town, 'member', [d.branch.id]);
    expect((await member.session.get('/api/statistics/party')).statusCode).toBe(403);
  });

  it('xlsx holds the tables as numbers', async () => {
    const res = await d.admin.get(`/api/statistics/party.xlsx?asOf=${AS_OF}`);
    expect(res.statusCode).toBe(200);
    const wb = await newWorkbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === '党员增减');
    const header = rows[at + 1] as string[];
    const total = rows.slice(at + 2).find((r) => r[0] === '合计')!;
    expect(total[header.indexOf('期末数')]).toBe(7);
    expect(total[header.indexOf('死亡')]).toBe(1);
  });

  it('the A4 PDF carries the title, the day and the flow table', async () => {
    const text = pdfText(await d.admin.get(`/api/statistics/party.pdf?asOf=${AS_OF}`));
    expect(text).toContain('党内统计');
    expect(text).toContain('2020年12月31日');
    expect(text).toContain('党员增减');
    expect(text).toContain('年初数');
  });
});
