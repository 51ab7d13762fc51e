// A deliberately tiny document model: each document is described once here and rendered by
// both the .docx and the PDF renderer, so the Word and PDF versions cannot drift apart.

export type Align = 'left' | 'center' | 'right';

export interface HeadingBlock { kind: 'heading'; level: 1 | 2 | 3; text: string }
export interface ParagraphBlock { kind: 'paragraph'; text: string; align?: Align; bold?: boolean; small?: boolean }
export interface KeyValueBlock { kind: 'keyValue'; rows: Array<{ key: string; value: string }> }
export interface TableBlock {
  kind: 'table';
  header: string[];
  rows: string[][];
  /** Relative column weights; both renderers turn them into absolute widths of the same page. */
  widths: number[];
  /** Minimum body row height in pt — sign-in sheets need room for a handwritten signature. */
  rowHeight?: number;
  align?: Align[];
  /** 9 pt text for a wide table (a roster of eleven columns) so names and dates keep to one line on A4 portrait. */
  small?: boolean;
}
export interface ImageBlock { kind: 'image'; data: Buffer; width: number; height: number; caption: string | null }
export interface PageBreakBlock { kind: 'pageBreak' }
/**
 * A chart drawn on the server (lib/charts): the PDF draws the SVG itself (vector, in the document's font), Word takes
 * the PNG rendered from the same SVG. width and height are the SVG's, in CSS px.
 */
export interface ChartBlock { kind: 'chart'; svg: string; png: Buffer; width: number; height: number; caption: string | null }

export type Block = HeadingBlock | ParagraphBlock | KeyValueBlock | TableBlock | ImageBlock | ChartBlock | PageBreakBlock;

export type Orientation = 'portrait' | 'landscape';

export interface DocModel {
  title: string;
  subtitle?: string | null;
  blocks: Block[];
  /** A4 upright unless a table needs the width (a payroll of ten columns); both renderers turn the page. */
  orientation?: Orientation;
  /** A running head on every page (the town and the period of a report); none when absent. */
  header?: string | null;
}

/** Shared page geometry so a page in Word and in the PDF have the same printable area. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  // Wider left margin leaves room for binding into the branch's paper ledger.
  marginMm: { top: 25, bottom: 25, left: 28, right: 20 },
  /** Images never take more than this share of the printable height, so a photo keeps its caption on the page. */
  maxImageHeightShare: 0.45,
} as const;

export const contentWidthMm = PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right;
export const contentHeightMm = PAGE.heightMm - PAGE.marginMm.top - PAGE.marginMm.bottom;

/** The page and its printable area (mm) in an orientation: the same margins, the sheet turned. */
export function pageArea(orientation: Orientation = 'portrait') {
  const [widthMm, heightMm] = orientation === 'landscape' ? [PAGE.heightMm, PAGE.widthMm] : [PAGE.widthMm, PAGE.heightMm];
  const m = PAGE.marginMm;
  return { widthMm, heightMm, contentWidthMm: widthMm - m.left - m.right, contentHeightMm: heightMm - m.top - m.bottom };
}

export const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ kind: 'heading', level, text });
export const paragraph = (text: string, opts: Omit<ParagraphBlock, 'kind' | 'text'> = {}): ParagraphBlock => ({ kind: 'paragraph', text, ...opts });
export const keyValue = (rows: Array<[string, string]>): KeyValueBlock => ({ kind: 'keyValue', rows: rows.map(([key, value]) => ({ key, value })) });
export const table = (header: string[], rows: string[][], widths: number[], opts: Pick<TableBlock, 'rowHeight' | 'align' | 'small'> = {}): TableBlock => {
  if (widths.length !== header.length || rows.some((r) => r.length !== header.length)) {
    throw new Error(`table: ${header.length} columns expected`);
  }
  return { kind: 'table', header, rows, widths, ...opts };
};
export const pageBreak = (): PageBreakBlock => ({ kind: 'pageBreak' });

/** Throws on anything that is not a baseline/progressive JPEG — the only format both renderers embed as is. */
export function image(data: Buffer, caption: string | null): ImageBlock {
  const { width, height } = jpegSize(data);
  return { kind: 'image', data, width, height, caption };
}

/**
 * Reads the pixel size from the JPEG SOF marker. Both renderers need the aspect ratio up front
 * (docx requires explicit extents), and parsing the header avoids an async image library call
 * in otherwise synchronous model builders.
 */
export function jpegSize(buf: Buffer): { width: number; height: number } {
  if (buf.length < 4 || buf[0] !== 0xff || buf[1] !== 0xd8) throw new Error('not a JPEG');
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) throw new Error('corrupt JPEG marker');
    const marker = buf[i + 1];
    if (marker === 0xff) { i += 1; continue; } // fill byte
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG), CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = buf.readUInt16BE(i + 5);
      const width = buf.readUInt16BE(i + 7);
      if (!width || !height) throw new Error('JPEG without size');
      return { width, height };
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before any frame header
    i += 2 + buf.readUInt16BE(i + 2);
  }
  throw new Error('JPEG frame header not found');
}

/** 2026-03-05 → 2026年3月5日, the way dates are written on party documents. */
export function chineseDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd;
}
