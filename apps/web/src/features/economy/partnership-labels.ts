import { PARTNERSHIP_STATUS_LABELS, type PartnershipDueState, type PartnershipStatus } from '@dj/contracts';

export const PARTNERSHIP_STATUS_COLORS: Record<PartnershipStatus, string> = { negotiating: 'blue', active: 'green', ended: 'default', terminated: 'default' };
export const partnershipStatusLabel = (s: PartnershipStatus) => PARTNERSHIP_STATUS_LABELS[s];
export const DUE_TAGS: Record<PartnershipDueState, { color: string; label: string }> = {
  due: { color: 'orange', label: '即将到期' }, overdue: { color: 'red', label: '已过到期日期' },
};
/** 分 as 元 for an InputNumber in 元, and back (the amounts are whole 分, as the income's). */
export const fenToYuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fen / 100);
export const yuanToFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
