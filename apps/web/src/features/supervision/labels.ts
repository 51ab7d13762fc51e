import type { ActivityKind } from '@dj/contracts';

/** The names used in 党内法规 for each kind of 组织生活. */
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

export const ACTIVITY_KIND_OPTIONS = (Object.keys(ACTIVITY_KIND_LABELS) as ActivityKind[]).map((value) => ({
  value,
  label: ACTIVITY_KIND_LABELS[value],
}));
