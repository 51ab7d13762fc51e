import { describe, expect, it } from 'vitest';
import {
  PAY_GRADES, PAY_LINE_KINDS, PAY_POSTS, REWARD_KINDS, formatYuan,
  type PayGrade, type PayInput, type PayPost, type PayTable, type RewardItem,
} from '@dj/contracts';
import { mulberry32 } from '../../../lib/prng.js';
import { settingDefinition } from '../../settings/registry.js';
import { roundHalfUp } from './pay-explain.js';
import { ROUND_PAY_TABLE } from './pay-fixtures.js';
import { PAY_SETTING_KEYS, computePay, daysInPostOf, gradeOfScore, payTableFromSettings, type PaySettingKey } from './pay.js';

const TABLE: PayTable = ROUND_PAY_TABLE;
const table = (patch: Partial<PayTable> = {}): PayTable => ({ ...TABLE, ...patch });
const pay = (patch: Partial<PayInput> = {}, t: PayTable = TABLE) =>
  computePay({ post: 'secretary', month: '2026-06', grade: 'good', ...patch }, t);
const line = (r: ReturnType<typeof pay>, kind: string) => r.lines.find((l) => l.kind === kind);
const amounts = (r: ReturnType<typeof pay>) => Object.fromEntries(r.lines.map((l) => [l.kind, l.amountFen]));

describe('formatYuan: 分 → "1,234.56 元"', () => {
  it.each([[0, '0.00 元'], [5, '0.05 元'], [123_456, '1,234.56 元'], [-5, '-0.05 元'], [100_000_000, '1,000,000.00 元']])('%i 分 reads %s', (f, text) => {
    expect(formatYuan(f)).toBe(text);
  });
  it('refuses a fraction of a 分', () => { expect(() => formatYuan(1.5)).toThrow(); });
});

describe('rounding rule: exact fraction, half up to the 分 once per line', () => {
  it('half up: 0.5 分 → 1, 0.4999 → 0, 2.5 → 3', () => {
    expect([roundHalfUp(1n, 2n), roundHalfUp(4999n, 10_000n), roundHalfUp(5n, 2n)]).toEqual([1, 0, 3]);
  });
  it('ratio rounding: 85 % of 1 分 is 1 分, 50 % is 1 分 (half up), 49 % is 0', () => {
    const one = { secretaryBaseFen: 1, secretaryMonthlyFen: 0 };
    expect(line(pay({ post: 'deputy_secretary' }, table(one)), 'base')?.amountFen).toBe(1);
    expect(line(pay({ post: 'deputy_secretary' }, table({ ...one, ratioPct: { ...TABLE.ratioPct, deputy: 50 } })), 'base')?.amountFen).toBe(1);
    expect(line(pay({ post: 'deputy_secretary' }, table({ ...one, ratioPct: { ...TABLE.ratioPct, deputy: 49 } })), 'base')?.amountFen).toBe(0);
  });
  it('once per line: a deputy\'s standard is not rounded before proration (1,000.03 元 × 85 % × 17/31 = 466.143… → 466.14)', () => {
    // Rounding the deputy's standard first (850.03) would give 466.15.
    const r = pay({ post: 'deputy_secretary', month: '2026-01', daysInPost: 17 }, table({ secretaryBaseFen: 100_003 }));
    expect(line(r, 'base')).toMatchObject({ amountFen: 46_614, why: '书记基本报酬标准 1,000.03 元 × 党支部副书记比例 85% × 在岗 17/31 天 = 466.14 元' });
  });
});

describe('proration: days paid over the days of the month', () => {
  it('the issue\'s example: 月度绩效标准 1200.00 元 × 良好 100% × 在岗 20/30 天 = 800.00 元', () => {
    expect(line(pay({ daysInPost: 20 }), 'monthly')?.why).toBe('书记月度绩效标准 1,200.00 元 × 良好 100% × 在岗 20/30 天 = 800.00 元');
  });
  it('a whole month is paid in full (days in post omitted = the whole month)', () => {
    expect(pay()).toMatchObject({ totalFen: 320_000 });
    expect(amounts(pay({ daysInPost: 30 }))).toEqual(amounts(pay()));
  });
  it('appointed on the 1st: the whole month; appointed on the last day: 1 day of 31', () => {
    expect(daysInPostOf('2026-01', '2026-01-01', null)).toBe(31);
    expect(daysInPostOf('2026-01', '2026-01-31', null)).toBe(1);
    expect(line(pay({ month: '2026-01', daysInPost: 1 }), 'base')?.amountFen).toBe(6452); // 2,000 × 1/31 = 64.516…
  });
  it('left on the 1st: 1 day; left on the last day: the whole month; held from an earlier month: counted from the 1st', () => {
    expect(daysInPostOf('2026-03', '2025-05-10', '2026-03-01')).toBe(1);
    expect(daysInPostOf('2026-03', '2025-05-10', '2026-03-31')).toBe(31);
    expect(daysInPostOf('2026-03', '2026-03-10', '2026-03-19')).toBe(10);
    expect(daysInPostOf('2026-03', '2026-04-01', null)).toBe(0);
    expect(daysInPostOf('2026-03', '2025-01-01', '2026-02-28')).toBe(0);
    expect(() => daysInPostOf('2026-3', '2026-03-01', null)).toThrow('格式不正确');
  });
  it('February of a leap year has 29 days (2028-02), of a common year 28 (2027-02)', () => {
    expect(daysInPostOf('2028-02', '2028-02-01', null)).toBe(29);
    expect(line(pay({ month: '2028-02', daysInPost: 14 }), 'base')).toMatchObject({ amountFen: 96_552, why: expect.stringContaining('在岗 14/29 天') });
    expect(line(pay({ month: '2027-02', daysInPost: 14 }), 'base')?.amountFen).toBe(100_000);
  });
  it('unpaid leave is taken off the days in post, and the why says so', () => {
    const r = pay({ daysInPost: 25, unpaidLeaveDays: 5 });
    expect(line(r, 'monthly')?.why).toBe('书记月度绩效标准 1,200.00 元 × 良好 100% × 计发 20/30 天(在岗 25 天,无薪假 5 天) = 800.00 元');
  });
  it('a whole month of unpaid leave pays 0 (base, 月度绩效 and the floor all follow the days)', () => {
    const r = pay({ unpaidLeaveDays: 30 });
    expect(r.totalFen).toBe(0);
    expect(r.lines.map((l) => l.amountFen)).toEqual([0, 0]);
  });
  it('refuses more days in post than the month has, and more leave than days in post', () => {
    expect(() => pay({ month: '2027-02', daysInPost: 29 })).toThrow('不能超过当月天数(28天)');
    expect(() => pay({ daysInPost: 10, unpaidLeaveDays: 11 })).toThrow('无薪假天数不能超过在岗天数');
  });
});

describe('月度绩效: grade percents and score bands', () => {
  it.each([['excellent', 144_000], ['good', 120_000], ['pass', 96_000], ['fail', 0]] as [PayGrade, number][])('grade %s pays its percent of the standard: %i 分', (grade, fen) => {
    expect(line(pay({ grade }), 'monthly')?.amountFen).toBe(fen);
  });
  it.each([[100, 'excellent'], [90, 'excellent'], [89.9, 'good'], [80, 'good'], [79.9, 'pass'], [60, 'pass'], [59.9, 'fail'], [0, 'fail']] as [number, PayGrade][])(
    'band edge: score %s is %s (the lowest score of a band belongs to it)', (score, grade) => {
      expect(gradeOfScore(Math.round(score * 10), TABLE)).toBe(grade);
      expect(line(pay({ grade: undefined, score }), 'monthly')?.amountFen).toBe(120_000 * TABLE.gradePct[grade] / 100);
    },
  );
  it('band edge: the why names the band (89.9 → 良好; 59.9 → 不合格)', () => {
    expect(line(pay({ grade: undefined, score: 89.9 }), 'monthly')?.why).toContain('良好 100%(得分 89.9,80 分及以上为良好)');
    expect(line(pay({ grade: undefined, score: 59.9 }), 'monthly')?.why).toContain('不合格 0%(得分 59.9,不足 60 分为不合格)');
  });
  it('grade mode: an approved grade wins over a score', () => {
    expect(line(pay({ grade: 'pass', score: 95 }), 'monthly')?.amountFen).toBe(96_000);
  });
  it('score mode: 月度绩效 = standard × score/100 (87.5 → 1,050.00 元), and a score is required', () => {
    const scoreMode = table({ monthlyMode: 'score' });
    expect(line(pay({ score: 87.5 }, scoreMode), 'monthly')).toMatchObject({ amountFen: 105_000, why: '书记月度绩效标准 1,200.00 元 × 得分 87.5/100 × 在岗 30/30 天 = 1,050.00 元' });
    expect(() => pay({ grade: 'good' }, scoreMode)).toThrow('请填写得分');
  });
  it('refuses a month with neither grade nor score, a score with two decimals, and bands out of order', () => {
    expect(() => pay({ grade: undefined })).toThrow('请填写考核等次或得分');
    expect(() => pay({ grade: undefined, score: 89.95 })).toThrow('一位小数');
    expect(() => pay({}, table({ gradeMinScore: { excellent: 80, good: 80, pass: 60 } }))).toThrow('优秀 > 良好 > 合格');
  });
});

describe('posts: ratios to the secretary, 一肩挑, 聘用制 table, 镇机关', () => {
  it.each([
    ['secretary', 320_000], ['director', 288_000], ['deputy_secretary', 272_000], ['branch_member', 224_000],
    ['committee_member', 224_000], ['family_planning', 192_000], ['bookkeeper', 192_000], ['women_director', 192_000],
  ] as [PayPost, number][])('post ratio setting: %s is paid %i 分 for a 良好 month', (post, fen) => {
    expect(pay({ post }).totalFen).toBe(fen);
  });
  it('副职比例 (deputyRatioPct): 85 % of both the base and the 月度绩效 standard, named in the why', () => {
    expect(line(pay({ post: 'deputy_secretary' }), 'monthly')?.why).toBe('书记月度绩效标准 1,200.00 元 × 党支部副书记比例 85% × 良好 100% × 在岗 30/30 天 = 1,020.00 元');
  });
  it('一肩挑 is paid once as the secretary, plus combinedExtraPct of the base as its own line', () => {
    expect(pay({ combined: true }).totalFen).toBe(320_000);
    const r = pay({ combined: true, daysInPost: 15 }, table({ combinedExtraPct: 10 }));
    expect(line(r, 'combined')).toMatchObject({ amountFen: 10_000, why: '书记基本报酬标准 2,000.00 元 × 一肩挑加发 10% × 在岗 15/30 天 = 100.00 元' });
    expect(() => pay({ post: 'director', combined: true })).toThrow('一肩挑只用于村党组织书记');
  });
  it('聘用制 secretaries are paid on their own table; other 聘用制 posts at their ratio of it', () => {
    expect(pay({ employed: true })).toMatchObject({ totalFen: 450_000 });
    expect(line(pay({ employed: true }), 'base')?.why).toBe('聘用制书记基本报酬标准 3,000.00 元 × 在岗 30/30 天 = 3,000.00 元');
    expect(pay({ post: 'family_planning', employed: true }).totalFen).toBe(270_000);
    expect(() => pay({ post: 'committee_member', employed: true })).toThrow('聘用制只用于书记、主任和计生专职');
  });
  it('镇机关工作人员 ("3+1") are paid from their own standards, no ratio', () => {
    const r = pay({ post: 'town_staff', grade: 'excellent' });
    expect(amounts(r)).toEqual({ base: 0, monthly: 96_000 });
    expect(line(r, 'monthly')?.why).toBe('镇机关工作人员月度绩效标准 800.00 元 × 优秀 120% × 在岗 30/30 天 = 960.00 元');
  });
});

describe('奖励绩效: rule kinds and the monthly cap', () => {
  const fixed = (amountFen: number): RewardItem => ({ kind: 'commendation', rule: 'fixed', amountFen });
  it('fixed amount, unit × count, rate of a base figure — each its own line with its why', () => {
    const r = pay({ rewards: [fixed(20_000), { kind: 'demonstration', rule: 'per_unit', unitFen: 15_000, count: 2, unit: '个' },
      { kind: 'investment', rule: 'percent', baseFen: 3_000_000, rateBp: 15, label: '引进项目' }] }, table({ rewardCapFen: 0 }));
    expect(r.lines.filter((l) => l.kind === 'reward')).toEqual([
      { kind: 'reward', label: '奖励绩效:上级表彰', amountFen: 20_000, why: '固定金额 200.00 元' },
      { kind: 'reward', label: '奖励绩效:示范点创建', amountFen: 30_000, why: '每个 150.00 元 × 2 个 = 300.00 元' },
      { kind: 'reward', label: '奖励绩效:引进项目', amountFen: 4500, why: '计奖基数 30,000.00 元 × 0.15% = 45.00 元' },
    ]);
  });
  it('a rate reward rounds half up once: 0.05 % of 1.00 元 = 0.05 分 → 0; of 10.00 元 = 0.5 分 → 1', () => {
    const rate = (baseFen: number) => line(pay({ rewards: [{ kind: 'collective_income', rule: 'percent', baseFen, rateBp: 5 }] }), 'reward')?.amountFen;
    expect([rate(100), rate(1000)]).toEqual([0, 1]);
  });
  it('a rate of a large base figure: 招商引资 5,000万元 × 0.1% = 50,000.00 元, then the cap line takes it down to the cap', () => {
    const r = pay({ rewards: [{ kind: 'investment', rule: 'percent', baseFen: 5_000_000_000, rateBp: 10 }] });
    expect(amounts(r)).toMatchObject({ reward: 5_000_000, reward_cap: -4_900_000 });
    expect(r.totalFen).toBe(420_000);
  });
  it('rewards are not prorated by days in post', () => {
    expect(line(pay({ daysInPost: 3, rewards: [fixed(50_000)] }), 'reward')?.amountFen).toBe(50_000);
  });
  it('cap exactly reached: no cap line', () => {
    const r = pay({ rewards: [fixed(60_000), fixed(40_000)] });
    expect(line(r, 'reward_cap')).toBeUndefined();
    expect(r.totalFen).toBe(420_000);
  });
  it('cap exceeded by 1 分: a cap line of -0.01 元 says by how much', () => {
    const r = pay({ rewards: [fixed(60_000), fixed(40_001)] });
    expect(line(r, 'reward_cap')).toEqual({ kind: 'reward_cap', label: '奖励绩效封顶', amountFen: -1, why: '奖励绩效合计 1,000.01 元,超过每月上限 1,000.00 元,减去 0.01 元' });
    expect(r.totalFen).toBe(420_000);
  });
  it('rewardCapFen 0 means no cap', () => {
    expect(pay({ rewards: [fixed(900_000)] }, table({ rewardCapFen: 0 })).totalFen).toBe(1_220_000);
  });
});

describe('deductions and the floor', () => {
  it('a deduction is a negative line with its reason', () => {
    const r = pay({ deductions: [{ reason: '会议无故缺席', amountFen: 5000 }] });
    expect(line(r, 'deduction')).toEqual({ kind: 'deduction', label: '扣减:会议无故缺席', amountFen: -5000, why: '会议无故缺席,扣减 50.00 元' });
    expect(r.totalFen).toBe(315_000);
  });
  it('floor exactly met: no floor line (deductions equal to the 月度绩效)', () => {
    const r = pay({ deductions: [{ reason: '整改逾期', amountFen: 120_000 }] });
    expect([r.totalFen, line(r, 'floor')]).toEqual([200_000, undefined]);
  });
  it('deductions larger than the rest: the floor applies (total = the prorated base), shown as a top-up line', () => {
    const r = pay({ daysInPost: 15, deductions: [{ reason: '整改逾期', amountFen: 500_000 }] });
    expect(r.totalFen).toBe(100_000);
    expect(line(r, 'floor')).toEqual({
      kind: 'floor', label: '保底补足', amountFen: 440_000,
      why: '合计 -3,400.00 元低于保底(书记基本报酬标准 2,000.00 元 × 在岗 15/30 天 × 保底 100% = 1,000.00 元),补足 4,400.00 元',
    });
  });
  it('floor 1 分 under: a top-up of exactly 1 分', () => {
    expect(line(pay({ deductions: [{ reason: '整改逾期', amountFen: 120_001 }] }), 'floor')?.amountFen).toBe(1);
  });
  it('floorPctOfBase 0: the total is never negative, nothing more', () => {
    const r = pay({ deductions: [{ reason: '整改逾期', amountFen: 500_000 }] }, table({ floorPctOfBase: 0 }));
    expect(r.totalFen).toBe(0);
    expect(line(r, 'floor')?.why).toBe('合计 -1,800.00 元为负,合计不低于 0.00 元,补足 1,800.00 元');
  });
});

describe('money is integer 分 on the way in too', () => {
  it('refuses a fraction of a 分, a negative amount and a zero deduction', () => {
    expect(() => pay({ rewards: [{ kind: 'other', rule: 'fixed', amountFen: 100.5 }] })).toThrow('以分为单位');
    expect(() => pay({ rewards: [{ kind: 'other', rule: 'per_unit', unitFen: -1, count: 1 }] })).toThrow('不能为负');
    expect(() => pay({ deductions: [{ reason: '迟到', amountFen: 0 }] })).toThrow('扣减金额应大于0');
    expect(() => pay({}, table({ secretaryBaseFen: 0.1 }))).toThrow('以分为单位');
  });
});

describe('property: total === sum of the lines, all integers, never negative, lines in order', () => {
  const rand = mulberry32(20_261_206);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const reward = (): RewardItem => {
    const kind = pick(REWARD_KINDS);
    const rule = int(0, 2);
    if (rule === 0) return { kind, rule: 'fixed', amountFen: int(0, 200_000) };
    if (rule === 1) return { kind, rule: 'per_unit', unitFen: int(0, 50_000), count: int(0, 20) };
    return { kind, rule: 'percent', baseFen: int(0, 10_000_000), rateBp: int(0, 500) };
  };
  const randomTable = (): PayTable => ({
    secretaryBaseFen: int(0, 500_000), secretaryMonthlyFen: int(0, 300_000), employedBaseFen: int(0, 500_000), employedMonthlyFen: int(0, 300_000),
    townStaffBaseFen: int(0, 300_000), townStaffMonthlyFen: int(0, 200_000),
    ratioPct: { director: int(0, 100), deputy: int(0, 100), member: int(0, 100), staff: int(0, 100) }, combinedExtraPct: int(0, 30),
    monthlyMode: pick(['grade', 'score'] as const), gradePct: { excellent: int(100, 150), good: int(80, 100), pass: int(0, 80), fail: int(0, 10) },
    gradeMinScore: { excellent: 90, good: 80, pass: 60 }, rewardCapFen: pick([0, int(0, 300_000)]), floorPctOfBase: pick([0, 100, int(0, 100)]),
  });
  const randomInput = (): PayInput => {
    const month = `${int(2024, 2030)}-${String(int(1, 12)).padStart(2, '0')}`;
    const daysInPost = int(0, 28);
    const post = pick(PAY_POSTS);
    return {
      post, month, daysInPost, unpaidLeaveDays: int(0, daysInPost), score: int(0, 1000) / 10, grade: pick([undefined, ...PAY_GRADES]),
      combined: post === 'secretary' && rand() < 0.5, employed: ['secretary', 'director', 'family_planning'].includes(post) && rand() < 0.3,
      rewards: Array.from({ length: int(0, 4) }, reward),
      deductions: Array.from({ length: int(0, 3) }, () => ({ reason: '扣减', amountFen: int(1, 400_000) })),
    };
  };
  it('holds for 500 generated months (seed 20261206)', () => {
    for (let n = 0; n < 500; n++) {
      const r = computePay(randomInput(), randomTable());
      expect(r.totalFen).toBe(r.lines.reduce((s, l) => s + l.amountFen, 0));
      for (const l of r.lines) expect(Number.isSafeInteger(l.amountFen)).toBe(true);
      expect(r.totalFen).toBeGreaterThanOrEqual(0);
      const order = r.lines.map((l) => PAY_LINE_KINDS.indexOf(l.kind));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const l of r.lines) expect(l.why).toMatch(/元$/);
    }
  });
});

describe('settings: the pay table is local rules (本地示例,按本镇方案修改)', () => {
  const defaults = Object.fromEntries(PAY_SETTING_KEYS.map((k) => [k, settingDefinition(k)?.defaultValue])) as Record<PaySettingKey, number>;
  it('every key the function reads is in the registry, marked as a local example', () => {
    for (const key of PAY_SETTING_KEYS) expect(settingDefinition(key)?.source, key).toMatch(/^本地示例,按本镇方案修改/);
  });
  it('the defaults make a valid table: 85 % deputies, 120/100/80/0 %, bands 90/80/60, cap 1,000.00 元, floor 100 %', () => {
    expect(payTableFromSettings(defaults)).toMatchObject({
      ratioPct: { deputy: 85 }, monthlyMode: 'grade', gradePct: { excellent: 120, good: 100, pass: 80, fail: 0 },
      gradeMinScore: { excellent: 90, good: 80, pass: 60 }, rewardCapFen: 100_000, floorPctOfBase: 100,
    });
    expect(payTableFromSettings({ ...defaults, 'assessment.monthlyScoreMode': 1 }).monthlyMode).toBe('score');
  });
});
