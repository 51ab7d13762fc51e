import { useMemo, useState } from 'react';
import { App, Button, Card, Dropdown, Empty, Flex, List, Result, Select, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, LineChartOutlined, QuestionCircleOutlined, UploadOutlined } from '../../lib/icons';
import { todayInShanghai, type EconomyOverview, type EconomyVillage } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { hasWorkRole } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { errorMessage } from '../../lib/api-client';
import { useDownloadEconomy, useEconomyOverview, wan } from './api';
import { EconomyImportModal } from './EconomyImportModal';
import { IncomeYearDrawer } from './IncomeYearDrawer';
import { PartnershipsSection } from './PartnershipsSection';
import { RECORD_TABS, RecordSection } from './RecordTabs';
import { STATUS_COLORS, statusLabel } from './labels';
import { TrendChart } from './TrendChart';
import { PageTitle, SectionTitle } from '../../components/PageTitle';

const thisYear = Number(todayInShanghai().slice(0, 4));
const SPAN = 5;
const TO_OPTIONS = Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y - SPAN + 1}—${y}年` }));

type Cell = EconomyVillage['cells'][number];

/** What a cell says, for a screen reader and the e2e flow: the village, the year, the figure and its state. */
const cellLabel = (villageName: string, cell: Cell) =>
  [`${villageName}${cell.year}年`, cell.operatingIncomeFen === null ? '无已审核数' : `${wan(cell.operatingIncomeFen)}万元`, cell.status && statusLabel(cell.status), cell.weak && '薄弱村']
    .filter(Boolean).join(' ');

function CellView({ villageName, cell, onOpen }: { villageName: string; cell: Cell; onOpen: () => void }) {
  return (
    <Button type="link" size="small" onClick={onOpen} aria-label={cellLabel(villageName, cell)} style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}>
      <Flex vertical gap={2} align="flex-start">
        {/* With its unit, so the words on screen are part of the cell's spoken name (WCAG 2.5.3). */}
        <span>{cell.operatingIncomeFen === null ? '—' : `${wan(cell.operatingIncomeFen)}万元`}</span>
        <Space size={2} wrap>
          {cell.status && <Tag color={STATUS_COLORS[cell.status]}>{statusLabel(cell.status)}</Tag>}
          {cell.weak && <Tag color="volcano">薄弱村</Tag>}
        </Space>
      </Flex>
    </Button>
  );
}

type Open = (target: { orgId: number; year: number }) => void;

/** On a phone: a card per village (in tree order), its years one under the other. */
function VillageCards({ data, onOpen, onChart }: { data: EconomyOverview; onOpen: Open; onChart: (orgId: number) => void }) {
  return (
    <List data-testid="economy-cards" dataSource={data.villages} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可查看的村" /> }}
      // Each card inside a List.Item: antd's list is a <ul>, whose children must be <li> (axe's list rule).
      renderItem={(v) => (
        <List.Item style={{ display: 'block', padding: 0, border: 0 }}>
          <Card size="small" style={{ marginBottom: 8 }} title={v.villageName}
            extra={<Button type="link" size="small" icon={<LineChartOutlined />} onClick={() => onChart(v.organizationId)}>趋势</Button>}>
            {v.cells.map((c) => (
              <Flex key={c.year} justify="space-between" align="center" gap={8}>
                <span>{c.year}年</span>
                <CellView villageName={v.villageName} cell={c} onOpen={() => onOpen({ orgId: v.organizationId, year: c.year })} />
              </Flex>
            ))}
            {v.crossedIn && <Typography.Text type="secondary">{v.crossedIn}年消薄</Typography.Text>}
          </Card>
        </List.Item>
      )} />
  );
}

/** The town's sums per year (approved figures) and growth: figures, not a ranking. */
function TownTable({ data }: { data: EconomyOverview }) {
  return (
    <Table size="small" rowKey="year" dataSource={data.town} pagination={false} scroll={{ x: true }} data-testid="economy-town"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这些年度还没有已审核的收入" /> }} columns={[
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '村数', dataIndex: 'villages', width: 60 },
        { title: '经营性收入(万元)', render: (_, t) => wan(t.operatingIncomeFen) },
        { title: '总收入(万元)', render: (_, t) => wan(t.totalFen) },
        { title: '薄弱村', render: (_, t) => `${t.weak}个`, width: 70 },
        { title: '总收入增长', render: (_, t) => (t.growthPct === null ? '—' : `${t.growthPct > 0 ? '+' : ''}${t.growthPct}%`) },
      ]} />
  );
}

/** 全镇年度统计表: the last year shown that is over (the year in progress has no accounts yet), as Excel or A4 PDF. */
function TableDownload({ year }: { year: number }) {
  const { message } = App.useApp();
  const download = useDownloadEconomy();
  const save = (format: string) => download.mutate({ path: `/api/economy/table.${format}`, name: `${year}年度村集体经济收入统计表.${format}`, year },
    { onError: (e) => message.error(errorMessage(e)) });
  return (
    <Dropdown menu={{ items: [{ key: 'xlsx', label: 'Excel' }, { key: 'pdf', label: 'PDF(A4)' }], onClick: ({ key }) => save(key) }}>
      <Button icon={<DownloadOutlined />} loading={download.isPending}>{year}年度统计表</Button>
    </Dropdown>
  );
}

/** 集体经济: each village's 经营性收入 per year in tree order (never sorted by income), status and the weak-village line. */
export function EconomyPage() {
  const { data: me } = useMe();
  const narrow = useNarrowScreen();
  const [to, setTo] = useState(thisYear);
  const query = useMemo(() => ({ from: to - SPAN + 1, to }), [to]);
  const overview = useEconomyOverview(query);
  const [open, setOpen] = useState<{ orgId: number; year: number } | null>(null);
  const [chartOf, setChartOf] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [tab, setTab] = useState('income');
  const roles = me?.user.roles ?? [];
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(roles)) return <Result status="403" title="没有权限查看" subTitle="集体经济收入供镇党委、包村干部和村党支部书记使用。" />;
  const data = overview.data;
  const chartVillage = data?.villages.find((v) => v.organizationId === chartOf) ?? null;

  return (
    <Flex vertical gap={12} data-testid="economy-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>集体经济</PageTitle>
        {tab === 'income' && <Space wrap>
          <Select<number> aria-label="年度范围" value={to} onChange={setTo} options={TO_OPTIONS} style={{ minWidth: 140 }} />
          <TableDownload year={Math.min(to, thisYear - 1)} />
          {data?.can.import && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入三资收入表</Button>}
        </Space>}
      </Flex>
      <Tabs activeKey={tab} onChange={setTab} items={[{ key: 'income', label: '集体收入' }, ...RECORD_TABS]} />
      {tab !== 'income' ? <RecordSection tab={tab} /> : overview.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : overview.error ? <LoadError title="集体经济加载失败" error={overview.error} onRetry={() => overview.refetch()} /> : (
        <>
          <Typography.Text>
            薄弱村线:年经营性收入低于 {wan(data!.thresholdFen)} 万元{' '}
            <Tooltip title={data!.thresholdSource}><QuestionCircleOutlined aria-label="标准来源" /></Tooltip>
            <Typography.Text type="secondary">(金额为已审核的经营性收入,单位万元;点击单元格填报或审核)</Typography.Text>
          </Typography.Text>
          {narrow ? <VillageCards data={data!} onOpen={setOpen} onChart={setChartOf} /> : <Table size="small" rowKey="organizationId" dataSource={data!.villages} pagination={false} scroll={{ x: 'max-content' }} data-testid="economy-table"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可查看的村" /> }} columns={[
              { title: '村', dataIndex: 'villageName', fixed: 'left', width: 90 },
              ...data!.years.map((year, i) => ({
                title: `${year}年`, key: year, width: 110,
                render: (_: unknown, v: EconomyVillage) => <CellView villageName={v.villageName} cell={v.cells[i]} onOpen={() => setOpen({ orgId: v.organizationId, year })} />,
              })),
              { title: '消薄年份', key: 'crossed', width: 80, render: (_: unknown, v: EconomyVillage) => (v.crossedIn ? `${v.crossedIn}年` : '—') },
              { title: '趋势', key: 'trend', width: 60, render: (_: unknown, v: EconomyVillage) => <Button type="link" size="small" icon={<LineChartOutlined />} aria-label={`${v.villageName}趋势`} onClick={() => setChartOf(v.organizationId)} /> },
            ]} />}
          {chartVillage && (
            <Card size="small" title={`${chartVillage.villageName}经营性收入趋势`} extra={<Button size="small" type="link" onClick={() => setChartOf(null)}>关闭</Button>}>
              <TrendChart village={chartVillage} years={data!.years} thresholdFen={data!.thresholdFen} />
            </Card>
          )}
          <SectionTitle style={{ margin: 0 }}>全镇合计</SectionTitle>
          <TownTable data={data!} />
          <PartnershipsSection />
        </>
      )}
      <IncomeYearDrawer target={open} onClose={() => setOpen(null)} />
      {importing && <EconomyImportModal onClose={() => setImporting(false)} />}
    </Flex>
  );
}
