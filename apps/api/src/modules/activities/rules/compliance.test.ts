import { describe, expect, it } from 'vitest';
import { complianceFor, complianceSummary, deadlineFor, periodBounds, type ActivityRecord, type ComplianceRow } from './compliance.js';
import { defaultComplianceRules, type BranchFacts } from './compliance-rules.js';

const BRANCH: BranchFacts = { hasCommittee: true, groupIds: [1, 2], memberIds: [11, 12, 13, 14] };
const run = (today: string, activities: ActivityRecord[] = [], over: { periodMonth?: string; branch?: BranchFacts; dueSoonDays?: number; themeDay?: number } = {}) =>
  complianceFor({
    rules: defaultComplianceRules(over.themeDay ?? 28),
    periodMonth: over.periodMonth ?? '2026-11',
    today,
    branch: over.branch ?? BRANCH,
    activities,
    dueSoonDays: over.dueSoonDays,
  });
const row = (rows: ComplianceRow[], key: string, groupId: number | null = null): ComplianceRow => {
  const found = rows.find((r) => r.ruleKey === key && r.groupId === groupId);
  if (!found) throw new Error(`no row ${key}/${groupId}`);
  return found;
};

describe('periods and deadlines', () => {
  it('labels and bounds months, quarters and years', () => {
    expect(periodBounds('month', '2026-11')).toMatchObject({ start: '2026-11-01', end: '2026-11-30', label: '2026年11月' });
    expect(periodBounds('quarter', '2026-11')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', label: '2026年第4季度' });
    expect(periodBounds('quarter', '2026-01')).toMatchObject({ start: '2026-01-01', end: '2026-03-31', label: '2026年第1季度' });
    expect(periodBounds('year', '2026-11')).toMatchObject({ start: '2026-01-01', end: '2026-12-31', label: '2026年' });
    expect(periodBounds('month', '2028-02').end).toBe('2028-02-29');
    expect(() => periodBounds('month', '2026-13')).toThrow(/月份格式不正确/);
  });

  it('a 主题党日 day the month does not have falls on its last day', () => {
    expect(deadlineFor({ dueDay: 28 }, periodBounds('month', '2026-02'))).toBe('2026-02-28');
    expect(deadlineFor({ dueDay: 30 }, periodBounds('month', '2026-02'))).toBe('2026-02-28');
    expect(deadlineFor({ dueDay: 30 }, periodBounds('month', '2028-02'))).toBe('2028-02-29');
    expect(deadlineFor({ dueDay: 31 }, periodBounds('month', '2026-04'))).toBe('2026-04-30');
    expect(deadlineFor({}, periodBounds('quarter', '2026-05'))).toBe('2026-06-30');
    expect(run('2026-02-01', [], { periodMonth: '2026-02', themeDay: 30 }).find((r) => r.kind === 'theme_day')?.deadline).toBe('2026-02-28');
  });
});

describe('complianceFor', () => {
  it('produces a row per rule, per group for 党小组会, one summary row for 谈心谈话', () => {
    const rows = run('2026-11-10');
    expect(rows.map((r) => `${r.ruleKey}:${r.groupId ?? '-'}`)).toEqual([
      'committee_meeting.monthly:-', 'group_meeting.monthly:1', 'group_meeting.monthly:2', 'theme_day.monthly:-',
      'general_meeting.quarterly:-', 'party_lecture.quarterly:-', 'life_meeting.yearly:-', 'appraisal.yearly:-', 'heart_talk.yearly:-',
    ]);
    expect(row(rows, 'general_meeting.quarterly')).toEqual({
      ruleKey: 'general_meeting.quarterly', kind: 'general_meeting', label: '支部党员大会', groupId: null,
      periodLabel: '2026年第4季度', periodStart: '2026-10-01', periodEnd: '2026-12-31', deadline: '2026-12-31',
      expected: 1, done: 0, unit: 'times', status: 'due', awaitingSignOff: 0, source: expect.stringContaining('第十一条'),
    });
  });

  it('13.3 a theme day held on time and waiting for the sign-off is 已开展·待签认 (not done, never late)', () => {
    const rows = run('2026-11-29', [{ kind: 'theme_day', date: '2026-11-28', awaitingSignOff: true }]);
    expect(row(rows, 'theme_day.monthly')).toMatchObject({ done: 0, awaitingSignOff: 1, status: 'awaiting_sign_off' });
    // Before the deadline too: held and waiting, the branch has nothing left to do.
    expect(row(run('2026-11-20', [{ kind: 'theme_day', date: '2026-11-18', awaitingSignOff: true }]), 'theme_day.monthly').status).toBe('awaiting_sign_off');
    expect(complianceSummary(rows)).toMatchObject({ awaitingSignOff: 1, late: 0 });
  });

  it('13.3 one held after the deadline is late for the branch even while it waits for the sign-off', () => {
    const rows = run('2026-11-30', [{ kind: 'theme_day', date: '2026-11-29', awaitingSignOff: true }]);
    expect(row(rows, 'theme_day.monthly')).toMatchObject({ awaitingSignOff: 1, status: 'late' });
  });

  it('支部工作条例 第十二条: no 支委会 row for a branch without a 支部委员会', () => {
    const rows = run('2026-11-10', [], { branch: { ...BRANCH, hasCommittee: false, groupIds: [] } });
    expect(rows.some((r) => r.kind === 'committee_meeting' || r.kind === 'group_meeting')).toBe(false);
  });

  it('支部工作条例 第十六条: 主题党日 is due on the theme day, late only once it has passed', () => {
    const status = (today: string) => row(run(today), 'theme_day.monthly').status;
    expect(row(run('2026-11-10'), 'theme_day.monthly').deadline).toBe('2026-11-28');
    expect(status('2026-11-20')).toBe('due');
    expect(status('2026-11-21')).toBe('due_soon');
    expect(status('2026-11-28')).toBe('due_soon');
    expect(status('2026-11-29')).toBe('late');
    expect(row(run('2026-11-29', [{ kind: 'theme_day', date: '2026-11-28' }]), 'theme_day.monthly').status).toBe('done');
  });

  it('due_soon uses dueSoonDays (default 7) counted back from the deadline', () => {
    const status = (today: string, dueSoonDays?: number) => row(run(today, [], { dueSoonDays }), 'committee_meeting.monthly').status;
    expect(status('2026-11-22')).toBe('due');
    expect(status('2026-11-23')).toBe('due_soon');
    expect(status('2026-11-15', 15)).toBe('due_soon');
    expect(status('2026-11-29', 0)).toBe('due');
    expect(status('2026-11-30', 0)).toBe('due_soon');
    expect(status('2026-12-01', 0)).toBe('late');
  });

  it('支部工作条例 第十一条: a quarter\'s 党员大会 held in its first month satisfies the quarter, not the next one', () => {
    const held: ActivityRecord[] = [{ kind: 'general_meeting', date: '2026-10-05' }];
    expect(row(run('2026-11-10', held), 'general_meeting.quarterly')).toMatchObject({ done: 1, status: 'done' });
    expect(row(run('2027-01-10', held, { periodMonth: '2027-01' }), 'general_meeting.quarterly')).toMatchObject({ done: 0, status: 'due' });
    expect(row(run('2027-01-01', [], { periodMonth: '2026-12' }), 'general_meeting.quarterly').status).toBe('late');
  });

  it('counts only activities held by today and inside the period', () => {
    const rows = run('2026-11-10', [
      { kind: 'committee_meeting', date: '2026-11-20' },
      { kind: 'committee_meeting', date: '2026-10-31' },
      { kind: 'committee_meeting', date: '2026-12-01' },
    ]);
    expect(row(rows, 'committee_meeting.monthly').done).toBe(0);
    expect(row(run('2026-11-20', [{ kind: 'committee_meeting', date: '2026-11-20' }]), 'committee_meeting.monthly').status).toBe('done');
  });

  it('支部工作条例 第十三条: each 党小组 needs its own 党小组会', () => {
    const rows = run('2026-11-30', [{ kind: 'group_meeting', date: '2026-11-03', groupId: 1 }, { kind: 'group_meeting', date: '2026-11-04', groupId: null }]);
    expect(row(rows, 'group_meeting.monthly', 1)).toMatchObject({ done: 1, status: 'done', label: '党小组会' });
    expect(row(rows, 'group_meeting.monthly', 2)).toMatchObject({ done: 0, status: 'due_soon' });
  });

  it('三日合一 counts for 主题党日 (and its other two agendas)', () => {
    const rows = run('2026-11-30', [{ kind: 'combined_day', date: '2026-11-28' }]);
    expect(row(rows, 'theme_day.monthly')).toMatchObject({ done: 1, status: 'done' });
  });

  it('支部工作条例 第十七条/第十八条: a 组织生活会 held as a 党员大会 with 民主评议 counts for all three', () => {
    const rows = run('2026-12-31', [{ kind: 'life_meeting', date: '2026-12-20', countsFor: ['general_meeting', 'appraisal'] }], { periodMonth: '2026-12' });
    expect(row(rows, 'life_meeting.yearly').status).toBe('done');
    expect(row(rows, 'general_meeting.quarterly').status).toBe('done');
    expect(row(rows, 'appraisal.yearly').status).toBe('done');
    expect(row(rows, 'party_lecture.quarterly').status).toBe('due_soon');
  });

  it('does not count combinations the table forbids', () => {
    const rows = run('2026-11-30', [{ kind: 'heart_talk', date: '2026-11-02', countsFor: ['general_meeting'], attendeeIds: [11, 12] }]);
    expect(row(rows, 'general_meeting.quarterly').done).toBe(0);
  });

  it('支部工作条例 第十九条: 谈心谈话 reports members talked with this year and who is still pending', () => {
    const rows = run('2026-11-10', [
      { kind: 'heart_talk', date: '2026-03-01', attendeeIds: [11, 12] },
      { kind: 'heart_talk', date: '2026-06-01', attendeeIds: [12, 13, 99] },
      { kind: 'heart_talk', date: '2025-12-31', attendeeIds: [14] },
      { kind: 'heart_talk', date: '2026-11-20', attendeeIds: [14] },
    ]);
    expect(row(rows, 'heart_talk.yearly')).toMatchObject({
      periodLabel: '2026年', deadline: '2026-12-31', expected: 4, done: 3, unit: 'members', status: 'due', pendingMemberIds: [14],
    });
    const all = run('2026-12-01', [{ kind: 'heart_talk', date: '2026-11-20', attendeeIds: [11, 12, 13, 14, 14] }]);
    expect(row(all, 'heart_talk.yearly')).toMatchObject({ done: 4, status: 'done', pendingMemberIds: [] });
  });

  it('支部工作条例 第十七条: a 组织生活会 not held by year end is late in January', () => {
    expect(row(run('2027-01-01', [], { periodMonth: '2026-12' }), 'life_meeting.yearly').status).toBe('late');
    expect(row(run('2026-12-24', [], { periodMonth: '2026-12' }), 'life_meeting.yearly').status).toBe('due_soon');
  });

  it('rejects malformed dates and settings in Chinese', () => {
    expect(() => run('2026-11-31')).toThrow(/当前日期格式不正确/);
    expect(() => run('2026-11-10', [{ kind: 'theme_day', date: '2026/11/28' }])).toThrow(/活动日期格式不正确/);
    expect(() => run('2026-11-10', [], { dueSoonDays: -1 })).toThrow(/临近提醒天数/);
    expect(() => run('2026-11-10', [], { periodMonth: '2026-1' })).toThrow(/月份格式不正确/);
  });
});

describe('complianceSummary', () => {
  it('counts a branch\'s own rows by status, with no ratio or score', () => {
    const rows = run('2026-11-29', [{ kind: 'committee_meeting', date: '2026-11-02' }]);
    const summary = complianceSummary(rows);
    expect(summary).toEqual({ total: 9, done: 1, awaitingSignOff: 0, due: 5, dueSoon: 2, late: 1 });
    expect(Object.keys(summary).some((k) => /rate|percent|score|rank/i.test(k))).toBe(false);
  });
});
