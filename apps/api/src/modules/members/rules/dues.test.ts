import { describe, expect, it } from 'vitest';
import {
  DUES_REVIEW_THRESHOLD_MONTHS, computeMonthlyDues, consecutiveUnpaidUpTo,
  duesReviewWarning, monthsBetween, unpaidMonths, type DuesCategory,
} from './dues.js';

const FARMER = 50;
const fen = (yuan: string) => Math.round(Number(yuan.replace(/,/g, '')) * 100);
const dues = (category: DuesCategory, baseYuan?: string) =>
  computeMonthlyDues({ category, baseFen: baseYuan === undefined ? undefined : fen(baseYuan), farmerFen: FARMER });

describe('computeMonthlyDues: 在职党员 (中组发〔2008〕3号)', () => {
  it.each([
    ['2,800', 1400, '0.5%'],
    ['3,000', 1500, '0.5%'],
    ['3,000.01', 3000, '1%'],
    ['4,200', 4200, '1%'],
    ['5,000', 5000, '1%'],
    ['5,000.01', 7500, '1.5%'],
    ['8,000', 12000, '1.5%'],
    ['10,000', 15000, '1.5%'],
    ['10,000.01', 20000, '2%'],
    ['12,000', 24000, '2%'],
  ])('党费规定(中组发〔2008〕3号): %s 元 pays %i 分 (%s of the whole base)', (base, amountFen, rateText) => {
    expect(dues('salaried', base)).toMatchObject({ amountFen, rateText });
  });

  it('党费规定(中组发〔2008〕3号): 3,000.01 元 pays 1% of the whole base — the cliff at 3,000 is the rule, not progressive', () => {
    expect(dues('salaried', '3,000').amountFen).toBe(1500);
    expect(dues('salaried', '3,000.01').amountFen).toBe(3000);
    expect(dues('salaried', '3,001').amountFen).toBe(3001);
  });

  it('党费规定(中组发〔2008〕3号): 年薪制 and 个体经营 use the same brackets on their own bases', () => {
    expect(dues('annual_salary', '12,000')).toMatchObject({ amountFen: 24000, rateText: '2%' });
    expect(dues('self_employed', '4,200')).toMatchObject({ amountFen: 4200, rateText: '1%' });
    expect(dues('annual_salary', '12,000').rule).toContain('当月实际领取的薪酬');
    expect(dues('self_employed', '4,200').rule).toContain('上一季度月平均纯收入');
  });

  it('rounds half-up to the 分 (no source sets a rounding rule; flagged for confirmation)', () => {
    expect(dues('salaried', '2,001').amountFen).toBe(1001); // 10.005 元 → 10.01
    expect(dues('salaried', '2,000.99').amountFen).toBe(1000); // 10.00495 元 → 10.00
    expect(dues('salaried', '2,345.67').amountFen).toBe(1173); // 11.72835 元 → 11.73
    expect(dues('salaried', '0').amountFen).toBe(0);
  });

  it('names the bracket and the regulation in the rule text', () => {
    expect(dues('salaried', '4,200').rule).toBe('中组发〔2008〕3号: 在职党员按每月工资收入(税后)3000.00元以上至5000.00元(含)的,交纳1%');
    expect(dues('salaried', '2,800').rule).toContain('3000.00元以下(含)');
    expect(dues('salaried', '12,000').rule).toContain('10000.00元以上');
    for (const c of ['salaried', 'retired', 'farmer', 'student'] as const) expect(dues(c, '1,000').rule, c).toMatch(/^中组发〔2008〕3号: /);
  });
});

describe('computeMonthlyDues: other members (中组发〔2008〕3号)', () => {
  it('党费规定(中组发〔2008〕3号): 离退休 ≤5,000 元 pays 0.5%, above pays 1% of the whole pension', () => {
    expect(dues('retired', '4,500')).toMatchObject({ amountFen: 2250, rateText: '0.5%' });
    expect(dues('retired', '5,000')).toMatchObject({ amountFen: 2500, rateText: '0.5%' });
    expect(dues('retired', '5,000.01')).toMatchObject({ amountFen: 5000, rateText: '1%' });
    expect(dues('retired', '5,200')).toMatchObject({ amountFen: 5200, rateText: '1%' });
    expect(dues('retired', '12,000')).toMatchObject({ amountFen: 12000, rateText: '1%' });
  });

  it('党费规定(中组发〔2008〕3号): 学生、下岗失业、依靠抚恤救济、领取低保的党员 pay 0.20 元', () => {
    for (const c of ['student', 'unemployed', 'relief', 'low_income'] as const) {
      expect(dues(c)).toMatchObject({ amountFen: 20, rateText: '每月0.20元' });
      expect(dues(c, '9,000').amountFen).toBe(20); // a base, if given, does not matter
    }
    expect(dues('low_income').rule).toContain('最低生活保障');
  });

  it('党费规定(中组发〔2008〕3号): 农民党员 pay the amount the town set within 0.2–1 元', () => {
    expect(computeMonthlyDues({ category: 'farmer', farmerFen: 50 })).toMatchObject({ amountFen: 50, rateText: '每月0.50元' });
    expect(computeMonthlyDues({ category: 'farmer', farmerFen: 20 }).amountFen).toBe(20);
    expect(computeMonthlyDues({ category: 'farmer', farmerFen: 100 }).amountFen).toBe(100);
    for (const bad of [19, 101, 30.5]) expect(() => computeMonthlyDues({ category: 'farmer', farmerFen: bad })).toThrow(/0.20元至1.00元/);
  });

  it('党费规定(中组发〔2008〕3号): an approved 少交/免交 overrides the computed amount', () => {
    expect(computeMonthlyDues({ category: 'salaried', baseFen: 1_200_000, farmerFen: FARMER, reduction: { kind: 'exempt' } })).toMatchObject({ amountFen: 0, rateText: '免交' });
    expect(computeMonthlyDues({ category: 'retired', farmerFen: FARMER, reduction: { kind: 'reduced', amountFen: 100 } })).toMatchObject({ amountFen: 100, rateText: '减交' });
    expect(computeMonthlyDues({ category: 'farmer', farmerFen: FARMER, reduction: { kind: 'exempt' } }).amountFen).toBe(0);
    expect(() => computeMonthlyDues({ category: 'salaried', farmerFen: FARMER, reduction: { kind: 'reduced', amountFen: -1 } })).toThrow(/减交/);
  });

  it('throws a clear error when a required base is missing or not a non-negative whole number of 分', () => {
    for (const c of ['salaried', 'annual_salary', 'self_employed', 'retired'] as const) {
      expect(() => computeMonthlyDues({ category: c, farmerFen: FARMER })).toThrow(/计算党费需要/);
    }
    for (const bad of [-1, 100.5, Number.NaN, Infinity]) {
      expect(() => computeMonthlyDues({ category: 'salaried', baseFen: bad, farmerFen: FARMER })).toThrow(/不小于0的整数/);
    }
  });
});

describe('months', () => {
  it('lists months inclusively across years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
    expect(() => monthsBetween('2026-13', '2027-01')).toThrow(/月份格式不正确/);
  });

  it('finds unpaid months in order, once each', () => {
    expect(unpaidMonths(['2026-03', '2026-01', '2026-02', '2026-01'], ['2026-02', '2025-12'])).toEqual(['2026-01', '2026-03']);
    expect(unpaidMonths([], ['2026-01'])).toEqual([]);
  });

  it('counts the run of unpaid due months ending at the given month', () => {
    const due = monthsBetween('2025-06', '2026-06');
    expect(consecutiveUnpaidUpTo(due, monthsBetween('2025-06', '2025-12'), '2026-06')).toBe(6);
    expect(consecutiveUnpaidUpTo(due, [...monthsBetween('2025-06', '2025-12'), '2026-04'], '2026-06')).toBe(2);
    expect(consecutiveUnpaidUpTo(due, ['2026-06'], '2026-06')).toBe(0);
    expect(consecutiveUnpaidUpTo(due, [], '2026-06')).toBe(13); // stops before the first due month
    // A month with nothing due (approved 免交) interrupts the run.
    expect(consecutiveUnpaidUpTo(due.filter((m) => m !== '2026-03'), [], '2026-06')).toBe(3);
    expect(consecutiveUnpaidUpTo(due, [], '2025-12')).toBe(7); // later months do not count
  });
});

describe('six months without dues', () => {
  it('党章 第九条: 连续六个月不交纳党费 → 自行脱党 review; the software warns and never acts', () => {
    expect(DUES_REVIEW_THRESHOLD_MONTHS).toBe(6);
    expect(duesReviewWarning(5)).toBeNull();
    const w = duesReviewWarning(6);
    expect(w).toMatchObject({ code: 'DUES_UNPAID_6_MONTHS', rule: expect.stringContaining('党章') });
    expect(w?.message).toContain('已连续6个月未交纳党费');
    expect(w?.message).toContain('系统不会自动处理');
    expect(Object.keys(w ?? {}).sort()).toEqual(['code', 'message', 'rule']); // a warning, with no action attached
    const due = monthsBetween('2026-01', '2026-06');
    expect(duesReviewWarning(consecutiveUnpaidUpTo(due, [], '2026-06'))?.code).toBe('DUES_UNPAID_6_MONTHS');
    expect(duesReviewWarning(consecutiveUnpaidUpTo(due, ['2026-01'], '2026-06'))).toBeNull();
  });
});
