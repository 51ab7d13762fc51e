/**
 * The two workbooks we hand out: the blank import template (built from the same column table the parser
 * reads, so it always imports cleanly) and the roster export.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { newWorkbook } from '../../../lib/excel.js';
import { EDUCATION_LABELS, EDUCATIONS, GENDER_LABELS, GENDERS, OCCUPATION_LABELS, OCCUPATIONS } from '@dj/contracts';
import { COLUMNS, SERIAL_HEADER, type RosterField } from './columns.js';

const RED = 'FFC00000';
const GREY = 'FF808080';
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Drop-downs reach this far down; a village roster is a few hundred rows at most. */
const TEMPLATE_ROWS = 1000;

/**
 * OWASP CSV/formula injection (ASVS 1.2.10): a value starting with = + - @ tab or CR is prefixed with an
 * apostrophe. exceljs already stores JS strings as shared strings, never as formulas, so the file itself
 * is safe; the prefix keeps the value inert when someone edits the cell (F2, Enter), copies it elsewhere
 * or saves the sheet as CSV. Full-width ＝＋－＠ are included because IMEs produce them and some
 * spreadsheet programs treat them like their ASCII forms.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export function inertText(value: string | null | undefined): string {
  // C0 control characters are not allowed in the sheet XML; exceljs would drop them anyway.
  const s = (value ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** Header/footer strings use & for codes (&P, &N); a literal & must be doubled. Excel caps them at 255 characters. */
function headerFooterText(s: string, max = 60): string {
  return inertText(s).slice(0, max).replace(/&/g, '&&');
}

async function toBuffer(wb: Workbook): Promise<Buffer> {
  // exceljs types the result as its own ArrayBuffer-like Buffer; at runtime it is a Node Buffer.
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function titleRow(ws: Worksheet, row: number, lastCol: number, text: string, size: number, color?: string): void {
  ws.mergeCells(row, 1, row, lastCol);
  const cell = ws.getCell(row, 1);
  cell.value = inertText(text);
  cell.font = { bold: size > 12, size, color: color ? { argb: color } : undefined };
  cell.alignment = { horizontal: size > 12 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = size > 12 ? 30 : 20;
}

function headerCell(ws: Worksheet, row: number, col: number, text: string, required = false): void {
  const cell = ws.getCell(row, col);
  cell.value = text;
  cell.font = { bold: true, color: required ? { argb: RED } : undefined };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

const EXAMPLE: Record<RosterField, string> = {
  name: '张三', gender: '男', ethnicity: '汉族', birthDate: '1985-03-02', idNumber: '370402198503021239', nativePlace: '山东青岛',
  education: '高中', joinedAt: '2010-07-01', confirmedAt: '2011-07-01', organizationName: '营子村党支部', groupName: '第一党小组',
  partyPosts: '组织委员', occupation: '农民', workUnit: '', phone: '13800000000', address: '营子村18号', hamlet: '一组',
  isVillageCadre: '否', isHardship: '否', standing: '', // 人员类别 is read from other layouts, not in the template
};

/** Drop-down lists as inline "a,b,c" lists: short enough for Excel's 255-character limit. */
const CHOICES: Partial<Record<RosterField, string[]>> = {
  gender: GENDERS.map((g) => GENDER_LABELS[g]),
  education: EDUCATIONS.map((e) => EDUCATION_LABELS[e]),
  occupation: OCCUPATIONS.map((o) => OCCUPATION_LABELS[o]),
  isVillageCadre: ['是', '否'],
  isHardship: ['是', '否'],
};

/** The blank import template: title, header (required columns marked * in red), an example row, drop-downs and a 填写说明 sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('党员信息', { views: [{ state: 'frozen', ySplit: 3 }] });
  const lastCol = COLUMNS.length + 1;
  titleRow(ws, 1, lastCol, '党员信息导入模板', 16);
  titleRow(ws, 2, lastCol, '带 * 的列必须填写;日期写成 1985-03-02;第4行是示例,导入时自动跳过,可保留也可删除;详见“填写说明”工作表。', 10, GREY);
  headerCell(ws, 3, 1, SERIAL_HEADER);
  ws.getColumn(1).width = 6;
  const example = ws.getRow(4);
  example.getCell(1).value = '示例';
  COLUMNS.forEach((spec, i) => {
    const col = i + 2;
    headerCell(ws, 3, col, spec.required ? `*${spec.header}` : spec.header, spec.required);
    const column = ws.getColumn(col);
    column.width = spec.width;
    // Text format stops Excel from turning an 18-digit ID into 3.70402E+17 and dropping its last digits.
    if (spec.field === 'idNumber' || spec.field === 'phone') column.numFmt = '@';
    example.getCell(col).value = EXAMPLE[spec.field];
    const choices = CHOICES[spec.field];
    if (!choices) return;
    for (let r = 4; r <= TEMPLATE_ROWS + 3; r++) {
      ws.getCell(r, col).dataValidation = {
        type: 'list', allowBlank: !spec.required, formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true, errorTitle: '输入有误', error: `${spec.header}请从下拉列表中选择:${choices.join('、')}`,
      };
    }
  });
  example.eachCell((cell) => { cell.font = { italic: true, color: { argb: GREY } }; });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 10 }, { width: 70 }];
  titleRow(help, 1, 3, '党员信息导入模板 填写说明', 14);
  ['列名', '是否必填', '填写要求'].forEach((t, i) => headerCell(help, 2, i + 1, t));
  COLUMNS.forEach((spec, i) => {
    const aliases = spec.aliases.length ? `(也可写作:${spec.aliases.join('、')})` : '';
    help.getRow(i + 3).values = [spec.header, spec.required ? '必填' : '选填', `${spec.hint}${aliases}`];
  });
  const notes = [
    '1. 表格上方可以有标题行,列的顺序可以调整,列名可以使用括号中的其他写法。',
    '2. 日期可写成 1985-03-02、1985.3.2、1985/03/02、1985年3月2日 或 19850302,须填写到具体某一天。',
    '3. “所在党支部”“党小组”须与系统中的名称一致;同一党支部的连续行可以合并单元格。',
    '4. 身份证号重复的行只导入第一行;“合计”“备注”等行和空行会被忽略。',
  ];
  notes.forEach((n, i) => { help.getCell(COLUMNS.length + 4 + i, 1).value = n; });
  return toBuffer(wb);
}

/** One roster line, already formatted for people: labels, not codes. Blank values may be '' or null. */
export interface ExportRow {
  name: string; gender: string | null; ethnicity: string | null; birthDate: string | null; nativePlace: string | null;
  /** Masked or full: the caller decides (and audits) which. */
  idNumber: string | null;
  phone: string | null; organization: string | null; group: string | null;
  /** 正式党员 / 预备党员 */ standing: string | null;
  /** 正常 / 停止党籍 / 已出党 */ status: string | null;
  joinedAt: string | null; confirmedAt: string | null; partyYears: string | null;
  education: string | null; occupation: string | null; workUnit: string | null; address: string | null; hamlet: string | null;
  /** 书记、组织委员 */ posts: string | null;
  villageCadre: string | null; hardship: string | null;
}

const EXPORT_COLUMNS: { key: keyof ExportRow; header: string; width: number }[] = [
  { key: 'name', header: '姓名', width: 10 }, { key: 'gender', header: '性别', width: 6 },
  { key: 'ethnicity', header: '民族', width: 8 }, { key: 'birthDate', header: '出生日期', width: 12 },
  { key: 'nativePlace', header: '籍贯', width: 12 }, { key: 'idNumber', header: '身份证号', width: 21 },
  { key: 'phone', header: '联系电话', width: 14 }, { key: 'organization', header: '所在党支部', width: 18 },
  { key: 'group', header: '党小组', width: 12 }, { key: 'standing', header: '党员类别', width: 10 },
  { key: 'status', header: '党籍状态', width: 10 }, { key: 'joinedAt', header: '入党日期', width: 12 },
  { key: 'confirmedAt', header: '转正日期', width: 12 }, { key: 'partyYears', header: '党龄', width: 6 },
  { key: 'education', header: '学历', width: 10 }, { key: 'occupation', header: '职业', width: 12 },
  { key: 'workUnit', header: '工作单位', width: 18 }, { key: 'address', header: '家庭住址', width: 24 },
  { key: 'hamlet', header: '村民小组', width: 10 }, { key: 'posts', header: '党内职务', width: 14 },
  { key: 'villageCadre', header: '是否村干部', width: 10 }, { key: 'hardship', header: '是否困难党员', width: 12 },
];

/** Rows above the table: the title and the watermark line naming who exported the roster and when. */
export const EXPORT_HEADER_ROW = 3;

/**
 * The roster as an A4-landscape sheet: title, a visible watermark line (导出人, 导出时间), the header
 * repeated on every printed page and the same line in the page footer, so a printout can be traced back.
 */
export async function buildRosterWorkbook(rows: ExportRow[], meta: { title: string; exportedBy: string; exportedAt: string; approvedBy?: string }): Promise<Buffer> {
  const wb = await newWorkbook();
  const lastCol = EXPORT_COLUMNS.length + 1;
  const approved = meta.approvedBy ? `  审批人:${meta.approvedBy}` : '';
  const mark = `导出人:${meta.exportedBy}  导出时间:${meta.exportedAt}${approved}  内部资料 注意保密`;
  const ws = wb.addWorksheet('党员花名册', {
    views: [{ state: 'frozen', ySplit: EXPORT_HEADER_ROW }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${EXPORT_HEADER_ROW}:${EXPORT_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&C${headerFooterText(meta.title)}`,
      oddFooter: `&L导出人:${headerFooterText(meta.exportedBy)}${meta.approvedBy ? ` 审批人:${headerFooterText(meta.approvedBy, 30)}` : ''}&C第 &P 页 共 &N 页&R导出时间:${headerFooterText(meta.exportedAt, 30)}`,
    },
  });
  titleRow(ws, 1, lastCol, meta.title, 16);
  titleRow(ws, 2, lastCol, mark, 10, GREY);
  headerCell(ws, EXPORT_HEADER_ROW, 1, SERIAL_HEADER);
  ws.getColumn(1).width = 6;
  EXPORT_COLUMNS.forEach((c, i) => {
    headerCell(ws, EXPORT_HEADER_ROW, i + 2, c.header);
    ws.getColumn(i + 2).width = c.width;
  });
  rows.forEach((data, i) => {
    const row = ws.getRow(EXPORT_HEADER_ROW + 1 + i);
    row.getCell(1).value = i + 1;
    EXPORT_COLUMNS.forEach((c, j) => { row.getCell(j + 2).value = inertText(data[c.key]) || null; });
    row.eachCell({ includeEmpty: true }, (cell) => { cell.border = BORDER; });
  });
  ws.autoFilter = { from: { row: EXPORT_HEADER_ROW, column: 1 }, to: { row: EXPORT_HEADER_ROW, column: lastCol } };
  return toBuffer(wb);
}
