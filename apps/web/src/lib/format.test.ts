import { describe, expect, it } from 'vitest';
import { formatDateTime, sizeText } from './format';

describe('formatDateTime', () => {
  it('shows Beijing time as yyyy-MM-dd HH:mm', () => {
    expect(formatDateTime('2024-01-31T16:05:00.000Z')).toBe('2024-02-01 00:05');
    expect(formatDateTime('2024-06-01T03:59:59Z')).toBe('2024-06-01 11:59');
  });

  it('shows a dash for missing values and leaves unparseable text alone', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });
});

describe('sizeText', () => {
  it('says KB below a megabyte (at least 1 KB) and MB with one decimal above', () => {
    expect(sizeText(10)).toBe('1 KB');
    expect(sizeText(250 * 1024)).toBe('250 KB');
    expect(sizeText(Math.round(3.44 * 1024 * 1024))).toBe('3.4 MB');
  });
});
