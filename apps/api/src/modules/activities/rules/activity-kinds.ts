/**
 * The kinds of 组织生活 (GLOSSARY "Organisation life") and which requirements one held activity may count for.
 * One meeting often serves several requirements (a 组织生活会 held as a 党员大会). Counting it once per
 * requirement is what the regulations allow; making branches hold and document the same meeting twice is the
 * 痕迹 burden PRODUCT.md principle 2 argues against. Every combination carries its source so a town can audit it.
 */

import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '@dj/contracts';

// The list lives in the contracts so the API, the forms and these rules share one set of codes.
export { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind };


export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value);
}

/**
 * 三日合一 is one calendar event with three typed agendas (domain-rules §2.5), so it always counts for all three.
 * Source: 西王庄镇做法(齐鲁晚报2020-07-03报道); no higher-level document found, so it is treated as the town's practice.
 */
export const COMBINED_DAY_KINDS: readonly ActivityKind[] = ['theme_day', 'deliberation_day', 'villager_say_day'];

export interface KindCombination {
  /** Unordered: an activity recorded as either kind may also count for the other. */
  kinds: readonly [ActivityKind, ActivityKind];
  /** 'central' when a central regulation says so; 'local' when it is only common local practice. */
  basis: 'central' | 'local';
  source: string;
}

const REG = '《中国共产党支部工作条例（试行）》';
const LIFE_MEETING_FORMS = `${REG}第十七条: 组织生活会一般以党支部党员大会、党支部委员会会议或者党小组会形式召开`;
const THEME_DAY_LOCAL = `地方做法: 支部党员大会、党课等可安排在主题党日进行(${REG}第十六条: 主题党日组织党员集中学习、过组织生活)`;

export const KIND_COMBINATIONS: readonly KindCombination[] = [
  { kinds: ['life_meeting', 'general_meeting'], basis: 'central', source: LIFE_MEETING_FORMS },
  { kinds: ['life_meeting', 'committee_meeting'], basis: 'central', source: LIFE_MEETING_FORMS },
  { kinds: ['life_meeting', 'group_meeting'], basis: 'central', source: LIFE_MEETING_FORMS },
  { kinds: ['appraisal', 'life_meeting'], basis: 'central', source: `${REG}第十八条: 民主评议党员可以结合组织生活会一并进行` },
  {
    kinds: ['appraisal', 'general_meeting'],
    basis: 'central',
    source: `${REG}第十八条: 党支部召开党员大会,按照个人自评、党员互评、民主测评的程序,组织党员进行评议`,
  },
  { kinds: ['theme_day', 'general_meeting'], basis: 'local', source: THEME_DAY_LOCAL },
  { kinds: ['theme_day', 'party_lecture'], basis: 'local', source: THEME_DAY_LOCAL },
];

/** What an activity counts for by its own kind, before any countsFor is added. */
export function baseKinds(kind: ActivityKind): ActivityKind[] {
  return kind === 'combined_day' ? [kind, ...COMBINED_DAY_KINDS] : [kind];
}

/** The kinds that may be added to an activity of this kind, each with the source that allows it. */
export function combinableWith(kind: ActivityKind): { kind: ActivityKind; source: string }[] {
  const base = baseKinds(kind);
  const found = new Map<ActivityKind, string>();
  for (const c of KIND_COMBINATIONS) {
    const [a, b] = c.kinds;
    if (base.includes(a) && !base.includes(b) && !found.has(b)) found.set(b, c.source);
    if (base.includes(b) && !base.includes(a) && !found.has(a)) found.set(a, c.source);
  }
  return [...found].map(([k, source]) => ({ kind: k, source }));
}

/** Problems with a requested countsFor list, in Chinese, for the form that records the activity. */
export function countsForProblems(kind: ActivityKind, countsFor: readonly string[]): string[] {
  const base = baseKinds(kind);
  const allowed = new Set(combinableWith(kind).map((c) => c.kind));
  const problems: string[] = [];
  for (const k of countsFor) {
    if (!isActivityKind(k)) problems.push(`未知的组织生活类型: ${k}`);
    else if (base.includes(k)) continue; // Saying the obvious is harmless.
    else if (!allowed.has(k)) problems.push(`“${ACTIVITY_KIND_LABELS[kind]}”不能同时计为“${ACTIVITY_KIND_LABELS[k]}”`);
  }
  return problems;
}

/**
 * Every kind an activity counts for. Combinations the table does not allow are ignored rather than thrown:
 * the compliance calendar must still render for old records; the recording form rejects them via countsForProblems.
 */
export function countedKinds(kind: ActivityKind, countsFor: readonly ActivityKind[] = []): ActivityKind[] {
  const allowed = new Set(combinableWith(kind).map((c) => c.kind));
  const result = baseKinds(kind);
  for (const k of countsFor) if (allowed.has(k) && !result.includes(k)) result.push(k);
  return result;
}
