import { todayInShanghai } from './dates';

/** Months are 'YYYY-MM' text, like the API's; this month is the one in Beijing. */
export function currentMonth(now: Date = new Date()): string {
  return todayInShanghai(now).slice(0, 7);
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthFromIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  return monthFromIndex(monthIndex(month) + count);
}

/** '2026-03' → '2026年3月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** '2026-03' → '3月', for a grid that already names the year. */
export function shortMonthLabel(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** 补交党费一般不超过6个月 (中组发〔2008〕3号): this month and the six before it, as the server allows. */
export const BACK_PAYMENT_LIMIT_MONTHS = 6;

export function backPaymentAllowed(month: string, asOfMonth: string): boolean {
  const late = monthIndex(asOfMonth) - monthIndex(month);
  return late >= 0 && late <= BACK_PAYMENT_LIMIT_MONTHS;
}
