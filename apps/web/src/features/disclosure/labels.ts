import { DISCLOSURE_CORRECTED_LABEL, DISCLOSURE_STATUS_LABELS, type DISCLOSURE_DUE_STATUSES } from '@dj/contracts';
import type { DisclosureStatus, DisclosureSummary } from './api';

export type DueStatus = (typeof DISCLOSURE_DUE_STATUSES)[number];

/** The board's deadline words, the same as every other deadline in the app (no scores). */
export const DUE_STATUS_LABELS: Record<DueStatus, string> = { done: '已公开', due: '期限内', due_soon: '即将到期', late: '已逾期' };
export const DUE_STATUS_COLORS: Record<DueStatus, string> = { done: 'green', due: 'blue', due_soon: 'orange', late: 'red' };

export const STATUS_COLORS: Record<DisclosureStatus, string> = {
  draft: 'default', submitted: 'blue', reviewed: 'geekblue', approved: 'purple', published: 'green', returned: 'red',
};

export function statusTag(row: Pick<DisclosureSummary, 'status' | 'corrected'>): { label: string; color: string } {
  if (row.corrected) return { label: DISCLOSURE_CORRECTED_LABEL, color: 'default' };
  return { label: DISCLOSURE_STATUS_LABELS[row.status], color: STATUS_COLORS[row.status] };
}
