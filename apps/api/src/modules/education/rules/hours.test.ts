import { describe, expect, it } from 'vitest';
import { hoursTaskYear, secretaryTraining, studyStatus, targetGroupOf } from './hours.js';

/**
 * 学时 rules of issue 19 point 2. Targets are settings: 党员 32 from 《中国共产党党员教育管理工作条例》第二十条 (checked against
 * its full text); 书记和班子成员 56 and a new secretary's training within half a year from the 2019—2023 规划, not the 条例.
 */
describe('学时 against the targets', () => {
  it('书记和班子成员 are the branch committee\'s seats; a 党小组组长 counts as a 党员', () => {
    expect(targetGroupOf(['secretary'])).toBe('leader');
    expect(targetGroupOf(['discipline_officer'])).toBe('leader');
    expect(targetGroupOf(['group_leader'])).toBe('member');
    expect(targetGroupOf([])).toBe('member');
  });
  it('已完成 at the target; 应完成 while the year runs; 未完成 once it has ended', () => {
    expect(studyStatus(32, 32, 2025, '2025-06-01')).toBe('done');
    expect(studyStatus(31.5, 32, 2025, '2025-12-31')).toBe('due');
    expect(studyStatus(31.5, 32, 2025, '2026-01-01')).toBe('late');
  });
  it('待办 shows the current year near its end and the year before, as overdue, just after it', () => {
    expect(hoursTaskYear('2025-06-01', 60)).toBeNull();
    expect(hoursTaskYear('2025-11-01', 60)).toEqual({ year: 2025, overdue: false });
    expect(hoursTaskYear('2026-01-20', 60)).toEqual({ year: 2025, overdue: true });
    expect(hoursTaskYear('2026-03-15', 60)).toBeNull();
  });
  it('a new secretary\'s 任职培训 is due the town\'s months after taking office', () => {
    expect(secretaryTraining('2025-01-15', null, 6, '2025-07-15')).toEqual({ dueOn: '2025-07-15', status: 'due' });
    expect(secretaryTraining('2025-01-15', null, 6, '2025-07-16')).toEqual({ dueOn: '2025-07-15', status: 'late' });
    expect(secretaryTraining('2025-01-15', '2025-03-01', 6, '2026-01-01').status).toBe('done');
  });
});
