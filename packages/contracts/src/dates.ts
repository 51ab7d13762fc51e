/**
 * The project's date library, shared by the API and the web: calendar arithmetic on plain 'YYYY-MM-DD' /
 * 'YYYY-MM' strings. Party dates are calendar dates, not instants, so only todayInShanghai touches a time zone
 * (the one the platform keeps dates in, whatever the browser's own is); ISO strings of this shape also compare
 * correctly as text.
 */

import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isValidMonth(s: string): boolean {
  const m = MONTH.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function parts(s: string): [number, number, number] {
  if (!isValidDate(s)) throw new Error(`日期格式不正确: ${s}(应为 YYYY-MM-DD)`);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}

function monthParts(s: string): [number, number] {
  if (!isValidMonth(s)) throw new Error(`月份格式不正确: ${s}(应为 YYYY-MM)`);
  return [Number(s.slice(0, 4)), Number(s.slice(5, 7))];
}

/** Adds calendar months; a day that does not exist in the target month falls back to its last day (08-31 + 6 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return `${pad4(ty)}-${pad2(tm)}-${pad2(Math.min(d, daysInMonth(ty, tm)))}`;
}

export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar months from `from` to `to` (negative when `to` is earlier), by anniversary day with month-end clamping. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let n = (ty - fy) * 12 + (tm - fm);
  // Step back until the anniversary is not after `to` (or forward, for negative spans).
  while (n > 0 && addMonths(from, n) > to) n--;
  while (n < 0 && addMonths(from, n) < to) n++;
  return n;
}

/** 'YYYY-MM' as a month counter, so month spans are plain subtraction. */
export function monthIndex(month: string): number {
  const [y, m] = monthParts(month);
  return y * 12 + (m - 1);
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  return `${pad4(y)}-${pad2(index - y * 12 + 1)}`;
}

// Built once: a DateTimeFormat is costly to construct. Used only for instants before 1992: China kept summer time
// from 1986 to 1991, and since then Beijing time is UTC+8 all year.
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * Dates are kept and compared in Asia/Shanghai (ARCHITECTURE.md: time). Since 1992 that is UTC+8 with no summer time,
 * so the day is read from the shifted instant: formatToParts cost 5 % of the to-do list's CPU, called per row (issue 14).
 * dates.test holds both ways equal across days, midnights and years.
 */
export function todayInShanghai(now: Date = new Date()): string {
  const t = now.getTime();
  if (t >= FIXED_OFFSET_FROM) return new Date(t + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  const part = Object.fromEntries(SHANGHAI_DATE.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}

/** This month ('YYYY-MM') in Beijing. */
export function currentMonth(now: Date = new Date()): string {
  return todayInShanghai(now).slice(0, 7);
}

/** 补交党费一般不超过6个月 (中组发〔2008〕3号): this month and the six before it; the web offers what the server accepts. */
export const BACK_PAYMENT_LIMIT_MONTHS = 6;

export function backPaymentAllowed(month: string, asOfMonth: string): boolean {
  const late = monthIndex(asOfMonth) - monthIndex(month);
  return late >= 0 && late <= BACK_PAYMENT_LIMIT_MONTHS;
}

/**
 * Every date of every request: YYYY-MM-DD and a day the calendar has (2026-02-31 is refused here, as a 400 naming the
 * field, rather than by PostgreSQL as a 500; issue 12 point 5).
 */
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isValidDate(value), '日期不存在(该月没有这一天),请检查年月日');

/** A date of something that has already happened (入党, 转正, birth, a 党籍 event) cannot lie after today. */
export const FUTURE_DATE_MESSAGE = '不能晚于今天(北京时间),请检查年份';
/** Attendance or a record of a meeting dated after today: it has not been held yet (a plan is saved as a plan). */
export const NOT_YET_HELD_MESSAGE = '活动尚未举行(活动日期在今天之后),举行后再登记出席和记录';

/** True when a valid date lies after today in Beijing (issue 13 point 9). */
export function isAfterToday(date: string, now: Date = new Date()): boolean {
  return isValidDate(date) && date > todayInShanghai(now);
}

/** A date of a past event: today (Beijing time) or earlier, refused with FUTURE_DATE_MESSAGE otherwise. */
export const PastDateSchema = DateSchema.refine((value) => !isAfterToday(value), FUTURE_DATE_MESSAGE);
