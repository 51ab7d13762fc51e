/**
 * 会议报告 (issue 17 point 7): the town's monthly and yearly report for the town committee's meeting, A4 PDF or Word,
 * assembled from the 驾驶舱's own figures (service.ts) with the charts drawn on the server (report-charts.ts). Branches
 * appear only in the tree's order and only where something is late; nothing is ranked. The file is audited.
 */
import {
  DASHBOARD_REPORT_ASSESSMENT_TITLE, DASHBOARD_REPORT_TITLES, DASHBOARD_TOTAL_KEYS, DASHBOARD_TOTAL_LABELS, monthFromIndex, monthIndex,
  todayInShanghai, type DashboardMatrix, type DashboardReportFormat, type DashboardReportKind, type DashboardTile, type DashboardTown,
  type PartyStatistics,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { chineseDate, heading, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { invalid } from '../../lib/errors.js';
import { safeName } from '../../lib/uploads/index.js';
import { partyStatistics } from '../statistics/index.js';
import { monthsChart, pipelineChartBlock, totalsChart } from './report-charts.js';
import { townDashboard, townMonths, townSpan } from './service.js';

export const REPORT_MIME: Record<DashboardReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
type Totals = DashboardMatrix['totals'];

const monthWords = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
const totalsHeader = () => DASHBOARD_TOTAL_KEYS.map((k) => DASHBOARD_TOTAL_LABELS[k]);
const totalsCells = (t: Totals) => DASHBOARD_TOTAL_KEYS.map((k) => String(t[k]));
const right = (n: number) => Array.from({ length: n }, () => 'right' as const);

/** What the figures cover, said before them: deadlines by the period, open records as of the day the file is made. */
const note = (deadlines: string) =>
  paragraph(`说明:期限类数字按${deadlines}计;在培养、未验收、党费、流动党员、在外人才、班子结构等为生成当日(北京时间)的现状。各村按组织架构顺序,不排名。`, { small: true });

/** Under the section's heading, so the heading never ends a page alone (the PDF keeps a heading with a paragraph). */
const worksIntro = paragraph('各项数字与驾驶舱同源,驾驶舱上点开数字可查看对应记录。');

/** The month asked for, or the last complete one; never after this month (Beijing time). */
export function reportMonth(month: string | undefined, today: string): string {
  const current = today.slice(0, 7);
  if (!month) return monthFromIndex(monthIndex(current) - 1);
  if (month > current) throw invalid('month', `月份不能晚于本月(${monthWords(current)})`);
  return month;
}

/** The year asked for, or this one; never after this year. Its months up to this month. */
export function reportMonths(year: number | undefined, today: string): string[] {
  const current = Number(today.slice(0, 4));
  const y = year ?? current;
  if (y > current) throw invalid('year', `年份不能晚于今年(${current}年)`);
  const last = y === current ? Number(today.slice(5, 7)) : 12;
  return Array.from({ length: last }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
}

function tileBlocks(tiles: DashboardTile[]): Block[] {
  return tiles.flatMap((t) => [
    heading(3, t.key === 'assessment' ? DASHBOARD_REPORT_ASSESSMENT_TITLE : t.title),
    table(['项目', '数量'], t.figures.map((f) => [f.label, String(f.value)]), [4, 1], { align: ['left', 'right'] }),
    paragraph(t.note, { small: true }),
  ]);
}

/** The branches with a late requirement, in the tree's order, each with the requirements late. */
function lateBlocks(matrix: DashboardMatrix, words: string): Block[] {
  const rows = matrix.rows.flatMap((r) => {
    const late = r.cells.flatMap((c, i) => (c?.status === 'late' ? [matrix.requirements[i].label] : []));
    return late.length ? [[r.organizationName, late.join('、')]] : [];
  });
  if (!rows.length) return [paragraph(`${words}没有逾期的组织生活事项。`)];
  return [table(['党组织(按组织架构顺序)', '逾期事项'], rows, [2, 3])];
}

function pipelineBlocks(town: Pick<DashboardTown, 'pipeline'>, chartCaption: string) {
  return pipelineChartBlock(town.pipeline, chartCaption).then((chart): Block[] => [
    chart,
    table(town.pipeline.map((p) => p.label), [town.pipeline.map((p) => String(p.count))], town.pipeline.map(() => 1), { small: true, align: right(town.pipeline.length) }),
  ]);
}

async function monthlyModel(db: Db, caller: Caller, month: string, today: string): Promise<DocModel> {
  // The current month's deadlines read 本月 as on the 驾驶舱; a past month's 当月 (本月 stays the day's: 党费).
  const town = await townDashboard(db, caller.user, month, month === today.slice(0, 7) ? '本月' : '当月');
  const t = town.matrix.totals;
  const words = monthWords(month);
  return {
    title: `${caller.user.tenantName}${DASHBOARD_REPORT_TITLES.monthly}`,
    subtitle: `${words}  ·  ${chineseDate(today)}生成`,
    header: `${caller.user.tenantName}  ${words}  ${DASHBOARD_REPORT_TITLES.monthly}`,
    blocks: [
      note(`${words}到期的事项`),
      heading(1, '一、组织生活'),
      paragraph(`${words}全镇${town.matrix.rows.length}个党组织的组织生活要求:完成${t.done}项,待签认${t.awaitingSignOff}项,待完成${t.due}项,将到期${t.dueSoon}项,逾期${t.late}项。`),
      await totalsChart(t, `${words}组织生活完成情况`),
      table(totalsHeader(), [totalsCells(t)], DASHBOARD_TOTAL_KEYS.map(() => 1), { align: right(DASHBOARD_TOTAL_KEYS.length) }),
      heading(2, '有逾期事项的党组织'),
      ...lateBlocks(town.matrix, words),
      heading(1, '二、各项工作'),
      worksIntro,
      ...tileBlocks(town.tiles),
      heading(1, '三、发展党员各环节'),
      ...(await pipelineBlocks(town, '在培养的发展党员按环节')),
    ],
  };
}

/** 党内统计 at the year's end (or today): the 党员增减 and 基层党组织 tables' totals, from the statistics module. */
function statisticsBlocks(s: PartyStatistics): Block[] {
  const out: Block[] = [paragraph(`统计时点:${chineseDate(s.asOf)},统计单位:${s.unitName}。`)];
  for (const key of ['flows', 'organizations']) {
    const t = s.tables.find((x) => x.key === key);
    if (!t) continue;
    const rows = key === 'flows' ? t.rows.filter((r) => r.key === 'total') : t.rows;
    const header = [key === 'flows' ? '' : '类别', ...t.columns.map((c) => c.label), ...(rows[0]?.total === null ? [] : ['合计'])];
    out.push(heading(3, t.title), table(header, rows.map((r) => [r.label, ...r.cells.map(String), ...(r.total === null ? [] : [String(r.total)])]),
      header.map((_, i) => (i ? 1 : 2)), { small: true, align: ['left', ...right(header.length - 1)] }));
  }
  return out;
}

async function yearlyModel(db: Db, caller: Caller, months: string[], today: string): Promise<DocModel> {
  const year = months[0].slice(0, 4);
  const monthly = await townMonths(db, caller.user, months);
  const span = await townSpan(db, caller.user, months, `${year}年`);
  const stats = await partyStatistics(db, caller.user, { asOf: Number(year) < Number(today.slice(0, 4)) ? `${year}-12-31` : today });
  const sum = Object.fromEntries(DASHBOARD_TOTAL_KEYS.map((k) => [k, monthly.reduce((n, m) => n + m.totals[k], 0)])) as Totals;
  return {
    title: `${caller.user.tenantName}${DASHBOARD_REPORT_TITLES.yearly}`,
    subtitle: `${year}年(${monthWords(months[0])}至${monthWords(months[months.length - 1])})  ·  ${chineseDate(today)}生成`,
    header: `${caller.user.tenantName}  ${year}年  ${DASHBOARD_REPORT_TITLES.yearly}`,
    blocks: [
      note(`${year}年内到期的事项`),
      heading(1, '一、组织生活(逐月)'),
      await monthsChart(monthly, `${year}年各月组织生活完成与逾期`),
      table(['月份', ...totalsHeader()], [...monthly.map((m) => [monthWords(m.period), ...totalsCells(m.totals)]), ['合计', ...totalsCells(sum)]],
        [2, ...DASHBOARD_TOTAL_KEYS.map(() => 1)], { small: true, align: ['left', ...right(DASHBOARD_TOTAL_KEYS.length)] }),
      heading(1, '二、各项工作'),
      worksIntro,
      ...tileBlocks(span.tiles),
      heading(1, '三、发展党员各环节'),
      ...(await pipelineBlocks(span, '在培养的发展党员按环节')),
      heading(1, '四、党内统计'),
      ...statisticsBlocks(stats),
    ],
  };
}

/** The report of a month or a year as a file; the town's admin only (its figures cover the whole town). */
export async function townReport(db: Db, caller: Caller, kind: DashboardReportKind, query: { month?: string; year?: number }, format: DashboardReportFormat) {
  requirePermission(caller.user, 'dashboard.report');
  const today = todayInShanghai();
  const period = kind === 'monthly' ? reportMonth(query.month, today) : reportMonths(query.year, today);
  const model = typeof period === 'string' ? await monthlyModel(db, caller, period, today) : await yearlyModel(db, caller, period, today);
  const data = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
  const label = typeof period === 'string' ? period : period[0].slice(0, 4);
  await audit(db, caller, { action: 'dashboard.report', objectType: 'organization', objectId: null, detail: { kind, period: label, format, bytes: data.length } });
  return { filename: `${safeName(caller.user.tenantName)}-${DASHBOARD_REPORT_TITLES[kind]}-${label}.${format}`, mime: REPORT_MIME[format], data };
}
