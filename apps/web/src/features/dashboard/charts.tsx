import { lazy, Suspense, useMemo } from 'react';
import { Skeleton } from 'antd';
import type { DashboardTown, DashboardVillage } from '@dj/contracts';
import type { ChartOption } from '../../components/EChart';

/** ECharts is its own chunk, fetched when a chart is first shown. */
const EChart = lazy(() => import('../../components/EChart'));

function Chart({ option, label, height }: { option: ChartOption; label: string; height?: number }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}><EChart option={option} label={label} height={height} /></Suspense>;
}

/** 发展党员 by phase: a distribution, in the phases' own order. */
export function PipelineChart({ pipeline }: { pipeline: DashboardTown['pipeline'] }) {
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {},
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: pipeline.map((p) => p.label), inverse: true },
    series: [{ type: 'bar', data: pipeline.map((p) => p.count), itemStyle: { color: '#c8161e' }, label: { show: true, position: 'right' } }],
  }), [pipeline]);
  return <Chart option={option} label={`发展党员按阶段:${pipeline.map((p) => `${p.label}${p.count}人`).join(',')}`} height={180} />;
}

const STACK: { key: 'done' | 'awaitingSignOff' | 'due' | 'dueSoon' | 'late'; name: string; color: string }[] = [
  { key: 'done', name: '已完成', color: '#52c41a' }, { key: 'awaitingSignOff', name: '待签认', color: '#1677ff' },
  { key: 'due', name: '未到期', color: '#bfbfbf' }, { key: 'dueSoon', name: '临近截止', color: '#faad14' }, { key: 'late', name: '逾期', color: '#f5222d' },
];

/** A village's twelve months of organisation life, each month's requirements stacked by status. */
export function MonthsChart({ months }: { months: DashboardVillage['months'] }) {
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months.map((m) => m.period.slice(2).replace('-', '/')) },
    yAxis: { type: 'value', minInterval: 1 },
    series: STACK.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: months.map((m) => m[s.key]), itemStyle: { color: s.color } })),
  }), [months]);
  return <Chart option={option} label="近12个月组织生活各项要求的完成情况" height={260} />;
}
