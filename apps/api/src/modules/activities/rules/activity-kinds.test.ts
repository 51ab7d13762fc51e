import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, COMBINED_DAY_KINDS, KIND_COMBINATIONS, baseKinds, combinableWith, countedKinds,
  countsForProblems, isActivityKind,
} from './activity-kinds.js';

describe('activity kinds', () => {
  it('uses exactly the GLOSSARY code names, each with a Chinese label', () => {
    expect([...ACTIVITY_KINDS]).toEqual([
      'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting',
      'appraisal', 'heart_talk', 'deliberation_day', 'villager_say_day', 'combined_day',
    ]);
    expect(ACTIVITY_KIND_LABELS).toMatchObject({
      general_meeting: '支部党员大会', committee_meeting: '支部委员会', group_meeting: '党小组会', party_lecture: '党课',
      theme_day: '主题党日', life_meeting: '组织生活会', appraisal: '民主评议党员', heart_talk: '谈心谈话',
      deliberation_day: '党群议事日', villager_say_day: '村民说事日', combined_day: '三日合一',
    });
    expect(isActivityKind('theme_day')).toBe(true);
    expect(isActivityKind('democratic_life_meeting')).toBe(false);
  });

  it('三日合一 counts for 主题党日, 党群议事日 and 村民说事日 without being asked', () => {
    expect([...COMBINED_DAY_KINDS]).toEqual(['theme_day', 'deliberation_day', 'villager_say_day']);
    expect(countedKinds('combined_day')).toEqual(['combined_day', 'theme_day', 'deliberation_day', 'villager_say_day']);
    expect(baseKinds('theme_day')).toEqual(['theme_day']);
  });

  it('支部工作条例 第十七条: a 组织生活会 held as a 党员大会, 支委会 or 党小组会 counts for both', () => {
    expect(countedKinds('life_meeting', ['general_meeting'])).toEqual(['life_meeting', 'general_meeting']);
    expect(countedKinds('general_meeting', ['life_meeting'])).toEqual(['general_meeting', 'life_meeting']);
    expect(countedKinds('group_meeting', ['life_meeting'])).toEqual(['group_meeting', 'life_meeting']);
    expect(countedKinds('committee_meeting', ['life_meeting'])).toEqual(['committee_meeting', 'life_meeting']);
  });

  it('支部工作条例 第十八条: 民主评议 may be combined with 组织生活会 and held at a 党员大会', () => {
    expect(countedKinds('life_meeting', ['appraisal', 'general_meeting'])).toEqual(['life_meeting', 'appraisal', 'general_meeting']);
    expect(countedKinds('appraisal', ['general_meeting'])).toEqual(['appraisal', 'general_meeting']);
  });

  it('ignores combinations the table does not allow, so a bad old record cannot inflate the calendar', () => {
    expect(countedKinds('heart_talk', ['general_meeting'])).toEqual(['heart_talk']);
    expect(countedKinds('party_lecture', ['committee_meeting', 'theme_day'])).toEqual(['party_lecture', 'theme_day']);
    expect(countedKinds('general_meeting', ['general_meeting', 'life_meeting', 'life_meeting'])).toEqual(['general_meeting', 'life_meeting']);
  });

  it('a 三日合一 may also carry what a 主题党日 may carry (a 党课 or 党员大会 held that day)', () => {
    expect(combinableWith('combined_day').map((c) => c.kind).sort()).toEqual(['general_meeting', 'party_lecture']);
    expect(countedKinds('combined_day', ['party_lecture'])).toContain('party_lecture');
  });

  it('explains disallowed or unknown countsFor in Chinese', () => {
    expect(countsForProblems('life_meeting', ['general_meeting', 'appraisal', 'life_meeting'])).toEqual([]);
    expect(countsForProblems('heart_talk', ['general_meeting', 'vote'])).toEqual([
      '“谈心谈话”不能同时计为“支部党员大会”',
      '未知的组织生活类型: vote',
    ]);
  });

  it('every combination names a source, and local practice is marked as such', () => {
    for (const c of KIND_COMBINATIONS) {
      expect(c.source.length).toBeGreaterThan(10);
      expect(c.kinds[0]).not.toBe(c.kinds[1]);
      if (c.basis === 'local') expect(c.source).toContain('地方做法');
      else expect(c.source).toMatch(/支部工作条例.*第十[七八]条/);
    }
    const theme = combinableWith('theme_day');
    expect(theme.find((c) => c.kind === 'party_lecture')?.source).toContain('地方做法');
    expect(combinableWith('appraisal').find((c) => c.kind === 'life_meeting')?.source).toContain('结合组织生活会');
  });
});
