/**
 * The 报酬发放表 and the 年度汇总 as xlsx, in the layout a town's 财政所 takes: a title row, a 单位:元 line, the
 * header, one row per person, the 合计 row, the total in words (大写), the formula and the signature lines. A second
 * sheet holds each person's breakdown with its "why" (计算明细), so the file explains itself wherever it is forwarded.
 *
 * Amount cells are numbers (the 财政所 adds them up) formatted #,##0.00. Each value is parsed from the integer-built
 * decimal text (yuanDecimal), never computed as fen / 100 in between, so the file stores exactly "99999.99".
 */
import type { Worksheet } from 'exceljs';
import {
  PAYROLL_COLUMNS, PAYROLL_COLUMN_LABELS, PAYROLL_FORMULA, PAYROLL_HEADER, PAYROLL_SIGNATURES, PAYROLL_TOTAL_LABEL, PAYROLL_YEAR_HEADER,
  yuanDecimal, yuanInWords, type PayrollMonth, type PayrollYear,
} from '@dj/contracts';
import { newWorkbook } from '../../../lib/excel.js';
import { inertText } from '../../members/index.js';
import { monthSheet, postCell, yearSheet, type PayrollAmounts } from './payroll-sums.js';

export const MONTH_SHEET = '报酬发放表';
export const WHY_SHEET = '计算明细';
export const YEAR_SHEET = '年度汇总';
export const YEAR_DETAIL_SHEET = '逐月明细';

export const YEAR_DETAIL_HEADER = ['月份', '姓名', '职务', ...PAYROLL_COLUMNS.map((c) => PAYROLL_COLUMN_LABELS[c]), PAYROLL_TOTAL_LABEL];
export const WHY_HEADER = ['序号', '姓名', '职务', '项目', '金额(元)', '计算依据'];

const MONEY_FORMAT = '#,##0.00';
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
/** Rows of the header block before the table: title, 单位 line, header. */
export const FIRST_DATA_ROW = 4;

/** 分 → the number a cell stores, read from the integer-built decimal text (no float arithmetic on the amount). */
export const yuanNumber = (fen: number): number => Number(yuanDecimal(fen));

const amountCells = (a: PayrollAmounts) => [...PAYROLL_COLUMNS.map((c) => yuanNumber(a[c])), yuanNumber(a.total)];

function titleRows(ws: Worksheet, title: string, note: string, header: string[]): void {
  ws.mergeCells(1, 1, 1, header.length);
  const t = ws.getCell(1, 1);
  t.value = inertText(title);
  t.font = { bold: true, size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, header.length);
  ws.getCell(2, 1).value = inertText(note);
  ws.getCell(2, 1).alignment = { horizontal: 'right' };
  const h = ws.getRow(3);
  h.values = header;
  h.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

/** Borders on the table, the money format on the amount columns (1-based, from..to), and a print setup for A4. */
function finishTable(ws: Worksheet, lastRow: number, width: number, moneyFrom: number, moneyTo: number, widths: number[]): void {
  for (let r = 3; r <= lastRow; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      if (r > 3 && c >= moneyFrom && c <= moneyTo) cell.numFmt = MONEY_FORMAT;
    }
  }
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
}

function boldRow(ws: Worksheet, row: number): void {
  ws.getRow(row).font = { bold: true };
}

/** The month's payroll and its 计算明细 sheet. */
export async function monthWorkbook(p: PayrollMonth): Promise<Buffer> {
  const sheet = monthSheet(p);
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(MONTH_SHEET);
  titleRows(ws, sheet.title, '单位:元', PAYROLL_HEADER);
  for (const line of sheet.lines) {
    if (line.kind === 'person') {
      const r = line.row;
      ws.addRow([line.no, inertText(r.name), inertText(postCell(r)), ...amountCells(r.amounts), '']).height = 28;
    } else {
      boldRow(ws, ws.addRow(['', `${inertText(line.label)}小计`, `${line.count}人`, ...amountCells(line.amounts), '']).number);
    }
  }
  const sumRow = ws.addRow(['合计', '', `${sheet.rows.length}人`, ...amountCells(sheet.sum), '']);
  boldRow(ws, sumRow.number);
  finishTable(ws, sumRow.number, PAYROLL_HEADER.length, 4, 4 + PAYROLL_COLUMNS.length, [6, 10, 20, 12, 12, 12, 12, 12, 14, 16]);
  ws.addRow([`应发合计(大写):人民币${yuanInWords(sheet.sum.total)}`]);
  ws.addRow([PAYROLL_FORMULA]);
  ws.addRow([]);
  // 制表人 gets the preparer's name when known; every line keeps room for a hand-written name and date.
  const signs = PAYROLL_SIGNATURES.map((s, i) => `${s}:${i === 0 && p.preparedBy ? inertText(p.preparedBy) : '__________'}    日期:____年__月__日`);
  for (const s of signs) ws.addRow([s]);
  whySheet(wb.addWorksheet(WHY_SHEET), sheet.title, sheet.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 计算明细: every person's breakdown lines with their why, then the person's 应发合计. */
function whySheet(ws: Worksheet, title: string, rows: ReturnType<typeof monthSheet>['rows']): void {
  titleRows(ws, `${title}(计算明细)`, '单位:元;每一行说明金额的来历', WHY_HEADER);
  rows.forEach((r, i) => {
    for (const line of r.pay.lines) ws.addRow([i + 1, inertText(r.name), inertText(postCell(r)), inertText(line.label), yuanNumber(line.amountFen), inertText(line.why)]);
    boldRow(ws, ws.addRow([i + 1, inertText(r.name), inertText(postCell(r)), PAYROLL_TOTAL_LABEL, yuanNumber(r.pay.totalFen), '以上各项之和']).number);
  });
  finishTable(ws, ws.rowCount, WHY_HEADER.length, 5, 5, [6, 10, 20, 22, 12, 80]);
}

/** The 年度汇总: one row per person with each column summed over the months, and the months themselves on a second sheet. */
export async function yearWorkbook(y: PayrollYear): Promise<Buffer> {
  const sheet = yearSheet(y);
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(YEAR_SHEET);
  titleRows(ws, sheet.title, `单位:元;${sheet.detail.length ? `${[...new Set(sheet.detail.map((d) => d.month))].length}个月` : '无发放记录'}`, PAYROLL_YEAR_HEADER);
  sheet.rows.forEach((r, i) => ws.addRow([i + 1, inertText(r.name), inertText(postCell(r)), r.months.length, ...amountCells(r.amounts)]));
  const sumRow = ws.addRow(['合计', '', `${sheet.rows.length}人`, '', ...amountCells(sheet.sum)]);
  boldRow(ws, sumRow.number);
  finishTable(ws, sumRow.number, PAYROLL_YEAR_HEADER.length, 5, 5 + PAYROLL_COLUMNS.length, [6, 10, 24, 10, 12, 12, 12, 12, 12, 14]);
  ws.addRow([]);
  ws.addRow([PAYROLL_FORMULA]);

  const detail = wb.addWorksheet(YEAR_DETAIL_SHEET);
  titleRows(detail, `${sheet.title}(逐月明细)`, '单位:元', YEAR_DETAIL_HEADER);
  for (const d of sheet.detail) detail.addRow([d.month, inertText(d.row.name), inertText(postCell(d.row)), ...amountCells(d.amounts)]);
  finishTable(detail, detail.rowCount, YEAR_DETAIL_HEADER.length, 4, 4 + PAYROLL_COLUMNS.length, [10, 10, 20, 12, 12, 12, 12, 12, 14]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
