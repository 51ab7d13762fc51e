/**
 * A disclosure table from xlsx (收支明细、补贴发放表): the first sheet, first row = header. Cells become the text
 * the secretary sees in Excel; nothing is evaluated. The same exceljs the member roster import uses.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { UnreadableWorkbook, withWorkbook } from '../../lib/excel.js';
import { AppError } from '../../lib/errors.js';

export const MAX_TABLE_ROWS = 500;
export const MAX_TABLE_COLUMNS = 30;
const MAX_CELL = 1000;

export interface ImportedTable { header: string[]; rows: string[][] }

const pad = (n: number) => String(n).padStart(2, '0');

/** exceljs wraps rich text, links and formulas in objects; a disclosure cares about what is shown. */
function cellText(v: CellValue | undefined): { text: string; error?: string } {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'number') return { text: Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6) };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) {
    // exceljs reads dates as UTC midnight of the day Excel shows.
    return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}` };
  }
  if ('richText' in v) return { text: v.richText.map((t) => t.text).join('').trim() };
  if ('hyperlink' in v) return cellText(v.text as CellValue);
  if ('formula' in v || 'sharedFormula' in v) {
    if (v.result === undefined) return { text: '', error: '是公式但没有计算结果,请用Excel打开并保存后再导入' };
    return cellText(v.result as CellValue);
  }
  if ('error' in v) return { text: '', error: `是错误值 ${v.error}` };
  return { text: '' };
}

const refuse = (message: string) => new AppError('VALIDATION', message, [{ path: 'file', message }]);

const NOT_XLSX = '文件不是有效的 Excel(.xlsx)文件,请在Excel或WPS中另存为 .xlsx 后再导入';

function readSheet(ws: Worksheet, maxColumns: number): { header: string[]; rows: string[][]; errors: string[] } {
  const errors: string[] = [];
  const width = Math.min(ws.columnCount, maxColumns);
  const read = (r: number) => {
    const row = ws.getRow(r);
    return Array.from({ length: width }, (_, i) => {
      const got = cellText(row.getCell(i + 1).value);
      if (got.error) errors.push(`第${r}行第${i + 1}列${got.error}`);
      return got.text;
    });
  };
  const all: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) all.push(read(r));
  // Trailing empty columns and empty rows are Excel's formatting, not data.
  let used = 0;
  for (const row of all) row.forEach((c, i) => { if (c) used = Math.max(used, i + 1); });
  const trimmed = all.map((row) => row.slice(0, used));
  const [header = [], ...rows] = trimmed;
  return { header, rows, errors };
}

/** The first sheet as header + rows, or a refusal naming what is wrong (and where). */
export async function importTable(data: Buffer): Promise<ImportedTable> {
  try {
    // Sized and queued before exceljs reads it (lib/excel.ts): a zip bomb is refused, not parsed.
    return await withWorkbook(data, tableOf);
  } catch (error) {
    if (error instanceof UnreadableWorkbook) throw refuse(NOT_XLSX);
    throw error;
  }
}

function tableOf(wb: Workbook): ImportedTable {
  const ws = wb.worksheets[0];
  if (!ws) throw refuse('文件中没有工作表');
  const sheet = readSheet(ws, MAX_TABLE_COLUMNS + 1);
  const { header, errors } = sheet;
  const rows = sheet.rows.filter((row) => row.some((c) => c));
  if (!header.length || header.every((h) => !h)) throw refuse(`第一个工作表“${ws.name}”的第1行(表头)是空的:请把表头放在第1行`);
  if (header.length > MAX_TABLE_COLUMNS) throw refuse(`表格超过${MAX_TABLE_COLUMNS}列(共${header.length}列),请删减不需要公开的列`);
  const blank = header.findIndex((h) => !h);
  if (blank >= 0) throw refuse(`表头第${blank + 1}列为空,请填写列名`);
  if (rows.length > MAX_TABLE_ROWS) throw refuse(`表格超过${MAX_TABLE_ROWS}行(共${rows.length}行),请拆分为几份公开`);
  if (errors.length) throw refuse(`工作表“${ws.name}”:${errors.slice(0, 5).join(';')}${errors.length > 5 ? `等共${errors.length}处` : ''}`);
  const long = rows.flatMap((row, r) => row.map((c, i) => (c.length > MAX_CELL ? `第${r + 1}行第${i + 1}列` : ''))).filter(Boolean);
  if (long.length) throw refuse(`表格${long[0]}内容超过${MAX_CELL}字`);
  return { header, rows: rows.map((row) => header.map((_, i) => row[i] ?? '')) };
}

/**
 * Every sheet's cells of an xlsx attachment, for the 保密审查 scan; null when the file cannot be read or is over the
 * limits (an attachment stored before the limits existed: the scan reports it unreadable rather than parse it).
 * A busy server is passed on (503): the scan must not call a file unreadable only because others were importing.
 */
export async function workbookCells(data: Buffer): Promise<{ name: string; header: string[]; rows: string[][] }[] | null> {
  try {
    return await withWorkbook(data, (wb) => wb.worksheets.map((ws) => ({ name: ws.name, ...readSheet(ws, 1000) })));
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAVAILABLE') throw error;
    return null;
  }
}
