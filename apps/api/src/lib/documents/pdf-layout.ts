/// <reference path="./pdfmake.d.ts" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type pdfmakeModule from 'pdfmake';
import { PAGE, pageArea, type Block, type DocModel, type TableBlock } from './doc-model.js';

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * PT_PER_MM;
const CELL_PADDING = 4;
const LINE_WIDTH = 0.5;
const SMALL_FONT_PT = 9;

/** One render's state: the images collected for pdfmake, and the printable width and image height of its pages (pt). */
interface Render { images: Record<string, string>; width: number; maxImageHeight: number }

// The fonts ship with the project (npm package), so PDFs look the same on every server and no
// system font install is needed. Only these two files may ever be read from disk by pdfmake.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  normal: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};
const ALLOWED_FILES = new Set(Object.values(FONT_FILES));
const FONT = 'NotoSansSC';

let loading: Promise<typeof pdfmakeModule> | undefined;
let fontsLoaded = false;

/**
 * The two TTFs are ~20 MB together; reading them per document would dominate the render time.
 * pdfmake consults its virtual file system before the disk, so placing the bytes there under
 * their real paths makes every later render read memory, while the local access policy still
 * limits any disk access to exactly these files.
 */
async function configurePdfmake(): Promise<typeof pdfmakeModule> {
  // Imported on first use, not at start: pdfmake alone took a sixth of the server's start-up time.
  const pdfmake = await (loading ??= import('pdfmake').then((m) => m.default));
  if (!fontsLoaded) {
    for (const file of ALLOWED_FILES) pdfmake.virtualfs.writeFileSync(file, readFileSync(file));
    fontsLoaded = true;
  }
  // Set on every render (cheap) because pdfmake is a process-wide singleton that other code could
  // reconfigure, and pdfmake mutates the font table while resolving it. No italic Chinese face
  // exists, so italics fall back to the upright files instead of failing the whole document.
  pdfmake.setFonts({
    [FONT]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => ALLOWED_FILES.has(path));
  return pdfmake;
}

const tableLayout = {
  hLineWidth: () => LINE_WIDTH,
  vLineWidth: () => LINE_WIDTH,
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** pdfmake widths exclude padding and rules, so subtract them before sharing out the page width. */
function columnWidths(weights: number[], contentWidth: number): number[] {
  const available = contentWidth - weights.length * 2 * CELL_PADDING - (weights.length + 1) * LINE_WIDTH;
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (available * w) / total);
}

function dataTable(b: TableBlock, contentWidth: number): Record<string, unknown> {
  const fontSize = b.small ? SMALL_FONT_PT : undefined;
  const header = b.header.map((h) => ({ text: h, style: 'th', fontSize }));
  const body = b.rows.map((r) => r.map((t, i) => ({ text: t, alignment: b.align?.[i] ?? 'left', fontSize })));
  const rowHeight = b.rowHeight;
  return {
    table: {
      headerRows: 1,
      // Keep each row whole: a signature line split across two pages is useless.
      dontBreakRows: true,
      widths: columnWidths(b.widths, contentWidth),
      heights: rowHeight ? (row: number) => (row === 0 ? 'auto' : rowHeight) : undefined,
      body: [header, ...body],
    },
    layout: tableLayout,
    margin: [0, 4, 0, 10],
  };
}

function blockToPdf(b: Block, r: Render): Record<string, unknown> {
  switch (b.kind) {
    case 'heading':
      return { text: b.text, style: `h${b.level}` };
    case 'paragraph':
      return { text: b.text, alignment: b.align ?? 'left', bold: b.bold ?? false, fontSize: b.small ? 9 : undefined, margin: [0, 2, 0, 2] };
    case 'keyValue': {
      const [k, v] = columnWidths([1, 4], r.width);
      return {
        table: {
          widths: [k, v],
          body: b.rows.map((r) => [{ text: r.key, style: 'label' }, { text: r.value }]),
        },
        layout: tableLayout,
        margin: [0, 4, 0, 10],
      };
    }
    case 'table':
      return dataTable(b, r.width);
    case 'image': {
      const key = `img${Object.keys(r.images).length}`;
      r.images[key] = `data:image/jpeg;base64,${b.data.toString('base64')}`;
      return {
        stack: [
          { image: key, fit: [r.width, r.maxImageHeight], alignment: 'center' },
          ...(b.caption ? [{ text: b.caption, alignment: 'center', fontSize: 9, margin: [0, 3, 0, 0] }] : []),
        ],
        unbreakable: true,
        margin: [0, 6, 0, 8],
      };
    }
    case 'chart':
      return {
        stack: [
          // The SVG's text asks for the document's font by name (lib/charts), so Chinese labels print in Noto Sans SC.
          { svg: b.svg, font: FONT, fit: [r.width, r.maxImageHeight], alignment: 'center' },
          ...(b.caption ? [{ text: b.caption, alignment: 'center', fontSize: 9, margin: [0, 3, 0, 0] }] : []),
        ],
        unbreakable: true,
        margin: [0, 6, 0, 8],
      };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

// Limits under which a heading's following block is sure to fit on one page together with the heading.
const KEEP_MAX_CHARS = 200;
const KEEP_MAX_ROWS = 12;

/**
 * Keeps a heading on the same page as the start of its content. pdfmake's pageBreakBefore hook
 * would do this, but every break it requests re-lays out the whole document (a yearly ledger took
 * 4x longer), so instead the heading and a small first piece of the next block are wrapped in an
 * unbreakable stack. pdfmake drops everything past the first page of an unbreakable block, so
 * only pieces known to be short are grouped; long content keeps the heading ungrouped.
 */
function keepWithNext(head: Block, next: Block | undefined): { group: Block[]; rest: Block[] } | null {
  if (head.kind !== 'heading' || !next) return null;
  switch (next.kind) {
    case 'paragraph': {
      const [first, ...more] = next.text.split('\n');
      if (first.length > KEEP_MAX_CHARS) return null;
      return { group: [head, { ...next, text: first }], rest: more.length ? [{ ...next, text: more.join('\n') }] : [] };
    }
    case 'keyValue':
      return next.rows.length <= KEEP_MAX_ROWS && next.rows.every((r) => r.value.length <= KEEP_MAX_CHARS) ? { group: [head, next], rest: [] } : null;
    case 'table':
      return next.rows.length <= KEEP_MAX_ROWS && next.rows.every((r) => r.join('').length <= KEEP_MAX_CHARS) ? { group: [head, next], rest: [] } : null;
    case 'image':
    case 'chart':
      return { group: [head, next], rest: [] };
    default:
      return null;
  }
}

function blocksToPdf(blocks: Block[], r: Render): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < blocks.length; i++) {
    const kept = keepWithNext(blocks[i], blocks[i + 1]);
    if (!kept) { out.push(blockToPdf(blocks[i], r)); continue; }
    out.push({ stack: kept.group.map((b) => blockToPdf(b, r)), unbreakable: true });
    out.push(...kept.rest.map((b) => blockToPdf(b, r)));
    i++;
  }
  return out;
}

/** Lays out and renders one document here, on the calling thread (document-thread-worker.ts runs it off the server's). */
export async function layoutPdf(model: DocModel): Promise<Buffer> {
  const pdfmake = await configurePdfmake();
  const area = pageArea(model.orientation);
  const images: Record<string, string> = {};
  const render: Render = { images, width: pt(area.contentWidthMm), maxImageHeight: pt(area.contentHeightMm) * PAGE.maxImageHeightShare };
  const content = [
    { text: model.title, style: 'title' },
    ...(model.subtitle ? [{ text: model.subtitle, alignment: 'center', margin: [0, 0, 0, 10] }] : []),
    ...blocksToPdf(model.blocks, render),
  ];
  const m = PAGE.marginMm;
  const docDefinition = {
    pageSize: 'A4',
    pageOrientation: model.orientation ?? 'portrait',
    pageMargins: [pt(m.left), pt(m.top), pt(m.right), pt(m.bottom)],
    info: { title: model.title, creator: '党建引领乡村振兴工作平台', producer: 'pdfmake' },
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      h1: { fontSize: 15, bold: true, margin: [0, 10, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true, alignment: 'center', fillColor: '#eeeeee' },
      label: { bold: true, alignment: 'center', fillColor: '#eeeeee' },
    },
    images,
    content,
    header: model.header ? { text: model.header, alignment: 'right', fontSize: 9, color: '#555555', margin: [pt(m.left), pt(m.top) / 2 - 6, pt(m.right), 0] } : undefined,
    footer: (currentPage: number, pageCount: number) => ({
      text: `第 ${currentPage} 页 共 ${pageCount} 页`,
      alignment: 'center',
      fontSize: 9,
      margin: [0, pt(m.bottom) / 2 - 6, 0, 0],
    }),
  };
  return pdfmake.createPdf(docDefinition).getBuffer();
}
