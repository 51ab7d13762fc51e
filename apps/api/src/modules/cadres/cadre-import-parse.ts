/**
 * Reads a village's 两委 roster as made elsewhere (issue 15 point 8): a title merged above the header, the columns in
 * any order under their usual names (职务 or 现任职务, 任职时间 or 任现职时间…), 男/女 or no gender at all (the ID
 * number says it), dates typed as text or kept as Excel dates and serial numbers. It reads and normalises only,
 * with the member roster importer's cell rules (members' normalise); the service judges against the village's posts.
 */
import type { Cell, CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { CADRE_IMPORT_MAX_ROWS, validateIdNumber, VILLAGE_CADRE_POST_LABELS, type VillageCadrePost } from '@dj/contracts';
import { AppError } from '../../lib/errors.js';
import { UnreadableWorkbook, withWorkbook } from '../../lib/excel.js';
import { cleanText, compactNumberText, compactText, headerKey, parseDate, parseYesNo, type CellInput } from '../members/index.js';
import { parsePosts } from './rules/import-posts.js';

export type CadreField = 'name' | 'idNumber' | 'gender' | 'posts' | 'startedOn' | 'phone' | 'isMember' | 'birthDate';
export interface CadreRowValues {
  name: string; idNumber: string; gender: 'male' | 'female' | null; birthDate: string | null; posts: VillageCadrePost[];
  startedOn: string; phone: string | null; isMember: boolean | null;
}
export interface CadreParsedRow {
  sheet: string; row: number; headers: Partial<Record<CadreField, string>>; values: CadreRowValues;
  errors: { column: string; message: string }[]; duplicateOfRow?: number;
}

/** Each field's names in the files towns keep; the first is our template's. */
export const CADRE_HEADERS: Record<Exclude<CadreField, 'birthDate'>, readonly string[]> = {
  name: ['姓名'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证', '公民身份证号码'],
  gender: ['性别'],
  posts: ['职务', '现任职务', '担任职务', '职务名称', '两委职务', '村内职务', '现任村职务'],
  startedOn: ['任职时间', '任职日期', '任现职时间', '任现职日期', '任职起始时间', '任职起始日期', '任职年月'],
  phone: ['联系电话', '手机', '手机号', '手机号码', '电话', '电话号码'],
  isMember: ['是否党员', '政治面貌', '是否中共党员', '党员'],
};
const REQUIRED: readonly CadreField[] = ['name', 'idNumber', 'posts', 'startedOn'];
const LOOKUP = new Map<string, CadreField>(Object.entries(CADRE_HEADERS).flatMap(([f, names]) => names.map((n) => [headerKey(n), f as CadreField] as const)));
const HEADER_SCAN_ROWS = 15;
const FOOTER = /^(合计|总计|小计|共计|备注|说明|注[:：]|填表人|填报人|制表人|审核人|负责人)/;

export class CadreRosterFormatError extends Error {}

function unwrap(v: CellValue | undefined): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v && v.result !== undefined) return unwrap(v.result as CellValue);
  if ('text' in v && typeof v.text === 'string') return v.text;
  return null;
}
/** A cell merged over belongs to its first cell only: a title merged across the header row is not a header. */
const own = (cell: Cell): CellInput => (cell.master === cell ? unwrap(cell.value) : null);

function headerOf(row: Row): Map<number, { field: CadreField; header: string }> {
  const found = new Map<number, { field: CadreField; header: string }>();
  const taken = new Set<CadreField>();
  row.eachCell((cell, col) => {
    const text = cleanText(own(cell));
    const field = text ? LOOKUP.get(headerKey(text)) : undefined;
    if (field && !taken.has(field)) { taken.add(field); found.set(col, { field, header: compactText(text.replace(/\*/g, '')) }); }
  });
  return found;
}

function findHeader(ws: Worksheet) {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const columns = headerOf(ws.getRow(r));
    const fields = [...columns.values()].map((c) => c.field);
    if (fields.length >= 3 && fields.includes('name')) return { row: r, columns };
  }
  return null;
}

/** 是/否, or 政治面貌 as written: 中共党员 and 预备党员 are members; 群众, 共青团员, 无党派 are not. */
function readMember(input: CellInput, header: string): { value: boolean | null } | { error: string } {
  const s = compactText(input);
  if (!s) return { value: null };
  if (/^(中共)?(预备)?党员$/.test(s)) return { value: true };
  if (/^(群众|共青团员|团员|无党派人士|无党派|民主党派)$/.test(s)) return { value: false };
  const yn = parseYesNo(s);
  return yn.ok ? { value: yn.value } : { error: `无法识别“${s}”,${header}应填写“是”“否”,或中共党员、群众` };
}

function readGender(input: CellInput, header: string): { value: 'male' | 'female' | null } | { error: string } {
  const s = compactText(input);
  if (!s) return { value: null };
  if (/^(男|男性|m|male)$/i.test(s)) return { value: 'male' };
  if (/^(女|女性|f|female)$/i.test(s)) return { value: 'female' };
  return { error: `无法识别“${s}”,${header}应填写“男”或“女”` };
}

function readRow(row: Row, sheet: string, columns: Map<number, { field: CadreField; header: string }>): CadreParsedRow {
  const headers: Partial<Record<CadreField, string>> = {};
  for (const c of columns.values()) headers[c.field] = c.header;
  const values: CadreRowValues = { name: '', idNumber: '', gender: null, birthDate: null, posts: [], startedOn: '', phone: null, isMember: null };
  const errors: CadreParsedRow['errors'] = [];
  const fail = (field: CadreField, message: string) => errors.push({ column: headers[field] ?? CADRE_HEADERS[field as Exclude<CadreField, 'birthDate'>]?.[0] ?? field, message });
  for (const [col, { field, header }] of columns) {
    const input = own(row.getCell(col));
    if (field === 'name') values.name = compactText(input);
    else if (field === 'idNumber') {
      if (typeof input === 'number' && !(Number.isInteger(input) && input < 1e15)) fail(field, '身份证号被Excel存成了数字,末几位已丢失:请把该列设为“文本”格式后重新填写');
      else values.idNumber = compactNumberText(input);
    } else if (field === 'gender') {
      const g = readGender(input, header);
      if ('error' in g) fail(field, g.error); else values.gender = g.value;
    } else if (field === 'posts') {
      const p = parsePosts(cleanText(input), header);
      if ('error' in p) fail(field, p.error); else values.posts = p.posts;
    } else if (field === 'startedOn') {
      const d = parseDate(input);
      if (d && !d.ok) fail(field, d.message); else values.startedOn = d?.value ?? '';
    } else if (field === 'phone') values.phone = compactNumberText(input) || null;
    else if (field === 'isMember') {
      const m = readMember(input, header);
      if ('error' in m) fail(field, m.error); else values.isMember = m.value;
    }
  }
  for (const f of REQUIRED) {
    if (!(f in headers)) fail(f, `表格中没有“${CADRE_HEADERS[f as Exclude<CadreField, 'birthDate'>][0]}”列`);
    else if ((f === 'posts' ? values.posts.length === 0 : !values[f as 'name']) && !errors.some((e) => e.column === headers[f])) fail(f, '必填项为空');
  }
  if (values.idNumber && !errors.some((e) => e.column === headers.idNumber)) {
    const id = validateIdNumber(values.idNumber, { gender: values.gender });
    if (!id.ok) fail(id.message.includes('性别') ? 'gender' : 'idNumber', id.message);
    else Object.assign(values, { idNumber: id.value, gender: id.gender, birthDate: id.birthDate });
  }
  return { sheet, row: row.number, headers, values, errors };
}

function readWorkbook(wb: Workbook): CadreParsedRow[] {
  const ws = wb.worksheets.find((s) => (s.state === undefined || s.state === 'visible') && findHeader(s));
  const header = ws ? findHeader(ws) : null;
  if (!ws || !header) throw new CadreRosterFormatError('未找到表头:请确认表格中有“姓名”“身份证号”“职务”等列');
  const rows: CadreParsedRow[] = [];
  const seen = new Map<string, number>();
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const texts: string[] = [];
    row.eachCell((cell) => { const t = cleanText(own(cell)); if (t) texts.push(t); });
    if (!texts.length || FOOTER.test(texts[0])) continue;
    const parsed = readRow(row, ws.name, header.columns);
    const first = parsed.values.idNumber ? seen.get(parsed.values.idNumber) : undefined;
    if (first !== undefined) {
      parsed.duplicateOfRow = first;
      parsed.errors.push({ column: parsed.headers.idNumber ?? '身份证号', message: `与第${first}行重复:同一人兼任多个职务请写在一行,用顿号分隔` });
    } else if (parsed.values.idNumber) seen.set(parsed.values.idNumber, parsed.row);
    rows.push(parsed);
    if (rows.length > CADRE_IMPORT_MAX_ROWS) {
      throw new AppError('VALIDATION', `表格超过${CADRE_IMPORT_MAX_ROWS}行:村"两委"名册不应有这么多人,请确认没有选错文件(党员名册请在党员页面导入)`, [{ path: 'file', message: '行数超过上限' }]);
    }
  }
  return rows;
}

/** Parses within the import limits (lib/excel: zip sizes, workbooks at once). Not a workbook: CadreRosterFormatError. */
export async function parseCadreRoster(file: Buffer): Promise<CadreParsedRow[]> {
  try {
    return await withWorkbook(file, readWorkbook);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    const isXls = file.subarray(0, 4).toString('hex') === 'd0cf11e0';
    throw new CadreRosterFormatError(isXls ? '文件不是有效的 Excel(.xlsx)文件:这是旧版 .xls 文件,请在Excel中另存为 .xlsx 后再导入' : '文件不是有效的 Excel(.xlsx)文件');
  }
}

export const POST_NAMES = Object.values(VILLAGE_CADRE_POST_LABELS);
