/**
 * Reads an export of 学习强国 or 灯塔—党建在线 as a branch gets it, or the sheet a branch keeps by hand (issue 19 point 3).
 * Columns are found by their Chinese headers in the first rows (a title row above and a header merged over two rows
 * are common): 姓名; 学习时长 in 分钟, 小时 or 学时 (the unit read from the header, minutes and clock hours converted to
 * 学时 by the town's setting); 日期 or 月份; 平台. A 身份证号 column is recognised only so that it is never read into a
 * row: the platform exports carry it, the report never echoes it and nothing stores it. Cells, merges and size limits
 * are the member roster importer's (members/index.ts, lib/excel.ts).
 */
import type { Row, Workbook, Worksheet } from 'exceljs';
import { ONLINE_LIMITS, ONLINE_PLATFORM_LABELS, type OnlinePlatform } from '@dj/contracts';
import { UnreadableWorkbook, withWorkbook } from '../../lib/excel.js';
import { cleanText, headerKey, parseDate, readCell, RosterFormatError, type CellInput } from '../members/index.js';

export interface ParsedOnlineRow {
  sheet: string; row: number; name: string;
  /** 学时 to one decimal, converted from the column's unit. */
  hours: number | null; month: string | null; platform: OnlinePlatform | null;
  /** The sheet has a 日期/月份 column (a bad cell there is its own error, not a missing column). */
  monthColumn: boolean;
  errors: { column: string; message: string }[];
}

type Unit = 'minutes' | 'clock' | 'class';
interface Layout { headerRow: number; lastHeaderRow: number; name: number; hours?: { col: number; unit: Unit | null; header: string }; date?: number; month?: number; platform?: number; titlePlatform: OnlinePlatform | null }

const HEADER_SCAN_ROWS = 20;
const NAME = new Set(['姓名', '党员姓名', '学员姓名', '用户姓名', '真实姓名']);
const DATE = new Set(['日期', '学习日期', '统计日期']);
const MONTH = new Set(['月份', '学习月份', '统计月份', '年月']);
const PLATFORM = new Set(['平台', '学习平台', '来源', '学习来源']);
const DURATION = /^(学习时长|学习时间|时长|学时|学习学时|累计学时|累计时长|在线学习时长)$/;
const TOTALS = /^(合计|总计|小计|共计)/;
const FOOTER = /^(备注|说明|注[:：]|填表人|填报人|制表人|审核人)/;

const text = (row: Row, col: number, headerRow = 0) => cleanText(readCell(row.getCell(col), headerRow).input);

/** The unit a duration header names: 分钟, 小时, else 学时 (a bare 学习时长 without a unit is not guessed). */
function unitOf(header: string): Unit | null {
  if (header.includes('分钟') || /min/i.test(header)) return 'minutes';
  if (header.includes('小时')) return 'clock';
  if (header.includes('学时')) return 'class';
  return null;
}

export function platformOf(s: string): OnlinePlatform | null {
  if (s.includes('学习强国')) return 'xuexi';
  if (s.includes('灯塔')) return 'dengta';
  if (/本人报告|代为登记|代录|线下/.test(s)) return 'reported';
  return null;
}

function mapHeader(layout: Layout, raw: string, col: number) {
  const k = headerKey(raw);
  if (NAME.has(k) && !layout.name) layout.name = col;
  if (DATE.has(k)) layout.date = col;
  if (MONTH.has(k)) layout.month = col;
  if (PLATFORM.has(k)) layout.platform = col;
  if (DURATION.test(k) && !layout.hours) layout.hours = { col, unit: unitOf(raw), header: raw };
}

function findLayout(ws: Worksheet): Layout | null {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const row = ws.getRow(r);
    let name = 0;
    row.eachCell({ includeEmpty: false }, (_c, col) => { if (!name && NAME.has(headerKey(text(row, col)))) name = col; });
    if (!name) continue;
    const layout: Layout = { headerRow: r, lastHeaderRow: r, name, titlePlatform: null };
    // A header merged over two rows (学习情况 over 月份 and 学时): the next row is a header row when its 姓名 cell is
    // merged down from this one or empty, not a member's name.
    const below = ws.getRow(r + 1).getCell(name);
    const twoRows = below.master !== below || !cleanText(readCell(below, 0).input);
    for (const hr of twoRows ? [r, r + 1] : [r]) ws.getRow(hr).eachCell({ includeEmpty: false }, (c, col) => mapHeader(layout, text(ws.getRow(hr), col), col));
    if (twoRows) layout.lastHeaderRow = r + 1;
    const titles: string[] = [];
    for (let t = 1; t < r; t++) ws.getRow(t).eachCell((c) => { titles.push(cleanText(readCell(c, 0).input)); });
    layout.titlePlatform = platformOf(`${titles.join(' ')} ${ws.name}`);
    return layout;
  }
  return null;
}

/** A duration cell in 学时 to one decimal: a number or numeric text, not negative, within a month's bound. */
export function hoursOf(input: CellInput, unit: Unit, minutesPerHour: number): { hours: number } | { error: string } {
  const s = typeof input === 'number' ? String(input) : cleanText(input).replace(/[,，\s]|分钟|小时|学时/g, '');
  if (!s) return { error: '必填项为空' };
  if (!/^\d+(\.\d+)?$/.test(s)) return { error: `“${cleanText(input)}”不是数字` };
  const value = Number(s);
  const hours = Math.round((unit === 'minutes' ? value / minutesPerHour : unit === 'clock' ? (value * 60) / minutesPerHour : value) * 10) / 10;
  if (hours > ONLINE_LIMITS.maxMonthHours) return { error: `折合${hours}学时,超过一个月${ONLINE_LIMITS.maxMonthHours}学时的上限,请检查单位` };
  return { hours };
}

/** YYYY-MM from a date cell, a date text, or a month text (2026-03, 2026年3月, 2026/3). */
export function monthOf(input: CellInput): string | null | 'bad' {
  if (input === null || input === '') return null;
  const t = cleanText(input).replace(/\s/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, '0')}`;
  const d = parseDate(input);
  return d && d.ok ? d.value.slice(0, 7) : 'bad';
}

function cellOf(row: Row, col: number | undefined, layout: Layout): CellInput {
  return col ? readCell(row.getCell(col), layout.lastHeaderRow).input : null;
}

function readRow(row: Row, ws: Worksheet, layout: Layout, minutesPerHour: number): ParsedOnlineRow | null {
  const name = text(row, layout.name, layout.lastHeaderRow).replace(/\s/g, '');
  const first = text(row, 1, layout.lastHeaderRow).replace(/\s/g, '');
  if (TOTALS.test(first) || FOOTER.test(first) || TOTALS.test(name)) return null;
  const duration = layout.hours ? cellOf(row, layout.hours.col, layout) : null;
  if (!name && (duration === null || duration === '')) return null;
  const parsed: ParsedOnlineRow = { sheet: ws.name, row: row.number, name, hours: null, month: null, platform: layout.titlePlatform, monthColumn: Boolean(layout.month ?? layout.date), errors: [] };
  const header = (col: number) => text(ws.getRow(layout.headerRow), col) || text(ws.getRow(layout.lastHeaderRow), col);
  if (!name) parsed.errors.push({ column: header(layout.name), message: '必填项为空' });
  if (layout.hours) {
    const h = hoursOf(duration, layout.hours.unit ?? 'class', minutesPerHour);
    if ('error' in h) parsed.errors.push({ column: layout.hours.header, message: h.error });
    else parsed.hours = h.hours;
  }
  const timeCol = layout.month ?? layout.date;
  if (timeCol) {
    const m = monthOf(cellOf(row, timeCol, layout));
    if (m === 'bad') parsed.errors.push({ column: header(timeCol), message: '应为日期(如 2026-03-15)或月份(如 2026-03、2026年3月)' });
    else parsed.month = m;
  }
  if (layout.platform) {
    const raw = cleanText(cellOf(row, layout.platform, layout));
    const p = platformOf(raw);
    if (raw && !p) parsed.errors.push({ column: header(layout.platform), message: `“${raw}”不是可导入的平台:应为${Object.values(ONLINE_PLATFORM_LABELS).slice(0, 2).join('或')}` });
    else if (p) parsed.platform = p;
  }
  return parsed;
}

function readOnline(wb: Workbook, minutesPerHour: number): ParsedOnlineRow[] {
  const rows: ParsedOnlineRow[] = [];
  let found = false;
  for (const ws of wb.worksheets.filter((s) => s.state === undefined || s.state === 'visible')) {
    const layout = findLayout(ws);
    if (!layout) continue;
    if (!layout.hours) throw new RosterFormatError(`工作表“${ws.name}”没有学习时长列:请确认有“学习时长(分钟)”“学时”或“学习时长(小时)”列`);
    if (!layout.hours.unit) throw new RosterFormatError(`“${layout.hours.header}”列没有写单位:请在表头注明分钟、小时或学时,系统不猜测单位`);
    found = true;
    for (let r = layout.lastHeaderRow + 1; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      const parsed = row && readRow(row, ws, layout, minutesPerHour);
      if (!parsed) continue;
      if (rows.length >= ONLINE_LIMITS.importRows) throw new RosterFormatError(`表格超过${ONLINE_LIMITS.importRows}行,请拆分后分批导入`);
      rows.push(parsed);
    }
  }
  if (!found) throw new RosterFormatError('未找到表头:请确认表格中有“姓名”列和“学习时长(分钟)”或“学时”列');
  return rows;
}

/** Every visible sheet with a 姓名 header. Throws RosterFormatError (Chinese) for a file that is no study record. */
export async function parseOnlineWorkbook(file: Buffer, minutesPerHour: number): Promise<ParsedOnlineRow[]> {
  try {
    return await withWorkbook(file, (wb) => readOnline(wb, minutesPerHour));
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    throw new RosterFormatError('文件不是有效的 Excel(.xlsx)文件');
  }
}
