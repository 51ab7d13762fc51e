import { describe, expect, it } from 'vitest';
import { PartnershipCreateSchema, PartnershipYearsInputSchema, partnershipDueState } from './economy-partnerships.js';

// Issue 18 point 3: the renewal rule read by 待办, the dashboard and the list, and the period an agreement in force needs.
describe('18.3 partnershipDueState', () => {
  const today = '2026-12-07';
  const active = (endsOn: string | null) => ({ status: 'active' as const, endsOn });

  it('18.3 due within the days (the last day included), nothing beyond', () => {
    expect(partnershipDueState(active('2027-02-05'), today, 60)).toBe('due');
    expect(partnershipDueState(active('2027-02-06'), today, 60)).toBeNull();
    expect(partnershipDueState(active(today), today, 60)).toBe('due');
  });

  it('18.3 overdue from the day after the end, while still 履行中', () => {
    expect(partnershipDueState(active('2026-12-06'), today, 60)).toBe('overdue');
  });

  it('18.3 talks, run-out and ended agreements, and one without an end, are never due', () => {
    for (const status of ['negotiating', 'ended', 'terminated'] as const) expect(partnershipDueState({ status, endsOn: '2026-01-01' }, today, 60)).toBeNull();
    expect(partnershipDueState(active(null), today, 60)).toBeNull();
  });
});

describe('18.3 partnership input', () => {
  const base = { organizationId: 1, partnerKind: 'park', partnerName: '园区', status: 'active', startsOn: '2025-01-01', endsOn: '2027-12-31' } as const;

  it('18.3 an agreement in force needs both dates in order; one in talks needs none; the income line defaults to 发包及上交收入', () => {
    expect(PartnershipCreateSchema.parse(base)).toMatchObject({ incomeSource: 'contracting', linkedOrgIds: [], terms: null });
    expect(PartnershipCreateSchema.safeParse({ ...base, endsOn: null }).error?.issues[0]).toMatchObject({ path: ['endsOn'], message: '履行中的合作须填写到期日期' });
    expect(PartnershipCreateSchema.safeParse({ ...base, endsOn: '2024-12-31' }).error?.issues[0].message).toBe('到期日期不能早于开始日期');
    expect(PartnershipCreateSchema.safeParse({ ...base, status: 'negotiating', startsOn: null, endsOn: null }).success).toBe(true);
  });

  it('18.3 a year appears once', () => {
    const row = { year: 2025, plannedFen: 100, receivedFen: null };
    expect(PartnershipYearsInputSchema.safeParse({ years: [row, row] }).error?.issues[0].message).toBe('2025年度重复');
  });
});
