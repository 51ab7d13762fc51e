/**
 * The arithmetic and the wording of one pay line ("why this amount").
 *
 * THE ROUNDING RULE (the only one): a computed line is the exact fraction
 *   standard (分) × n1/d1 × n2/d2 × …      (ratio %, grade % or score/100, rate in 万分之, days paid / days of month)
 * of non-negative integers, evaluated in BigInt and rounded half up to the 分 once, at the end: ⌊(2N + D) / (2D)⌋.
 * Nothing is rounded in between (a deputy's standard is never rounded before proration). Amounts entered in 分
 * (fixed rewards, deductions) need no rounding; cap and floor lines are differences of integers; the total is the
 * plain sum of the lines, so sum(lines) === total always holds.
 */
import { formatYuan } from '@dj/contracts';

/** One factor of a line: a fraction and how it reads in the breakdown. */
export interface Factor { num: number; den: number; text: string }

/** Half up to the 分 of num/den, for num ≥ 0 and den > 0. */
export function roundHalfUp(num: bigint, den: bigint): number {
  if (num < 0n || den <= 0n) throw new Error('roundHalfUp: 只用于非负数');
  return Number((2n * num + den) / (2n * den));
}

/** standardFen × every factor, rounded once; the why reads "标准 1,200.00 元 × 良好 100% × 在岗 20/30 天 = 800.00 元". */
export function exactLine(standardFen: number, standardText: string, factors: readonly Factor[]): { amountFen: number; why: string } {
  let num = BigInt(standardFen);
  let den = 1n;
  for (const f of factors) {
    num *= BigInt(f.num);
    den *= BigInt(f.den);
  }
  const amountFen = roundHalfUp(num, den);
  const chain = [`${standardText} ${formatYuan(standardFen)}`, ...factors.map((f) => f.text)].join(' × ');
  return { amountFen, why: `${chain} = ${formatYuan(amountFen)}` };
}

export const pctFactor = (pct: number, label: string): Factor => ({ num: pct, den: 100, text: `${label} ${pct}%` });

/** Days paid over the days of the month; unpaid leave shown when there is any. */
export function daysFactor(inPost: number, leave: number, monthDays: number): Factor {
  const paid = inPost - leave;
  const text = leave > 0 ? `计发 ${paid}/${monthDays} 天(在岗 ${inPost} 天,无薪假 ${leave} 天)` : `在岗 ${inPost}/${monthDays} 天`;
  return { num: paid, den: monthDays, text };
}

/** A score in whole tenths → '87.5' / '90'. */
export const scoreText = (tenths: number): string => (tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`);

/** A rate in 万分之 → '0.15%' / '2%' / '1.5%'. */
export function rateText(bp: number): string {
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${Math.floor(bp / 100)}${frac ? `.${frac}` : ''}%`;
}
