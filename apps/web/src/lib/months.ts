import { monthFromIndex, monthIndex } from '@dj/contracts';

/** Months are 'YYYY-MM' text, like the API's (this month, todayInShanghai and the 补交 limit are in @dj/contracts). */
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
