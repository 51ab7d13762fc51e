import { DUES_CATEGORY_LABELS, type DuesBasis, type MemberDues } from '@dj/contracts';
import { formatFen } from '../../lib/money';

export type DuesCategory = DuesBasis['category'];
export type DuesStatus = MemberDues['months'][number]['status'];

/** Categories whose amount is a percentage of a monthly income (中组发〔2008〕3号). */
export const BASE_CATEGORIES: readonly DuesCategory[] = ['salaried', 'annual_salary', 'self_employed', 'retired'];
export const needsBase = (category: DuesCategory | undefined) => !!category && BASE_CATEGORIES.includes(category);

/** What the 月收入 means for each category that needs one. */
export const BASE_HINTS: Partial<Record<DuesCategory, string>> = {
  salaried: '每月工资收入(税后)',
  annual_salary: '当月实际领取的薪酬(税后)',
  self_employed: '上一季度月平均纯收入',
  retired: '每月离退休费总额',
};

export const DUES_STATUS_LABELS: Record<DuesStatus, string> = { paid: '已交', unpaid: '未交', not_due: '无需交纳' };
export const DUES_STATUS_COLORS: Record<DuesStatus, string> = { paid: 'green', unpaid: 'red', not_due: 'default' };

export function reductionText(reduction: DuesBasis['reduction']): string {
  if (!reduction) return '无(按标准交纳)';
  return reduction.kind === 'exempt' ? '免交' : `少交,每月${formatFen(reduction.amountFen)}`;
}

export const categoryLabel = (category: DuesCategory) => DUES_CATEGORY_LABELS[category];
