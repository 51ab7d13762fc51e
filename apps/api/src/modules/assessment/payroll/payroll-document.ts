/**
 * The 报酬发放表 as an A4 PDF for signing, through the project's document layer (lib/documents: one model, pdfmake
 * with the bundled Noto Sans SC). Landscape: ten columns with amounts up to 99,999.99 do not fit the upright page at a
 * readable size. Page 1 is the payroll, its 合计 row (and in words, 大写), the formula and the signature block (制表人, 审核人, 镇党委审批,
 * each with a date); then the 计算明细 appendix, each person's breakdown with the why of every amount.
 */
import { PAYROLL_COLUMNS, PAYROLL_FORMULA, PAYROLL_HEADER, PAYROLL_SIGNATURES, PAYROLL_TOTAL_LABEL, yuanGrouped, yuanInWords, type PayrollMonth } from '@dj/contracts';
import { chineseDate, heading, pageBreak, paragraph, table, type Block, type DocModel } from '../../../lib/documents/doc-model.js';
import { renderPdf } from '../../../lib/documents/render-pdf.js';
import { monthSheet, postCell, type MonthSheet, type PayrollAmounts } from './payroll-sums.js';

// 序号, 姓名, 职务, five amounts, 应发合计, 领款人签字 (room for a signature).
const WIDTHS = [3, 6, 12, 7, 7, 7, 7, 7, 8, 10];
const ALIGN = ['center', 'center', 'left', ...PAYROLL_COLUMNS.map(() => 'right' as const), 'right', 'center'] as const;
/** A body row tall enough for a hand-written signature (pt). */
const SIGN_ROW_PT = 26;

const amountTexts = (a: PayrollAmounts) => [...PAYROLL_COLUMNS.map((c) => yuanGrouped(a[c])), yuanGrouped(a.total)];

function payrollTable(sheet: MonthSheet): Block {
  const rows = sheet.lines.map((l) => (l.kind === 'person'
    ? [String(l.no), l.row.name, postCell(l.row), ...amountTexts(l.row.amounts), '']
    : ['', `${l.label}小计`, `${l.count}人`, ...amountTexts(l.amounts), '']));
  rows.push(['合计', '', `${sheet.rows.length}人`, ...amountTexts(sheet.sum), '']);
  return table(PAYROLL_HEADER, rows, WIDTHS, { rowHeight: SIGN_ROW_PT, align: [...ALIGN], small: true });
}

/** 制表人 / 审核人 / 镇党委审批, each a box for the signature and a date line. */
function signatureBlock(preparedBy: string | undefined): Block {
  const cells = PAYROLL_SIGNATURES.map((_, i) => `${i === 0 && preparedBy ? preparedBy : ''}\n\n日期:    年    月    日`);
  return table([...PAYROLL_SIGNATURES], [cells], [1, 1, 1], { rowHeight: 60, align: ['left', 'left', 'left'] });
}

/**
 * The 计算明细 appendix: one table, each person's lines and their why closed by 应发合计; 序号 and name on the
 * person's first line, the post on the second (every person has at least 基本报酬, 月度绩效 and 应发合计). One table,
 * not a heading and a table per person: for a town of 120 people that took 70 pages (each small table kept whole with
 * its heading); this way the whole PDF is 37 pages, 12 of them the payroll for signing (measured, 1.4 s to render).
 */
function whyBlocks(sheet: MonthSheet): Block[] {
  const rows = sheet.rows.flatMap((r, i) => [
    ...r.pay.lines.map((l) => [l.label, yuanGrouped(l.amountFen), l.why]),
    [PAYROLL_TOTAL_LABEL, yuanGrouped(r.pay.totalFen), '以上各项之和'],
  ].map((cells, k) => [k === 0 ? String(i + 1) : '', k === 0 ? r.name : k === 1 ? postCell(r) : '', ...cells]));
  return [
    pageBreak(),
    heading(2, '附:计算明细(每项金额的来历)'),
    table(['序号', '姓名', '项目', '金额(元)', '计算依据'], rows, [2, 7, 6, 4, 28], { align: ['center', 'left', 'left', 'right', 'left'], small: true }),
  ];
}

/** Pure: the month's payroll as a document model (`today` is the 生成日期 printed under the table). */
export function payrollModel(p: PayrollMonth, today: string): DocModel {
  const sheet = monthSheet(p);
  return {
    title: sheet.title,
    subtitle: '单位:元',
    orientation: 'landscape',
    blocks: [
      payrollTable(sheet),
      paragraph(`应发合计(大写):人民币${yuanInWords(sheet.sum.total)}`),
      paragraph(`${PAYROLL_FORMULA}。生成日期:${chineseDate(today)}`, { small: true }),
      signatureBlock(p.preparedBy),
      ...(sheet.rows.length ? whyBlocks(sheet) : []),
    ],
  };
}

/** The month's payroll as PDF bytes (rendered on the document thread). */
export const payrollPdf = (p: PayrollMonth, today: string): Promise<Buffer> => renderPdf(payrollModel(p, today));
