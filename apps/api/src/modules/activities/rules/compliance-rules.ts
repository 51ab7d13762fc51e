/**
 * How often each kind of 组织生活 is due, as data (PRODUCT.md principle 3: rules are data, with a source note).
 * Central frequencies come from 《中国共产党支部工作条例（试行）》(2018); the local ones (how many 党课 a quarter,
 * the day of the 主题党日) are town settings, passed in by the caller and marked local. Article numbers 第十五/十六/十八/十九条 were inferred from reprints, not from
 * the official text: verify them before release (see domain-rules.md caveat).
 */
import type { ActivityKind } from './activity-kinds.js';

export type CompliancePeriod = 'month' | 'quarter' | 'year';

/** What the rules need to know about a branch; the caller derives these from the roster and org tree. */
export interface BranchFacts {
  /** A 支部委员会 exists (required with ≥7 正式党员); passed in because a branch below 7 may still have one. */
  hasCommittee: boolean;
  groupIds: readonly number[];
  memberIds: readonly number[];
}

export interface ComplianceRule {
  /** Stable identifier, so a town's overrides and the UI can refer to a rule. */
  key: string;
  kind: ActivityKind;
  period: CompliancePeriod;
  /** Activities needed per period (per group / per member when those flags are set). */
  expected: number;
  /** One requirement per 党小组 rather than per branch. */
  perGroup?: boolean;
  /** Each member needs `expected` activities in which they took part; reported as one row counting members. */
  perMember?: boolean;
  appliesTo: (branch: BranchFacts) => boolean;
  source: string;
  /** True when the number is local practice, not a central rule, so the town admin may change it. */
  local?: boolean;
  /** Deadline day in the period's last month instead of its last day; clamped to that month's length. */
  dueDay?: number;
  /** Extra guidance shown next to the rule. */
  note?: string;
}

/** The town setting that holds the 主题党日 day (apps/api/src/modules/settings/registry.ts). */
export const THEME_DAY_SETTING_KEY = 'activity.themeDayOfMonth';
/** 28日 comes from the 西王庄镇 article only; the national rule says "每月相对固定1天" (domain-rules §0). */
export const DEFAULT_THEME_DAY = 28;

/** The town setting that holds how many 党课 a branch holds each quarter (0: the town sets no such rule). */
export const PARTY_LECTURE_SETTING_KEY = 'activity.partyLecturesPerQuarter';
/** Local practice in many places (domain-rules §2.1); no central number. */
export const DEFAULT_PARTY_LECTURES_PER_QUARTER = 1;

const REG = '《中国共产党支部工作条例（试行）》';

/** The rules with the town's local values: the 主题党日 day and the number of 党课 a quarter. */
export function defaultComplianceRules(themeDay: number = DEFAULT_THEME_DAY, partyLecturesPerQuarter: number = DEFAULT_PARTY_LECTURES_PER_QUARTER): ComplianceRule[] {
  if (!Number.isInteger(themeDay) || themeDay < 1 || themeDay > 31) throw new Error('主题党日应为每月1日至31日之间的整数');
  if (!Number.isInteger(partyLecturesPerQuarter) || partyLecturesPerQuarter < 0) throw new Error('每季度党课次数应为不小于0的整数');
  return [
    {
      key: 'committee_meeting.monthly',
      kind: 'committee_meeting',
      period: 'month',
      expected: 1,
      appliesTo: (b) => b.hasCommittee,
      source: `${REG}第十二条: 党支部委员会会议一般每月召开1次`,
      note: '仅适用于设立支部委员会的党支部(有正式党员7人以上的应当设立)',
    },
    {
      key: 'group_meeting.monthly',
      kind: 'group_meeting',
      period: 'month',
      expected: 1,
      perGroup: true,
      appliesTo: (b) => b.groupIds.length > 0,
      source: `${REG}第十三条: 党小组会一般每月召开1次`,
    },
    {
      key: 'theme_day.monthly',
      kind: 'theme_day',
      period: 'month',
      expected: 1,
      dueDay: themeDay,
      local: true,
      appliesTo: () => true,
      source: `${REG}第十六条: 党支部每月相对固定1天开展主题党日;具体日期为本镇设置 ${THEME_DAY_SETTING_KEY}(每月${themeDay}日)`,
    },
    {
      key: 'general_meeting.quarterly',
      kind: 'general_meeting',
      period: 'quarter',
      expected: 1,
      appliesTo: () => true,
      source: `${REG}第十一条: 党支部党员大会一般每季度召开1次`,
    },
    {
      key: 'party_lecture.quarterly',
      kind: 'party_lecture',
      period: 'quarter',
      expected: partyLecturesPerQuarter,
      local: true,
      // 0: the town keeps no quarterly 党课 rule, so nothing is due.
      appliesTo: () => partyLecturesPerQuarter > 0,
      source: `地方做法: 党支部每季度至少上${partyLecturesPerQuarter}次党课,本镇设置 ${PARTY_LECTURE_SETTING_KEY}(非中央统一规定;${REG}第十五条仅规定党委(党组)书记每年至少讲1次党课)`,
    },
    {
      key: 'life_meeting.yearly',
      kind: 'life_meeting',
      period: 'year',
      expected: 1,
      appliesTo: () => true,
      source: `${REG}第十七条: 党支部每年至少召开1次组织生活会,一般安排在第四季度`,
      note: '一般安排在第四季度',
    },
    {
      key: 'appraisal.yearly',
      kind: 'appraisal',
      period: 'year',
      expected: 1,
      appliesTo: () => true,
      source: `${REG}第十八条: 党支部一般每年开展1次民主评议党员,可以结合组织生活会一并进行`,
    },
    {
      key: 'heart_talk.yearly',
      kind: 'heart_talk',
      period: 'year',
      expected: 1,
      perMember: true,
      appliesTo: (b) => b.memberIds.length > 0,
      source: `${REG}第十九条: 党支部委员之间、党支部委员和党员之间、党员和党员之间,每年谈心谈话一般不少于1次`,
    },
  ];
}
