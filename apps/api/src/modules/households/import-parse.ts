/**
 * Reads a village's household roster (户籍/联户 台账) as villages keep it: a title row or two above the header, columns
 * in any order under the names villages use (户主/户主姓名, 村民小组/组别, 住址/家庭住址, 人口/家庭人口, 联系党员/联户党员,
 * 户情/家庭情况, 联系电话). A 身份证号 column is recognised only so that it is never read: nothing here stores ID numbers.
 * Cells, merges and size limits are the member roster importer's (members/index.ts, lib/excel.ts).
 */
import type { Row, Workbook, Worksheet } from 'exceljs';
import { HOUSEHOLD_LIMITS } from '@dj/contracts';
import { UnreadableWorkbook, withWorkbook } from '../../lib/excel.js';
import { cleanText, headerKey, readCell, RosterFormatError } from '../members/index.js';

export interface ParsedHouseholdRow {
  sheet: string; row: number; headName: string; hamlet: string | null; address: string | null; people: number | null;
  situation: string | null; phone: string | null;
  /** The members named in a 联系党员 cell; null when the sheet has no such column (links are then left as they are). */
  memberNames: string[] | null;
  errors: { column: string; message: string }[];
}

type Field = 'headName' | 'hamlet' | 'address' | 'people' | 'situation' | 'phone' | 'members';
const HEADERS: Record<Field, string[]> = {
  headName: ['户主', '户主姓名', '户主名'],
  hamlet: ['村民小组', '小组', '组别', '所在组', '所属小组', '组'],
  address: ['住址', '家庭住址', '地址', '门牌号', '居住地址'],
  people: ['人口', '家庭人口', '人口数', '户人口', '家庭人口数', '人数'],
  situation: ['户情', '家庭情况', '户情况', '基本情况', '情况', '备注'],
  phone: ['联系电话', '电话', '户主电话', '手机', '手机号', '联系方式'],
  members: ['联系党员', '联户党员', '包户党员', '责任党员', '联系党员姓名'],
};
const LABELS: Record<Field, string> = { headName: '户主', hamlet: '村民小组', address: '住址', people: '人口', situation: '户情', phone: '联系电话', members: '联系党员' };
const FIELD_OF = new Map(Object.entries(HEADERS).flatMap(([f, names]) => names.map((n) => [headerKey(n), f as Field] as const)));
const HEADER_SCAN_ROWS = 20;
const TOTALS = /^(合计|总计|小计|共计)/;
const FOOTER = /^(备注[:：]|说明|注[:：]|填表人|填报人|制表人|审核人)/;

interface Layout { headerRow: number; cols: Map<Field, number>; headers: Map<Field, string> }

const text = (row: Row, col: number, headerRow = 0) => cleanText(readCell(row.getCell(col), headerRow).input);

function findLayout(ws: Worksheet): Layout | null {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const row = ws.getRow(r);
    const layout: Layout = { headerRow: r, cols: new Map(), headers: new Map() };
    row.eachCell({ includeEmpty: false }, (_c, col) => {
      const raw = text(row, col);
      const field = FIELD_OF.get(headerKey(raw.replace(/（.*?）/g, '')));
      if (field && !layout.cols.has(field)) { layout.cols.set(field, col); layout.headers.set(field, raw); }
    });
    if (layout.cols.has('headName')) return layout;
  }
  return null;
}

function peopleOf(raw: string): number | null | 'bad' {
  if (!raw) return null;
  const m = /^(\d+)\s*人?$/.exec(raw.replace(/\s/g, ''));
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= HOUSEHOLD_LIMITS.maxPeople ? n : 'bad';
}

const limited = (value: string, max: number, label: string, errors: ParsedHouseholdRow['errors']) => {
  if (value.length > max) errors.push({ column: label, message: `不能超过${max}个字` });
  return value || null;
};

function readRow(row: Row, ws: Worksheet, layout: Layout): ParsedHouseholdRow | null {
  const cell = (f: Field) => { const col = layout.cols.get(f); return col ? text(row, col, layout.headerRow) : ''; };
  const head = cell('headName').replace(/\s/g, '');
  const first = text(row, 1, layout.headerRow).replace(/\s/g, '');
  if (TOTALS.test(first) || FOOTER.test(first) || TOTALS.test(head)) return null;
  const others: Field[] = ['hamlet', 'address', 'people', 'members'];
  if (!head && others.every((f) => !cell(f))) return null;
  const errors: ParsedHouseholdRow['errors'] = [];
  const label = (f: Field) => layout.headers.get(f) ?? LABELS[f];
  if (!head) errors.push({ column: label('headName'), message: '必填项为空' });
  const people = peopleOf(cell('people'));
  if (people === 'bad') errors.push({ column: label('people'), message: `应为1至${HOUSEHOLD_LIMITS.maxPeople}之间的整数` });
  const members = layout.cols.has('members') ? cell('members').split(/[、,，;；/\s]+/).filter(Boolean) : null;
  return {
    sheet: ws.name, row: row.number, headName: limited(head, HOUSEHOLD_LIMITS.headName, label('headName'), errors) ?? '',
    hamlet: limited(cell('hamlet'), HOUSEHOLD_LIMITS.hamlet, label('hamlet'), errors),
    address: limited(cell('address'), HOUSEHOLD_LIMITS.address, label('address'), errors),
    people: people === 'bad' ? null : people,
    situation: limited(cell('situation'), HOUSEHOLD_LIMITS.situation, label('situation'), errors),
    phone: cell('phone') || null, memberNames: members, errors,
  };
}

function readHouseholds(wb: Workbook): ParsedHouseholdRow[] {
  const rows: ParsedHouseholdRow[] = [];
  let found = false;
  for (const ws of wb.worksheets.filter((s) => s.state === undefined || s.state === 'visible')) {
    const layout = findLayout(ws);
    if (!layout) continue;
    found = true;
    for (let r = layout.headerRow + 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      const parsed = row && readRow(row, ws, layout);
      if (!parsed) continue;
      if (rows.length >= HOUSEHOLD_LIMITS.importRows) throw new RosterFormatError(`表格超过${HOUSEHOLD_LIMITS.importRows}行,请拆分后分批导入`);
      rows.push(parsed);
    }
  }
  if (!found) throw new RosterFormatError('未找到表头:请确认表格中有“户主”(或“户主姓名”)列');
  return rows;
}

/** Every visible sheet with a 户主 header. Throws RosterFormatError (Chinese) for a file that is no household roster. */
export async function parseHouseholdWorkbook(file: Buffer): Promise<ParsedHouseholdRow[]> {
  try {
    return await withWorkbook(file, readHouseholds);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    throw new RosterFormatError('文件不是有效的 Excel(.xlsx)文件');
  }
}
