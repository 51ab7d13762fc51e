import { useState } from 'react';
import { App, Button, Empty, Skeleton, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '../../lib/icons';
import { STATISTICS_TITLE, defaultStatisticsDay, todayInShanghai, type PartyStatistics, type StatTable } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { usePartyStatistics, useDownloadStatistics, type CellRef } from './api';
import { CellMembersDrawer } from './CellMembersDrawer';
import { StatTableCard } from './StatTableCard';
import { PageTitle } from '../../components/PageTitle';

const GROUPS: { key: StatTable['group']; label: string }[] = [
  { key: 'members', label: '党员' },
  { key: 'recruits', label: '发展党员' },
  { key: 'flows', label: '党员增减' },
  { key: 'mobile', label: '流动党员' },
  { key: 'organizations', label: '基层党组织' },
];

function Tables({ stats, onOpen }: { stats: PartyStatistics; onOpen: (cell: CellRef, title: string) => void }) {
  return (
    <Tabs items={GROUPS.map((g) => ({
      key: g.key, label: g.label,
      children: stats.tables.filter((t) => t.group === g.key).map((t) => <StatTableCard key={t.key} table={t} onOpen={onOpen} />),
    }))} />
  );
}

/**
 * 党内统计 (issue 17 point 3): the yearly tables of the roster as of a day (31 December of last year unless changed),
 * per branch and in total; each figure opens the members behind it; xlsx and A4 PDF downloads of the same tables.
 */
export function StatisticsPage() {
  const today = todayInShanghai();
  const [asOf, setAsOf] = useState(defaultStatisticsDay(today));
  const [cell, setCell] = useState<{ ref: CellRef; title: string } | null>(null);
  const stats = usePartyStatistics(asOf);
  const download = useDownloadStatistics();
  const { message } = App.useApp();
  const save = (format: 'xlsx' | 'pdf') => download.mutate({ asOf, format }, { onError: (e) => message.error(errorMessage(e)) });
  // The 基层党组织 table counts today's tree, so "nothing on this day" is read from the member tables alone.
  const empty = stats.data && stats.data.tables.filter((t) => t.group !== 'organizations').every((t) => t.rows.every((r) => r.cells.every((n) => n === 0)));
  return (
    <div>
      <PageTitle style={{ marginBottom: '0.5em' }}>{STATISTICS_TITLE}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>统计时点</span>
        <DateInput aria-label="统计时点" value={asOf} max={today} onChange={(v) => v && setAsOf(v)} />
        <Button icon={<DownloadOutlined />} onClick={() => save('xlsx')} loading={download.isPending && download.variables?.format === 'xlsx'}>下载Excel</Button>
        <Button icon={<DownloadOutlined />} onClick={() => save('pdf')} loading={download.isPending && download.variables?.format === 'pdf'}>下载PDF</Button>
      </Space>
      {stats.data && <Typography.Paragraph type="secondary">{stats.data.unitName}:党员和流动党员为{stats.data.asOf}的人数,发展党员和党员增减为{stats.data.periodStart}至{stats.data.asOf}的变动。点击数字查看对应党员名单。</Typography.Paragraph>}
      {stats.isLoading && <Skeleton active />}
      {stats.isError && <LoadError title="党内统计加载失败" error={stats.error} onRetry={() => stats.refetch()} />}
      {empty && <Empty description="该时点没有党员记录" />}
      {stats.data && !empty && <Tables stats={stats.data} onOpen={(ref, title) => setCell({ ref, title })} />}
      <CellMembersDrawer asOf={asOf} cell={cell?.ref ?? null} title={cell?.title ?? ''} onClose={() => setCell(null)} />
    </div>
  );
}
