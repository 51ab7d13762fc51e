import { describe, expect, it } from 'vitest';
import { canDelete, canRecordPresence, monthRange, summarizeShifts } from './duty.js';
import { NINGHAI_TEMPLATE } from './ninghai-template.js';

describe('坐班值班 rules', () => {
  it('summarises a month: recorded presence by kind, and past shifts without a record as unrecorded (future ones are only scheduled)', () => {
    const s = summarizeShifts([
      { onDate: '2024-05-01', presence: 'present' }, { onDate: '2024-05-02', presence: 'absent' }, { onDate: '2024-05-03', presence: 'excused' },
      { onDate: '2024-05-04', presence: null }, { onDate: '2024-05-20', presence: null },
    ], '2024-05-10');
    expect(s).toEqual({ scheduled: 5, present: 1, absent: 1, excused: 1, unrecorded: 1 });
  });

  it('presence only for today or earlier; deletion only for future shifts without presence', () => {
    expect(canRecordPresence({ onDate: '2024-05-10', presence: null }, '2024-05-10')).toBe(true);
    expect(canRecordPresence({ onDate: '2024-05-11', presence: null }, '2024-05-10')).toBe(false);
    expect(canDelete({ onDate: '2024-05-11', presence: null }, '2024-05-10')).toBe(true);
    expect(canDelete({ onDate: '2024-05-10', presence: null }, '2024-05-10')).toBe(false);
  });

  it('month range handles February of a leap year', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-12')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });
});

describe('宁海 "村级权力清单36条" template (domain-rules §2.5: 11 areas, 36 items)', () => {
  it('has 36 items in 11 areas, unique names, each with a legal basis and 4–7 steps', () => {
    expect(NINGHAI_TEMPLATE).toHaveLength(36);
    expect(new Set(NINGHAI_TEMPLATE.map((i) => i.area)).size).toBe(11);
    expect(new Set(NINGHAI_TEMPLATE.map((i) => i.name)).size).toBe(36);
    for (const item of NINGHAI_TEMPLATE) {
      expect(item.legalBasis.length, item.name).toBeGreaterThan(4);
      expect(item.steps.length, item.name).toBeGreaterThanOrEqual(4);
      expect(item.steps.length, item.name).toBeLessThanOrEqual(7);
    }
    expect(NINGHAI_TEMPLATE.find((i) => i.area === '宅基地审批')!.legalBasis).toContain('土地管理法》第六十二条');
  });
});
