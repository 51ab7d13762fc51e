import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeightRule, ImageRun, Packer, PageBreak, PageNumber, PageOrientation,
  Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { PAGE, pageArea, type Align, type Block, type ChartBlock, type DocModel, type ImageBlock, type TableBlock } from './doc-model.js';

// Word measures the page in twentieths of a point, images in 96-dpi pixels.
const TWIP_PER_MM = 1440 / 25.4;
const PX_PER_MM = 96 / 25.4;
const twip = (mm: number) => Math.round(mm * TWIP_PER_MM);

// 宋体 for Chinese is what county/township offices expect on printed records; Latin digits in
// Times New Roman keep dates from looking like a different document.
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const LABEL_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT,
};

/** Word ignores "\n" inside a run, so multi-line text becomes one paragraph per line. */
function lines(text: string, opts: { bold?: boolean; align?: Align; size?: number } = {}): Paragraph[] {
  const parts = text === '' ? [''] : text.split(/\r?\n/);
  return parts.map((line) => new Paragraph({
    alignment: opts.align ? ALIGN[opts.align] : undefined,
    children: [new TextRun({ text: line, bold: opts.bold, size: opts.size })],
  }));
}

function cell(text: string, opts: { width: number; bold?: boolean; shade?: boolean; align?: Align; size?: number }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: opts.shade ? LABEL_SHADING : undefined,
    children: lines(text, { bold: opts.bold, align: opts.align, size: opts.size }),
  });
}

function widthsFor(weights: number[], contentTwips: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => Math.floor((contentTwips * w) / total));
}

/** The printable area of the document's pages: tables take its width, images fit in it. */
type Area = ReturnType<typeof pageArea>;

function keyValueTable(rows: Array<{ key: string; value: string }>, area: Area): Table {
  const contentTwips = twip(area.contentWidthMm);
  const [k, v] = widthsFor([1, 4], contentTwips);
  return new Table({
    width: { size: contentTwips, type: WidthType.DXA },
    columnWidths: [k, v],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows: rows.map((r) => new TableRow({
      cantSplit: true,
      children: [cell(r.key, { width: k, bold: true, shade: true, align: 'center' }), cell(r.value, { width: v })],
    })),
  });
}

function dataTable(b: TableBlock, area: Area): Table {
  const contentTwips = twip(area.contentWidthMm);
  const widths = widthsFor(b.widths, contentTwips);
  const align = (i: number) => b.align?.[i];
  // Word counts run sizes in half-points: 18 is the PDF's 9 pt.
  const size = b.small ? 18 : undefined;
  const bodyHeight = b.rowHeight ? { value: Math.round(b.rowHeight * 20), rule: HeightRule.ATLEAST } : undefined;
  return new Table({
    width: { size: contentTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    rows: [
      // Repeated on every page so a multi-page sign-in sheet stays readable on its own.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: b.header.map((h, i) => cell(h, { width: widths[i], bold: true, shade: true, align: 'center', size })),
      }),
      ...b.rows.map((r) => new TableRow({
        cantSplit: true,
        height: bodyHeight,
        children: r.map((t, i) => cell(t, { width: widths[i], align: align(i), size })),
      })),
    ],
  });
}

/** A JPEG photo as is, or a chart's PNG (the PDF draws the chart's SVG; Word's own SVG support needs a PNG fallback anyway). */
function imageParagraphs(b: ImageBlock | ChartBlock, area: Area): Paragraph[] {
  const maxW = area.contentWidthMm * PX_PER_MM;
  const maxH = area.contentHeightMm * PAGE.maxImageHeightShare * PX_PER_MM;
  const scale = Math.min(maxW / b.width, maxH / b.height);
  const out = [new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120 },
    children: [new ImageRun({ ...(b.kind === 'chart' ? { type: 'png' as const, data: b.png } : { type: 'jpg' as const, data: b.data }), transformation: { width: Math.round(b.width * scale), height: Math.round(b.height * scale) } })],
  })];
  if (b.caption) out.push(...lines(b.caption, { align: 'center', size: 20 }));
  return out;
}

function docxBlocksOf(b: Block, area: Area): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({
        heading: b.level === 1 ? 'Heading1' : b.level === 2 ? 'Heading2' : 'Heading3',
        keepNext: true,
        children: [new TextRun(b.text)],
      })];
    case 'paragraph':
      return lines(b.text, { bold: b.bold, align: b.align, size: b.small ? 20 : undefined });
    case 'keyValue':
      // An empty paragraph after a table keeps two consecutive tables from merging in Word.
      return [keyValueTable(b.rows, area), new Paragraph({})];
    case 'table':
      return [dataTable(b, area), new Paragraph({})];
    case 'image':
    case 'chart':
      return imageParagraphs(b, area);
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The Word file for a document model; reached through render-docx.ts, which imports this module on first use. */
export async function writeDocx(model: DocModel): Promise<Buffer> {
  const area = pageArea(model.orientation);
  const titleBlocks = [
    new Paragraph({ heading: 'Title', alignment: AlignmentType.CENTER, children: [new TextRun(model.title)] }),
    ...(model.subtitle ? lines(model.subtitle, { align: 'center' }) : []),
  ];
  const doc = new Document({
    title: model.title,
    creator: '党建引领乡村振兴工作平台',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: HEADING_FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 } } },
        heading3: { run: { font: HEADING_FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 } } },
      },
    },
    sections: [{
      properties: {
        page: {
          // The upright sheet's size and the flag: the docx library swaps width and height itself for landscape.
          size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm), orientation: model.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: {
            top: twip(PAGE.marginMm.top), bottom: twip(PAGE.marginMm.bottom),
            left: twip(PAGE.marginMm.left), right: twip(PAGE.marginMm.right),
            footer: twip(10), header: twip(10),
          },
        },
      },
      headers: model.header ? {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.header, size: 18 })] })] }),
      } : undefined,
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ size: 18, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
          })],
        }),
      },
      children: [...titleBlocks, ...model.blocks.flatMap((b) => docxBlocksOf(b, area))],
    }],
  });
  return Packer.toBuffer(doc);
}
