import { describe, expect, it } from 'vitest';
import { dueDateOf, dueStatus, endedPeriods, FREQUENCY_RULES, periodProblem, ruleOf, standingsAt } from './frequency.js';

const settings = { dueDay: 10, dueSoonDays: 7 };
const at = (standings: ReturnType<typeof standingsAt>, key: string) => standings.find((s) => s.rule.key === key);

describe('frequency rules as data (村民委员会组织法第三十条)', () => {
  it('every rule names its source, and the schedules follow the law', () => {
    for (const r of FREQUENCY_RULES) expect(r.source.length, r.key).toBeGreaterThan(10);
    expect(ruleOf('finance_monthly')).toMatchObject({ category: 'finance', schedule: 'monthly' });
    expect(ruleOf('village_quarterly')).toMatchObject({ category: 'village', schedule: 'quarterly' });
    expect(ruleOf('party_yearly')?.schedule).toBe('yearly');
    expect(ruleOf('village_major')?.schedule).toBe('immediate');
  });

  it('periods must have the shape of the rule', () => {
    expect(periodProblem(ruleOf('finance_monthly'), '2026-09')).toBeNull();
    expect(periodProblem(ruleOf('finance_monthly'), '2026-Q3')).toContain('2026-09');
    expect(periodProblem(ruleOf('village_quarterly'), '2026-Q3')).toBeNull();
    expect(periodProblem(ruleOf('party_yearly'), '2026')).toBeNull();
    expect(periodProblem(ruleOf('village_major'), '2026-09-15')).toBeNull();
    expect(periodProblem(undefined, 'anything')).toBeNull();
  });

  it('the due date is dueDay of the month after the period (quarter → next month, year → January)', () => {
    expect(dueDateOf('2026-09', 10)).toBe('2026-10-10');
    expect(dueDateOf('2026-12', 10)).toBe('2027-01-10');
    expect(dueDateOf('2026-Q3', 5)).toBe('2026-10-05');
    expect(dueDateOf('2026-Q4', 10)).toBe('2027-01-10');
    expect(dueDateOf('2026', 10)).toBe('2027-01-10');
    expect(dueDateOf('2026-09-15', 10)).toBeNull();
  });

  it('ended periods, newest first, across the year boundary', () => {
    expect(endedPeriods('monthly', '2026-01-05', 3)).toEqual(['2025-12', '2025-11', '2025-10']);
    expect(endedPeriods('quarterly', '2026-04-01', 2)).toEqual(['2026-Q1', '2025-Q4']);
    expect(endedPeriods('quarterly', '2026-02-01', 2)).toEqual(['2025-Q4', '2025-Q3']);
    expect(endedPeriods('yearly', '2026-06-01', 1)).toEqual(['2025']);
  });

  it('status: done, due, due soon (reminder.dueSoonDays) and late', () => {
    expect(dueStatus('2026-10-10', '2026-10-11', true, 7)).toBe('done');
    expect(dueStatus('2026-10-10', '2026-10-11', false, 7)).toBe('late');
    expect(dueStatus('2026-10-10', '2026-10-10', false, 7)).toBe('due_soon');
    expect(dueStatus('2026-10-10', '2026-10-03', false, 7)).toBe('due_soon');
    expect(dueStatus('2026-10-10', '2026-10-02', false, 7)).toBe('due');
  });

  it('a published disclosure with the rule and period satisfies it; missed months of the last year are listed', () => {
    const published = [{ id: 5, ruleKey: 'finance_monthly', period: '2026-09' }, { id: 6, ruleKey: 'finance_monthly', period: '2026-07' }];
    const s = standingsAt(published, '2026-10-05', settings);
    const finance = at(s, 'finance_monthly');
    expect(finance).toMatchObject({ period: '2026-09', dueOn: '2026-10-10', status: 'done', disclosureId: 5 });
    expect(finance?.missed.map((m) => m.period)).toContain('2026-08');
    expect(finance?.missed.map((m) => m.period)).not.toContain('2026-07');
    // 2026-Q3 falls due on 10-10: five days away.
    expect(at(s, 'village_quarterly')).toMatchObject({ period: '2026-Q3', status: 'due_soon' });
    // The yearly item for 2025 was due on 2026-01-10.
    expect(at(s, 'party_yearly')).toMatchObject({ period: '2025', dueOn: '2026-01-10', status: 'late' });
    // Another rule's key does not count, and immediate rules never fall due.
    expect(standingsAt([{ id: 1, ruleKey: 'village_quarterly', period: '2026-09' }], '2026-10-05', settings).find((x) => x.rule.key === 'finance_monthly')?.status).toBe('due_soon');
    expect(s.some((x) => x.rule.schedule === 'immediate')).toBe(false);
  });
});
