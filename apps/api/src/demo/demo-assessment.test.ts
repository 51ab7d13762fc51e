import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, todayInShanghai, type AssessmentPeriodDetail, type AssessmentPeriodList, type PeriodPay } from '@dj/contracts';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { newWorkbook } from '../lib/excel.js';

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
let list: AssessmentPeriodList;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
  list = (await admin.get('/api/assessment/periods')).json() as AssessmentPeriodList;
});
afterAll(async () => { await ctx.close(); });

const month = (back: number) => addMonths(todayInShanghai(), -back).slice(0, 7);
const periodOf = (audience: string, back: number) => {
  const row = list.rows.find((r) => r.audience === audience && r.period === month(back));
  if (!row) throw new Error(`no ${audience} period ${month(back)}`);
  return row;
};
const detail = async (s: Session, id: number) => (await s.get(`/api/assessment/periods/${id}`)).json() as AssessmentPeriodDetail;

describe('demo 考核 of 西王庄镇 (issue 16 point 7)', () => {
  it('has twelve locked months of both schemes and last month still being scored', async () => {
    for (const audience of ['village_cadre', 'town_staff']) {
      const rows = list.rows.filter((r) => r.audience === audience);
      expect(rows.filter((r) => r.status === 'locked').map((r) => r.period).sort()).toEqual(Array.from({ length: 12 }, (_, i) => month(13 - i)));
      expect(periodOf(audience, 1).status).toBe('scoring');
    }
  });

  it('scores every leaf of the 18 villages in a locked month, the measure leaves from the records, with a spread of grades over the year', async () => {
    const locked = await detail(admin, periodOf('village_cadre', 3).id);
    expect(locked.subjects).toHaveLength(18);
    for (const s of locked.subjects) {
      expect(s.entries).toHaveLength(locked.indicators.length);
      expect(s.progress.missing).toEqual([]);
      const measures = s.entries.filter((e) => locked.indicators.find((i) => i.key === e.indicatorKey)?.scorer === 'measure');
      expect(measures.length).toBeGreaterThan(0);
      for (const e of measures) expect(e.evidence).toMatch(/^平台记录\(截至/);
    }
    const grades = new Set<string | null>();
    for (let back = 2; back <= 13; back++) for (const s of (await detail(admin, periodOf('village_cadre', back).id)).subjects) grades.add(s.grade);
    expect(grades.size).toBeGreaterThanOrEqual(3);
  });

  it('leaves the demo 包村干部 his villages\' supervisor leaves of last month to score, and the town cannot publish before', async () => {
    const supervisor = await ctx.signIn('supervisor');
    const open = await detail(supervisor, periodOf('village_cadre', 1).id);
    expect(open.subjects.map((s) => s.subjectId).sort()).toEqual([ids['营子村党支部'], ids['付刘耀村党支部'], ids['天齐庙村党支部']].sort());
    expect(open.can.score).toBe(true);
    for (const s of open.subjects) expect(s.progress.missing.length).toBeGreaterThan(0);
    const publish = await admin.post(`/api/assessment/periods/${periodOf('village_cadre', 1).id}/publish`, {});
    expect(publish.statusCode).toBe(409);
  });

  it('has the latest locked month\'s objections ruled, one upheld with its score corrected, and an adjustment after locking', async () => {
    const latest = await detail(admin, periodOf('village_cadre', 2).id);
    const objections = latest.subjects.flatMap((s) => s.objections.map((o) => ({ ...o, subjectId: s.subjectId })));
    expect(objections.map((o) => o.ruling).sort()).toEqual(['rejected', 'upheld']);
    const upheld = objections.find((o) => o.ruling === 'upheld')!;
    const xihuagou = latest.subjects.find((s) => s.subjectId === upheld.subjectId)!;
    expect(xihuagou.subjectId).toBe(ids['西花沟村党支部']);
    expect(xihuagou.entries.find((e) => e.indicatorKey === upheld.indicatorKey)?.points).toBe(upheld.correctedPoints);
    const staff = await detail(admin, periodOf('town_staff', 2).id);
    expect(staff.subjects.flatMap((s) => s.objections).map((o) => o.ruling)).toEqual(['rejected']);
    const adjusted = await detail(admin, periodOf('village_cadre', 5).id);
    const tianqimiao = adjusted.subjects.find((s) => s.subjectId === ids['天齐庙村党支部'])!;
    expect(tianqimiao.adjustments).toHaveLength(1);
    const entries = tianqimiao.entries.reduce((n, e) => n + e.points, 0);
    expect(tianqimiao.score).toBe(entries + tianqimiao.adjustments.reduce((n, a) => n + a.delta, 0));
  });

  it('pays the two rewards of the year and prints each locked month\'s payroll, the reward on the secretary\'s row', async () => {
    const demonstration = (await admin.get(`/api/assessment/periods/${periodOf('village_cadre', 4).id}/pay`)).json() as PeriodPay;
    const yingzi = demonstration.people.find((p) => p.organizationId === ids['营子村党支部'] && p.post === 'secretary')!;
    expect(yingzi.pay.lines.filter((l) => l.kind === 'reward').map((l) => l.amountFen)).toEqual([50_000]);
    expect(yingzi.pay.totalFen).toBe(yingzi.pay.lines.reduce((n, l) => n + l.amountFen, 0));
    const income = (await admin.get(`/api/assessment/periods/${periodOf('village_cadre', 3).id}/pay`)).json() as PeriodPay;
    const fuliuyao = income.people.find((p) => p.organizationId === ids['付刘耀村党支部'] && p.post === 'secretary')!;
    expect(fuliuyao.pay.lines.filter((l) => l.kind === 'reward').map((l) => l.amountFen)).toEqual([80_000]);
    expect(income.people.filter((p) => p.items.length).map((p) => p.organizationId)).toEqual([ids['付刘耀村党支部']]);
    const payroll = await admin.get(`/api/assessment/periods/${periodOf('village_cadre', 4).id}/payroll.xlsx?orgId=${ids['营子村党支部']}`);
    expect(payroll.statusCode).toBe(200);
    const wb = await newWorkbook();
    await wb.xlsx.load(new Uint8Array(payroll.rawPayload).buffer as ArrayBuffer);
    const row = wb.worksheets[0].getSheetValues().find((r) => Array.isArray(r) && r.includes(yingzi.name)) as unknown[];
    expect(row.map((c) => Number(String(c).replaceAll(',', '')))).toContain(500);
  });
});

