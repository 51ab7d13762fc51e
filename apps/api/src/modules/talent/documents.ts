/**
 * The talent roster (人才名册) as xlsx, Word and PDF: the registry as the caller's list shows it (same filters, same
 * scope), numbers masked as on screen, so no copy holds more than the screen. Word and PDF come from one document
 * model through the document layer; the xlsx through exceljs, text cells made inert.
 */
import {
  GENDER_LABELS, TALENT_FIELD_LABELS, TALENT_KIND_LABELS, TALENT_LEAD_KIND_LABELS, TALENT_TIER_LABELS, todayInShanghai,
  type TalentListQuery, type TalentRosterFormat, type TalentRow,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { chineseDate, heading, keyValue, paragraph, table, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { newWorkbook } from '../../lib/excel.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { inertText } from '../members/index.js';
import { listTalents } from './service.js';

export interface GeneratedFile { filename: string; mime: string; data: Buffer }
const MIME: Record<TalentRosterFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const yuan = (fen: number) => (fen / 100).toFixed(2);
const tierText = (r: TalentRow) => (r.tier ? `${TALENT_TIER_LABELS[r.tier]}(${r.selectedYear}年)` : '未入选');
const leadsText = (r: TalentRow) => r.leads.map((l) => `${TALENT_LEAD_KIND_LABELS[l.kind]}:${l.name}`).join(';') || '—';
const village = (r: TalentRow) => r.villageName ?? r.organizationName;

/** The roster's columns, shared by every format: header and the cell of a row. */
const COLUMNS: Array<[string, (r: TalentRow) => string, number]> = [
  ['所在村', village, 1.6],
  ['姓名', (r) => r.name, 1.2],
  ['性别', (r) => GENDER_LABELS[r.gender], 0.7],
  ['出生日期', (r) => r.birthDate, 1.6],
  ['党员', (r) => (r.isMember ? '是' : '否'), 0.7],
  ['人才类别', (r) => TALENT_KIND_LABELS[r.kind], 1.8],
  ['层次', tierText, 1.6],
  ['从事领域', (r) => TALENT_FIELD_LABELS[r.field] + (r.fieldNote ? `(${r.fieldNote})` : ''), 1.2],
  ['领办项目', leadsText, 3],
  ['扶持', (r) => (r.supportCount ? `${r.supportCount}次,${yuan(r.supportFen)}元` : '—'), 1.6],
];

/** Pure: the 人才名册 as a document model. */
export function rosterModel(rows: TalentRow[], scopeName: string, today: string): DocModel {
  const selected = rows.filter((r) => r.tier).length;
  return {
    title: '人才名册',
    subtitle: '人才"十百千"工程',
    blocks: [
      keyValue([['范围', scopeName], ['人数', `${rows.length}人(已入选"十百千"工程${selected}人)`]]),
      heading(2, '名册'),
      rows.length
        ? table(['序号', ...COLUMNS.map(([h]) => h)], rows.map((r, i) => [String(i + 1), ...COLUMNS.map(([, cell]) => cell(r))]), [0.6, ...COLUMNS.map(([, , w]) => w)])
        : paragraph('没有符合条件的人才。'),
      paragraph(`生成日期:${chineseDate(today)}`, { align: 'right', small: true }),
    ],
  };
}

/** The roster as an xlsx workbook: the same columns, plus the masked numbers for a phone call list. */
export async function rosterWorkbook(rows: TalentRow[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('人才名册');
  const header = ['序号', ...COLUMNS.map(([h]) => h), '联系电话(脱敏)', '身份证号(脱敏)', '备注'];
  ws.addRow(header).font = { bold: true };
  for (const [i, r] of rows.entries()) {
    ws.addRow([i + 1, ...COLUMNS.map(([, cell]) => inertText(cell(r))), r.phoneMasked ?? '', r.idNumberMasked, inertText(r.note ?? '')]);
  }
  ws.columns.forEach((c, i) => { c.width = i === 0 ? 6 : i === 9 ? 36 : 14; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function rosterFile(db: Db, caller: Caller, query: TalentListQuery & { format: TalentRosterFormat }): Promise<GeneratedFile> {
  const { format, ...filters } = query;
  const list = await listTalents(db, caller.user, filters);
  const scopeName = filters.orgId ? list.villages.find((v) => v.organizationId === filters.orgId)?.name ?? '本村' : list.villages.length === 1 ? list.villages[0].name : '全镇';
  const today = todayInShanghai();
  const data = format === 'xlsx' ? await rosterWorkbook(list.rows) : format === 'docx' ? await renderDocx(rosterModel(list.rows, scopeName, today)) : await renderPdf(rosterModel(list.rows, scopeName, today));
  await audit(db, caller, { action: 'talent.roster', objectType: 'talent', detail: { format, rows: list.rows.length, filters } });
  return { filename: `人才名册-${scopeName}-${today}.${format}`, mime: MIME[format], data };
}
