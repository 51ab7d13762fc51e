import { RECTIFICATION_STATUS_LABELS, type RectificationStatus } from '@dj/contracts';
import type { InspectionResult, RectificationSummary } from './api';

export const RECTIFICATION_STATUS_COLORS: Record<RectificationStatus, string> = {
  open: 'orange', submitted: 'blue', accepted: 'green', reopened: 'red',
};

export function rectificationStatusLabel(status: RectificationStatus): string {
  return RECTIFICATION_STATUS_LABELS[status];
}

/** 已逾期 N 天 / 已上报镇党委: the deadline facts of a rectification, never a score. */
export function lateText(row: Pick<RectificationSummary, 'late' | 'daysOverdue'>): string | null {
  if (!row.late) return null;
  return row.daysOverdue > 0 ? `已逾期${row.daysOverdue}天` : '已逾期';
}

export const ESCALATED_LABEL = '已上报镇党委';

/** One cell of the villages × items grid. */
export function resultCell(result: InspectionResult | undefined): { label: string; color: string } {
  if (!result) return { label: '未查', color: 'default' };
  if (result.outcome === 'ok') return { label: '合格', color: 'green' };
  if (result.rectificationStatus === 'accepted') return { label: '问题已整改', color: 'cyan' };
  return { label: '发现问题', color: 'red' };
}
