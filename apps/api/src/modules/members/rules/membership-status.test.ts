import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_EVENT_KINDS } from '@dj/contracts';
import {
  deriveMembership, isConfirmationDue, partyYears, validateEventSequence, validateProbationExtension,
  type MembershipEventInput, type MembershipEventKind,
} from './membership-status.js';

const ev = (kind: MembershipEventKind, occurredOn: string, probationEndsOn?: string): MembershipEventInput =>
  probationEndsOn ? { kind, occurredOn, probationEndsOn } : { kind, occurredOn };
const ADMITTED = ev('admitted', '2024-07-01');
const FULL = [ADMITTED, ev('confirmed', '2025-07-01')];

describe('deriveMembership', () => {
  it('发展党员工作细则 第三十二条: an admitted member is probationary for one year from the 支部大会 date', () => {
    expect(deriveMembership([ADMITTED], '2024-08-01')).toEqual({
      standing: 'probationary', status: 'active', isMobile: false, admittedOn: '2024-07-01', confirmedOn: null,
      confirmedDateUnknown: false, probationEndsOn: '2025-07-01', inBranch: true,
    });
    expect(deriveMembership([ev('admitted', '2024-02-29')], '2024-03-01').probationEndsOn).toBe('2025-02-28');
  });

  it('a roster\'s 正式党员 without 转正日期 is full with the date unknown, and a later 补录 of the date is allowed', () => {
    const undated: MembershipEventInput = { kind: 'confirmed', occurredOn: '2001-07-01', dateUnknown: true };
    const admitted = ev('admitted', '2000-07-01');
    expect(deriveMembership([admitted, undated], '2026-01-01')).toMatchObject({
      standing: 'full', confirmedOn: null, confirmedDateUnknown: true, probationEndsOn: null,
    });
    expect(partyYears(deriveMembership([admitted, undated], '2026-01-01').confirmedOn, '2026-01-01')).toBeNull();
    const dated = ev('confirmed', '2001-08-15');
    expect(validateEventSequence([admitted, undated], dated, '2026-01-01')).toBeNull();
    expect(deriveMembership([admitted, undated, dated], '2026-01-01')).toMatchObject({ confirmedOn: '2001-08-15' });
    expect(validateEventSequence([admitted, undated], { ...undated, occurredOn: '2002-01-01' }, '2026-01-01')).toMatch(/无需重复登记/);
  });

  it('knows nothing before the first event and ignores events after the given date', () => {
    expect(deriveMembership([], '2026-01-01')).toMatchObject({ inBranch: false, admittedOn: null, confirmedOn: null });
    expect(deriveMembership(FULL, '2024-06-30')).toMatchObject({ inBranch: false, admittedOn: null });
    expect(deriveMembership(FULL, '2025-06-30')).toMatchObject({ standing: 'probationary', confirmedOn: null });
    expect(deriveMembership(FULL, '2025-07-01')).toMatchObject({ standing: 'full', confirmedOn: '2025-07-01', probationEndsOn: null });
  });

  it('sorts by date and keeps the recorded order within a date (a transfer is out, then in)', () => {
    const shuffled = [ev('suspended', '2026-02-01'), ...FULL.slice().reverse()];
    expect(deriveMembership(shuffled, '2026-03-01')).toMatchObject({ standing: 'full', status: 'suspended' });
    const move = [...FULL, ev('transferred_out', '2026-03-01'), ev('transferred_in', '2026-03-01')];
    expect(deriveMembership(move, '2026-03-01').inBranch).toBe(true);
    expect(deriveMembership([...FULL, ev('transferred_out', '2026-03-01')], '2026-03-01').inBranch).toBe(false);
  });

  it('发展党员工作细则 第三十二条: 延长预备期 moves the end; without a recorded end it assumes the minimum 6 months', () => {
    expect(deriveMembership([ADMITTED, ev('probation_extended', '2025-07-01', '2026-07-01')], '2025-08-01'))
      .toMatchObject({ standing: 'probationary', probationEndsOn: '2026-07-01' });
    expect(deriveMembership([ADMITTED, ev('probation_extended', '2025-07-01')], '2025-08-01').probationEndsOn).toBe('2026-01-01');
  });

  it('maps cancellation, suspension, restoration, leaving and death to the status', () => {
    expect(deriveMembership([ADMITTED, ev('probation_cancelled', '2025-07-10')], '2025-08-01')).toMatchObject({ status: 'left', probationEndsOn: null });
    const timeline = [...FULL, ev('suspended', '2026-01-10'), ev('restored', '2026-04-01')];
    expect(deriveMembership(timeline, '2026-02-01').status).toBe('suspended');
    expect(deriveMembership(timeline, '2026-04-01').status).toBe('active');
    expect(deriveMembership([...FULL, ev('left', '2026-01-01')], '2026-01-01').status).toBe('left');
    expect(deriveMembership([...FULL, ev('died', '2026-01-01')], '2026-01-01')).toMatchObject({ status: 'left', standing: 'full' });
  });

  it('marks outflow and inflow members as mobile until the flow ends', () => {
    const out = [...FULL, ev('flowed_out', '2025-09-01'), ev('flow_ended', '2026-02-01')];
    expect(deriveMembership(out, '2025-10-01').isMobile).toBe(true);
    expect(deriveMembership(out, '2026-02-01').isMobile).toBe(false);
    expect(deriveMembership([...FULL, ev('flowed_in', '2025-09-01')], '2025-10-01').isMobile).toBe(true);
  });

  it('treats an imported member with only a 转正 event as a full member of the branch from that date', () => {
    const imported = [ev('confirmed', '1998-07-01')];
    expect(deriveMembership(imported, '1998-06-30')).toMatchObject({ inBranch: false, standing: 'probationary' });
    expect(deriveMembership(imported, '2026-01-01')).toMatchObject({ standing: 'full', status: 'active', inBranch: true, admittedOn: null, confirmedOn: '1998-07-01' });
  });

  it('handles every event kind the contracts define', () => {
    for (const kind of MEMBERSHIP_EVENT_KINDS) expect(() => deriveMembership([ADMITTED, ev(kind, '2025-01-01')], '2025-02-01')).not.toThrow();
  });
});

describe('partyYears', () => {
  it('党章 第七条 (党龄从预备期满转为正式党员之日算起): whole years from 转正, not from admission', () => {
    expect(partyYears('2015-07-01', '2026-06-30')).toBe(10);
    expect(partyYears('2015-07-01', '2026-07-01')).toBe(11);
    expect(partyYears('2026-07-01', '2026-07-01')).toBe(0);
    expect(partyYears(null, '2026-07-01')).toBeNull();
    expect(partyYears('2026-07-02', '2026-07-01')).toBeNull();
    expect(partyYears('2020-02-29', '2021-02-27')).toBe(0);
    expect(partyYears('2020-02-29', '2021-02-28')).toBe(1); // the anniversary of a leap day is 28 February
  });
});

describe('isConfirmationDue', () => {
  const probationary = deriveMembership([ADMITTED], '2025-06-01'); // ends 2025-07-01
  it('is true when the 预备期 ends within the window or has ended without a decision', () => {
    expect(isConfirmationDue(probationary, '2025-06-01')).toBe(true); // 30 days before
    expect(isConfirmationDue(probationary, '2025-05-31')).toBe(false); // 31 days before
    expect(isConfirmationDue(probationary, '2025-08-01')).toBe(true); // overdue
    expect(isConfirmationDue(probationary, '2025-04-01', 91)).toBe(true);
    expect(isConfirmationDue(probationary, '2025-04-01', 90)).toBe(false);
  });
  it('is false for full members, members who left and members transferred out', () => {
    expect(isConfirmationDue(deriveMembership(FULL, '2025-07-01'), '2025-07-01')).toBe(false);
    expect(isConfirmationDue(deriveMembership([ADMITTED, ev('probation_cancelled', '2025-06-01')], '2025-06-01'), '2025-06-15')).toBe(false);
    expect(isConfirmationDue(deriveMembership([ADMITTED, ev('transferred_out', '2025-06-01')], '2025-06-01'), '2025-06-15')).toBe(false);
    expect(isConfirmationDue(deriveMembership([ADMITTED, ev('died', '2025-06-01')], '2025-06-01'), '2025-06-15')).toBe(false);
    expect(isConfirmationDue({ ...probationary, standing: 'full' }, '2025-06-15')).toBe(false); // trusts standing, not only the end date
  });
});

describe('validateProbationExtension', () => {
  it('发展党员工作细则 第三十二条: an extension lasts at least six months and at most one year', () => {
    expect(validateProbationExtension('2024-07-01', '2026-01-01')).toBeNull();
    expect(validateProbationExtension('2024-07-01', '2026-07-01')).toBeNull();
    expect(validateProbationExtension('2024-07-01', '2025-12-31')).toBe('延长预备期不能少于半年:预备期原定2025-07-01期满,延长后应不早于2026-01-01');
    expect(validateProbationExtension('2024-07-01', '2026-07-02')).toBe('延长预备期不能超过一年:预备期原定2025-07-01期满,延长后应不晚于2026-07-01');
    expect(validateProbationExtension('2024-07-01', '2026-02-30')).toBe('延长后的预备期满日期不是有效日期');
    expect(validateProbationExtension('2025-02-28', '2026-08-28')).toBeNull(); // month-end arithmetic
  });
});

describe('validateEventSequence', () => {
  const TODAY = '2026-06-15';
  const check = (existing: MembershipEventInput[], next: MembershipEventInput) => validateEventSequence(existing, next, TODAY);

  it('accepts the ordinary life of a member', () => {
    const steps = [ADMITTED, ev('confirmed', '2025-07-01'), ev('flowed_out', '2025-09-01'), ev('flow_ended', '2026-01-01'),
      ev('suspended', '2026-02-01'), ev('restored', '2026-04-01'), ev('transferred_out', '2026-05-01'), ev('transferred_in', '2026-05-02'), ev('died', '2026-06-15')];
    steps.forEach((next, i) => expect(check(steps.slice(0, i), next), next.kind).toBeNull());
  });

  it('rejects impossible dates', () => {
    expect(check(FULL, ev('suspended', '2026-06-16'))).toBe('日期(2026-06-16)不能晚于今天(2026-06-15)');
    expect(check(FULL, ev('suspended', '2026-02-30'))).toBe('日期不是有效日期(应为 YYYY-MM-DD)');
    expect(check(FULL, ev('suspended', '2024-06-30'))).toBe('日期(2024-06-30)早于入党日期(2024-07-01)');
    expect(check([], ev('suspended', '2024-06-30'))).toBe('尚无入党记录,请先记录接收为预备党员');
  });

  it('发展党员工作细则 第三十二条: no second 转正, no 转正 before the 预备期 ends, extension only once', () => {
    expect(check(FULL, ev('confirmed', '2026-01-01'))).toBe('该党员已于2025-07-01转为正式党员,不能重复转正');
    expect(check([ADMITTED], ev('confirmed', '2025-06-30'))).toBe('预备期至2025-07-01届满,转正日期不能早于预备期满之日(发展党员工作细则第三十二条)');
    const extended = [ADMITTED, ev('probation_extended', '2025-07-01', '2026-01-01')];
    expect(check(extended, ev('confirmed', '2025-12-31'))).toContain('预备期至2026-01-01届满');
    expect(check(extended, ev('confirmed', '2026-01-01'))).toBeNull();
    expect(check(extended, ev('probation_extended', '2026-01-01'))).toBe('预备期只能延长一次(发展党员工作细则第三十二条)');
    expect(check(FULL, ev('probation_extended', '2026-01-01'))).toBe('只有预备党员可以延长预备期');
    expect(check([ADMITTED], ev('probation_extended', '2025-07-01', '2025-10-01'))).toContain('不能少于半年');
    expect(check(FULL, ev('probation_cancelled', '2026-01-01'))).toBe('只有预备党员可以取消预备党员资格');
    expect(check(FULL, ev('admitted', '2026-01-01'))).toBe('已于2024-07-01接收为预备党员,不能重复记录');
  });

  it('rejects restoring someone not suspended, suspending twice, and flows that do not match', () => {
    expect(check(FULL, ev('restored', '2026-01-01'))).toBe('该党员未被停止党籍,无需恢复');
    expect(check([...FULL, ev('suspended', '2026-02-01')], ev('suspended', '2026-02-02'))).toBe('该党员已被停止党籍,不能重复记录');
    expect(check(FULL, ev('flow_ended', '2026-01-01'))).toBe('该党员不是流动党员,无需结束流动');
    expect(check([...FULL, ev('flowed_out', '2025-09-01')], ev('flowed_in', '2026-01-01'))).toBe('该党员已于2025-09-01登记为流动党员,请先结束流动');
    expect(check(FULL, ev('transferred_in', '2026-01-01'))).toBe('该党员的组织关系已在本镇,无需转入');
  });

  it('rejects any event after 出党, 去世 or 取消预备党员资格, and events for a member transferred away', () => {
    expect(check([...FULL, ev('left', '2026-01-01')], ev('restored', '2026-02-01'))).toBe('该党员已于2026-01-01出党,不能再记录党籍变动');
    expect(check([...FULL, ev('died', '2026-01-01')], ev('died', '2026-02-01'))).toBe('该党员已于2026-01-01去世,不能再记录党籍变动');
    expect(check([ADMITTED, ev('probation_cancelled', '2025-07-01')], ev('confirmed', '2025-07-02'))).toContain('被取消预备党员资格');
    expect(check([...FULL, ev('transferred_out', '2026-01-01')], ev('suspended', '2026-02-01'))).toBe('该党员的组织关系已于2026-01-01转出,请先记录组织关系转入');
  });

  it('checks a back-dated event against its own date and against the events after it', () => {
    const timeline = [...FULL, ev('suspended', '2026-02-01'), ev('restored', '2026-04-01')];
    expect(check(timeline, ev('flowed_out', '2025-10-01'))).toBeNull();
    expect(check(timeline, ev('restored', '2026-03-01'))).toBe('补录此事件后,2026-04-01的记录将不成立:该党员未被停止党籍,无需恢复');
    expect(check(timeline, ev('left', '2026-03-01'))).toContain('2026-04-01的记录将不成立:该党员已于2026-03-01出党');
    // An imported 转正 may get its 接收 date added before it, but not one that would make 转正 too early.
    const imported = [ev('confirmed', '1998-07-01')];
    expect(check(imported, ev('admitted', '1997-07-01'))).toBeNull();
    expect(check(imported, ev('admitted', '1998-01-01'))).toContain('转正日期不能早于预备期满之日');
    expect(check(imported, ev('admitted', '1999-01-01'))).toBe('已是正式党员,不能再接收为预备党员');
  });

  it('places a new event after the events already recorded on its date', () => {
    const sameDay = [...FULL, ev('suspended', '2026-02-01'), ev('restored', '2026-02-01')];
    expect(check(sameDay, ev('suspended', '2026-02-01'))).toBeNull();
  });

  it('does not blame a new event for an inconsistency already in the record', () => {
    const messy = [...FULL, ev('restored', '2026-03-01')]; // imported data: restored without a suspension
    expect(check(messy, ev('flowed_out', '2026-01-01'))).toBeNull();
  });
});
