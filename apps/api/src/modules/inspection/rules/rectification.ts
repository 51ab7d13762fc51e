import type { RectificationStatus } from '@dj/contracts';

/**
 * 整改 states: open → submitted (evidence) → accepted | reopened (with a reason) → submitted … The village may add
 * evidence while the task waits for review, so several photos can arrive in several submissions.
 */
export type RectificationAction = 'evidence' | 'accept' | 'reopen';

const ALLOWED: Record<RectificationAction, readonly RectificationStatus[]> = {
  evidence: ['open', 'reopened', 'submitted'],
  accept: ['submitted'],
  reopen: ['submitted'],
};

const REFUSALS: Record<RectificationAction, Partial<Record<RectificationStatus, string>>> = {
  evidence: { accepted: '该整改已验收通过,不能再提交材料' },
  accept: { open: '村里尚未提交整改材料,不能验收', reopened: '已退回重新整改,待村里再次提交材料后才能验收', accepted: '该整改已验收通过' },
  reopen: { open: '村里尚未提交整改材料,无需退回', reopened: '该整改已退回,待村里再次提交材料', accepted: '该整改已验收通过,不能退回' },
};

/** null when the action is allowed, else why not (shown to the user). */
export function refusal(action: RectificationAction, status: RectificationStatus): string | null {
  return ALLOWED[action].includes(status) ? null : (REFUSALS[action][status] ?? '当前状态不允许此操作');
}

export const nextStatus = (action: RectificationAction): RectificationStatus =>
  ({ evidence: 'submitted', accept: 'accepted', reopen: 'reopened' } as const)[action];

const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/**
 * late = the deadline has passed (dueOn < today) and the task is not accepted. An overdue task is escalated to the
 * town: the flag is computed on every read (never stored), so it appears on the town board the day after the deadline
 * and disappears as soon as the inspector accepts.
 */
export function lateness(status: RectificationStatus, dueOn: string, today: string): { late: boolean; escalated: boolean; daysOverdue: number } {
  const late = status !== 'accepted' && dueOn < today;
  const daysOverdue = late ? dayNumber(today) - dayNumber(dueOn) : 0;
  return { late, escalated: late, daysOverdue };
}

/** Default deadline: today + setting rectification.defaultDays (calendar days). */
export function defaultDueOn(today: string, days: number): string {
  return new Date((dayNumber(today) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a rectification still blocks turning its finding back into "ok". */
export const isOutstanding = (status: RectificationStatus) => status !== 'accepted';
