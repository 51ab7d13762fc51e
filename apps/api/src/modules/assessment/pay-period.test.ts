import type { CellValue, Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysInMonth, todayInShanghai } from '@dj/contracts';
import { type Json, ok } from '../../../test/assessment-fixtures.js';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { pdfBytesText } from '../../../test/documents.js';
import { createBranch, createMember, createSupervisor, createTown, createUser, personOf, recordCadreChange, type Town } from '../../../test/factories.js';
import { newWorkbook } from '../../lib/excel.js';
import { FIRST_DATA_ROW, MONTH_SHEET, YEAR_SHEET } from './payroll/payroll-xlsx.js';

/**
 * Issue 16 points 4–6 on real records: a month period's pay from the village's score and the cadres module's holdings
 * (一肩挑, appointed mid-month), 奖励绩效 and 扣减 entered by the town before locking, the 报酬发放表 of a locked month
 * (xlsx opened and checked, PDF), scope (another village 404), and the caller's own months.
 */
let ctx: TestContext;
let town: Town;
let villageA: number;
let villageB: number;
let secretaryA: Session;
let secretaryB: Session;
let staffA: { userId: number; session: Session };
let staffB: { userId: number; session: Session };
let a = 0; let b = 0; let c = 0;
let made = 0;

const month = () => todayInShanghai().slice(0, 7);
const monthDays = () => daysInMonth(Number(month().slice(0, 4)), Number(month().slice(5, 7)));

/** A scheme of one leaf of 100 points scored by the town office, and its period of this month. */
async function openPeriod(audience: 'village_cadre' | 'town_staff'): Promise<number> {
  const scheme = await ok(town.admin.post('/api/assessment/schemes', {
    name: `报酬测试方案${++made}`, audience, periodKind: 'month', posts: audience === 'village_cadre' ? ['secretary'] : [], effectiveFrom: month(),
    indicators: [{ key: 'work', name: '履职情况', weight: 100, scorer: 'town_office', evidence: '工作台账' }],
    bands: [{ label: '合格', min: 60 }, { label: '不合格', min: 0 }],
  }));
  return (await ok(town.admin.post('/api/assessment/periods', { schemeId: scheme.id, period: month() }))).id;
}
const score = (id: number, subjectId: number, points: number) =>
  ok(town.admin.request('PUT', `/api/assessment/periods/${id}/scores`, { subjectId, indicatorKey: 'work', points, evidence: '查阅工作台账' }));
async function lock(id: number) {
  await ok(town.admin.post(`/api/assessment/periods/${id}/publish`));
  await ctx.pool.query('update assessment_periods set objection_until = $2 where id = $1', [id, addDays(todayInShanghai(), -1)]);
  await ok(town.admin.post(`/api/assessment/periods/${id}/approve`, { note: '镇党委会议审定' }));
}
const addItem = (s: Session, id: number, body: Json) => s.post(`/api/assessment/periods/${id}/pay-items`, body);
const personPay = (pay: Json, personId: number) => pay.people.find((p: Json) => p.personId === personId);
const linesSum = (p: Json) => (p.pay.lines as Json[]).reduce((n, l) => n + l.amountFen, 0);

async function open(data: Buffer): Promise<Workbook> {
  const wb = await newWorkbook();
  await wb.xlsx.load(new Uint8Array(data).buffer as ArrayBuffer);
  return wb;
}
/** A stored amount back to 分 through its decimal text (no float × 100). */
function fenOf(v: CellValue): number {
  const [whole, frac = ''] = String(v).replace('-', '').split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return String(v).startsWith('-') ? -fen : fen;
}

let village = 0;
let staff = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  villageA = (await createBranch(town, { villageId: town.villages[0].id })).id;
  villageB = (await createBranch(town, { villageId: town.villages[1].id })).id;
  a = await personOf(ctx, await createMember(town, villageA));
  b = await personOf(ctx, await createMember(town, villageA));
  c = await personOf(ctx, await createMember(town, villageB));
  // a: secretary and director (一肩挑); b: a 村委委员 appointed on the 16th of this month; c: village B's secretary (聘用制).
  await recordCadreChange(town, villageA, { post: 'secretary', personId: a });
  await recordCadreChange(town, villageA, { post: 'director', personId: a });
  await recordCadreChange(town, villageA, { post: 'committee_member', personId: b });
  await ctx.pool.query(`update cadre_posts set started_on = $2 where person_id = $1`, [b, `${month()}-16`]);
  // c is on the 聘用制 table from the 1st of this month.
  const vB = await recordCadreChange(town, villageB, { post: 'secretary', personId: c });
  const holding = (vB.current as Json[]).find((h) => h.post === 'secretary')!.id;
  await ok(town.admin.request('PUT', `/api/cadres/villages/${villageB}/holdings/${holding}/employment`, { since: `${month()}-01`, ruleText: '镇党委《村党支部书记聘用制管理办法》', careerTreatment: false }));
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [villageA], { personId: a }));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [villageB]));
  staffA = await createSupervisor(town, [villageA]);
  staffB = await createSupervisor(town, [villageB]);
  village = await openPeriod('village_cadre');
  await score(village, villageA, 92);
  await score(village, villageB, 75);
  staff = await openPeriod('town_staff');
  await score(staff, staffA.userId, 85);
  await score(staff, staffB.userId, 55);
});
afterAll(async () => { await ctx.close(); });

describe('16.4 pay of a month period', () => {
  it('16.4 each cadre holding a paid post: 一肩挑 once as the secretary, the score\'s grade, totals equal their breakdowns', async () => {
    const pay = await ok(town.admin.get(`/api/assessment/periods/${village}/pay`));
    expect(pay.people.map((p: Json) => p.personId).sort()).toEqual([a, b, c].sort());
    const secretary = personPay(pay, a);
    expect(secretary).toMatchObject({ post: 'secretary', combined: true, score: 92, grade: 'excellent', daysInPost: monthDays() });
    expect(personPay(pay, c)).toMatchObject({ post: 'secretary', combined: false, employed: true, score: 75, grade: 'pass' });
    // 聘用制: the base from the 聘用制 table (default 3,000.00 元), not the ordinary one.
    expect((personPay(pay, c).pay.lines as Json[]).find((l) => l.kind === 'base')).toMatchObject({ amountFen: 300_000, why: expect.stringContaining('聘用制') });
    expect(secretary.postLabel).toContain('一肩挑');
    for (const p of pay.people) expect(p.pay.totalFen, p.name).toBe(linesSum(p));
    expect(pay.totalFen).toBe(pay.people.reduce((n: number, p: Json) => n + p.pay.totalFen, 0));
    const audited = await ctx.pool.query(`select detail from audit_events where action = 'assessment.pay.read' and object_id = $1`, [village]);
    expect(audited.rows.at(-1).detail).toMatchObject({ count: 3 });
  });

  it('16.4 proration: the 村委委员 appointed on the 16th is paid the base for the days in post only', async () => {
    const pay = await ok(town.admin.get(`/api/assessment/periods/${village}/pay`));
    const member = personPay(pay, b);
    const days = monthDays() - 15;
    expect(member).toMatchObject({ post: 'committee_member', daysInPost: days });
    // The default table: 书记基本报酬 2,000.00 元, 委员 70 %, half up to the 分.
    const base = (member.pay.lines as Json[]).find((l) => l.kind === 'base')!;
    expect(base.amountFen).toBe(Math.round((200_000 * 70 * days) / (100 * monthDays())));
    expect(base.why).toContain(`${days}`);
  });

  it('16.4 a 奖励绩效 item raises the total by its amount, a 扣减 lowers it, each audited; a bad person is 404', async () => {
    const before = personPay(await ok(town.admin.get(`/api/assessment/periods/${village}/pay`)), a).pay.totalFen;
    let pay = await ok(addItem(town.admin, village, { kind: 'reward', person: { organizationId: villageA, personId: a }, item: { kind: 'investment', rule: 'fixed', amountFen: 50_000 } }));
    expect(personPay(pay, a).pay.totalFen).toBe(before + 50_000);
    expect(personPay(pay, a).pay.lines.map((l: Json) => l.label)).toContain('奖励绩效:招商引资');
    pay = await ok(addItem(town.admin, village, { kind: 'deduction', person: { organizationId: villageA, personId: a }, item: { reason: '会议缺席', amountFen: 10_000 } }));
    expect(personPay(pay, a).pay.totalFen).toBe(before + 40_000);
    const items = personPay(pay, a).items as Json[];
    expect(items.map((i) => i.kind)).toEqual(['reward', 'deduction']);
    // Removed and entered again: the audit keeps both.
    pay = await ok(town.admin.request('DELETE', `/api/assessment/periods/${village}/pay-items/${items[1].id}`));
    expect(personPay(pay, a).pay.totalFen).toBe(before + 50_000);
    await ok(addItem(town.admin, village, { kind: 'deduction', person: { organizationId: villageA, personId: a }, item: { reason: '会议缺席', amountFen: 10_000 } }));
    const audit = await ctx.pool.query(`select action from audit_events where object_id = $1 and action like 'assessment.pay.item.%' order by id`, [village]);
    expect(audit.rows.map((r) => r.action)).toEqual(['assessment.pay.item.add', 'assessment.pay.item.add', 'assessment.pay.item.remove', 'assessment.pay.item.add']);
    // c is B's cadre, not A's; the secretary of A enters nothing.
    expect((await addItem(town.admin, village, { kind: 'reward', person: { organizationId: villageA, personId: c }, item: { kind: 'other', rule: 'fixed', amountFen: 1 } })).statusCode).toBe(404);
    expect((await addItem(secretaryA, village, { kind: 'reward', person: { organizationId: villageA, personId: a }, item: { kind: 'other', rule: 'fixed', amountFen: 1 } })).statusCode).toBe(403);
  });

  it('16.6 scope: a village\'s secretary sees their village\'s cadres only; a 包村干部 none of it; staff only themselves', async () => {
    const pay = await ok(secretaryA.get(`/api/assessment/periods/${village}/pay`));
    expect(pay.people.map((p: Json) => p.personId).sort()).toEqual([a, b].sort());
    expect(pay.can).toMatchObject({ editItems: false });
    expect((await secretaryB.get(`/api/assessment/periods/${village}/pay`)).json().people.map((p: Json) => p.personId)).toEqual([c]);
    expect((await staffA.session.get(`/api/assessment/periods/${village}/pay`)).statusCode).toBe(404);
    const own = await ok(staffA.session.get(`/api/assessment/periods/${staff}/pay`));
    expect(own.people.map((p: Json) => p.userId)).toEqual([staffA.userId]);
    expect(own.people[0]).toMatchObject({ post: 'town_staff', score: 85, grade: 'good' });
  });
});

describe('16.5 报酬发放表 of a locked month', () => {
  it('16.5 refused (409) before the period is locked', async () => {
    const res = await town.admin.get(`/api/assessment/periods/${village}/payroll.xlsx?orgId=${villageA}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('审批锁定后才能生成报酬发放表');
  });

  it('16.5 the village\'s xlsx: names, amounts, 合计 = the sum of the rows = the pay totals; other village 404; items refused after locking', async () => {
    await lock(village);
    const res = await secretaryA.get(`/api/assessment/periods/${village}/payroll.xlsx?orgId=${villageA}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('村干部报酬发放表.xlsx'));
    const pay = await ok(secretaryA.get(`/api/assessment/periods/${village}/pay`));
    const ws = (await open(res.rawPayload)).getWorksheet(MONTH_SHEET)!;
    expect(String(ws.getCell('A1').value)).toContain('村干部报酬发放表');
    const rows = pay.people as Json[];
    rows.forEach((p, i) => {
      expect(ws.getCell(FIRST_DATA_ROW + i, 2).value).toBe(p.name);
      expect(fenOf(ws.getCell(FIRST_DATA_ROW + i, 9).value)).toBe(p.pay.totalFen);
    });
    const sumRow = FIRST_DATA_ROW + rows.length;
    expect(ws.getCell(sumRow, 1).value).toBe('合计');
    const column = rows.reduce((n, _, i) => n + fenOf(ws.getCell(FIRST_DATA_ROW + i, 9).value), 0);
    expect(fenOf(ws.getCell(sumRow, 9).value)).toBe(column);
    expect(column).toBe(pay.totalFen);
    // 奖励绩效 column of the secretary: the 500.00 元 reward entered before locking.
    expect(fenOf(ws.getCell(FIRST_DATA_ROW + rows.findIndex((p) => p.personId === a), 6).value)).toBe(50_000);
    expect((await secretaryA.get(`/api/assessment/periods/${village}/payroll.xlsx?orgId=${villageB}`)).statusCode).toBe(404);
    expect((await secretaryA.get(`/api/assessment/periods/${village}/payroll.xlsx`)).statusCode).toBe(403);
    const late = await addItem(town.admin, village, { kind: 'reward', person: { organizationId: villageA, personId: a }, item: { kind: 'other', rule: 'fixed', amountFen: 1 } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('已审批锁定');
  });

  it('16.5 the town\'s payroll: every village\'s cadres with a 小计 each, and the PDF for signing; each copy audited', async () => {
    const res = await town.admin.get(`/api/assessment/periods/${village}/payroll.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const ws = (await open(res.rawPayload)).getWorksheet(MONTH_SHEET)!;
    const pay = await ok(town.admin.get(`/api/assessment/periods/${village}/pay`));
    // 3 people and 2 小计 rows, then 合计.
    const sumRow = FIRST_DATA_ROW + 5;
    expect(ws.getCell(sumRow, 1).value).toBe('合计');
    expect(fenOf(ws.getCell(sumRow, 9).value)).toBe(pay.totalFen);
    const pdf = await town.admin.get(`/api/assessment/periods/${village}/payroll.pdf?orgId=${villageB}`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(await pdfBytesText(pdf.rawPayload)).toContain('领款人签字');
    const audited = await ctx.pool.query(`select detail from audit_events where action = 'assessment.payroll.export' and object_id = $1 order by id`, [village]);
    expect(audited.rows.map((r) => r.detail.format)).toEqual(['xlsx', 'xlsx', 'pdf']);
  });
});

describe('16.6 我的考核与报酬', () => {
  it('16.6 a staff member sees their own months only, with the breakdown; a secretary their own cadre pay', async () => {
    await lock(staff);
    const mine = await ok(staffB.session.get('/api/assessment/my-pay'));
    expect(mine.months).toHaveLength(1);
    expect(mine.months[0].pay).toMatchObject({ userId: staffB.userId, score: 55, grade: 'fail' });
    expect(mine.months[0].pay.pay.lines.length).toBeGreaterThan(1);
    const secretary = await ok(secretaryA.get('/api/assessment/my-pay'));
    expect(secretary.months.map((m: Json) => m.pay.personId)).toEqual([a]);
    expect(secretary.months[0].pay.combined).toBe(true);
    expect((await ok(secretaryB.get('/api/assessment/my-pay'))).months).toEqual([]);
  });
});

describe('16.5 报酬年度汇总表', () => {
  it('16.5 the town\'s year: one row per person of the locked months (cadres and staff apart), 合计 = the sum of the months\' totals', async () => {
    const year = month().slice(0, 4);
    const res = await town.admin.get(`/api/assessment/pay/year.xlsx?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('报酬年度汇总表.xlsx'));
    const ws = (await open(res.rawPayload)).getWorksheet(YEAR_SHEET)!;
    const cadres = await ok(town.admin.get(`/api/assessment/periods/${village}/pay`));
    const staffPay = await ok(town.admin.get(`/api/assessment/periods/${staff}/pay`));
    const people = [...cadres.people, ...staffPay.people] as Json[];
    const names = Array.from({ length: people.length }, (_, i) => ws.getCell(FIRST_DATA_ROW + i, 2).value);
    expect(names.sort()).toEqual(people.map((p) => p.name).sort());
    const sumRow = FIRST_DATA_ROW + people.length;
    expect(ws.getCell(sumRow, 1).value).toBe('合计');
    expect(fenOf(ws.getCell(sumRow, 10).value)).toBe(cadres.totalFen + staffPay.totalFen);
    expect((await secretaryA.get(`/api/assessment/pay/year.xlsx?year=${year}`)).statusCode).toBe(403);
  });
});
