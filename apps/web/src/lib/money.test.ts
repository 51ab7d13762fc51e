import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, parseYuan, yuanRule, yuanToFen } from './money';

describe('yuanToFen: 元 text → integer 分 without floating-point rounding', () => {
  it.each([
    ['120', 12000],
    ['120.5', 12050],
    ['0.20', 20],
    ['3000.01', 300001],
    // Classic floating-point traps: 0.29 * 100 = 28.999…, 1.005 * 100 = 100.49…, 4.35 * 100 = 434.999….
    ['0.29', 29],
    ['4.35', 435],
    ['19.99', 1999],
    ['1.10', 110],
    ['0', 0],
    ['0.01', 1],
    [' 3,000.50 ', 300050],
    ['120.', 12000],
    // Where even Math.round(Number(text) * 100) goes wrong: the string is read digit by digit.
    ['45035996273704.95', 4503599627370495],
  ])('%s → %i', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it('rejects more than two decimals and negatives, with the reason in Chinese', () => {
    expect(yuanToFen('1.234')).toBeNull();
    expect(parseYuan('1.234')).toEqual({ ok: false, message: '金额最多保留两位小数(精确到分)' });
    expect(yuanToFen('-5')).toBeNull();
    expect(yuanToFen('-0.20')).toBeNull();
    expect(parseYuan('-5')).toEqual({ ok: false, message: '金额不能为负数' });
  });

  it('rejects what is not an amount', () => {
    for (const text of ['', '   ', 'abc', '1e3', '12元', '1.2.3', '.5', '0x10', 'Infinity', 'NaN']) {
      expect(yuanToFen(text), text).toBeNull();
    }
    expect(parseYuan('')).toEqual({ ok: false, message: '请填写金额' });
    expect(parseYuan('9'.repeat(20)).ok).toBe(false);
  });
});

describe('showing 分 as 元', () => {
  it('always shows two decimals and groups thousands', () => {
    expect(formatFen(12000)).toBe('¥120.00');
    expect(formatFen(20)).toBe('¥0.20');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(300001)).toBe('¥3,000.01');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
    expect(formatFen(null)).toBe('—');
  });

  it('round-trips through the edit text', () => {
    for (const fen of [0, 1, 20, 12050, 300001, 99999999]) {
      expect(fenToYuanText(fen)).toMatch(/^\d+\.\d{2}$/);
      expect(yuanToFen(fenToYuanText(fen))).toBe(fen);
    }
  });
});

describe('yuanRule', () => {
  it('checks required, format and the maximum', async () => {
    const rule = yuanRule({ label: '月收入', maxFen: 100_000 });
    await expect(rule.validator(null, '')).rejects.toThrow('请填写月收入');
    await expect(rule.validator(null, '1.234')).rejects.toThrow('两位小数');
    await expect(rule.validator(null, '1000.01')).rejects.toThrow('月收入不能超过¥1,000.00');
    await expect(rule.validator(null, '1000')).resolves.toBeUndefined();
    await expect(yuanRule({ required: false }).validator(null, '')).resolves.toBeUndefined();
  });
});
