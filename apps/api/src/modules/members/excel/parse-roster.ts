/**
 * Reads a 党员花名册 as village secretaries keep it: title rows, merged cells, their own column names and
 * order, dates in any shape. It only reads and normalises; ID check digits, phone formats and branch
 * names are judged by the service, which knows the rules and the caller's scope.
 */
import type { Cell, CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { UnreadableWorkbook, withWorkbook } from '../../../lib/excel.js';
import { COLUMNS, matchHeader, SERIAL_HEADER, type ColumnSpec, type ParseContext, type RosterField, type RosterValues } from './columns.js';
import { cleanText, compactText, headerKey, type CellInput } from './normalise.js';

export type { RosterValues } from './columns.js';

export interface RowError {
  /** The column's header as written in the file (our template header when the column is missing). */
  column: string;
  message: string;
}
export interface ParsedRow {
  /** Excel row number as the user sees it. */
  row: number;
  values: RosterValues;
  errors: RowError[];
  duplicateOfRow?: number;
}
export interface ParsedRoster {
  sheetName: string;
  headerRow: number;
  columns: { header: string; field: string | null }[];
  rows: ParsedRow[];
}

/** The file itself cannot be read as a roster; the message is meant for the secretary. */
export class RosterFormatError extends Error {}

const HEADER_SCAN_ROWS = 20;
const MIN_HEADERS = 3;
// Totals, notes and signature lines under the table. "小计" rows also appear between branch blocks.
const FOOTER = /^(合计|总计|小计|共计|备注|说明|注[:：]|填表人|填报人|制表人|审核人|负责人)/;
const EXAMPLE_MARK = '示例';
const NOT_XLSX = '文件不是有效的 Excel(.xlsx)文件';

interface HeaderColumn { col: number; header: string; spec: ColumnSpec | null; serial: boolean }
type Slot = { input: CellInput; error?: string; inherited: boolean };

/** exceljs wraps rich text, hyperlinks and formulas in objects; the roster only cares about what is shown. */
function unwrap(v: CellValue | undefined): { input: CellInput; error?: string } {
  if (v === null || v === undefined) return { input: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { input: v };
  if ('richText' in v) return { input: v.richText.map((t) => t.text).join('') };
  if ('hyperlink' in v) {
    // The typings say string, but exceljs hands back rich text when the link text was formatted.
    const text: unknown = v.text;
    return typeof text === 'string' || (typeof text === 'object' && text !== null) ? unwrap(text as CellValue) : { input: null };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    // Files written by scripts often carry formulas without a cached result; we cannot evaluate them.
    if (v.result === undefined) return { input: null, error: '公式没有计算结果,请用Excel打开并保存后再导入' };
    return unwrap(v.result);
  }
  if ('error' in v) return { input: null, error: `单元格内容为错误值 ${v.error}` };
  return { input: null };
}

/**
 * A cell's value with merges resolved: a block merged down (所在党支部 over a branch's rows) gives its
 * value to every row; a horizontal merge belongs to its first column only, and a header merged down into
 * the data area is not data.
 */
function readCell(cell: Cell, headerRow: number): Slot {
  if (cell.master !== cell) { // merged over: an unmerged cell is its own master
    const master = cell.master;
    if (master.fullAddress.col !== cell.fullAddress.col || master.fullAddress.row <= headerRow) return { input: null, inherited: true };
    return { ...unwrap(master.value), inherited: true };
  }
  return { ...unwrap(cell.value), inherited: false };
}

function headerColumns(row: Row): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  const taken = new Set<RosterField>();
  row.eachCell((cell, col) => {
    const text = cleanText(readCell(cell, 0).input);
    if (!text) return;
    const match = matchHeader(text);
    // Two columns for one field (联系电话 and 手机号): the first one wins, the other is left alone.
    const spec = match && match !== 'ignored' && !taken.has(match.field) ? match : null;
    if (spec) taken.add(spec.field);
    // Shown in error messages as written, minus the * marker and the line breaks inside the cell.
    columns.push({ col, header: compactText(text.replace(/\*/g, '')), spec, serial: headerKey(text) === SERIAL_HEADER });
  });
  return columns;
}

const recognised = (columns: HeaderColumn[]) => columns.filter((c) => c.spec).length;
const hasName = (columns: HeaderColumn[]) => columns.some((c) => c.spec?.field === 'name');

/** The row among the first 20 that names the most of our columns, at least three of them including 姓名. */
function findHeader(ws: Worksheet): { row: number; columns: HeaderColumn[] } | null {
  let best: { row: number; columns: HeaderColumn[] } | null = null;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const columns = headerColumns(ws.getRow(r));
    if (recognised(columns) < MIN_HEADERS || !hasName(columns)) continue;
    if (!best || recognised(columns) > recognised(best.columns)) best = { row: r, columns };
  }
  return best;
}

function emptyValues(): RosterValues {
  return {
    name: '', gender: null, ethnicity: '汉族', birthDate: '', idNumber: '', nativePlace: null, education: null,
    joinedAt: '', confirmedAt: null, organizationName: '', groupName: null, partyPosts: [], occupation: null,
    workUnit: null, phone: null, address: null, hamlet: null, isVillageCadre: false, isHardship: false,
  };
}

function setValue<F extends RosterField>(values: RosterValues, field: F, value: RosterValues[F]): void {
  values[field] = value;
}

/** Rows that are not members: blank, totals and notes, a repeated header, our template's example row. */
function isSkipped(row: Row, serialCol: number | undefined): boolean {
  const texts: string[] = [];
  row.eachCell((cell) => {
    // Values carried down by a merge do not make an otherwise blank row a member.
    if (cell.master !== cell) return;
    const t = cleanText(unwrap(cell.value).input);
    if (t) texts.push(t);
  });
  if (!texts.length || FOOTER.test(texts[0])) return true;
  if (serialCol && cleanText(readCell(row.getCell(serialCol), 0).input).startsWith(EXAMPLE_MARK)) return true;
  const again = texts.map(matchHeader).filter((m): m is ColumnSpec => !!m && m !== 'ignored');
  return again.length >= MIN_HEADERS && again.some((m) => m.field === 'name');
}

/**
 * 出生年月 columns often hold only 1985.03. The ID number carries the full birth date, so when its year
 * and month agree we take the day from it; anything else stays an error rather than an invented day.
 */
function birthFromId(partial: { year: number; months: number[] }, id: string): { date?: string; mismatch: boolean } {
  if (!/^\d{17}[\dX]$/.test(id)) return { mismatch: false };
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const real = new Date(Date.UTC(y, m - 1, d));
  const valid = real.getUTCFullYear() === y && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
  if (!valid || y !== partial.year || !partial.months.includes(m)) return { mismatch: valid };
  return { date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, mismatch: false };
}

function readRow(row: Row, columns: HeaderColumn[], headerRow: number, ctx: ParseContext): ParsedRow {
  const values = emptyValues();
  const errors: (RowError & { order: number })[] = [];
  let pendingBirth: { order: number; column: string; message: string; partial: { year: number; months: number[] } } | null = null;
  for (const [order, c] of columns.entries()) {
    if (!c.spec) continue;
    const slot = readCell(row.getCell(c.col), headerRow);
    if (slot.error) {
      errors.push({ order, column: c.header, message: slot.error });
      continue;
    }
    const result = c.spec.normalise(slot.input, c.header, ctx);
    if (!result.ok) {
      if (c.spec.field === 'birthDate' && result.partialDate) pendingBirth = { order, column: c.header, message: result.message, partial: result.partialDate };
      else errors.push({ order, column: c.header, message: result.message });
      continue;
    }
    setValue(values, c.spec.field, result.value);
    if (c.spec.required && (result.value === '' || result.value === null)) errors.push({ order, column: c.header, message: '必填项为空' });
  }
  if (pendingBirth) {
    const { order, column, message, partial } = pendingBirth;
    const fromId = birthFromId(partial, values.idNumber);
    if (fromId.date) values.birthDate = fromId.date;
    else errors.push({ order, column, message: fromId.mismatch ? `${message},且与身份证号中的出生年月不一致` : message });
  }
  errors.sort((a, b) => a.order - b.order);
  return { row: row.number, values, errors: errors.map(({ column, message }) => ({ column, message })) };
}

function readSheet(ws: Worksheet, header: { row: number; columns: HeaderColumn[] }, ctx: ParseContext): ParsedRoster {
  const present = new Set(header.columns.map((c) => c.spec?.field));
  const missing = COLUMNS.filter((s) => s.required && !present.has(s.field));
  const serialCol = header.columns.find((c) => c.serial)?.col;
  const idHeader = header.columns.find((c) => c.spec?.field === 'idNumber')?.header ?? '身份证号';
  const firstRowOfId = new Map<string, number>();
  const rows: ParsedRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row || isSkipped(row, serialCol)) continue;
    const parsed = readRow(row, header.columns, header.row, ctx);
    for (const spec of missing) parsed.errors.push({ column: spec.header, message: `表格中没有“${spec.header}”列` });
    const id = parsed.values.idNumber;
    const first = id ? firstRowOfId.get(id) : undefined;
    if (first !== undefined) {
      parsed.duplicateOfRow = first;
      parsed.errors.push({ column: idHeader, message: `与第${first}行重复` });
    } else if (id) firstRowOfId.set(id, parsed.row);
    rows.push(parsed);
  }
  return {
    sheetName: ws.name,
    headerRow: header.row,
    columns: header.columns.map((c) => ({ header: c.header, field: c.spec?.field ?? null })),
    rows,
  };
}

/**
 * Parses the first visible worksheet that has a recognisable header row. Throws RosterFormatError (with a
 * Chinese message) when the file is not an xlsx workbook or no sheet has a header.
 */
export async function parseRoster(file: Buffer): Promise<ParsedRoster> {
  try {
    // Sized and queued before exceljs reads it (lib/excel.ts); a limit or a busy server is an AppError of its own.
    return await withWorkbook(file, readRoster);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    // An .xls (OLE compound file) is the usual culprit; saying so saves the secretary a phone call.
    const isXls = file.subarray(0, 4).toString('hex') === 'd0cf11e0';
    throw new RosterFormatError(isXls ? `${NOT_XLSX}:这是旧版 .xls 文件,请在Excel中另存为 .xlsx 后再导入` : NOT_XLSX);
  }
}

function readRoster(wb: Workbook): ParsedRoster {
  if (!wb.worksheets.length) throw new RosterFormatError(NOT_XLSX);
  const ctx: ParseContext = { date1904: wb.properties?.date1904 === true };
  // Hidden sheets hold lookup lists and old copies, not the roster someone meant to upload.
  for (const ws of wb.worksheets.filter((s) => s.state === undefined || s.state === 'visible')) {
    const header = findHeader(ws);
    if (header) return readSheet(ws, header, ctx);
  }
  throw new RosterFormatError('未找到表头:请确认表格中有“姓名”“身份证号”等列');
}
