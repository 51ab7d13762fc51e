import { describe, expect, it } from 'vitest';
import { SETTINGS, settingDefinition } from '../../settings/registry.js';
import {
  DEFAULT_PARTY_LECTURES_PER_QUARTER, DEFAULT_THEME_DAY, PARTY_LECTURE_SETTING_KEY, THEME_DAY_SETTING_KEY, defaultComplianceRules, type BranchFacts, type ComplianceRule,
} from './compliance-rules.js';

const rules = defaultComplianceRules();
const rule = (key: string): ComplianceRule => {
  const found = rules.find((r) => r.key === key);
  if (!found) throw new Error(`no rule ${key}`);
  return found;
};
const branch = (over: Partial<BranchFacts> = {}): BranchFacts => ({ hasCommittee: true, groupIds: [1, 2], memberIds: [1, 2, 3], ...over });

describe('defaultComplianceRules', () => {
  it('has one rule per required kind, with unique keys', () => {
    expect(rules.map((r) => r.key)).toEqual([
      'committee_meeting.monthly', 'group_meeting.monthly', 'theme_day.monthly', 'general_meeting.quarterly',
      'party_lecture.quarterly', 'life_meeting.yearly', 'appraisal.yearly', 'heart_talk.yearly',
    ]);
    expect(new Set(rules.map((r) => r.key)).size).toBe(rules.length);
  });

  it('支部工作条例 第十一条: 党员大会 is due once a quarter', () => {
    expect(rule('general_meeting.quarterly')).toMatchObject({ kind: 'general_meeting', period: 'quarter', expected: 1 });
    expect(rule('general_meeting.quarterly').source).toContain('第十一条');
    expect(rule('general_meeting.quarterly').local).toBeUndefined();
  });

  it('支部工作条例 第十二条: 支委会 is due monthly, only where a 支部委员会 exists', () => {
    const r = rule('committee_meeting.monthly');
    expect(r).toMatchObject({ kind: 'committee_meeting', period: 'month', expected: 1 });
    expect(r.source).toContain('第十二条');
    expect(r.appliesTo(branch({ hasCommittee: true }))).toBe(true);
    expect(r.appliesTo(branch({ hasCommittee: false }))).toBe(false);
  });

  it('支部工作条例 第十三条: 党小组会 is due monthly for each 党小组', () => {
    const r = rule('group_meeting.monthly');
    expect(r).toMatchObject({ kind: 'group_meeting', period: 'month', expected: 1, perGroup: true });
    expect(r.source).toContain('第十三条');
    expect(r.appliesTo(branch({ groupIds: [] }))).toBe(false);
    expect(r.appliesTo(branch({ groupIds: [7] }))).toBe(true);
  });

  it('支部工作条例 第十六条: 主题党日 monthly on the town\'s day, default 28 (local setting)', () => {
    expect(THEME_DAY_SETTING_KEY).toBe('activity.themeDayOfMonth');
    expect(DEFAULT_THEME_DAY).toBe(28);
    expect(rule('theme_day.monthly')).toMatchObject({ period: 'month', expected: 1, dueDay: 28, local: true });
    expect(rule('theme_day.monthly').source).toContain('每月28日');
    const r10 = defaultComplianceRules(10).find((r) => r.kind === 'theme_day');
    expect(r10?.dueDay).toBe(10);
    expect(r10?.source).toContain('每月10日');
  });

  it('13.6 党课 per quarter is the town setting activity.partyLecturesPerQuarter, default 1; 0 means not due', () => {
    expect(PARTY_LECTURE_SETTING_KEY).toBe('activity.partyLecturesPerQuarter');
    expect(DEFAULT_PARTY_LECTURES_PER_QUARTER).toBe(1);
    const two = defaultComplianceRules(28, 2).find((r) => r.kind === 'party_lecture');
    expect(two).toMatchObject({ expected: 2, local: true });
    expect(two?.source).toContain('每季度至少上2次党课');
    expect(two?.appliesTo(branch())).toBe(true);
    expect(defaultComplianceRules(28, 0).find((r) => r.kind === 'party_lecture')?.appliesTo(branch())).toBe(false);
    expect(() => defaultComplianceRules(28, -1)).toThrow('每季度党课次数应为不小于0的整数');
  });

  it('13.6 every local rule is a town setting with its default and source in the registry', () => {
    for (const r of rules.filter((x) => x.local)) expect(r.source, r.key).toMatch(/本镇设置/);
    const keys = SETTINGS.map((s) => s.key as string);
    expect(keys).toEqual(expect.arrayContaining([THEME_DAY_SETTING_KEY, PARTY_LECTURE_SETTING_KEY]));
    expect(settingDefinition(PARTY_LECTURE_SETTING_KEY)).toMatchObject({ defaultValue: DEFAULT_PARTY_LECTURES_PER_QUARTER, min: 0 });
    expect(settingDefinition(THEME_DAY_SETTING_KEY)?.defaultValue).toBe(DEFAULT_THEME_DAY);
  });

  it('党课 quarterly is local practice, not a central number (domain-rules §2.1)', () => {
    const r = rule('party_lecture.quarterly');
    expect(r).toMatchObject({ period: 'quarter', expected: 1, local: true });
    expect(r.source).toContain('地方做法');
    expect(r.source).toContain('非中央统一规定');
  });

  it('支部工作条例 第十七条: 组织生活会 at least yearly, normally in Q4', () => {
    const r = rule('life_meeting.yearly');
    expect(r).toMatchObject({ period: 'year', expected: 1 });
    expect(r.source).toContain('第十七条');
    expect(r.note).toContain('第四季度');
  });

  it('支部工作条例 第十八条: 民主评议党员 yearly', () => {
    expect(rule('appraisal.yearly')).toMatchObject({ period: 'year', expected: 1 });
    expect(rule('appraisal.yearly').source).toContain('第十八条');
  });

  it('支部工作条例 第十九条: 谈心谈话 at least once a year for each member', () => {
    const r = rule('heart_talk.yearly');
    expect(r).toMatchObject({ period: 'year', expected: 1, perMember: true });
    expect(r.source).toContain('第十九条');
    expect(r.appliesTo(branch({ memberIds: [] }))).toBe(false);
  });

  it('rules that every branch has apply regardless of committee or groups', () => {
    const bare = branch({ hasCommittee: false, groupIds: [] });
    expect(rules.filter((r) => r.appliesTo(bare)).map((r) => r.kind)).toEqual([
      'theme_day', 'general_meeting', 'party_lecture', 'life_meeting', 'appraisal', 'heart_talk',
    ]);
  });

  it('rejects a theme day that is not a day of the month', () => {
    for (const bad of [0, 32, 1.5, Number.NaN]) expect(() => defaultComplianceRules(bad), String(bad)).toThrow('主题党日应为每月1日至31日之间的整数');
    expect(defaultComplianceRules(31).find((r) => r.kind === 'theme_day')?.dueDay).toBe(31);
  });
});
