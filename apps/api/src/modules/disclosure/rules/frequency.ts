/**
 * How often a village must disclose what (domain-rules §2.5), as data with sources, and the pure
 * functions that turn it into periods, due dates and statuses. No database, no clock: `today` is passed in.
 */
import type { DisclosureCategory, DisclosureRuleKey } from '@dj/contracts';

export type Schedule = 'monthly' | 'quarterly' | 'yearly' | 'immediate';
export type DueStatus = 'done' | 'due' | 'due_soon' | 'late';

export interface FrequencyRule {
  key: DisclosureRuleKey;
  category: DisclosureCategory;
  label: string;
  schedule: Schedule;
  items: string;
  source: string;
}

const LAW_30 = '《中华人民共和国村民委员会组织法》第三十条';
const PRACTICE = '三务公开通行做法:固定公开每年、定期公开每季度、即时公开随时';

/**
 * finance_monthly applies to every village of the town: the law asks monthly only where 集体财务往来较多, and
 * the town chose the stricter rule for all (the 镇农经站 reviews the monthly 收支 anyway); a village without
 * monthly business still publishes a 无收支 statement.
 */
export const FREQUENCY_RULES: readonly FrequencyRule[] = [
  { key: 'finance_monthly', category: 'finance', label: '财务收支', schedule: 'monthly', items: '集体财务收支明细、补贴资金和物资发放',
    source: `${LAW_30}:集体财务往来较多的,财务收支情况应当每月公布一次` },
  { key: 'village_quarterly', category: 'village', label: '村务一般事项', schedule: 'quarterly', items: '村民会议/代表会议决定及实施、协助政府开展的工作、村民关心的事项',
    source: `${LAW_30}:一般事项至少每季度公布一次` },
  { key: 'party_quarterly', category: 'party', label: '定期党务', schedule: 'quarterly', items: '党费收缴、组织生活开展、党员教育管理情况',
    source: `${PRACTICE}(党费缴纳等定期公开);《中国共产党党务公开条例(试行)》` },
  { key: 'party_yearly', category: 'party', label: '党务固定公开', schedule: 'yearly', items: '组织设置、任期目标、年度工作计划、后备干部',
    source: `${PRACTICE}(固定公开)` },
  { key: 'village_yearly', category: 'village', label: '村务固定公开', schedule: 'yearly', items: '村级组织职责、年度工作目标和计划、村规民约',
    source: `${PRACTICE}(固定公开)` },
  { key: 'village_major', category: 'village', label: '村务重大事项', schedule: 'immediate', items: '四议两公开的决议和实施结果、集体资产资源处置等重大事项',
    source: `${LAW_30}:涉及村民利益的重大事项应当随时公布` },
  { key: 'party_recruitment', category: 'party', label: '发展党员等即时党务', schedule: 'immediate', items: '发展党员、预备党员转正等',
    source: `${PRACTICE}(即时公开);《中国共产党发展党员工作细则》公示要求` },
];

export const ruleOf = (key: string | null | undefined) => FREQUENCY_RULES.find((r) => r.key === key);

const PERIOD_SHAPES: Record<Schedule, RegExp> = {
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarterly: /^\d{4}-Q[1-4]$/,
  yearly: /^\d{4}$/,
  immediate: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};
const SHAPE_TEXT: Record<Schedule, string> = { monthly: '2026-09', quarterly: '2026-Q3', yearly: '2026', immediate: '2026-09-15' };

export const periodExample = (schedule: Schedule) => SHAPE_TEXT[schedule];

/** Null when the period fits the rule's schedule, else the message for the `period` field. */
export function periodProblem(rule: FrequencyRule | undefined, period: string): string | null {
  if (!rule) return null;
  if (PERIOD_SHAPES[rule.schedule].test(period)) return null;
  return `“${rule.label}”按${{ monthly: '月', quarterly: '季度', yearly: '年度', immediate: '日期' }[rule.schedule]}公开,公开期间应写作 ${SHAPE_TEXT[rule.schedule]}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month (year, 1–12) in which a period's disclosure falls due: the first month after the period. */
function monthAfter(period: string): { y: number; m: number } | null {
  let y: number;
  let lastMonth: number;
  if (PERIOD_SHAPES.monthly.test(period)) { y = Number(period.slice(0, 4)); lastMonth = Number(period.slice(5, 7)); }
  else if (PERIOD_SHAPES.quarterly.test(period)) { y = Number(period.slice(0, 4)); lastMonth = Number(period.slice(6)) * 3; }
  else if (PERIOD_SHAPES.yearly.test(period)) { y = Number(period); lastMonth = 12; }
  else return null;
  return lastMonth === 12 ? { y: y + 1, m: 1 } : { y, m: lastMonth + 1 };
}

/** Due date of a scheduled period: `dueDay` of the month after it (quarter → its next month; year → January). */
export function dueDateOf(period: string, dueDay: number): string | null {
  const after = monthAfter(period);
  return after ? `${after.y}-${pad(after.m)}-${pad(dueDay)}` : null;
}

/** The last period of a schedule that has fully ended by `today` (YYYY-MM-DD), then `count - 1` earlier ones, newest first. */
export function endedPeriods(schedule: Exclude<Schedule, 'immediate'>, today: string, count: number): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const out: string[] = [];
  if (schedule === 'monthly') {
    let [yy, mm] = m === 1 ? [y - 1, 12] : [y, m - 1];
    for (let i = 0; i < count; i++) { out.push(`${yy}-${pad(mm)}`); [yy, mm] = mm === 1 ? [yy - 1, 12] : [yy, mm - 1]; }
  } else if (schedule === 'quarterly') {
    let q = Math.ceil(m / 3) - 1;
    let yy = y;
    if (q === 0) { q = 4; yy--; }
    for (let i = 0; i < count; i++) { out.push(`${yy}-Q${q}`); if (--q === 0) { q = 4; yy--; } }
  } else {
    for (let i = 0; i < count; i++) out.push(String(y - 1 - i));
  }
  return out;
}

/** Days from a to b (both YYYY-MM-DD), negative when b is earlier. */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface DueSettings { dueDay: number; dueSoonDays: number }

export function dueStatus(dueOn: string, today: string, done: boolean, dueSoonDays: number): DueStatus {
  if (done) return 'done';
  if (today > dueOn) return 'late';
  return daysBetween(today, dueOn) <= dueSoonDays ? 'due_soon' : 'due';
}

/** Published disclosures that count: a published one with the rule's key and the period satisfies it. */
export interface PublishedFact { id: number; ruleKey: string | null; period: string }

export interface RuleStanding {
  rule: FrequencyRule;
  period: string;
  dueOn: string;
  status: DueStatus;
  disclosureId: number | null;
  /** Earlier periods within the last 12 months not yet published. */
  missed: { period: string; dueOn: string }[];
}

/** Periods of one schedule inside the 12-month look-back (a year has 1, a quarter 4, a month 12). */
const LOOKBACK: Record<Exclude<Schedule, 'immediate'>, number> = { monthly: 12, quarterly: 4, yearly: 1 };

/**
 * For one village branch at `today`: each scheduled rule's latest ended period with its status, and the earlier
 * periods of the last 12 months that were never published. Immediate rules have no schedule and never fall due.
 */
export function standingsAt(published: readonly PublishedFact[], today: string, settings: DueSettings): RuleStanding[] {
  const out: RuleStanding[] = [];
  for (const rule of FREQUENCY_RULES) {
    if (rule.schedule === 'immediate') continue;
    const [latest, ...earlier] = endedPeriods(rule.schedule, today, LOOKBACK[rule.schedule]);
    const found = (period: string) => published.find((p) => p.ruleKey === rule.key && p.period === period);
    const dueOn = dueDateOf(latest, settings.dueDay) as string;
    const hit = found(latest);
    out.push({
      rule, period: latest, dueOn, status: dueStatus(dueOn, today, !!hit, settings.dueSoonDays), disclosureId: hit?.id ?? null,
      missed: earlier.filter((p) => !found(p)).map((p) => ({ period: p, dueOn: dueDateOf(p, settings.dueDay) as string }))
        .filter((p) => p.dueOn < today),
    });
  }
  return out;
}
