/**
 * 党内统计 as files: an xlsx workbook (one sheet, the tables one below the other, as the yearly report is filled in)
 * and an A4 PDF (landscape: the 学历 table has eleven columns). Both carry counts only, no personal data; the
 * download is audited like the other exports.
 */
import { STATISTICS_TITLE, type PartyStatistics, type StatTable } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { chineseDate, heading, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { newWorkbook } from '../../lib/excel.js';
import { safeName } from '../../lib/uploads/index.js';
import { inertText } from '../members/index.js';
import { partyStatistics } from './service.js';

export type StatisticsFormat = 'xlsx' | 'pdf';
export const STATISTICS_MIME: Record<StatisticsFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const UNIT_HEADER = '单位';
const headerOf = (t: StatTable) => [t.group === 'organizations' ? '类别' : UNIT_HEADER, ...t.columns.map((c) => c.label), ...(t.rows[0]?.total === null ? [] : ['合计'])];
const cellsOf = (row: StatTable['rows'][number]) => [...row.cells, ...(row.total === null ? [] : [row.total])];
const titleOf = (s: PartyStatistics) => `${s.unitName}${STATISTICS_TITLE}`;
const subtitleOf = (s: PartyStatistics) => `统计时点:${chineseDate(s.asOf)};本年变动自${chineseDate(s.periodStart)}起`;

async function workbook(s: PartyStatistics): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(STATISTICS_TITLE, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([inertText(titleOf(s))]).font = { bold: true, size: 14 };
  ws.addRow([subtitleOf(s)]);
  for (const t of s.tables) {
    ws.addRow([]);
    ws.addRow([t.title]).font = { bold: true };
    ws.addRow(headerOf(t)).font = { bold: true };
    for (const row of t.rows) ws.addRow([inertText(row.label), ...cellsOf(row)]);
  }
  ws.getColumn(1).width = 24;
  for (let i = 2; i <= 14; i++) ws.getColumn(i).width = 10;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pdfModel(s: PartyStatistics): DocModel {
  const blocks: Block[] = s.tables.flatMap((t) => {
    const header = headerOf(t);
    return [
      heading(2, t.title),
      table(header, t.rows.map((r) => [r.label, ...cellsOf(r).map(String)]), [4, ...header.slice(1).map(() => 1.2)], { small: true, align: ['left', ...header.slice(1).map(() => 'right' as const)] }),
    ];
  });
  return { title: titleOf(s), subtitle: subtitleOf(s), orientation: 'landscape', blocks: [paragraph('各表由平台按党籍记录自动统计;镇内转入与镇内转出在合计中相互抵消。', { small: true }), ...blocks] };
}

export async function statisticsFile(db: DbOrTx, caller: Caller, query: { asOf?: string; orgId?: number }, format: StatisticsFormat) {
  const s = await partyStatistics(db, caller.user, query);
  const data = format === 'xlsx' ? await workbook(s) : await renderPdf(pdfModel(s));
  await audit(db, caller, { action: 'statistics.export', objectType: 'organization', objectId: query.orgId ?? null, detail: { asOf: s.asOf, format, bytes: data.length } });
  return { filename: `${safeName(s.unitName)}-${STATISTICS_TITLE}-${s.asOf}.${format}`, mime: STATISTICS_MIME[format], data };
}
