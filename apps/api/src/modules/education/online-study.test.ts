import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createMemberAccount, createTown, createUser, personOf, postFile, testIdNumber, type Branch, type Town } from '../../../test/factories.js';
import { shortOfHours } from './hours-repository.js';

/**
 * Issue 19 point 3, 线上学习: a corpus of differently shaped exports (学习强国-like in 分钟 per day, 灯塔-like in 学时 per
 * month, a hand-kept sheet with a title row and a merged header) imported with a dry run and a row-by-row Chinese report,
 * then for real in one transaction; 代为登记 of one member's reported hours; and every hours figure (the branch's, the
 * person's year, 待办's shortOfHours, 我的学习) counting the online hours with no change to the sums.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Cell = string | number | Date | null;
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let me: Awaited<ReturnType<typeof createMemberAccount>>;
let myPerson: number;
let proxyPerson: number;
const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const month = today.slice(0, 7);

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void, sheet = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet(sheet));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** 学习强国-like: one row a member and day, 学习时长(分钟), an ID number column the report must never echo. */
const xuexi = (rows: Cell[][]) => xlsx((ws) => { ws.addRow(['序号', '姓名', '身份证号', '日期', '学习时长(分钟)']); rows.forEach((r, i) => ws.addRow([i + 1, ...r])); }, '学习强国学习明细');
/** 灯塔-like: 平台 and 月份 columns, hours already in 学时. */
const dengta = (rows: Cell[][]) => xlsx((ws) => { ws.addRow(['党员姓名', '平台', '月份', '学时']); rows.forEach((r) => ws.addRow(r)); });
/** Hand-kept: a merged title naming the platform, 姓名 merged down, 学习情况 merged over 月份 and 学时, a 合计 row. */
const handKept = (rows: Cell[][]) => xlsx((ws) => {
  ws.addRow(['东岭村党支部流动党员灯塔学习登记表']);
  ws.mergeCells('A1:D1');
  ws.addRow(['姓名', '联系方式', '学习情况', null]);
  ws.addRow([null, null, '月份', '学时']);
  ws.mergeCells('C2:D2');
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  rows.forEach((r) => ws.addRow(r));
  ws.addRow(['合计', null, null, 99]);
});

const importFile = (s: Session, data: Buffer, query: string) => postFile(s, `/api/education/online/import?${query}`, { data, name: '线上学习.xlsx' });
const lines = async () => Number((await ctx.pool.query(`select count(*) from training_attendees x join training_sessions s on s.id = x.session_id where s.kind = 'online_study' and s.tenant_id = $1`, [town.tenantId])).rows[0].count);
const totalOf = async (s: Session, personId: number) => (await s.get(`/api/education/people/${personId}/hours?year=${year}`)).json().total as number;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  a = await createBranch(town, { name: '东岭村党支部' });
  b = await createBranch(town, { name: '南坡村党支部' });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  me = await createMemberAccount(town, a.id, { name: '王流动' });
  myPerson = await personOf(ctx, me.memberId);
  proxyPerson = await personOf(ctx, await createMember(town, a.id, { name: '赵老人' }));
  await createMember(town, a.id, { name: '张同名' });
  await createMember(town, a.id, { name: '张同名' });
  await createMember(town, b.id, { name: '李外村' });
});
afterAll(async () => { await ctx.close(); });

describe('19.3 线上学习', () => {
  it('学习强国 minutes: a dry run reports each row in Chinese and writes nothing; unknown, ambiguous and bad rows name the field and rule', async () => {
    const id = testIdNumber();
    const file = await xuexi([['王流动', id, `${month}-02`, 90], ['王流动', id, `${month}-03`, 45], ['张同名', null, `${month}-03`, 30], ['李外村', null, `${month}-03`, 30], ['赵老人', null, '三月', 'abc']]);
    const res = await importFile(secretaryA, file, `orgId=${a.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const j: Json = res.json();
    expect(j).toMatchObject({ dryRun: true, total: 5, valid: 2, invalid: 3, created: 1 });
    expect(j.rows[0].notes[0]).toContain('学习强国');
    expect(j.rows[1].notes[0]).toContain('该月合计3学时'); // (90 + 45) / 45 with the default 1 学时 = 45 分钟
    expect(j.rows[2].errors[0]).toMatchObject({ column: '姓名', message: expect.stringContaining('2名党员叫“张同名”') });
    expect(j.rows[3].errors[0]).toMatchObject({ column: '姓名', message: expect.stringContaining('不在本支部党员名册中') });
    expect(j.rows[4].errors.map((e: Json) => e.column)).toEqual(['学习时长(分钟)', '日期']);
    expect(res.body).not.toContain(id);
    expect(await lines()).toBe(0);
    // A file with refused rows writes nothing even when asked for the real run.
    expect((await importFile(secretaryA, file, `orgId=${a.id}&dryRun=false`)).json()).toMatchObject({ dryRun: false, created: 0 });
    expect(await lines()).toBe(0);
  });

  it('the real run writes one session per branch, platform and month in one go; the same export again changes nothing', async () => {
    const file = await xuexi([['王流动', null, `${month}-02`, 90], ['王流动', null, `${month}-03`, 45]]);
    expect((await importFile(secretaryA, file, `orgId=${a.id}&dryRun=false`)).json()).toMatchObject({ valid: 2, created: 1, updated: 0 });
    expect(await totalOf(secretaryA, myPerson)).toBe(3);
    const again: Json = (await importFile(secretaryA, file, `orgId=${a.id}&dryRun=false`)).json();
    expect(again.rows.map((r: Json) => r.status)).toEqual(['unchanged', 'unchanged']);
    expect(await totalOf(secretaryA, myPerson)).toBe(3);
    const audits = (await ctx.pool.query(`select detail from audit_events where action = 'education.online.import' and object_id = $1`, [String(a.id)])).rows;
    expect(audits.length).toBe(2);
  });

  it('灯塔 in 学时 and the hand-kept sheet with a title and a merged header read the same way', async () => {
    const d: Json = (await importFile(secretaryA, await dengta([['王流动', '灯塔—党建在线', month, 2.5], ['王流动', '微信', month, 1]]), `orgId=${a.id}`)).json();
    expect(d.rows[0]).toMatchObject({ status: 'create', errors: [] });
    expect(d.rows[1].errors[0]).toMatchObject({ column: '平台', message: expect.stringContaining('不是可导入的平台') });
    const h: Json = (await importFile(secretaryA, await handKept([['王流动', '外出务工', `${year}年1月`, 1.5], [null, null, `${year}年1月`, 2]]), `orgId=${a.id}`)).json();
    expect(h.rows.map((r: Json) => [r.row, r.status])).toEqual([[4, 'create'], [5, 'invalid']]);
    expect(h.rows[0].notes[0]).toContain('灯塔'); // the platform read from the title
    expect(h.rows[1].errors[0]).toEqual({ column: '姓名', message: '必填项为空' });
    const noPlatform: Json = (await importFile(secretaryA, await xlsx((ws) => { ws.addRow(['姓名', '学时']); ws.addRow(['王流动', 1]); }), `orgId=${a.id}`)).json();
    expect(noPlatform.rows[0].errors.map((e: Json) => e.column)).toEqual(['平台', '日期/月份']);
    const chosen: Json = (await importFile(secretaryA, await xlsx((ws) => { ws.addRow(['姓名', '学时']); ws.addRow(['王流动', 1]); }), `orgId=${a.id}&platform=dengta&month=${month}`)).json();
    expect(chosen.rows[0].status).toBe('create');
    const unitless = await importFile(secretaryA, await xlsx((ws) => { ws.addRow(['姓名', '学习时长']); ws.addRow(['王流动', 60]); }), `orgId=${a.id}`);
    expect(unitless.statusCode).toBe(400);
    expect(unitless.body).toContain('没有写单位');
  });

  it('代为登记 sets a member\'s month without a phone; it counts in every hours figure: branch, person, 待办, 我的学习', async () => {
    const put = (s: Session, body: Json) => s.request('PUT', '/api/education/online/entries', body);
    const entry = { orgId: a.id, personId: proxyPerson, platform: 'reported', month, hours: 4 };
    expect((await put(secretaryA, entry)).statusCode).toBe(200);
    expect((await put(secretaryA, { ...entry, hours: 5 })).json()).toMatchObject({ hours: 5 }); // a correction, not a second record
    expect(await totalOf(secretaryA, proxyPerson)).toBe(5);
    expect((await put(secretaryB, entry)).statusCode).toBe(404);
    expect((await put(secretaryA, { ...entry, personId: await personOf(ctx, await createMember(town, b.id)) })).statusCode).toBe(400);
    expect((await put(me.session, entry)).statusCode).toBe(404); // a plain 党员 sees no branch here (personal)
    const branch: Json = (await secretaryA.get(`/api/education/hours?orgId=${a.id}&year=${year}`)).json();
    const proxy = branch.people.find((p: Json) => p.personId === proxyPerson);
    expect(proxy.total).toBe(5);
    expect(proxy.byKind.online_study).toBe(5);
    const mine: Json = (await me.session.get(`/api/my/education?year=${year}`)).json();
    expect(mine.hours.total).toBe(3);
    expect(mine.hours.sessions.map((s: Json) => s.kind)).toEqual(['online_study']);
    const path = (await ctx.pool.query('select path from organizations where id = $1', [a.id])).rows[0].path as string;
    const short = await shortOfHours(ctx.db, { tenantId: town.tenantId, paths: [path] }, year, { member: 4, leader: 56 }, 50);
    const names = short.flatMap((s) => s.names.map((n) => n.name));
    expect(names).not.toContain('赵老人'); // 5 online 学时 meet a target of 4: the 待办 reads them
    expect(names).toContain('张同名');
    const audits = (await ctx.pool.query(`select count(*) from audit_events where action = 'education.online.entry'`)).rows[0].count;
    expect(Number(audits)).toBe(2);
  });

  it('refuses the session form for 线上学习, another branch\'s import (404) and a plain member (403)', async () => {
    const form = await secretaryA.post('/api/education/sessions', { organizationId: a.id, kind: 'online_study', title: '线上', startsOn: today, endsOn: today, hours: 1 });
    expect(form.statusCode).toBe(400);
    const file = await dengta([['王流动', '灯塔', month, 1]]);
    expect((await importFile(secretaryB, file, `orgId=${a.id}`)).statusCode).toBe(404);
    expect((await importFile(me.session, file, `orgId=${a.id}`)).statusCode).toBe(404);
  });
});
