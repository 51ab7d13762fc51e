/**
 * Reads a talent roster as it is kept: title rows above the table, merged title cells, its own column names and
 * order, 男/女 or 1/2, dates as text or serials. Merged cells, the workbook's size limits and the cell clean-up are
 * the member roster importer's (members/index.ts, lib/excel.ts); this file only knows the talent columns.
 */
import type { Row, Workbook, Worksheet } from 'exceljs';
import { UnreadableWorkbook, withWorkbook } from '../../../lib/excel.js';
import { cleanText, readCell, RosterFormatError, unwrap } from '../../members/index.js';
import { matchTalentHeader, TALENT_COLUMNS, type ImportContext, type TalentColumn, type TalentImportField, type TalentImportValues } from './columns.js';

export interface ParsedTalentRow {
  sheet: string; row: number;
  /** The file's own header of each field, for messages. */
  headers: Partial<Record<TalentImportField, string>>;
  values: TalentImportValues;
  errors: { column: string; message: string }[];
  duplicateOfRow?: number;
}

const HEADER_SCAN_ROWS = 20;
const MIN_HEADERS = 3;
/** More rows than any town's talent roster: a larger file is a mistake (or the member roster). */
export const MAX_TALENT_IMPORT_ROWS = 2000;
const FOOTER = /^(合计|总计|小计|共计|备注|说明|注[:：]|填表人|填报人|制表人|审核人|负责人)/;

interface HeaderColumn { col: number; header: string; spec: TalentColumn | null }

function headerColumns(row: Row): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  const taken = new Set<TalentImportField>();
  row.eachCell((cell, col) => {
    const text = cleanText(readCell(cell, 0).input);
    if (!text) return;
    const match = matchTalentHeader(text);
    const spec = match && match !== 'ignored' && !taken.has(match.field) ? match : null;
    if (spec) taken.add(spec.field);
    columns.push({ col, header: text.replace(/\*/g, '').replace(/\s/g, ''), spec });
  });
  return columns;
}

const recognised = (columns: HeaderColumn[]) => columns.filter((c) => c.spec).length;

function findHeader(ws: Worksheet): { row: number; columns: HeaderColumn[] } | null {
  let best: { row: number; columns: HeaderColumn[] } | null = null;
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const columns = headerColumns(ws.getRow(r));
    if (recognised(columns) < MIN_HEADERS || !columns.some((c) => c.spec?.field === 'name')) continue;
    if (!best || recognised(columns) > recognised(best.columns)) best = { row: r, columns };
  }
  return best;
}

const empty = (): TalentImportValues => ({
  name: '', gender: null, birthDate: null, idNumber: '', phone: null, village: null, kind: null, tier: null, selectedYear: null, field: null, leads: [], note: null,
});

function isSkipped(row: Row): boolean {
  const texts: string[] = [];
  row.eachCell((cell) => {
    if (cell.master !== cell) return;
    const t = cleanText(unwrap(cell.value).input);
    if (t) texts.push(t);
  });
  if (!texts.length || FOOTER.test(texts[0])) return true;
  // A header repeated on every printed page.
  return texts.filter((t) => { const m = matchTalentHeader(t); return m && m !== 'ignored'; }).length >= MIN_HEADERS;
}

function readRow(row: Row, sheet: string, header: { row: number; columns: HeaderColumn[] }, headers: ParsedTalentRow['headers'], ctx: ImportContext): ParsedTalentRow {
  const values = empty();
  const errors: ParsedTalentRow['errors'] = [];
  for (const c of header.columns) {
    if (!c.spec) continue;
    const slot = readCell(row.getCell(c.col), header.row);
    if (slot.error) { errors.push({ column: c.header, message: slot.error }); continue; }
    const result = c.spec.normalise(slot.input, c.header, ctx);
    if (!result.ok) { errors.push({ column: c.header, message: result.message }); continue; }
    (values as unknown as Record<string, unknown>)[c.spec.field] = result.value;
    if (c.spec.required && (result.value === '' || result.value === null)) errors.push({ column: c.header, message: '必填项为空' });
  }
  return { sheet, row: row.number, headers, values, errors };
}

function readSheet(ws: Worksheet, header: { row: number; columns: HeaderColumn[] }, ctx: ImportContext, seen: Map<string, number>): ParsedTalentRow[] {
  const headers: ParsedTalentRow['headers'] = {};
  for (const c of header.columns) if (c.spec) headers[c.spec.field] = c.header;
  const missing = TALENT_COLUMNS.filter((s) => s.required && !headers[s.field]);
  const rows: ParsedTalentRow[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row || isSkipped(row)) continue;
    if (rows.length >= MAX_TALENT_IMPORT_ROWS) throw new RosterFormatError(`表格超过${MAX_TALENT_IMPORT_ROWS}行,请拆分后分批导入`);
    const parsed = readRow(row, ws.name, header, headers, ctx);
    for (const spec of missing) parsed.errors.push({ column: spec.header, message: `表格中没有“${spec.header}”列` });
    const id = parsed.values.idNumber;
    const first = id ? seen.get(id) : undefined;
    if (first !== undefined) {
      parsed.duplicateOfRow = first;
      parsed.errors.push({ column: headers.idNumber ?? '身份证号', message: `与第${first}行重复` });
    } else if (id) seen.set(id, parsed.row);
    rows.push(parsed);
  }
  return rows;
}

function readRoster(wb: Workbook): ParsedTalentRow[] {
  const ctx: ImportContext = { date1904: wb.properties?.date1904 === true };
  const seen = new Map<string, number>();
  const rows: ParsedTalentRow[] = [];
  let found = false;
  for (const ws of wb.worksheets.filter((s) => s.state === undefined || s.state === 'visible')) {
    const header = findHeader(ws);
    if (!header) continue;
    found = true;
    rows.push(...readSheet(ws, header, ctx, seen));
  }
  if (!found) throw new RosterFormatError('未找到表头:请确认表格中有“姓名”“身份证号”“人才类别”等列');
  return rows;
}

/** Parses every visible sheet with a talent header row. Throws RosterFormatError (Chinese) for a file that is no roster. */
export async function parseTalentRoster(file: Buffer): Promise<ParsedTalentRow[]> {
  try {
    return await withWorkbook(file, readRoster);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    const isXls = file.subarray(0, 4).toString('hex') === 'd0cf11e0';
    throw new RosterFormatError(isXls ? '文件不是有效的 Excel(.xlsx)文件:这是旧版 .xls 文件,请在Excel中另存为 .xlsx 后再导入' : '文件不是有效的 Excel(.xlsx)文件');
  }
}
