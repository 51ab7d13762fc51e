import { INCOME_STATUS_LABELS, type IncomeStatus } from '@dj/contracts';

export const STATUS_COLORS: Record<IncomeStatus, string> = { draft: 'default', submitted: 'orange', approved: 'green' };
export const statusLabel = (s: IncomeStatus) => INCOME_STATUS_LABELS[s];
