/**
 * 集体经济 as documents (issue 18 point 7): the town's yearly table (each village's five sources, 经营性收入, the year
 * before, growth and the weak-village status; xlsx and A4 PDF) and a village's yearly report (PDF and Word from one
 * model). Figures are the approved versions only; villages stay in tree order. Counts and money, no personal data;
 * each download is audited like the other exports.
 */
import { INCOME_SOURCE_LABELS, INCOME_SOURCES, PARTNERSHIP_STATUS_LABELS, operatingIncomeOf, totalIncomeOf, type IncomeAmounts } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { newWorkbook } from '../../lib/excel.js';
import { safeName } from '../../lib/uploads/index.js';
import { settingDefinition } from '../settings/index.js';
import * as figures from './figures-repository.js';
import { thresholdFenOf } from './figures-service.js';
import { partnershipsIn, yearsOf } from './partnerships-repository.js';
import * as repo from './repository.js';
import { loadVillage } from './service.js';

export type TableFormat = 'xlsx' | 'pdf';
export type ReportFormat = 'pdf' | 'docx';
export const ECONOMY_MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const wan = (fen: number | null) => (fen === null ? '—' : (fen / 1_000_000).toFixed(2));
const growth = (now: number | null, before: number | null) => (now === null || !before ? '—' : `${(((now - before) * 100) / before).toFixed(1)}%`);
const amountsOf = (r: figures.SourceRow): IncomeAmounts => ({ operating: r.operating, contracting: r.contracting, investment: r.investment, subsidy: r.subsidy, other: r.other });
const HEADER = ['村', ...INCOME_SOURCES.map((s) => INCOME_SOURCE_LABELS[s]), '经营性收入', '总收入', '上年经营性收入', '经营性收入增长', '状态'];

interface TableRow { village: string; cells: string[] }

/** Each village's row of the year (tree order), then the town's sums over the approved villages. */
async function townRows(db: Db, caller: Caller, year: number, thresholdFen: number): Promise<TableRow[]> {
  const { scope } = caller.user;
  const [villages, sources] = await Promise.all([repo.villageBranches(db, scope), figures.approvedSources(db, scope, year - 1, year)]);
  const byKey = new Map(sources.map((r) => [`${r.organizationId}:${r.year}`, amountsOf(r)]));
  const sums = { now: Object.fromEntries(INCOME_SOURCES.map((s) => [s, 0])) as IncomeAmounts, approved: 0 };
  const rows = villages.map((v) => {
    const now = byKey.get(`${v.organizationId}:${year}`) ?? null;
    const before = byKey.get(`${v.organizationId}:${year - 1}`) ?? null;
    if (now) { sums.approved++; for (const s of INCOME_SOURCES) sums.now[s] += now[s]; }
    const op = now ? operatingIncomeOf(now) : null;
    const opBefore = before ? operatingIncomeOf(before) : null;
    const state = op === null ? '未审核' : op < thresholdFen ? '薄弱村' : opBefore !== null && opBefore < thresholdFen ? '本年消薄' : '';
    return { village: v.villageName, cells: [...INCOME_SOURCES.map((s) => wan(now?.[s] ?? null)), wan(op), wan(now ? totalIncomeOf(now) : null), wan(opBefore), growth(op, opBefore), state] };
  });
  const total = { village: `合计(已审核${sums.approved}个村)`, cells: [...INCOME_SOURCES.map((s) => wan(sums.now[s])), wan(operatingIncomeOf(sums.now)), wan(totalIncomeOf(sums.now)), '', '', ''] };
  return [...rows, total];
}

async function townXlsx(title: string, note: string, rows: TableRow[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('集体经济收入', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([note]);
  ws.addRow(HEADER).font = { bold: true };
  for (const r of rows) ws.addRow([r.village, ...r.cells.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))]);
  ws.getColumn(1).width = 20;
  for (let i = 2; i <= HEADER.length; i++) ws.getColumn(i).width = 13;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /api/economy/table.:format: the caller's villages (a secretary's own, the town's all) for one year. */
export async function townTableFile(db: Db, caller: Caller, year: number, format: TableFormat) {
  requirePermission(caller.user, 'economy.read');
  const thresholdFen = await thresholdFenOf(db, caller.user.tenantId);
  const rows = await townRows(db, caller, year, thresholdFen);
  const title = `${caller.user.tenantName}${year}年度村集体经济收入统计表`;
  const note = `单位:万元。经营性收入=经营收入+发包及上交收入+投资收益;薄弱村线:经营性收入低于${wan(thresholdFen)}万元(${settingDefinition('economy.weakIncomeWan')?.source ?? ''})。仅计镇已审核的年度,按组织顺序,不排名。`;
  const data = format === 'xlsx' ? await townXlsx(title, note, rows) : await renderPdf({
    title, orientation: 'landscape', blocks: [paragraph(note, { small: true }),
      table(HEADER, rows.map((r) => [r.village, ...r.cells]), [2.2, ...HEADER.slice(1).map(() => 1)], { small: true, align: ['left', ...HEADER.slice(1).map(() => 'right' as const)] })],
  });
  await audit(db, caller, { action: 'economy.export', objectType: 'economy_table', objectId: null, detail: { year, format, bytes: data.length } });
  return { filename: `${safeName(title)}.${format}`, mime: ECONOMY_MIME[format], data };
}

/** A village's year: its sources against the year before, five years of 经营性收入 against the line, its 村企合作. */
async function villageModel(db: Db, caller: Caller, village: { id: number; path: string; villageId: number }, year: number): Promise<DocModel> {
  const { scope } = caller.user;
  const thresholdFen = await thresholdFenOf(db, caller.user.tenantId);
  const name = await repo.villageNameOf(db, village.villageId);
  const sources = await figures.approvedSources(db, scope, year - 4, year, village.path);
  const of = (y: number) => { const r = sources.find((s) => s.year === y); return r ? amountsOf(r) : null; };
  const now = of(year);
  const before = of(year - 1);
  const partnerships = await partnershipsIn(db, scope, village.path);
  const years = await yearsOf(db, partnerships.map((p) => p.id));
  const blocks: Block[] = [
    heading(2, '一、本年度收入'),
    now ? table(['收入项目', `${year}年`, `${year - 1}年`, '增减'], [
      ...INCOME_SOURCES.map((s) => [INCOME_SOURCE_LABELS[s], wan(now[s]), wan(before?.[s] ?? null), growth(now[s], before?.[s] ?? null)]),
      ['经营性收入', wan(operatingIncomeOf(now)), wan(before ? operatingIncomeOf(before) : null), growth(operatingIncomeOf(now), before ? operatingIncomeOf(before) : null)],
      ['总收入', wan(totalIncomeOf(now)), wan(before ? totalIncomeOf(before) : null), growth(totalIncomeOf(now), before ? totalIncomeOf(before) : null)],
    ], [3, 2, 2, 2], { align: ['left', 'right', 'right', 'right'] }) : paragraph(`${year}年度收入尚未经镇审核。`),
    heading(2, '二、近五年经营性收入'),
    table(['年度', '经营性收入(万元)', '是否薄弱村'], Array.from({ length: 5 }, (_, k) => year - 4 + k).map((y) => {
      const a = of(y);
      return [`${y}年`, wan(a ? operatingIncomeOf(a) : null), a ? (operatingIncomeOf(a) < thresholdFen ? '是' : '否') : '未审核'];
    }), [2, 3, 2], { align: ['left', 'right', 'center'] }),
    paragraph(`薄弱村线:年经营性收入低于${wan(thresholdFen)}万元(本镇设置)。`, { small: true }),
    heading(2, '三、村企合作'),
    partnerships.length ? table(['合作企业(园区)', '状态', '到期日期', `${year}年约定`, `${year}年到账`], partnerships.map((p) => {
      const row = years.find((y) => y.partnershipId === p.id && y.year === year);
      return [p.partnerName, PARTNERSHIP_STATUS_LABELS[p.status], p.endsOn ?? '—', wan(row?.plannedFen ?? null), wan(row?.receivedFen ?? null)];
    }), [4, 1.5, 2, 1.5, 1.5], { align: ['left', 'center', 'center', 'right', 'right'] }) : paragraph('无村企合作项目。'),
  ];
  return { title: `${name}${year}年度村集体经济报告`, subtitle: `${caller.user.tenantName} · 金额单位:万元 · 仅计镇已审核的年度`, blocks: [keyValue([['村', name], ['年度', `${year}年`]]), ...blocks] };
}

/** GET /api/economy/villages/:orgId/report.:format: 404 outside the scope before the permission. */
export async function villageReportFile(db: Db, caller: Caller, orgId: number, year: number, format: ReportFormat) {
  const village = await loadVillage(db, caller.user, orgId);
  requirePermission(caller.user, 'economy.read');
  const model = await villageModel(db, caller, village, year);
  const data = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  await audit(db, caller, { action: 'economy.export', objectType: 'organization', objectId: orgId, detail: { year, format, bytes: data.length } });
  return { filename: `${safeName(model.title)}.${format}`, mime: ECONOMY_MIME[format], data };
}
