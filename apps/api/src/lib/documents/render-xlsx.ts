/**
 * A DocModel as one worksheet, so a document offered as Word, PDF and xlsx holds the same figures in all three: the
 * title, then each block in order (headings and paragraphs as a row, key-value pairs as two cells, tables with their
 * header row). Images, charts and page breaks have no place in a sheet and are left out.
 */
import type { Worksheet } from 'exceljs';
import { newWorkbook } from '../excel.js';
import type { Block, DocModel } from './doc-model.js';

// A cell that is a plain number becomes a number, so the sheet sums and sorts; dates and labels stay text.
const cellOf = (text: string): string | number => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

function addBlock(ws: Worksheet, block: Block, widest: number[]) {
  if (block.kind === 'heading') ws.addRow([block.text]).font = { bold: true, size: block.level === 1 ? 14 : 12 };
  else if (block.kind === 'paragraph') ws.addRow([block.text]);
  else if (block.kind === 'keyValue') for (const r of block.rows) ws.addRow([r.key, r.value]);
  else if (block.kind === 'table') {
    ws.addRow(block.header).font = { bold: true };
    for (const r of block.rows) ws.addRow(r.map(cellOf));
    block.header.forEach((h, i) => { widest[i] = Math.max(widest[i] ?? 0, ...[h, ...block.rows.map((r) => r[i])].map((t) => t.length)); });
    ws.addRow([]);
  }
}

export async function renderXlsx(model: DocModel, sheetName: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(sheetName, { pageSetup: { paperSize: 9, orientation: model.orientation ?? 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([model.title]).font = { bold: true, size: 16 };
  if (model.subtitle) ws.addRow([model.subtitle]);
  const widest: number[] = [];
  for (const block of model.blocks) addBlock(ws, block, widest);
  // Chinese characters are about two columns wide in Excel's unit; capped so a long title does not stretch a column.
  widest.forEach((w, i) => { ws.getColumn(i + 1).width = Math.min(40, Math.max(8, w * 2 + 2)); });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
