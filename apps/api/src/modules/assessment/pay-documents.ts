/**
 * The 报酬发放表 of a locked month (issue 16 point 5), as xlsx or A4 PDF, through the pure generators of payroll/:
 * a village's (orgId: its cadres; the town or the village's secretary) or the town's (every village's cadres with
 * their village named, or the 镇机关 staff; the town only). Only once the period is locked: a payroll of a draft is
 * never signed. Every copy is audited. Also 我的考核与报酬: the caller's own months.
 */
import { PAYROLL_FORMATS, type MyPay, type PayrollMonth, type PayrollRow, type PayrollUnit, type PersonPay } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, can, requirePermission, type Caller } from '../../lib/access/index.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { monthWorkbook, payrollPdf, yearWorkbook } from './payroll/index.js';
import { monthTitle, yearTitle } from './payroll/payroll-sums.js';
import { paySubjects, peopleOf, requireMonth, villageName } from './pay-service.js';
import * as periods from './period-repository.js';
import { loadPeriod, refused, today } from './period-service.js';

export type PayrollFormat = (typeof PAYROLL_FORMATS)[number];
export interface PayrollFile { filename: string; mime: string; data: Buffer }
const MIME: Record<PayrollFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf',
};

const rowOf = (p: PersonPay, town: boolean) => ({
  personId: p.personId ?? p.userId ?? 0, name: p.name, postLabel: p.postLabel, unit: town ? p.unit ?? undefined : undefined, pay: p.pay,
});

/** The month's payroll as the caller may have it: orgId names a village; without it, the town's (town only). */
export async function payrollFile(db: Db, caller: Caller, id: number, orgId: number | undefined, format: PayrollFormat): Promise<PayrollFile> {
  const { user } = caller;
  const manage = can(user, 'assessment.manage');
  // Scope before permission: a village the caller has no pay of looks like none (404), whoever asks; the subjects of
  // pay are the town's for the town, the secretary's own village for a secretary, and nothing for anyone else.
  const period = await loadPeriod(db, user, id);
  requireMonth(period);
  let subjects = await paySubjects(db, user, period);
  if (orgId !== undefined) {
    subjects = period.audience === 'village_cadre' ? subjects.filter((s) => s.id === orgId) : [];
    if (!subjects.length) throw notFound('村');
  } else if (!manage) throw forbidden('全镇报酬发放表由镇党委导出;村党支部书记请导出本村的');
  if (!subjects.length) throw notFound('考核期');
  if (period.status !== 'locked') throw refused('考核期审批锁定后才能生成报酬发放表:本期尚未审批');
  const people = await peopleOf(db, user.tenantId, period, subjects);
  const unit: PayrollUnit = orgId !== undefined ? { kind: 'village', name: villageName(subjects[0].name) } : { kind: 'town', name: user.tenantName };
  const month: PayrollMonth = { month: period.period, unit, rows: people.map((p) => rowOf(p, unit.kind === 'town')), preparedBy: user.displayName };
  const data = format === 'xlsx' ? await monthWorkbook(month) : await payrollPdf(month, today());
  const filename = `${monthTitle(unit, period.period)}.${format}`;
  await audit(db, caller, {
    action: 'assessment.payroll.export', objectType: 'assessment_period', objectId: id,
    detail: { format, organizationId: orgId ?? null, count: people.length, bytes: data.length },
  });
  return { filename, mime: MIME[format], data };
}

const SHOWN = new Set(['objection', 'locked']);

/**
 * 我的考核与报酬: the caller's own months of the published or locked month periods: a 镇机关 staff member's months on
 * the staff schemes; a village's secretary their own cadre pay (their account's person among the village's payees).
 * Nobody else's row is ever computed into the answer.
 */
export async function myPay(db: Db, caller: Caller): Promise<MyPay> {
  const { user } = caller;
  const audiences: Array<'town_staff' | 'village_cadre'> = [];
  if (can(user, 'assessment.objectSelf')) audiences.push('town_staff');
  if (can(user, 'assessment.objectVillage') && user.personId !== null) audiences.push('village_cadre');
  const list = (await periods.listPeriods(db, user.tenantId, audiences)).filter((p) => p.periodKind === 'month' && SHOWN.has(p.status));
  const months: MyPay['months'] = [];
  for (const row of list) {
    const period = await periods.findPeriod(db, user.tenantId, row.id);
    if (!period) continue;
    const subjects = period.audience === 'town_staff'
      ? (await paySubjects(db, user, period)).filter((s) => s.id === user.id)
      : await paySubjects(db, user, period);
    const mine = (await peopleOf(db, user.tenantId, period, subjects))
      .filter((p) => (period.audience === 'town_staff' ? p.userId === user.id : p.personId === user.personId));
    for (const pay of mine) months.push({ periodId: period.id, period: period.period, schemeName: period.schemeName, status: period.status, pay });
  }
  return { months };
}

/**
 * 报酬年度汇总表 of the town (the town only): every locked month period of the year, village cadres and 镇机关 staff,
 * one row per person with each column summed. A cadre (a person) and a staff member (a user) are numbered apart, as
 * yearSheet groups by one number. Two locked periods of the same audience in one month would pay a person twice in
 * it, so the summary is refused then, naming the month.
 */
export async function yearFile(db: Db, caller: Caller, year: number): Promise<PayrollFile> {
  const { user } = caller;
  requirePermission(user, 'assessment.manage', '报酬年度汇总表由镇党委导出');
  const list = (await periods.listPeriods(db, user.tenantId, ['village_cadre', 'town_staff']))
    .filter((p) => p.periodKind === 'month' && p.status === 'locked' && p.period.startsWith(`${year}-`));
  const seen = new Set<string>();
  const number = new Map<string, number>();
  const byMonth = new Map<string, PayrollRow[]>();
  for (const row of list) {
    const key = `${row.period} ${row.audience}`;
    if (seen.has(key)) throw refused(`${row.period} 有两个已锁定的同类考核期,年度汇总无法确定按哪一个计发`);
    seen.add(key);
    const period = await periods.findPeriod(db, user.tenantId, row.id);
    if (!period) continue;
    const people = await peopleOf(db, user.tenantId, period, await paySubjects(db, user, period));
    const rows = people.map((p) => {
      if (!number.has(p.key)) number.set(p.key, number.size + 1);
      return { ...rowOf(p, true), personId: number.get(p.key) as number };
    });
    byMonth.set(row.period, [...(byMonth.get(row.period) ?? []), ...rows]);
  }
  const unit: PayrollUnit = { kind: 'town', name: user.tenantName };
  const data = await yearWorkbook({ year, unit, months: [...byMonth].map(([month, rows]) => ({ month, rows })) });
  await audit(db, caller, { action: 'assessment.payroll.year.export', objectType: 'assessment_period', objectId: null, detail: { year, months: byMonth.size, count: number.size, bytes: data.length } });
  return { filename: `${yearTitle(unit, year)}.xlsx`, mime: MIME.xlsx, data };
}
