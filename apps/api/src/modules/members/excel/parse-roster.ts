/**
 * Reads a 党员花名册 as village secretaries keep it: title rows, merged cells, their own column names and
 * order, dates in any shape. It only reads and normalises; ID check digits, phone formats and branch
 * names are judged by the service, which knows the rules and the caller's scope.
 */
import type { Cell, CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { UnreadableWorkbook, withWorkbook } from '../../../lib/excel.js';
import { COLUMNS, matchHeader, SERIAL_HEADER, type ColumnSpec, type ParseContext, type RosterField, type RosterValues } from './columns.js';
import { birthFromId, reconcileWithId, standingProblems } from './id-checks.js';
import { cleanText, compactText, headerKey, type CellInput } from './normalise.js';

export type { RosterValues } from './columns.js';

export interface RowError {
  /** The column's header as written in the file (our template header when the column is missing). */
  column: string;
  message: string;
}
export interface ParsedRow {
  /** The worksheet the row is on (a town's roster often keeps one sheet per branch). */
  sheet: string;
  /** Excel row number as the user sees it. */
  row: number;
  /** Headers of the row's sheet as written, by field, for the service's messages. */
  headers: Partial<Record<RosterField, string>>;
  values: RosterValues;
  errors: RowError[];
  duplicateOfRow?: number;
}
export interface ParsedSheet {
  sheetName: string;
  headerRow: number;
  columns: { header: string; field: string | null }[];
}
/** Every visible sheet with a header row, in workbook order; `sheetName`, `headerRow` and `columns` are the first one's. */
export interface ParsedRoster extends ParsedSheet {
  sheets: ParsedSheet[];
  /** Fields every row has a value for: a column in its sheet, or 出生日期/性别 derived from the ID number. */
  fields: string[];
  rows: ParsedRow[];
}

/** The file itself cannot be read as a roster; the message is meant for the secretary. */
export class RosterFormatError extends Error {}

const HEADER_SCAN_ROWS = 20;
const MIN_HEADERS = 3;
// Totals, notes and signature lines under the table. "小计" rows also appear between branch blocks.
const FOOTER = /^(合计|总计|小计|共计|备注|说明|注[:：]|填表人|填报人|制表人|审核人|负责人)/;
// A 小计 row of a town-wide roster often starts with the block's branch name or an empty 序号 cell.
const TOTALS = /^(合计|总计|小计|共计)/;
const EXAMPLE_MARK = '示例';
const NOT_XLSX = '文件不是有效的 Excel(.xlsx)文件';

interface HeaderColumn { col: number; header: string; spec: ColumnSpec | null; serial: boolean }
type Slot = { input: CellInput; error?: string; inherited: boolean };

/** exceljs wraps rich text, hyperlinks and formulas in objects; the roster only cares about what is shown. */
export function unwrap(v: CellValue | undefined): { input: CellInput; error?: string } {
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
export function readCell(cell: Cell, headerRow: number): Slot {
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
    workUnit: null, phone: null, address: null, hamlet: null, isVillageCadre: false, isHardship: false, standing: null,
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
  if (!texts.length || FOOTER.test(texts[0]) || texts.slice(0, 3).some((t) => TOTALS.test(t))) return true;
  if (serialCol && cleanText(readCell(row.getCell(serialCol), 0).input).startsWith(EXAMPLE_MARK)) return true;
  const again = texts.map(matchHeader).filter((m): m is ColumnSpec => !!m && m !== 'ignored');
  return again.length >= MIN_HEADERS && again.some((m) => m.field === 'name');
}

interface SheetLayout {
  name: string;
  headerRow: number;
  columns: HeaderColumn[];
  headers: Partial<Record<RosterField, string>>;
  /** 出生日期/性别 columns the sheet lacks: filled from the ID number. */
  absent: { birthDate: boolean; gender: boolean };
}

function readRow(row: Row, layout: SheetLayout, ctx: ParseContext): ParsedRow {
  const { columns, headerRow } = layout;
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
  const orderOf = (field: RosterField) => columns.findIndex((c) => c.spec?.field === field);
  if (!errors.length) {
    for (const p of [...reconcileWithId(values, layout.absent), ...standingProblems(values)]) {
      errors.push({ order: orderOf(p.field), column: layout.headers[p.field] ?? HEADER_OF[p.field], message: p.message });
    }
  }
  errors.sort((a, b) => a.order - b.order);
  return { sheet: layout.name, row: row.number, headers: layout.headers, values, errors: errors.map(({ column, message }) => ({ column, message })) };
}

const HEADER_OF = Object.fromEntries(COLUMNS.map((c) => [c.field, c.header])) as Record<RosterField, string>;
HEADER_OF.standing = '人员类别';

/** Where an ID number was first seen, across the sheets: the same person twice is one member. */
type FirstSeen = Map<string, { sheet: string; row: number }>;

function readSheet(ws: Worksheet, header: { row: number; columns: HeaderColumn[] }, ctx: ParseContext, seen: FirstSeen): { sheet: ParsedSheet; rows: ParsedRow[]; fields: Set<string> } {
  const present = new Set(header.columns.map((c) => c.spec?.field));
  const headers: Partial<Record<RosterField, string>> = {};
  for (const c of header.columns) if (c.spec) headers[c.spec.field] = c.header;
  // With an ID column, 出生日期 and 性别 follow from it; the branch may come from the sheet or the import's target.
  const derivable = present.has('idNumber');
  const absent = { birthDate: derivable && !present.has('birthDate'), gender: derivable && !present.has('gender') };
  const missing = COLUMNS.filter((s) => s.required && !present.has(s.field) && s.field !== 'organizationName' && !(s.field in absent && absent[s.field as keyof typeof absent]));
  const layout: SheetLayout = { name: ws.name, headerRow: header.row, columns: header.columns, headers, absent };
  const serialCol = header.columns.find((c) => c.serial)?.col;
  const idHeader = headers.idNumber ?? '身份证号';
  const rows: ParsedRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row || isSkipped(row, serialCol)) continue;
    const parsed = readRow(row, layout, ctx);
    for (const spec of missing) parsed.errors.push({ column: spec.header, message: `表格中没有“${spec.header}”列` });
    const id = parsed.values.idNumber;
    const first = id ? seen.get(id) : undefined;
    if (first !== undefined) {
      parsed.duplicateOfRow = first.row;
      parsed.errors.push({ column: idHeader, message: first.sheet === ws.name ? `与第${first.row}行重复` : `与工作表“${first.sheet}”第${first.row}行重复` });
    } else if (id) seen.set(id, { sheet: ws.name, row: parsed.row });
    rows.push(parsed);
  }
  const fields = new Set([...present].filter((f): f is RosterField => !!f));
  if (absent.birthDate) fields.add('birthDate');
  if (absent.gender) fields.add('gender');
  return { sheet: { sheetName: ws.name, headerRow: header.row, columns: header.columns.map((c) => ({ header: c.header, field: c.spec?.field ?? null })) }, rows, fields };
}

/**
 * Parses every visible worksheet that has a recognisable header row (a town keeps one sheet per branch); sheets
 * without one (notes, lookup lists) are passed over. Throws RosterFormatError (with a
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
  const seen: FirstSeen = new Map();
  const read: ReturnType<typeof readSheet>[] = [];
  // Hidden sheets hold lookup lists and old copies, not the roster someone meant to upload.
  for (const ws of wb.worksheets.filter((s) => s.state === undefined || s.state === 'visible')) {
    const header = findHeader(ws);
    if (header) read.push(readSheet(ws, header, ctx, seen));
  }
  if (!read.length) throw new RosterFormatError('未找到表头:请确认表格中有“姓名”“身份证号”等列');
  // A field counts as present only when every sheet has it, so an update never blanks what one sheet lacks.
  const fields = [...read[0].fields].filter((f) => read.every((s) => s.fields.has(f)));
  return { ...read[0].sheet, sheets: read.map((s) => s.sheet), fields, rows: read.flatMap((s) => s.rows) };
}
