import { lazy, Suspense, useMemo } from 'react';
import { Skeleton } from 'antd';
import type { EconomyVillage } from '@dj/contracts';
import type { ChartOption } from '../../components/EChart';
import { wan } from './api';

/** ECharts is its own chunk, fetched when the chart is first shown. */
const EChart = lazy(() => import('../../components/EChart'));

/** A village's 经营性收入 over the years (approved figures, 万元) with the weak-village line drawn across. */
export function TrendChart({ village, years, thresholdFen }: { village: EconomyVillage; years: number[]; thresholdFen: number }) {
  const line = Number(wan(thresholdFen));
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', name: '万元' },
    series: [{
      type: 'line', name: '经营性收入', data: village.cells.map((c) => (c.operatingIncomeFen === null ? null : Number(wan(c.operatingIncomeFen)))), connectNulls: true, itemStyle: { color: '#c8161e' },
      markLine: { symbol: 'none', lineStyle: { color: '#faad14', type: 'dashed' }, label: { formatter: `薄弱村线 ${line}万元` }, data: [{ yAxis: line }] },
    }],
  }), [village, years, line]);
  const said = village.cells.map((c) => `${c.year}年${c.operatingIncomeFen === null ? '无已审核数' : `${wan(c.operatingIncomeFen)}万元`}`).join(',');
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
      <EChart option={option} height={260} label={`${village.villageName}经营性收入:${said};薄弱村线${line}万元`} />
    </Suspense>
  );
}
