/**
 * 流动党员 and 组织关系介绍信 reminders, per 《中国共产党党员教育管理工作条例》(2019). Every output is a
 * warning for the branch: stopping 党籍 or transferring a relation is the party organisation's decision.
 */
import { addDays, addMonths, isValidDate, wholeMonthsBetween } from '@dj/contracts';

export interface FlowSettings { transferDueMonths: number; unreachableMonths: number }
export const DEFAULT_FLOW_SETTINGS: FlowSettings = { transferDueMonths: 6, unreachableMonths: 6 };

export interface MobileMemberWarning { code: 'TRANSFER_DUE' | 'UNREACHABLE'; message: string; rule: string }
export interface LetterWarning { code: 'RECEIPT_OVERDUE'; message: string }

const REGULATION = '《中国共产党党员教育管理工作条例》';

function requireDate(value: string, label: string): void {
  if (!isValidDate(value)) throw new Error(`${label}不是有效日期: ${value}(应为 YYYY-MM-DD)`);
}

function requireMonths(n: number, label: string): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${label}应为正整数(月)`);
}

export function mobileMemberWarnings(
  input: { flowStartedOn: string; hasFixedPlace: boolean; lastContactOn: string | null },
  today: string,
  settings: FlowSettings = DEFAULT_FLOW_SETTINGS,
): MobileMemberWarning[] {
  requireDate(input.flowStartedOn, '外出日期');
  requireDate(today, '当前日期');
  if (input.lastContactOn !== null) requireDate(input.lastContactOn, '最后联系日期');
  requireMonths(settings.transferDueMonths, '组织关系转接期限');
  requireMonths(settings.unreachableMonths, '失联期限');
  const warnings: MobileMemberWarning[] = [];

  // 第二十五条: away ≥6 months at a relatively fixed place → the relation should follow the member.
  const transferDueOn = addMonths(input.flowStartedOn, settings.transferDueMonths);
  if (input.hasFixedPlace && today >= transferDueOn) {
    warnings.push({
      code: 'TRANSFER_DUE',
      message: `该党员自${input.flowStartedOn}外出已${wholeMonthsBetween(input.flowStartedOn, today)}个月且有相对固定的处所,应当转接组织关系(${transferDueOn}起)`,
      rule: `${REGULATION}第二十五条: 外出学习、工作、生活6个月以上并且地点相对固定的,应当转接组织关系`,
    });
  }

  // 第二十四条: never contacted counts from the day the member left; the branch searches, then decides.
  const since = input.lastContactOn ?? input.flowStartedOn;
  if (today >= addMonths(since, settings.unreachableMonths)) {
    const sinceText = input.lastContactOn ? `最后一次联系为${input.lastContactOn}` : `自${input.flowStartedOn}外出后未有联系记录`;
    warnings.push({
      code: 'UNREACHABLE',
      message: `已${wholeMonthsBetween(since, today)}个月未能取得联系(${sinceText}),请党支部设法查找;经查找仍无法取得联系的,由党组织研究是否停止党籍(系统不会自动处理)`,
      rule: `${REGULATION}第二十四条: 与党组织失去联系6个月以上、经查找仍然没有取得联系的党员,应当停止其党籍`,
    });
  }
  return warnings;
}

/**
 * 组织关系介绍信 (组通字〔2006〕45号: the receiving committee returns the 回执). Valid until issuedOn + validDays;
 * overdue from the day after. Validity differs by source, so the caller passes it.
 */
export function letterWarnings(input: { issuedOn: string; validDays: number; receiptReturnedOn: string | null }, today: string): LetterWarning[] {
  requireDate(input.issuedOn, '介绍信开具日期');
  requireDate(today, '当前日期');
  if (!Number.isInteger(input.validDays) || input.validDays < 1) throw new Error('介绍信有效期应为正整数(天)');
  if (input.receiptReturnedOn !== null) return [];
  const validUntil = addDays(input.issuedOn, input.validDays);
  if (today <= validUntil) return [];
  return [{
    code: 'RECEIPT_OVERDUE',
    message: `组织关系介绍信于${input.issuedOn}开具,有效期${input.validDays}天(至${validUntil}),至今未收到回执,请与接收党组织核实`,
  }];
}
