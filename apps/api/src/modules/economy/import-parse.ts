/**
 * Reads the 三资 system's income export as towns keep it. Two shapes are known: one row per village with a column per
 * source (title rows, merged group headers such as 经营性收入 over its three sources, amounts often in 万元), and the
 * long form of one row per village × source (收入项目 and 金额 columns, a 合计 row per village or at the foot). The unit is
 * read from the headers or the title (万元 or 元); the year from a 年度 column, the title, or the caller's choice.
 * Cells, merges and size limits are the member roster importer's (members/index.ts, lib/excel.ts).
 */
import type { Row, Workbook, Worksheet } from 'exceljs';
import { ECONOMY_LIMITS, INCOME_SOURCE_LABELS, INCOME_SOURCES, type IncomeSource } from '@dj/contracts';
import { UnreadableWorkbook, withWorkbook } from '../../lib/excel.js';
import { cleanText, headerKey, readCell, RosterFormatError, type CellInput } from '../members/index.js';

export interface ParsedIncomeRow {
  sheet: string; row: number; village: string; year: number | null;
  /** Amounts in 分 found on the row (the long form has one). */
  amounts: Partial<Record<IncomeSource, number>>;
  errors: { column: string; message: string }[];
}

const HEADER_SCAN_ROWS = 20;
const VILLAGE = new Set(['村名', '村', '村庄', '村名称', '行政村', '村居', '单位', '单位名称', '村(居)', '村集体经济组织', '集体经济组织名称']);
const YEAR = new Set(['年度', '年份', '会计年度']);
const ITEM = new Set(['收入项目', '项目', '科目', '收入来源', '收入类别', '收入科目']);
const AMOUNT = new Set(['金额', '收入金额', '本年数', '本年累计数', '本年金额', '收入']);
const SOURCE_KEYS: Record<string, IncomeSource> = {
  经营收入: 'operating', 发包及上交收入: 'contracting', 发包及上交: 'contracting', 发包收入: 'contracting',
  投资收益: 'investment', 投资收入: 'investment', 补助收入: 'subsidy', 其他收入: 'other',
};
const TOTALS = /^(合计|总计|小计|共计|全镇合计)/;
const FOOTER = /^(备注|说明|注[:：]|填表人|填报人|制表人|审核人|负责人)/;

const text = (row: Row, col: number, headerRow = 0) => cleanText(readCell(row.getCell(col), headerRow).input);
const keyOf = (s: string) => headerKey(s).replace(/[()（）]/g, '');
export const sourceOf = (s: string): IncomeSource | undefined => SOURCE_KEYS[keyOf(s.replace(/\(.*?\)|（.*?）/g, ''))];

interface Layout {
  kind: 'wide' | 'long'; headerRow: number; lastHeaderRow: number; villageCol: number; yearCol?: number;
  sources: Map<number, IncomeSource>; itemCol?: number; amountCol?: number; perFen: number; headers: Map<number, string>;
}

/** 万元 or 元: from the column's own header, else anywhere in the title and header rows; 元 unless told. */
function unitOf(texts: string[]): number | undefined {
  if (texts.some((t) => t.includes('万元'))) return 1_000_000;
  if (texts.some((t) => /(^|[(（:：\s单位])元/.test(t))) return 100;
  return undefined;
}

function findLayout(ws: Worksheet): Layout | null {
  for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, ws.rowCount); r++) {
    const row = ws.getRow(r);
    let villageCol = 0;
    row.eachCell({ includeEmpty: false }, (_c, col) => { if (!villageCol && VILLAGE.has(keyOf(text(row, col)))) villageCol = col; });
    if (!villageCol) continue;
    const layout: Layout = { kind: 'wide', headerRow: r, lastHeaderRow: r, villageCol, sources: new Map(), perFen: 100, headers: new Map() };
    // The header may span this row and the next (a merged group header above its sources): the next row is a header
    // row when its village cell is empty or merged down from this one, not a village's name.
    const below = ws.getRow(r + 1).getCell(villageCol);
    const twoRows = below.master !== below || !cleanText(readCell(below, 0).input);
    for (const hr of twoRows ? [r, r + 1] : [r]) {
      const h = ws.getRow(hr);
      h.eachCell({ includeEmpty: false }, (_c, col) => {
        const t = text(h, col);
        const k = keyOf(t);
        const source = sourceOf(t);
        const isHeader = Boolean(source) || YEAR.has(k) || ITEM.has(k) || AMOUNT.has(k);
        if (isHeader && hr > r) layout.lastHeaderRow = hr;
        if (source && !layout.sources.has(col)) { layout.sources.set(col, source); layout.headers.set(col, t); }
        if (YEAR.has(k)) layout.yearCol = col;
        if (ITEM.has(k)) layout.itemCol = col;
        if (AMOUNT.has(keyOf(t.replace(/\(.*?\)|（.*?）/g, '')))) { layout.amountCol = col; layout.headers.set(col, t); }
      });
    }
    if (layout.itemCol && layout.amountCol) layout.kind = 'long';
    else if (!layout.sources.size) continue;
    const titles: string[] = [];
    for (let t = 1; t <= layout.lastHeaderRow; t++) ws.getRow(t).eachCell((c) => { titles.push(cleanText(readCell(c, 0).input)); });
    layout.perFen = unitOf(titles) ?? 100;
    return layout;
  }
  return null;
}

/** An amount cell in 分: a number or numeric text (thousands separators allowed), at most to the 分, not negative. */
export function amountFen(input: CellInput, perFen: number): { fen: number } | { error: string } {
  if (input === null || input === '') return { fen: 0 };
  const s = typeof input === 'number' ? String(input) : cleanText(input).replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { error: `“${cleanText(input)}”不是数字` };
  const value = Number(s);
  if (value < 0) return { error: '金额不能为负' };
  const fen = Math.round(value * perFen);
  if (Math.abs(value * perFen - fen) > 1e-6) return { error: perFen === 100 ? '金额最多保留两位小数(精确到分)' : '金额最多精确到分(万元保留六位小数)' };
  if (fen > ECONOMY_LIMITS.maxFen) return { error: '金额过大' };
  return { fen };
}

function yearOf(input: string): number | null | 'bad' {
  if (!input) return null;
  const m = /^(\d{4})(年|年度)?$/.exec(input.replace(/\s/g, ''));
  const y = m ? Number(m[1]) : NaN;
  return y >= ECONOMY_LIMITS.firstYear && y <= ECONOMY_LIMITS.lastYear ? y : 'bad';
}

function firstText(row: Row, headerRow: number): string {
  for (let col = 1; col <= row.cellCount; col++) {
    const t = text(row, col, headerRow).replace(/\s/g, '');
    if (t) return t;
  }
  return '';
}

/** Does the row carry an amount (a row of figures without its village's name is refused, not skipped)? */
const hasAmount = (row: Row, layout: Layout) => [...layout.sources.keys(), ...(layout.amountCol ? [layout.amountCol] : [])]
  .some((col) => text(row, col, layout.lastHeaderRow) !== '');

function readRow(row: Row, ws: Worksheet, layout: Layout, titleYear: number | null): ParsedIncomeRow | null {
  const village = text(row, layout.villageCol, layout.lastHeaderRow).replace(/\s/g, '');
  const item = layout.itemCol ? text(row, layout.itemCol, layout.lastHeaderRow) : '';
  // A 合计 or 备注 row is skipped whichever column carries the word (often the 序号 column of a wide table).
  const first = firstText(row, layout.lastHeaderRow);
  if (TOTALS.test(first) || FOOTER.test(first) || TOTALS.test(village) || TOTALS.test(item.replace(/\s/g, ''))) return null;
  if (!village && !item && !hasAmount(row, layout)) return null;
  const parsed: ParsedIncomeRow = { sheet: ws.name, row: row.number, village, year: titleYear, amounts: {}, errors: [] };
  const villageHeader = text(ws.getRow(layout.headerRow), layout.villageCol);
  if (!village) parsed.errors.push({ column: villageHeader, message: '必填项为空' });
  if (layout.yearCol) {
    const yearHeader = text(ws.getRow(layout.headerRow), layout.yearCol);
    const y = yearOf(text(row, layout.yearCol, layout.lastHeaderRow));
    if (y === 'bad') parsed.errors.push({ column: yearHeader, message: `年度应为${ECONOMY_LIMITS.firstYear}至${ECONOMY_LIMITS.lastYear}之间的四位年份` });
    else if (y) parsed.year = y;
  }
  const cells: [number, IncomeSource | undefined, string][] = layout.kind === 'long'
    ? [[layout.amountCol!, sourceOf(item), layout.headers.get(layout.amountCol!) ?? '金额']]
    : [...layout.sources].map(([col, source]) => [col, source, layout.headers.get(col) ?? INCOME_SOURCE_LABELS[source]]);
  if (layout.kind === 'long' && !sourceOf(item)) {
    const itemHeader = text(ws.getRow(layout.headerRow), layout.itemCol!);
    parsed.errors.push({ column: itemHeader, message: item ? `“${item}”不是三资收入科目:应为${INCOME_SOURCES.map((s) => INCOME_SOURCE_LABELS[s]).join('、')}之一` : '必填项为空' });
  }
  for (const [col, source, header] of cells) {
    if (!source) continue;
    const slot = readCell(row.getCell(col), layout.lastHeaderRow);
    const found = slot.error ? { error: slot.error } : amountFen(slot.input, layout.perFen);
    if ('error' in found) parsed.errors.push({ column: header, message: found.error });
    else parsed.amounts[source] = found.fen;
  }
  return parsed;
}

function readSheet(ws: Worksheet, layout: Layout): ParsedIncomeRow[] {
  const titles: string[] = [];
  for (let r = 1; r < layout.headerRow; r++) ws.getRow(r).eachCell((c) => { titles.push(cleanText(readCell(c, 0).input)); });
  const m = /(20\d{2})\s*年/.exec(titles.join(' '));
  const titleYear = m ? Number(m[1]) : null;
  const rows: ParsedIncomeRow[] = [];
  for (let r = layout.lastHeaderRow + 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const parsed = readRow(row, ws, layout, titleYear);
    if (!parsed) continue;
    if (rows.length >= ECONOMY_LIMITS.importRows) throw new RosterFormatError(`表格超过${ECONOMY_LIMITS.importRows}行,请拆分后分批导入`);
    rows.push(parsed);
  }
  return rows;
}

function readIncome(wb: Workbook): ParsedIncomeRow[] {
  const rows: ParsedIncomeRow[] = [];
  let found = false;
  for (const ws of wb.worksheets.filter((s) => s.state === undefined || s.state === 'visible')) {
    const layout = findLayout(ws);
    if (!layout) continue;
    found = true;
    rows.push(...readSheet(ws, layout));
  }
  if (!found) throw new RosterFormatError('未找到表头:请确认表格中有“村名”列,以及“经营收入”“发包及上交收入”等收入列(或“收入项目”“金额”两列)');
  return rows;
}

/** Every visible sheet with an income header. Throws RosterFormatError (Chinese) for a file that is no income table. */
export async function parseIncomeWorkbook(file: Buffer): Promise<ParsedIncomeRow[]> {
  try {
    return await withWorkbook(file, readIncome);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    throw new RosterFormatError('文件不是有效的 Excel(.xlsx)文件');
  }
}
