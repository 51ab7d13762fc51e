import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PAYROLL_HEADER, PAYROLL_YEAR_HEADER, type PayInput, type PayLineKind, type PayResult, type PayTable, type PayrollMonth, type PayrollRow } from '@dj/contracts';
import { newWorkbook } from '../../../lib/excel.js';
import { renderDocx } from '../../../lib/documents/render-docx.js';
import { pdfBytesText } from '../../../../test/documents.js';
import { computePay } from '../rules/pay.js';
import { ROUND_PAY_TABLE } from '../rules/pay-fixtures.js';
import { monthSheet, yearSheet } from './payroll-sums.js';
import { payrollModel, payrollPdf } from './payroll-document.js';
import {
  FIRST_DATA_ROW, MONTH_SHEET, WHY_HEADER, WHY_SHEET, YEAR_DETAIL_SHEET, YEAR_SHEET, monthWorkbook, yearWorkbook,
} from './payroll-xlsx.js';

/** Round standards (checkable by hand), with 镇机关 base pay, 一肩挑 extra and a half floor so every column is used. */
const TABLE: PayTable = { ...ROUND_PAY_TABLE, townStaffBaseFen: 150_000, combinedExtraPct: 10, floorPctOfBase: 50 };
const VILLAGE = { kind: 'village', name: '青石村' } as const;
const pay = (month: string, input: Omit<PayInput, 'month'>) => computePay({ month, ...input }, TABLE);

/** A month of four cadres covering every line kind: 一肩挑, rewards over the cap, proration, deductions under the floor. */
function cadreRows(month: string): PayrollRow[] {
  return [
    { personId: 11, name: '欧阳明远', postLabel: '党支部书记', pay: pay(month, { post: 'secretary', combined: true, grade: 'excellent', rewards: [{ kind: 'investment', rule: 'fixed', amountFen: 50_000 }] }) },
    { personId: 12, name: '司马春兰', postLabel: '党支部副书记', pay: pay(month, { post: 'deputy_secretary', grade: 'good', deductions: [{ reason: '会议缺席', amountFen: 5 }] }) },
    {
      personId: 13, name: '上官秋实', postLabel: '村委会主任',
      pay: pay(month, { post: 'director', grade: 'pass', daysInPost: 17, rewards: [{ kind: 'demonstration', rule: 'fixed', amountFen: 80_000 }, { kind: 'commendation', rule: 'per_unit', unitFen: 30_001, count: 1 }] }),
    },
    { personId: 14, name: '诸葛新田', postLabel: '村委会委员', pay: pay(month, { post: 'committee_member', grade: 'fail', deductions: [{ reason: '整改逾期', amountFen: 200_000 }] }) },
  ];
}

/** Hand-made results at the awkward amounts: 99,999.99 元, 1 分, a 0.05 元 deduction. */
const line = (kind: PayLineKind, amountFen: number) => ({ kind, label: kind, amountFen, why: `测试:${kind} ${amountFen} 分` });
const result = (...lines: ReturnType<typeof line>[]): PayResult => ({ totalFen: lines.reduce((s, l) => s + l.amountFen, 0), lines });
const AWKWARD: PayrollRow[] = [
  { personId: 21, name: '端木大成', postLabel: '报账员', pay: result(line('base', 9_999_900), line('monthly', 98), line('reward', 1)) },
  { personId: 22, name: '慕容小一', postLabel: '妇女主任', pay: result(line('base', 1)) },
  { personId: 23, name: '令狐五角', postLabel: '计生专职', pay: result(line('base', 10), line('deduction', -5)) },
];

/** The test's own mapping of line kinds to columns, written out independently of PAY_LINE_COLUMN. */
const EXPECTED_COLUMNS: Array<[string, PayLineKind[], 1 | -1]> = [
  ['基本报酬', ['base', 'combined'], 1], ['月度绩效', ['monthly'], 1], ['奖励绩效', ['reward', 'reward_cap'], 1],
  ['扣减', ['deduction'], -1], ['保底补足', ['floor'], 1],
];
const expectedCells = (r: PayResult) => EXPECTED_COLUMNS.map(([, kinds, sign]) => sign * r.lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + l.amountFen, 0) + 0); // + 0: no -0

/** A stored number back to 分 through its decimal text (String(99999.99) is "99999.99"), never × 100 on a float. */
function fenOf(v: CellValue): number {
  expect(typeof v).toBe('number');
  const [whole, frac = ''] = String(v).replace('-', '').split('.');
  expect(frac.length).toBeLessThanOrEqual(2);
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return String(v).startsWith('-') ? -fen : fen;
}

async function open(data: Buffer): Promise<Workbook> {
  const wb = await newWorkbook();
  await wb.xlsx.load(new Uint8Array(data).buffer as ArrayBuffer);
  return wb;
}
const rowValues = (ws: Worksheet, n: number, cols: number) => Array.from({ length: cols }, (_, i) => ws.getCell(n, i + 1).value);
const month = (m: string, rows: PayrollRow[], preparedBy?: string): PayrollMonth => ({ month: m, unit: VILLAGE, rows, preparedBy });

describe('报酬发放表 xlsx: the layout the 财政所 takes', () => {
  const rows = [...cadreRows('2026-11'), ...AWKWARD];

  it('title, 单位, header: 序号 姓名 职务 基本报酬 月度绩效 奖励绩效 扣减 保底补足 应发合计 领款人签字', async () => {
    const ws = (await open(await monthWorkbook(month('2026-11', rows)))).getWorksheet(MONTH_SHEET)!;
    expect(ws.getCell('A1').value).toBe('青石村2026年11月村干部报酬发放表');
    expect(ws.getCell('A2').value).toBe('单位:元');
    expect(rowValues(ws, 3, 10)).toEqual(['序号', '姓名', '职务', '基本报酬', '月度绩效', '奖励绩效', '扣减', '保底补足', '应发合计', '领款人签字']);
    expect(PAYROLL_HEADER).toHaveLength(10);
  });

  it('every column of every row: the lines summed by kind, 扣减 positive, 应发合计 = the sum of the breakdown, 签字 blank', async () => {
    const ws = (await open(await monthWorkbook(month('2026-11', rows)))).getWorksheet(MONTH_SHEET)!;
    rows.forEach((r, i) => {
      const n = FIRST_DATA_ROW + i;
      expect(rowValues(ws, n, 3)).toEqual([i + 1, r.name, r.postLabel]);
      const cells = [4, 5, 6, 7, 8].map((c) => fenOf(ws.getCell(n, c).value));
      expect(cells).toEqual(expectedCells(r.pay));
      const total = fenOf(ws.getCell(n, 9).value);
      expect(total).toBe(r.pay.lines.reduce((s, l) => s + l.amountFen, 0));
      expect(total).toBe(cells[0] + cells[1] + cells[2] - cells[3] + cells[4]);
      expect(ws.getCell(n, 10).value ?? '').toBe('');
      expect(ws.getCell(n, 9).numFmt).toBe('#,##0.00');
    });
  });

  it('the month covers every kind of line: 一肩挑 in 基本报酬, the cap in 奖励绩效, the floor top-up in its own column', () => {
    const kinds = new Set(cadreRows('2026-11').flatMap((r) => r.pay.lines.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(['base', 'combined', 'deduction', 'floor', 'monthly', 'reward', 'reward_cap']);
    const [secretary, , director, member] = monthSheet(month('2026-11', cadreRows('2026-11'))).rows;
    expect(secretary.amounts.base).toBe(220_000); // 2,000.00 + 一肩挑 10 %
    expect(director.amounts.reward).toBe(100_000); // 800.00 + 300.01 capped at 1,000.00
    expect(member.amounts).toMatchObject({ deduction: 200_000, total: 70_000 }); // the floor: 50 % of 1,400.00
  });

  it('the 合计 row is the sum of the rows in every column (the reconciliation), and the total of all the breakdowns', async () => {
    const ws = (await open(await monthWorkbook(month('2026-11', rows)))).getWorksheet(MONTH_SHEET)!;
    const sumRow = FIRST_DATA_ROW + rows.length;
    expect(rowValues(ws, sumRow, 3)).toEqual(['合计', '', `${rows.length}人`]);
    for (let c = 4; c <= 9; c++) {
      const column = rows.reduce((s, _, i) => s + fenOf(ws.getCell(FIRST_DATA_ROW + i, c).value), 0);
      expect(fenOf(ws.getCell(sumRow, c).value), PAYROLL_HEADER[c - 1]).toBe(column);
    }
    const allLines = rows.flatMap((r) => r.pay.lines).reduce((s, l) => s + l.amountFen, 0);
    expect(fenOf(ws.getCell(sumRow, 9).value)).toBe(allLines);
  });

  it('awkward amounts to the 分: 99,999.99 元, 1 分 and 0.05 元 stored as exactly that decimal text in the sheet XML', async () => {
    const file = await monthWorkbook(month('2026-11', AWKWARD));
    const ws = (await open(file)).getWorksheet(MONTH_SHEET)!;
    expect(fenOf(ws.getCell(FIRST_DATA_ROW, 9).value)).toBe(9_999_999);
    expect(fenOf(ws.getCell(FIRST_DATA_ROW + 1, 9).value)).toBe(1);
    expect(fenOf(ws.getCell(FIRST_DATA_ROW + 2, 7).value)).toBe(5);
    expect(fenOf(ws.getCell(FIRST_DATA_ROW + 3, 9).value)).toBe(9_999_999 + 1 + 5);
    const xml = await (await JSZip.loadAsync(file)).file('xl/worksheets/sheet1.xml')!.async('string');
    for (const text of ['99999.99', '0.01', '0.05', '0.1', '0.98', '99999.11', '100000.05']) expect(xml).toContain(`<v>${text}</v>`);
  });

  it('the formula and the signature lines follow the table; 制表人 carries the preparer', async () => {
    const ws = (await open(await monthWorkbook(month('2026-11', rows, '公孙小红')))).getWorksheet(MONTH_SHEET)!;
    const texts = Array.from({ length: ws.rowCount }, (_, i) => String(ws.getCell(i + 1, 1).value ?? ''));
    expect(texts).toContain('应发合计 = 基本报酬 + 月度绩效 + 奖励绩效 − 扣减 + 保底补足');
    // 4,140.00 + 2,719.95 + 2,509.60 + 700.00 + 99,999.99 + 0.01 + 0.05 = 110,069.60
    expect(texts).toContain('应发合计(大写):人民币壹拾壹万零陆拾玖元陆角');
    expect(texts.find((t) => t.startsWith('制表人'))).toBe('制表人:公孙小红    日期:____年__月__日');
    expect(texts.filter((t) => /^(审核人|镇党委审批):_+ {4}日期/.test(t))).toHaveLength(2);
  });

  it('计算明细 sheet: each person\'s lines with their why, closed by 应发合计', async () => {
    const ws = (await open(await monthWorkbook(month('2026-11', rows)))).getWorksheet(WHY_SHEET)!;
    expect(rowValues(ws, 3, 6)).toEqual(WHY_HEADER);
    let n = FIRST_DATA_ROW;
    rows.forEach((r, i) => {
      for (const l of r.pay.lines) {
        expect(rowValues(ws, n, 6)).toEqual([i + 1, r.name, r.postLabel, l.label, ws.getCell(n, 5).value, l.why]);
        expect(fenOf(ws.getCell(n++, 5).value)).toBe(l.amountFen);
      }
      expect(ws.getCell(n, 4).value).toBe('应发合计');
      expect(fenOf(ws.getCell(n++, 5).value)).toBe(r.pay.totalFen);
    });
    expect(ws.rowCount).toBe(n - 1);
  });

  it('a town payroll names each person\'s village before the post; an empty month still prints 合计 0.00', async () => {
    const town = { month: '2026-11', unit: { kind: 'town', name: '青石镇' }, rows: cadreRows('2026-11').map((r) => ({ ...r, unit: '青石村' })) } as const;
    const ws = (await open(await monthWorkbook(town))).getWorksheet(MONTH_SHEET)!;
    expect(ws.getCell('A1').value).toBe('青石镇2026年11月报酬发放表');
    expect(ws.getCell(FIRST_DATA_ROW, 3).value).toBe('青石村党支部书记');
    const empty = (await open(await monthWorkbook(month('2026-12', [])))).getWorksheet(MONTH_SHEET)!;
    expect(rowValues(empty, FIRST_DATA_ROW, 3)).toEqual(['合计', '', '0人']);
    expect(fenOf(empty.getCell(FIRST_DATA_ROW, 9).value)).toBe(0);
  });

  it('a town payroll of two villages and the town\'s staff: each unit together with its 小计, which equals that village\'s own payroll', async () => {
    const [a0, a1, b0, b1] = cadreRows('2026-11');
    const staff: PayrollRow = { personId: 31, name: '西门雪松', postLabel: '镇机关工作人员', pay: pay('2026-11', { post: 'town_staff', grade: 'good' }) };
    const inQingshi = [a0, a1].map((r) => ({ ...r, unit: '青石村' }));
    const inBaisha = [b0, b1].map((r) => ({ ...r, unit: '白沙村' }));
    const town = { month: '2026-11', unit: { kind: 'town', name: '青石镇' }, rows: [inQingshi[0], inBaisha[0], staff, inQingshi[1], inBaisha[1]] } as const;
    const ws = (await open(await monthWorkbook(town))).getWorksheet(MONTH_SHEET)!;
    const printed = Array.from({ length: 9 }, (_, i) => rowValues(ws, FIRST_DATA_ROW + i, 3));
    expect(printed).toEqual([
      [1, '欧阳明远', '青石村党支部书记'], [2, '司马春兰', '青石村党支部副书记'], ['', '青石村小计', '2人'],
      [3, '上官秋实', '白沙村村委会主任'], [4, '诸葛新田', '白沙村村委会委员'], ['', '白沙村小计', '2人'],
      [5, '西门雪松', '镇机关工作人员'], ['', '青石镇小计', '1人'], ['合计', '', '5人'],
    ]);
    const own = async (rows: PayrollRow[]) => (await open(await monthWorkbook(month('2026-11', rows.map((r) => ({ ...r, unit: undefined })))))).getWorksheet(MONTH_SHEET)!;
    // Each village's own payroll (unit village, no 所在村 before the post); its 合计 is 2 rows after its first person.
    const ownSheets = [[await own(inQingshi), 2], [await own(inBaisha), 5]] as const;
    for (const [village, subtotalAt] of ownSheets) {
      for (let c = 4; c <= 9; c++) expect(fenOf(ws.getCell(FIRST_DATA_ROW + subtotalAt, c).value)).toBe(fenOf(village.getCell(FIRST_DATA_ROW + 2, c).value));
    }
    for (let c = 4; c <= 9; c++) {
      const people = [0, 1, 3, 4, 6].reduce((s, i) => s + fenOf(ws.getCell(FIRST_DATA_ROW + i, c).value), 0);
      const subtotals = [2, 5, 7].reduce((s, i) => s + fenOf(ws.getCell(FIRST_DATA_ROW + i, c).value), 0);
      expect(fenOf(ws.getCell(FIRST_DATA_ROW + 8, c).value)).toBe(people);
      expect(subtotals).toBe(people);
    }
    const text = pdfBytesText(await payrollPdf(town, '2026-12-02'));
    expect(text).toContain('青石镇2026年11月报酬发放表');
    for (const label of ['青石村小计2人', '白沙村小计2人', '青石镇小计1人', '合计5人']) expect(text).toContain(label);
  });

  it('refuses a row whose total is not the sum of its breakdown, and a formula-like name stays text', async () => {
    const broken = { ...AWKWARD[0], pay: { ...AWKWARD[0].pay, totalFen: AWKWARD[0].pay.totalFen + 1 } };
    await expect(monthWorkbook(month('2026-11', [broken]))).rejects.toThrow('与明细之和');
    await expect(monthWorkbook(month('2026-13', []))).rejects.toThrow('月份格式');
    const ws = (await open(await monthWorkbook(month('2026-11', [{ ...AWKWARD[1], name: '=1+1' }])))).getWorksheet(MONTH_SHEET)!;
    expect(ws.getCell(FIRST_DATA_ROW, 2).value).toBe("'=1+1");
  });
});

describe('报酬发放表 PDF for signing', () => {
  const rows = [...cadreRows('2026-11'), ...AWKWARD];

  it('A4 landscape; the names, posts, amounts, 合计 and the signature block (制表人, 审核人, 镇党委审批, dates) are in the text', async () => {
    const pdf = await payrollPdf(month('2026-11', rows, '公孙小红'), '2026-12-02');
    const dir = mkdtempSync(join(tmpdir(), 'dj-payroll-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), pdf);
      expect(execFileSync('/usr/bin/pdfinfo', [join(dir, 'p.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.2\d pts \(A4\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const text = pdfBytesText(pdf);
    expect(text).toContain('青石村2026年11月村干部报酬发放表');
    for (const h of PAYROLL_HEADER) expect(text).toContain(h);
    for (const r of rows) expect(text).toContain(`${r.name}${r.postLabel}`);
    const sum = monthSheet(month('2026-11', rows)).sum.total;
    expect(text).toContain(`合计${rows.length}人`);
    for (const amount of ['99,999.99', '0.01', '0.05', '2,200.00', '700.00']) expect(text).toContain(amount);
    expect(text).toContain(`${Math.floor(sum / 100).toLocaleString('en-US')}.${String(sum % 100).padStart(2, '0')}`);
    expect(text).toContain('制表人审核人镇党委审批公孙小红日期:年月日日期:年月日日期:年月日');
    expect(text).toContain('生成日期:2026年12月2日');
    expect(text).toContain('应发合计(大写):人民币壹拾壹万零陆拾玖元陆角');
  });

  it('the 计算明细 appendix prints every line\'s why', async () => {
    const rowsOfTwo = cadreRows('2026-11').slice(2);
    const text = pdfBytesText(await payrollPdf(month('2026-11', rowsOfTwo), '2026-12-02'));
    expect(text).toContain('附:计算明细');
    for (const l of rowsOfTwo.flatMap((r) => r.pay.lines)) expect(text).toContain(l.why.replace(/\s+/g, ''));
  });

  it('the Word rendering of the same model turns the page too (landscape A4: 297 × 210 mm)', async () => {
    const docx = await renderDocx(payrollModel(month('2026-11', AWKWARD), '2026-12-02'));
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it('the model is the same table as the xlsx: ten columns, a row per person and the 合计', () => {
    const model = payrollModel(month('2026-11', rows), '2026-12-02');
    const first = model.blocks[0];
    expect(model.orientation).toBe('landscape');
    expect(first.kind === 'table' && first.header).toEqual(PAYROLL_HEADER);
    expect(first.kind === 'table' && first.rows.map((r) => r[0])).toEqual([...rows.map((_, i) => String(i + 1)), '合计']);
  });
});

describe('年度汇总 per person', () => {
  // 司马春兰 is promoted in March (a new post), 端木大成 is paid in February only.
  const months = [
    { month: '2026-01', rows: cadreRows('2026-01') },
    { month: '2026-02', rows: [...cadreRows('2026-02'), AWKWARD[0]] },
    { month: '2026-03', rows: cadreRows('2026-03').map((r) => (r.personId === 12 ? { ...r, postLabel: '党支部书记' } : r)) },
  ];
  const year = { year: 2026, unit: VILLAGE, months };

  it('each person\'s columns equal the sum of their months as read back from the monthly payroll files', async () => {
    const ws = (await open(await yearWorkbook(year))).getWorksheet(YEAR_SHEET)!;
    expect(ws.getCell('A1').value).toBe('青石村2026年报酬年度汇总表');
    expect(rowValues(ws, 3, 10)).toEqual(['序号', '姓名', '职务', '计发月数', '基本报酬', '月度绩效', '奖励绩效', '扣减', '保底补足', '应发合计']);
    const monthly = await Promise.all(months.map(async (m) => (await open(await monthWorkbook({ ...m, unit: VILLAGE }))).getWorksheet(MONTH_SHEET)!));
    const people = [11, 12, 13, 14, 21];
    people.forEach((id, i) => {
      const n = FIRST_DATA_ROW + i;
      const seen = months.map((m, k) => [m.rows.findIndex((r) => r.personId === id), k]).filter(([idx]) => idx >= 0);
      expect(ws.getCell(n, 4).value, `${id} 计发月数`).toBe(seen.length);
      for (let c = 0; c < 6; c++) {
        const fromMonths = seen.reduce((s, [idx, k]) => s + fenOf(monthly[k].getCell(FIRST_DATA_ROW + idx, 4 + c).value), 0);
        expect(fenOf(ws.getCell(n, 5 + c).value), `${id} ${PAYROLL_YEAR_HEADER[4 + c]}`).toBe(fromMonths);
      }
    });
    expect(rowValues(ws, FIRST_DATA_ROW + 1, 3)).toEqual([2, '司马春兰', '党支部副书记、党支部书记']);
    const sumRow = FIRST_DATA_ROW + people.length;
    const allMonths = monthly.reduce((s, m, k) => s + fenOf(m.getCell(FIRST_DATA_ROW + months[k].rows.length, 9).value), 0);
    expect(fenOf(ws.getCell(sumRow, 10).value)).toBe(allMonths);
  });

  it('逐月明细 lists each person\'s months in order', async () => {
    const ws = (await open(await yearWorkbook(year))).getWorksheet(YEAR_DETAIL_SHEET)!;
    expect(ws.rowCount).toBe(3 + months.reduce((s, m) => s + m.rows.length, 0));
    expect(ws.getCell(FIRST_DATA_ROW, 1).value).toBe('2026-01');
    expect(ws.getCell(ws.rowCount, 1).value).toBe('2026-03');
  });

  it('refuses a month of another year and a month given twice (never counted double)', () => {
    expect(() => yearSheet({ ...year, months: [{ month: '2025-12', rows: [] }] })).toThrow('不是 2026 年的月份');
    expect(() => yearSheet({ ...year, months: [months[0], months[0]] })).toThrow('重复');
  });
});
