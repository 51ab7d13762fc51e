import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, roundItems, teamProblems } from './checklist.js';
import { defaultDueOn, isOutstanding, lateness, nextStatus, refusal } from './rectification.js';

describe('checklist', () => {
  it('has the four default items with a label and what to look at', () => {
    expect(DEFAULT_CHECKLIST.map((i) => [i.key, i.label])).toEqual([
      ['disclosure', '三务公开'], ['micro_power', '小微权力清单'], ['duty_roster', '坐班值班'], ['cleanliness', '清洁净化'],
    ]);
    for (const i of DEFAULT_CHECKLIST) expect(i.lookAt.length).toBeGreaterThan(5);
  });

  it('copies the defaults and appends the town items as town_1, town_2; a repeated label is refused', () => {
    const { items, problems } = roundItems([{ label: '四议两公开', lookAt: '会议记录' }, { label: '村民说事' }]);
    expect(problems).toEqual([]);
    expect(items.slice(4)).toEqual([
      { key: 'town_1', label: '四议两公开', lookAt: '会议记录', isDefault: false }, { key: 'town_2', label: '村民说事', lookAt: '', isDefault: false },
    ]);
    expect(roundItems([{ label: '三务公开' }]).problems).toEqual([{ path: 'extraItems.0.label', message: '检查事项“三务公开”重复' }]);
  });

  it('a joint team needs 纪委, 组织办 and 民政办 and names once each', () => {
    expect(teamProblems([])[0].path).toBe('team');
    expect(teamProblems([{ name: '李敏', department: 'discipline' }, { name: '王芳', department: 'other' }])[0].message)
      .toBe('联督联查检查组须有纪委、组织办、民政办人员,缺少:组织办、民政办');
    const full = [{ name: '李敏', department: 'discipline' as const }, { name: '王芳', department: 'organization_dept' as const }, { name: '赵强', department: 'civil_affairs' as const }];
    expect(teamProblems(full)).toEqual([]);
    expect(teamProblems([...full, { name: '李敏', department: 'other' }])).toEqual([{ path: 'team.3.name', message: '检查组成员“李敏”重复' }]);
  });
});

describe('rectification states', () => {
  it('open → submitted → accepted | reopened → submitted', () => {
    expect(refusal('evidence', 'open')).toBeNull();
    expect(refusal('accept', 'open')).toBe('村里尚未提交整改材料,不能验收');
    expect(refusal('accept', 'submitted')).toBeNull();
    expect(refusal('reopen', 'submitted')).toBeNull();
    expect(refusal('evidence', 'reopened')).toBeNull();
    expect(refusal('evidence', 'submitted')).toBeNull();
    expect(refusal('evidence', 'accepted')).toBe('该整改已验收通过,不能再提交材料');
    expect(refusal('reopen', 'accepted')).toBe('该整改已验收通过,不能退回');
    expect([nextStatus('evidence'), nextStatus('accept'), nextStatus('reopen')]).toEqual(['submitted', 'accepted', 'reopened']);
    expect(isOutstanding('reopened')).toBe(true);
    expect(isOutstanding('accepted')).toBe(false);
  });

  it('late and escalated once the deadline has passed, until accepted', () => {
    expect(lateness('open', '2026-03-10', '2026-03-10')).toEqual({ late: false, escalated: false, daysOverdue: 0 });
    expect(lateness('submitted', '2026-03-10', '2026-03-12')).toEqual({ late: true, escalated: true, daysOverdue: 2 });
    expect(lateness('accepted', '2026-03-10', '2026-04-01')).toEqual({ late: false, escalated: false, daysOverdue: 0 });
  });

  it('default deadline is today + rectification.defaultDays, across months and leap days', () => {
    expect(defaultDueOn('2026-11-27', 15)).toBe('2026-12-12');
    expect(defaultDueOn('2028-02-20', 15)).toBe('2028-03-06');
  });
});
