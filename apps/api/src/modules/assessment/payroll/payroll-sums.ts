/**
 * The arithmetic of the 报酬发放表 and the 年度汇总 (pure, integer 分): a pay result's lines summed into the payroll's
 * columns, the 合计 row, and a person's months added up. Every row is reconciled before it is printed: its 应发合计
 * must equal the sum of its breakdown lines, or nothing is produced (a payroll that does not add up is never signed).
 */
import {
  PAYROLL_COLUMNS, PAYROLL_COLUMN_SIGN, PAYROLL_TITLE_NOUN, PAYROLL_YEAR_TITLE_NOUN, PAY_LINE_COLUMN, isValidMonth,
  type PayResult, type PayrollColumn, type PayrollMonth, type PayrollRow, type PayrollUnit, type PayrollYear,
} from '@dj/contracts';

/** A payroll row's amounts: each column (扣减 positive) and 应发合计, all in 分. */
export type PayrollAmounts = Record<PayrollColumn, number> & { total: number };

export const zeroAmounts = (): PayrollAmounts => ({ base: 0, monthly: 0, reward: 0, deduction: 0, floor: 0, total: 0 });

/** Σ sign × column: what 应发合计 must be, from the columns alone. */
export const totalOfColumns = (a: Record<PayrollColumn, number>): number =>
  PAYROLL_COLUMNS.reduce((s, c) => s + PAYROLL_COLUMN_SIGN[c] * a[c], 0);

/** One person's month: the lines summed into the columns (PAY_LINE_COLUMN), reconciled with the pay's total. */
export function amountsOf(pay: PayResult, who = ''): PayrollAmounts {
  const a = zeroAmounts();
  for (const line of pay.lines) {
    if (!Number.isInteger(line.amountFen)) throw new Error(`报酬发放表:${who}的“${line.label}”不是整数分`);
    const column = PAY_LINE_COLUMN[line.kind];
    a[column] += PAYROLL_COLUMN_SIGN[column] * line.amountFen;
  }
  const linesTotal = pay.lines.reduce((s, l) => s + l.amountFen, 0);
  if (linesTotal !== pay.totalFen || totalOfColumns(a) !== pay.totalFen) {
    throw new Error(`报酬发放表:${who}的应发合计 ${pay.totalFen} 分与明细之和 ${linesTotal} 分不符`);
  }
  return { ...a, total: pay.totalFen };
}

export function addAmounts(into: PayrollAmounts, a: PayrollAmounts): PayrollAmounts {
  for (const c of PAYROLL_COLUMNS) into[c] += a[c];
  into.total += a.total;
  return into;
}

/** The 合计 row: the columns and totals of the rows added up (so 合计 reconciles whenever every row does). */
export const sumAmounts = (list: readonly PayrollAmounts[]): PayrollAmounts => list.reduce(addAmounts, zeroAmounts());

/** The 职务 cell: on a town payroll the person's village comes first (东河村党支部书记). */
export const postCell = (row: Pick<PayrollRow, 'postLabel' | 'unit'>): string => `${row.unit ?? ''}${row.postLabel}`;

const yearMonthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** XX村2026年11月村干部报酬发放表. */
export const monthTitle = (unit: PayrollUnit, month: string) => `${unit.name}${yearMonthText(month)}${PAYROLL_TITLE_NOUN[unit.kind]}`;
/** XX村2026年报酬年度汇总表. */
export const yearTitle = (unit: PayrollUnit, year: number) => `${unit.name}${year}年${PAYROLL_YEAR_TITLE_NOUN}`;

type SheetRow = PayrollRow & { amounts: PayrollAmounts };
/** A line of the printed table: a person with their 序号, or a unit's 小计 on a town payroll. */
export type TableLine =
  | { kind: 'person'; no: number; row: SheetRow }
  | { kind: 'subtotal'; label: string; count: number; amounts: PayrollAmounts };

/** A month's rows in print order with their amounts, the printed lines (小计 included), and the 合计. */
export interface MonthSheet { title: string; rows: SheetRow[]; lines: TableLine[]; sum: PayrollAmounts }

/**
 * The month's payroll. On a town payroll whose people come from more than one unit (their village, or the town's own
 * staff), each unit's people are printed together, in the order the units first appear, and followed by the unit's
 * 小计, so the 财政所 can check each village against that village's own payroll. The 合计 is the sum of the people
 * (never of the 小计 as well).
 */
export function monthSheet(p: PayrollMonth): MonthSheet {
  if (!isValidMonth(p.month)) throw new Error(`报酬发放表:月份格式不正确 ${p.month}`);
  const groups = new Map<string, SheetRow[]>();
  for (const r of p.rows) {
    const key = p.unit.kind === 'town' ? r.unit ?? p.unit.name : p.unit.name;
    groups.set(key, [...(groups.get(key) ?? []), { ...r, amounts: amountsOf(r.pay, r.name) }]);
  }
  const rows = [...groups.values()].flat();
  const lines: TableLine[] = [];
  let no = 0;
  for (const [label, members] of groups) {
    for (const row of members) lines.push({ kind: 'person', no: ++no, row });
    if (groups.size > 1) lines.push({ kind: 'subtotal', label, count: members.length, amounts: sumAmounts(members.map((m) => m.amounts)) });
  }
  return { title: monthTitle(p.unit, p.month), rows, lines, sum: sumAmounts(rows.map((r) => r.amounts)) };
}

/** One person's year: the months they were paid and each column added up. */
export interface YearRow { personId: number; name: string; postLabel: string; unit?: string; months: string[]; amounts: PayrollAmounts }
export interface YearSheet { title: string; rows: YearRow[]; sum: PayrollAmounts; detail: Array<{ month: string; row: PayrollRow; amounts: PayrollAmounts }> }

/**
 * The 年度汇总: one row per person (by personId, in order of first appearance), every column the sum of their months.
 * A person whose post changed in the year shows the posts in order (党支部委员、党支部副书记). Months are checked to be
 * of the year and not given twice, so the year is never counted double.
 */
export function yearSheet(y: PayrollYear): YearSheet {
  const seen = new Set<string>();
  const byPerson = new Map<number, YearRow>();
  const detail: YearSheet['detail'] = [];
  for (const m of [...y.months].sort((a, b) => a.month.localeCompare(b.month))) {
    if (!isValidMonth(m.month) || Number(m.month.slice(0, 4)) !== y.year) throw new Error(`年度汇总:${m.month} 不是 ${y.year} 年的月份`);
    if (seen.has(m.month)) throw new Error(`年度汇总:${m.month} 重复`);
    seen.add(m.month);
    for (const r of m.rows) {
      const amounts = amountsOf(r.pay, r.name);
      detail.push({ month: m.month, row: r, amounts });
      const person = byPerson.get(r.personId) ?? { personId: r.personId, name: r.name, postLabel: '', unit: r.unit, months: [], amounts: zeroAmounts() };
      const posts = person.postLabel ? person.postLabel.split('、') : [];
      if (!posts.includes(r.postLabel)) person.postLabel = [...posts, r.postLabel].join('、');
      person.months.push(m.month);
      addAmounts(person.amounts, amounts);
      byPerson.set(r.personId, person);
    }
  }
  const rows = [...byPerson.values()];
  return { title: yearTitle(y.unit, y.year), rows, sum: sumAmounts(rows.map((r) => r.amounts)), detail };
}
