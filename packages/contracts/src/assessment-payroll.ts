import type { PayLineKind, PayResult } from './assessment-pay.js';

/**
 * 报酬发放表 (issue 16 point 5): the month's payroll of a paying unit (a village, or the town) as the town's 财政所 takes
 * it, and the 年度汇总 per person. Built from computePay results (assessment-pay.ts); every amount integer 分.
 */

/** The amount columns of the payroll, in print order. 应发合计 follows them; 领款人签字 is left blank for the pen. */
export const PAYROLL_COLUMNS = ['base', 'monthly', 'reward', 'deduction', 'floor'] as const;
export type PayrollColumn = (typeof PAYROLL_COLUMNS)[number];
export const PAYROLL_COLUMN_LABELS: Record<PayrollColumn, string> = {
  base: '基本报酬', monthly: '月度绩效', reward: '奖励绩效', deduction: '扣减', floor: '保底补足',
};

/**
 * Which breakdown line goes to which column (the one mapping; every PayLineKind has a column):
 * - 基本报酬 and 一肩挑加发 → 基本报酬: both are paid for time in post (prorated), and 一肩挑 is a supplement to the base.
 * - 月度绩效 → 月度绩效.
 * - each 奖励绩效 item and the 奖励绩效封顶 (a negative line) → 奖励绩效: the column shows what is actually paid as reward.
 * - 扣减 → 扣减, printed as a positive amount that is subtracted (the way a 财政所 sheet shows it).
 * - 保底补足 → its own column, not folded into 基本报酬 or 扣减: the top-up forgives part of the deductions, and the
 *   payroll is where the committee approving it must see that (pay.ts puts it on its own line for the same reason).
 *   The column is always printed (0.00 in most months) so the layout is the same every month.
 */
export const PAY_LINE_COLUMN: Record<PayLineKind, PayrollColumn> = {
  base: 'base', combined: 'base', monthly: 'monthly', reward: 'reward', reward_cap: 'reward', deduction: 'deduction', floor: 'floor',
};
/** How a column adds into 应发合计: 扣减 is printed positive and subtracted; the rest add. */
export const PAYROLL_COLUMN_SIGN: Record<PayrollColumn, 1 | -1> = { base: 1, monthly: 1, reward: 1, deduction: -1, floor: 1 };
export const PAYROLL_TOTAL_LABEL = '应发合计';
export const PAYROLL_SIGN_LABEL = '领款人签字';
/** The payroll's header: 序号, 姓名, 职务, the amount columns, 应发合计, 领款人签字 (xlsx, PDF and any screen alike). */
export const PAYROLL_HEADER = ['序号', '姓名', '职务', ...PAYROLL_COLUMNS.map((c) => PAYROLL_COLUMN_LABELS[c]), PAYROLL_TOTAL_LABEL, PAYROLL_SIGN_LABEL];
/** The 年度汇总's header: 计发月数 (months paid) instead of the signature column. */
export const PAYROLL_YEAR_HEADER = ['序号', '姓名', '职务', '计发月数', ...PAYROLL_COLUMNS.map((c) => PAYROLL_COLUMN_LABELS[c]), PAYROLL_TOTAL_LABEL];
/** The formula printed under the table, so a reader can redo the sum. */
export const PAYROLL_FORMULA = '应发合计 = 基本报酬 + 月度绩效 + 奖励绩效 − 扣减 + 保底补足';
/** The signature block of the payroll for signing (each with a date). */
export const PAYROLL_SIGNATURES = ['制表人', '审核人', '镇党委审批'] as const;

/** The paying unit: a village (its cadres) or the town (its staff, or every village's cadres with their village named). */
export type PayrollUnitKind = 'village' | 'town';
export const PAYROLL_TITLE_NOUN: Record<PayrollUnitKind, string> = { village: '村干部报酬发放表', town: '报酬发放表' };
export const PAYROLL_YEAR_TITLE_NOUN = '报酬年度汇总表';
export interface PayrollUnit { kind: PayrollUnitKind; name: string }

/** One person's month on the payroll. `unit` (their village) is printed before the post on a town payroll. */
export interface PayrollRow { personId: number; name: string; postLabel: string; unit?: string; pay: PayResult }
export interface PayrollMonth { month: string; unit: PayrollUnit; rows: readonly PayrollRow[]; preparedBy?: string }
export interface PayrollYear { year: number; unit: PayrollUnit; months: ReadonlyArray<{ month: string; rows: readonly PayrollRow[] }> }

/** 分 → '1234.56' (negative '-0.05'), by integer arithmetic: the number a payroll cell holds, with no float in between. */
export function yuanDecimal(fen: number): string {
  // Past 2^53 an integer is no longer exact, so its digits would not be the amount.
  if (!Number.isSafeInteger(fen)) throw new Error(`金额应为整数分: ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 分 → '1,234.56' (thousands grouped, no unit): a printed payroll cell, whose header says 元. */
export const yuanGrouped = (fen: number): string => yuanDecimal(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** A group of four digits (1–9999) in words, zeros inside read once (壹仟零伍); leading zeros are the caller's. */
function groupInWords(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) { zero = out !== ''; continue; }
    out += `${zero ? '零' : ''}${DIGITS[d]}${PLACES[place]}`;
    zero = false;
  }
  return out;
}

/** Whole 元 in words: 壹拾万零柒佰元 (a zero between groups, or before a group under 1,000, is read 零 once). */
function wholeInWords(yuan: number): string {
  let out = '';
  let pendingZero = false;
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const group = Math.floor(yuan / 10_000 ** g) % 10_000;
    if (group === 0) { pendingZero = out !== ''; continue; }
    out += `${out !== '' && (pendingZero || group < 1000) ? '零' : ''}${groupInWords(group)}${GROUPS[g]}`;
    pendingZero = false;
  }
  return out;
}

/**
 * 分 → 大写金额 as a 财政所 sheet and a bank write it (《支付结算办法》 附件 rules): 壹拾万柒仟叁佰肆拾玖元伍角玖分,
 * 贰仟元整 when there are no 角 and 分, 壹拾元零伍分 when the 角 is zero, 伍角 / 壹分 under one 元, 零元整 for 0,
 * 负 before a negative amount. Integer arithmetic throughout.
 */
export function yuanInWords(fen: number): string {
  yuanDecimal(fen); // refuses what is not an exact integer 分
  if (fen === 0) return '零元整';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const cents = abs % 10;
  const whole = yuan > 0 ? `${wholeInWords(yuan)}元` : '';
  let small = '';
  if (jiao > 0) small += `${DIGITS[jiao]}角`;
  else if (cents > 0 && yuan > 0) small += '零';
  if (cents > 0) small += `${DIGITS[cents]}分`;
  return `${fen < 0 ? '负' : ''}${whole}${small || '整'}`;
}
