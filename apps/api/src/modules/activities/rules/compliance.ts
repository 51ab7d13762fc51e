/**
 * The compliance calendar for one branch: what is done, due, due soon or late in the periods around a month.
 * PRODUCT.md principle 2: deadlines, not scores. Nothing here ranks branches or turns rows into a percentage;
 * complianceSummary only counts a branch's own rows for display.
 */
import { addDays, daysInMonth, isValidDate, isValidMonth } from '@dj/contracts';
import { ACTIVITY_KIND_LABELS, countedKinds, type ActivityKind } from './activity-kinds.js';
import type { BranchFacts, CompliancePeriod, ComplianceRule } from './compliance-rules.js';

/** awaiting_sign_off: enough held by the deadline, some still waiting for the supervisor (已开展·待签认), never late. */
export type ComplianceStatus = 'done' | 'awaiting_sign_off' | 'due' | 'due_soon' | 'late';

export interface ActivityRecord {
  kind: ActivityKind;
  date: string;
  groupId?: number | null;
  countsFor?: readonly ActivityKind[];
  attendeeIds?: readonly number[];
  /** Guided by a supervisor and not yet signed off: shown as waiting, not counted as done. */
  awaitingSignOff?: boolean;
}

export interface ComplianceInput {
  rules: readonly ComplianceRule[];
  periodMonth: string;
  today: string;
  branch: BranchFacts;
  activities: readonly ActivityRecord[];
  dueSoonDays?: number;
}

export interface ComplianceRow {
  ruleKey: string;
  kind: ActivityKind;
  label: string;
  /** Set on per-group rows. */
  groupId: number | null;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  expected: number;
  done: number;
  /** 'times' counts activities; 'members' counts members who have had enough (per-member rules). */
  unit: 'times' | 'members';
  status: ComplianceStatus;
  /** Held, guided by a supervisor, not yet signed off. */
  awaitingSignOff: number;
  source: string;
  /** Per-member rows: who still needs one, so the secretary knows whom to talk with. */
  pendingMemberIds?: number[];
}

export const DEFAULT_DUE_SOON_DAYS = 7;

const pad2 = (n: number) => String(n).padStart(2, '0');

interface PeriodBounds { start: string; end: string; lastMonth: string; label: string }

export function periodBounds(period: CompliancePeriod, periodMonth: string): PeriodBounds {
  if (!isValidMonth(periodMonth)) throw new Error(`月份格式不正确: ${periodMonth}(应为 YYYY-MM)`);
  const year = Number(periodMonth.slice(0, 4));
  const month = Number(periodMonth.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const [first, last, label] =
    period === 'month' ? [month, month, `${year}年${month}月`]
    : period === 'quarter' ? [quarter * 3 - 2, quarter * 3, `${year}年第${quarter}季度`]
    : [1, 12, `${year}年`];
  const lastMonth = `${year}-${pad2(last)}`;
  return { start: `${year}-${pad2(first)}-01`, end: `${lastMonth}-${pad2(daysInMonth(year, last))}`, lastMonth, label };
}

/** The period's last day, or the rule's day in its last month (a 31st in a 30-day month falls on the 30th). */
export function deadlineFor(rule: Pick<ComplianceRule, 'dueDay'>, bounds: PeriodBounds): string {
  if (rule.dueDay === undefined) return bounds.end;
  const year = Number(bounds.lastMonth.slice(0, 4));
  const month = Number(bounds.lastMonth.slice(5, 7));
  return `${bounds.lastMonth}-${pad2(Math.min(rule.dueDay, daysInMonth(year, month)))}`;
}

/** `waiting`: held by the deadline and waiting for the supervisor's sign-off; the branch has done its part. */
export function statusFor(done: number, expected: number, deadline: string, today: string, dueSoonDays: number, waiting = 0): ComplianceStatus {
  if (done >= expected) return 'done';
  if (done + waiting >= expected) return 'awaiting_sign_off';
  if (today > deadline) return 'late';
  return addDays(today, dueSoonDays) >= deadline ? 'due_soon' : 'due';
}

export function complianceFor(input: ComplianceInput): ComplianceRow[] {
  const { rules, periodMonth, today, branch, activities } = input;
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  if (!isValidDate(today)) throw new Error(`当前日期格式不正确: ${today}(应为 YYYY-MM-DD)`);
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new Error('临近提醒天数应为不小于0的整数');
  for (const a of activities) if (!isValidDate(a.date)) throw new Error(`活动日期格式不正确: ${a.date}(应为 YYYY-MM-DD)`);

  // Counted once per kind, so a 三日合一 or a 组织生活会 held as a 党员大会 satisfies each rule it serves.
  const counted = activities.map((a) => ({ ...a, kinds: countedKinds(a.kind, a.countsFor ?? []) }));
  const memberIds = [...new Set(branch.memberIds)];
  const rows: ComplianceRow[] = [];

  for (const rule of rules) {
    if (!rule.appliesTo(branch)) continue;
    const bounds = periodBounds(rule.period, periodMonth);
    const deadline = deadlineFor(rule, bounds);
    // Only what has been held counts: a future-dated record is a plan, not a meeting.
    const until = today < bounds.end ? today : bounds.end;
    const held = counted.filter((a) => a.kinds.includes(rule.kind) && a.date >= bounds.start && a.date <= until);
    const inPeriod = held.filter((a) => !a.awaitingSignOff);
    const waiting = (groupId: number | null) => held.filter((a) => a.awaitingSignOff && (groupId === null || a.groupId === groupId)).length;
    // Held by the deadline and only waiting for the sign-off: the branch was on time, whatever the supervisor does.
    const waitingInTime = (groupId: number | null) =>
      held.filter((a) => a.awaitingSignOff && a.date <= deadline && (groupId === null || a.groupId === groupId)).length;
    const base = {
      ruleKey: rule.key, kind: rule.kind, label: ACTIVITY_KIND_LABELS[rule.kind], periodLabel: bounds.label,
      periodStart: bounds.start, periodEnd: bounds.end, deadline, source: rule.source,
    };
    const row = (groupId: number | null, expected: number, done: number, unit: ComplianceRow['unit']): ComplianceRow => ({
      ...base, groupId, expected, done, unit,
      status: statusFor(done, expected, deadline, today, dueSoonDays, unit === 'members' ? 0 : waitingInTime(groupId)),
      awaitingSignOff: unit === 'members' ? 0 : waiting(groupId),
    });

    if (rule.perMember) {
      const times = new Map<number, number>();
      for (const a of inPeriod) for (const id of new Set(a.attendeeIds ?? [])) times.set(id, (times.get(id) ?? 0) + 1);
      const pending = memberIds.filter((id) => (times.get(id) ?? 0) < rule.expected);
      rows.push({ ...row(null, memberIds.length, memberIds.length - pending.length, 'members'), pendingMemberIds: pending });
    } else if (rule.perGroup) {
      for (const groupId of new Set(branch.groupIds)) {
        rows.push(row(groupId, rule.expected, inPeriod.filter((a) => a.groupId === groupId).length, 'times'));
      }
    } else {
      rows.push(row(null, rule.expected, inPeriod.length, 'times'));
    }
  }
  return rows;
}

export interface ComplianceSummary { total: number; done: number; awaitingSignOff: number; due: number; dueSoon: number; late: number }

/** Counts for one branch's own page. Deliberately no ratio: a ratio invites the league table principle 2 forbids. */
export function complianceSummary(rows: readonly ComplianceRow[]): ComplianceSummary {
  const count = (s: ComplianceStatus) => rows.filter((r) => r.status === s).length;
  return { total: rows.length, done: count('done'), awaitingSignOff: count('awaiting_sign_off'), due: count('due'), dueSoon: count('due_soon'), late: count('late') };
}
