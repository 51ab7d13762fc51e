import { describe, expect, it } from 'vitest';
import { PAY_LINE_KINDS } from './assessment-pay.js';
import { PAYROLL_COLUMNS, PAY_LINE_COLUMN, yuanDecimal, yuanGrouped } from './assessment-payroll.js';

describe('payroll amounts from the integer 分', () => {
  it.each([
    [0, '0.00', '0.00'], [1, '0.01', '0.01'], [5, '0.05', '0.05'], [10, '0.10', '0.10'], [-5, '-0.05', '-0.05'],
    [123_456, '1234.56', '1,234.56'], [9_999_999, '99999.99', '99,999.99'], [100_000_000_000, '1000000000.00', '1,000,000,000.00'],
  ])('%i 分 is %s (printed %s)', (fen, decimal, grouped) => {
    expect(yuanDecimal(fen)).toBe(decimal);
    expect(yuanGrouped(fen)).toBe(grouped);
  });
  it('refuses a fraction of a 分, NaN and an integer past 2^53 (no longer exact)', () => {
    expect(() => yuanDecimal(0.5)).toThrow('整数分');
    expect(() => yuanDecimal(Number.NaN)).toThrow('整数分');
    expect(() => yuanDecimal(2 ** 53)).toThrow('整数分');
  });
  it('every breakdown line kind has a payroll column, and every column is used', () => {
    expect(Object.keys(PAY_LINE_COLUMN).sort()).toEqual([...PAY_LINE_KINDS].sort());
    expect([...new Set(Object.values(PAY_LINE_COLUMN))].sort()).toEqual([...PAYROLL_COLUMNS].sort());
  });
});
