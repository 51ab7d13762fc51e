import { describe, expect, it } from 'vitest';
import { letterWarnings, mobileMemberWarnings } from './flow-rules.js';

const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

describe('mobileMemberWarnings', () => {
  const away = (flowStartedOn: string, hasFixedPlace: boolean, lastContactOn: string | null) => ({ flowStartedOn, hasFixedPlace, lastContactOn });

  it('党员教育管理工作条例(2019) 第二十五条: 6 months away at a relatively fixed place → 组织关系应当转接', () => {
    expect(codes(mobileMemberWarnings(away('2026-01-15', true, '2026-07-01'), '2026-07-14'))).toEqual([]);
    const [w] = mobileMemberWarnings(away('2026-01-15', true, '2026-07-01'), '2026-07-15');
    expect(w).toEqual({
      code: 'TRANSFER_DUE',
      message: '该党员自2026-01-15外出已6个月且有相对固定的处所,应当转接组织关系(2026-07-15起)',
      rule: '《中国共产党党员教育管理工作条例》第二十五条: 外出学习、工作、生活6个月以上并且地点相对固定的,应当转接组织关系',
    });
  });

  it('党员教育管理工作条例(2019) 第二十五条: no transfer warning without a fixed place, however long away', () => {
    expect(codes(mobileMemberWarnings(away('2020-01-01', false, '2026-07-01'), '2026-07-15'))).toEqual([]);
  });

  it('党员教育管理工作条例(2019) 第二十四条: 6 months without contact → 失联 warning, counted from the last contact', () => {
    expect(codes(mobileMemberWarnings(away('2025-01-01', false, '2026-01-31'), '2026-07-30'))).toEqual([]);
    const [w] = mobileMemberWarnings(away('2025-01-01', false, '2026-01-31'), '2026-07-31');
    expect(w.code).toBe('UNREACHABLE');
    expect(w.message).toBe('已6个月未能取得联系(最后一次联系为2026-01-31),请党支部设法查找;经查找仍无法取得联系的,由党组织研究是否停止党籍(系统不会自动处理)');
    expect(w.rule).toContain('第二十四条');
  });

  it('党员教育管理工作条例(2019) 第二十四条: never contacted counts from the day the member left', () => {
    expect(codes(mobileMemberWarnings(away('2026-01-10', false, null), '2026-07-09'))).toEqual([]);
    const [w] = mobileMemberWarnings(away('2026-01-10', false, null), '2026-07-10');
    expect(w.code).toBe('UNREACHABLE');
    expect(w.message).toContain('自2026-01-10外出后未有联系记录');
  });

  it('党员教育管理工作条例(2019) 第二十四条: the software only warns; stopping 党籍 stays a branch decision', () => {
    const ws = mobileMemberWarnings(away('2024-01-01', true, null), '2026-07-01');
    expect(codes(ws)).toEqual(['TRANSFER_DUE', 'UNREACHABLE']);
    for (const w of ws) expect(Object.keys(w).sort()).toEqual(['code', 'message', 'rule']);
    expect(ws[1].message).toContain('已30个月');
    expect(ws[1].message).toContain('系统不会自动处理');
  });

  it('handles month ends: 2026-08-31 + 6 months = 2027-02-28', () => {
    expect(codes(mobileMemberWarnings(away('2026-08-31', true, '2027-02-01'), '2027-02-27'))).toEqual([]);
    expect(codes(mobileMemberWarnings(away('2026-08-31', true, '2027-02-01'), '2027-02-28'))).toEqual(['TRANSFER_DUE']);
    expect(codes(mobileMemberWarnings(away('2027-08-31', true, '2028-02-01'), '2028-02-28'))).toEqual([]); // leap year: due 02-29
    expect(codes(mobileMemberWarnings(away('2027-08-31', true, '2028-02-01'), '2028-02-29'))).toEqual(['TRANSFER_DUE']);
  });

  it('honours configured thresholds', () => {
    const settings = { transferDueMonths: 3, unreachableMonths: 12 };
    expect(codes(mobileMemberWarnings(away('2026-01-01', true, null), '2026-04-01', settings))).toEqual(['TRANSFER_DUE']);
    expect(codes(mobileMemberWarnings(away('2026-01-01', true, null), '2026-07-01', settings))).toEqual(['TRANSFER_DUE']);
    expect(codes(mobileMemberWarnings(away('2026-01-01', true, null), '2027-01-01', settings))).toEqual(['TRANSFER_DUE', 'UNREACHABLE']);
  });

  it('refuses malformed dates and settings', () => {
    expect(() => mobileMemberWarnings(away('2026-02-30', true, null), '2026-07-01')).toThrow(/外出日期不是有效日期/);
    expect(() => mobileMemberWarnings(away('2026-01-01', true, '2026/03/01'), '2026-07-01')).toThrow(/最后联系日期/);
    expect(() => mobileMemberWarnings(away('2026-01-01', true, null), '2026-07-01', { transferDueMonths: 0, unreachableMonths: 6 })).toThrow(/正整数/);
  });
});

describe('letterWarnings', () => {
  it('组通字〔2006〕45号 介绍信回执: overdue the day after the validity ends without a receipt', () => {
    const letter = { issuedOn: '2026-01-01', validDays: 90, receiptReturnedOn: null };
    expect(letterWarnings(letter, '2026-04-01')).toEqual([]); // last valid day
    expect(letterWarnings(letter, '2026-04-02')).toEqual([{
      code: 'RECEIPT_OVERDUE',
      message: '组织关系介绍信于2026-01-01开具,有效期90天(至2026-04-01),至今未收到回执,请与接收党组织核实',
    }]);
  });

  it('is silent once the receipt is back, even late', () => {
    expect(letterWarnings({ issuedOn: '2026-01-01', validDays: 10, receiptReturnedOn: '2026-03-01' }, '2026-06-01')).toEqual([]);
  });

  it('counts days across month and year ends', () => {
    expect(letterWarnings({ issuedOn: '2025-12-25', validDays: 10, receiptReturnedOn: null }, '2026-01-04')).toEqual([]);
    expect(letterWarnings({ issuedOn: '2025-12-25', validDays: 10, receiptReturnedOn: null }, '2026-01-05')).toHaveLength(1);
  });

  it('refuses malformed input', () => {
    expect(() => letterWarnings({ issuedOn: '2026-01-01', validDays: 0, receiptReturnedOn: null }, '2026-02-01')).toThrow(/有效期/);
    expect(() => letterWarnings({ issuedOn: '20260101', validDays: 10, receiptReturnedOn: null }, '2026-02-01')).toThrow(/开具日期/);
  });
});
