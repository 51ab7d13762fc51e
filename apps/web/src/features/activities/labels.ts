import { ACTIVITY_KIND_LABELS, type ActivityKind } from '@dj/contracts';
import type { Activity, AttendanceState, ReviewStatus } from './api';

export { ACTIVITY_KIND_LABELS };

/** The days a 三日合一 combines, each with its own typed agenda. */
export const COMBINED_PARTS: readonly ActivityKind[] = ['theme_day', 'deliberation_day', 'villager_say_day'];

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, string | undefined> = {
  none: undefined,
  submitted: 'gold',
  signed_off: 'green',
  returned: 'red',
};

export const ATTENDANCE_LABELS: Record<AttendanceState, string> = { present: '出席', excused: '请假', absent: '缺席' };

export const REVIEW_ACTION_LABELS = { comment: '留言', submit: '提交签认', sign_off: '签认', return: '退回' } as const;

export const isThemeDay = (activity: Pick<Activity, 'kind'>) => activity.kind === 'theme_day' || activity.kind === 'combined_day';

export function kindOptions() {
  return (Object.keys(ACTIVITY_KIND_LABELS) as ActivityKind[]).map((value) => ({ value, label: ACTIVITY_KIND_LABELS[value] }));
}

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The town's theme day of `month`, clamped to the month's last day. */
export function themeDayDate(month: string, dayOfMonth: number): string {
  const { to } = monthRange(month);
  const day = Math.min(Math.max(1, Math.round(dayOfMonth)), Number(to.slice(8, 10)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The day before `date` ('YYYY-MM-DD'). */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
