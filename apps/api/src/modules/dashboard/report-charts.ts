/**
 * The 会议报告's charts (issue 17 point 7), drawn on the server by lib/charts: a month's organisation life totals, the
 * twelve months of a year, and 发展党员 by phase. Bars in a fixed order (the statuses', the months', the phases'), never
 * sorted by size.
 */
import { DASHBOARD_TOTAL_KEYS, DASHBOARD_TOTAL_LABELS, type DashboardMatrix, type DashboardTown } from '@dj/contracts';
import { renderChart } from '../../lib/charts/index.js';
import type { ChartBlock } from '../../lib/documents/doc-model.js';

const SIZE = { width: 640, height: 300 };
/** The 驾驶舱's colours for the statuses (apps/web features/dashboard charts.tsx), so paper and screen read alike. */
const TONE: Record<(typeof DASHBOARD_TOTAL_KEYS)[number], string> = {
  done: '#52c41a', awaitingSignOff: '#1677ff', due: '#bfbfbf', dueSoon: '#faad14', late: '#f5222d',
};
const GRID = { left: 48, right: 24, top: 36, bottom: 48 };
/**
 * ECharts outlines a label with a stroke painted under the text (paint-order), which the PDF's SVG drawing ignores: it
 * would paint the outline over the figure. Labels go without an outline.
 */
const barLabel = { show: true, position: 'top' as const, textBorderWidth: 0, textBorderColor: 'transparent' };

export function totalsChart(totals: DashboardMatrix['totals'], caption: string): Promise<ChartBlock> {
  return renderChart({
    grid: GRID,
    xAxis: { type: 'category', data: DASHBOARD_TOTAL_KEYS.map((k) => DASHBOARD_TOTAL_LABELS[k]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 48, label: barLabel, data: DASHBOARD_TOTAL_KEYS.map((k) => ({ value: totals[k], itemStyle: { color: TONE[k] } })) }],
  }, SIZE, caption);
}

export function monthsChart(months: { period: string; totals: DashboardMatrix['totals'] }[], caption: string): Promise<ChartBlock> {
  const shown = ['done', 'late'] as const;
  return renderChart({
    grid: { ...GRID, top: 48 },
    legend: { top: 8, data: shown.map((k) => DASHBOARD_TOTAL_LABELS[k]) },
    xAxis: { type: 'category', data: months.map((m) => `${Number(m.period.slice(5, 7))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: shown.map((k) => ({ type: 'bar' as const, name: DASHBOARD_TOTAL_LABELS[k], barMaxWidth: 20, label: barLabel, itemStyle: { color: TONE[k] }, data: months.map((m) => m.totals[k]) })),
  }, SIZE, caption);
}

export function pipelineChartBlock(pipeline: DashboardTown['pipeline'], caption: string): Promise<ChartBlock> {
  return renderChart({
    // Phases down the side in the pipeline's order (the first at the top), as on the 驾驶舱.
    grid: { ...GRID, left: 120, bottom: 32 },
    yAxis: { type: 'category', inverse: true, data: pipeline.map((p) => p.label), axisLabel: { interval: 0 } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 24, label: { ...barLabel, position: 'right' }, itemStyle: { color: '#c8161e' }, data: pipeline.map((p) => p.count) }],
  }, SIZE, caption);
}
