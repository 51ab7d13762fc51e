import { z } from 'zod';

/** The kinds of 组织生活 (GLOSSARY "Organisation life"); the server's rules import this one list. */
export const ACTIVITY_KINDS = [
  'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting',
  'appraisal', 'heart_talk', 'deliberation_day', 'villager_say_day', 'combined_day',
] as const;
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/** The names the 党内法规 use for each kind; the API's documents and every page read this one list. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支部委员会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  appraisal: '民主评议党员',
  heart_talk: '谈心谈话',
  deliberation_day: '党群议事日',
  villager_say_day: '村民说事日',
  combined_day: '三日合一',
};

export const ATTENDANCE_STATES = ['present', 'excused', 'absent'] as const;
/** Where an activity's evidence stands with its supervisor (督导签认). */
export const ACTIVITY_REVIEW_STATUSES = ['none', 'submitted', 'signed_off', 'returned'] as const;
