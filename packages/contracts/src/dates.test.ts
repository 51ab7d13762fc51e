import { describe, expect, it } from 'vitest';
import {
  BACK_PAYMENT_LIMIT_MONTHS, addDays, addMonths, addYears, backPaymentAllowed, currentMonth, daysInMonth, isValidDate, isValidMonth, monthFromIndex, monthIndex, todayInShanghai,
  wholeMonthsBetween,
} from './dates.js';

describe('dates', () => {
  it('recognises real calendar dates and months only', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2000-02-29')).toBe(true);
    for (const bad of ['2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1', '20260101', '']) expect(isValidDate(bad), bad).toBe(false);
    expect(isValidMonth('2026-12')).toBe(true);
    expect(isValidMonth('2026-13')).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(() => addMonths('2026-02-30', 1)).toThrow(/日期格式不正确/);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole months by anniversary', () => {
    expect(wholeMonthsBetween('2026-08-31', '2027-02-28')).toBe(6);
    expect(wholeMonthsBetween('2026-08-31', '2027-02-27')).toBe(5);
    expect(wholeMonthsBetween('2026-01-15', '2026-01-14')).toBe(0);
    expect(wholeMonthsBetween('2026-03-15', '2026-01-16')).toBe(-1);
  });

  it('converts months to counters and back', () => {
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1);
    expect(monthFromIndex(monthIndex('2025-12') + 1)).toBe('2026-01');
  });

  it('takes today and this month in Beijing, whatever the machine time zone', () => {
    expect(todayInShanghai(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(todayInShanghai(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01'); // midnight UTC+8
    expect(currentMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
  });

  it('reads the day from UTC+8 as the time-zone database does, across midnights from 1992 to 2100, and before 1992 (summer time 1986–1991)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const byZone = (d: Date) => zone.format(d);
    const hour = 3_600_000;
    // Every 7 hours and 13 minutes: each hour of the day and both sides of each midnight get visited over the years.
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2100, 0, 1); t += 7 * hour + 13 * 60_000) {
      expect(todayInShanghai(new Date(t))).toBe(byZone(new Date(t)));
    }
    for (const edge of [Date.UTC(2026, 11, 31, 16), Date.UTC(1991, 11, 31, 16), Date.UTC(1988, 6, 1, 15)]) {
      for (const t of [edge - 1, edge, edge + 1]) expect(todayInShanghai(new Date(t))).toBe(byZone(new Date(t)));
    }
  });
});

describe('back payment of dues', () => {
  it(`党费规定(中组发〔2008〕3号) 第十二、十四条: 补交 reaches back at most ${BACK_PAYMENT_LIMIT_MONTHS} months`, () => {
    expect(backPaymentAllowed('2026-06', '2026-06')).toBe(true);
    expect(backPaymentAllowed('2026-01', '2026-07')).toBe(true);
    expect(backPaymentAllowed('2025-12', '2026-07')).toBe(false);
    expect(backPaymentAllowed('2025-08', '2026-02')).toBe(true); // across the year end
    expect(backPaymentAllowed('2025-07', '2026-02')).toBe(false);
    expect(backPaymentAllowed('2026-08', '2026-07')).toBe(false); // a future month is not a back payment
  });
});
