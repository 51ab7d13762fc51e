import { describe, expect, it } from 'vitest';
import { PAY_LINE_KINDS } from './assessment-pay.js';
import { PAYROLL_COLUMNS, PAY_LINE_COLUMN, yuanDecimal, yuanGrouped, yuanInWords } from './assessment-payroll.js';

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

describe('大写金额 (yuanInWords), as a 财政所 sheet writes it', () => {
  it.each([
    [0, '零元整'], [1, '壹分'], [5, '伍分'], [10, '壹角'], [15, '壹角伍分'], [100, '壹元整'], [1005, '壹拾元零伍分'], [1050, '壹拾元伍角'],
    [200_010, '贰仟元壹角'], [9_999_999, '玖万玖仟玖佰玖拾玖元玖角玖分'], [10_734_959, '壹拾万柒仟叁佰肆拾玖元伍角玖分'],
    [100_500, '壹仟零伍元整'], [10_070_000, '壹拾万零柒佰元整'], [100_000_100, '壹佰万零壹元整'], [1_000_000_000, '壹仟万元整'],
    [10_000_000_000, '壹亿元整'], [10_000_100_000, '壹亿零壹仟元整'], [10_001_000_000, '壹亿零壹万元整'], [10_010_000_000, '壹亿零壹拾万元整'], [-5, '负伍分'],
  ])('%i 分 reads %s', (fen, words) => {
    expect(yuanInWords(fen)).toBe(words);
  });
  it('refuses a fraction of a 分', () => { expect(() => yuanInWords(1.5)).toThrow('整数分'); });
});
