/**
 * Monthly 党费 per 中组部《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号).
 * All money is integer 分 so no floating-point amount is ever stored or compared.
 */
import { monthFromIndex, monthIndex } from '@dj/contracts';

export type DuesCategory = 'salaried' | 'annual_salary' | 'self_employed' | 'retired' | 'farmer' | 'student' | 'unemployed' | 'relief' | 'low_income';

export type DuesReduction = { kind: 'exempt' } | { kind: 'reduced'; amountFen: number };

export interface DuesInput {
  category: DuesCategory;
  /** After-tax monthly base in 分; for self_employed the previous quarter's average monthly net income. */
  baseFen?: number;
  /** The town's setting for 农民党员, 20–100 分 (the province decides 0.2–1 元). */
  farmerFen: number;
  /** 少交/免交 approved by the 上一级党委. */
  reduction?: DuesReduction;
}

export interface DuesResult { amountFen: number; rateText: string; rule: string }

const SOURCE = '中组发〔2008〕3号';
const MINIMUM_FEN = 20;

/** Brackets in 分 (upper bound inclusive) and rates in tenths of a percent, so 3,000.01 元 lands in the 1% bracket. */
const SALARIED: { upToFen: number; permille10: number }[] = [
  { upToFen: 300_000, permille10: 5 },
  { upToFen: 500_000, permille10: 10 },
  { upToFen: 1_000_000, permille10: 15 },
  { upToFen: Infinity, permille10: 20 },
];
const RETIRED: typeof SALARIED = [
  { upToFen: 500_000, permille10: 5 },
  { upToFen: Infinity, permille10: 10 },
];

const BASE_TEXT: Partial<Record<DuesCategory, string>> = {
  salaried: '在职党员按每月工资收入(税后)',
  annual_salary: '实行年薪制的党员按当月实际领取的薪酬',
  self_employed: '无固定工资收入的党员按上一季度月平均纯收入',
  retired: '离退休党员按每月离退休费总额',
};
const FLAT_TEXT: Partial<Record<DuesCategory, string>> = {
  student: '学生党员',
  unemployed: '下岗失业的党员',
  relief: '依靠抚恤或救济生活的党员',
  low_income: '领取当地最低生活保障金的党员',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);
const isWholeFen = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The rate applies to the WHOLE base (not progressively); rounding half-up to the 分 (no source sets a rule). */
function bracketDues(baseFen: number, brackets: typeof SALARIED, category: DuesCategory): DuesResult {
  const i = brackets.findIndex((b) => baseFen <= b.upToFen);
  const { permille10 } = brackets[i];
  const amountFen = Math.floor((baseFen * permille10 + 500) / 1000);
  const rateText = `${permille10 / 10}%`;
  const lower = i === 0 ? null : brackets[i - 1].upToFen;
  const upper = brackets[i].upToFen;
  const range = lower === null ? `${yuan(upper)}元以下(含)` : upper === Infinity ? `${yuan(lower)}元以上` : `${yuan(lower)}元以上至${yuan(upper)}元(含)`;
  return { amountFen, rateText, rule: `${SOURCE}: ${BASE_TEXT[category]}${range}的,交纳${rateText}` };
}

export function computeMonthlyDues(input: DuesInput): DuesResult {
  const { category, baseFen, farmerFen, reduction } = input;
  // An approved reduction replaces the computed amount, so no base is needed.
  if (reduction?.kind === 'exempt') return { amountFen: 0, rateText: '免交', rule: `${SOURCE}: 经上一级党委批准免交党费` };
  if (reduction?.kind === 'reduced') {
    if (!isWholeFen(reduction.amountFen)) throw new Error('减交后的党费金额应为不小于0的整数(单位:分)');
    return { amountFen: reduction.amountFen, rateText: '减交', rule: `${SOURCE}: 经上一级党委批准少交党费` };
  }
  switch (category) {
    case 'farmer':
      if (!Number.isInteger(farmerFen) || farmerFen < 20 || farmerFen > 100) throw new Error('农民党员党费标准应为每月0.20元至1.00元(20至100分)');
      return { amountFen: farmerFen, rateText: `每月${yuan(farmerFen)}元`, rule: `${SOURCE}: 农民党员每月交纳党费0.2元至1元,具体标准由省级党委组织部门确定` };
    case 'student':
    case 'unemployed':
    case 'relief':
    case 'low_income':
      return { amountFen: MINIMUM_FEN, rateText: '每月0.20元', rule: `${SOURCE}: ${FLAT_TEXT[category]}每月交纳党费0.2元` };
    case 'salaried':
    case 'annual_salary':
    case 'self_employed':
    case 'retired': {
      if (baseFen === undefined || baseFen === null) throw new Error(`计算党费需要${BASE_TEXT[category]}的金额`);
      if (!isWholeFen(baseFen)) throw new Error('党费计算基数应为不小于0的整数(单位:分)');
      return bracketDues(baseFen, category === 'retired' ? RETIRED : SALARIED, category);
    }
  }
}

/** Every month from `fromMonth` to `toMonth` inclusive ('YYYY-MM'); empty when `fromMonth` is later. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(fromMonth); i <= monthIndex(toMonth); i++) out.push(monthFromIndex(i));
  return out;
}

/** Due months with no payment, in calendar order, each once. */
export function unpaidMonths(dueMonths: string[], paidMonths: string[]): string[] {
  const paid = new Set(paidMonths);
  return [...new Set(dueMonths)].filter((m) => !paid.has(m)).sort();
}

/**
 * Length of the run of unpaid due months ending at `asOfMonth`. A paid month, or a month in which nothing
 * was due (before joining, an approved 免交 month), ends the run: only owed-and-unpaid months count.
 */
export function consecutiveUnpaidUpTo(dueMonths: string[], paidMonths: string[], asOfMonth: string): number {
  const due = new Set(dueMonths);
  const paid = new Set(paidMonths);
  let run = 0;
  for (let i = monthIndex(asOfMonth); ; i--) {
    const m = monthFromIndex(i);
    if (!due.has(m) || paid.has(m)) return run;
    run++;
  }
}

/** 党章: six consecutive months without paying dues, without valid reason, is regarded as 自行脱党. */
export const DUES_REVIEW_THRESHOLD_MONTHS = 6;

/**
 * A warning for the branch to look into, never an action: whether the reason was valid and whether to remove
 * the member is for the 支部大会 and the higher committee to decide.
 */
export function duesReviewWarning(consecutiveUnpaid: number): { code: 'DUES_UNPAID_6_MONTHS'; message: string; rule: string } | null {
  if (consecutiveUnpaid < DUES_REVIEW_THRESHOLD_MONTHS) return null;
  return {
    code: 'DUES_UNPAID_6_MONTHS',
    message: `已连续${consecutiveUnpaid}个月未交纳党费,请党支部了解原因;无正当理由的,由支部大会讨论处理(系统不会自动处理)`,
    rule: '党章: 党员无正当理由,连续六个月不交纳党费,就被认为是自行脱党',
  };
}
