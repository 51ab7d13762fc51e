import { Alert, Button, Card, Empty, Flex, Result, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { BENCHMARK_DEFAULT_YEARS, BENCHMARK_GROUP_LABELS, type BenchmarkBoard, type BenchmarkCell, type BenchmarkIndicator } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { isTownAdmin } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useBenchmarkBoard } from './api';
import { IndicatorModal, TownModal, ValueModal } from './BenchmarkModals';
import { PageTitle } from '../../components/PageTitle';

/** Figures as stored (up to two decimals), with a % on rates; no grouping separators to mistake for decimals. */
const number = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit === '%' ? '%' : ''}`);

/** own − benchmark, green when in the town's favour by the indicator's direction, red when behind. */
function Gap({ cell, indicator }: { cell: BenchmarkCell; indicator: BenchmarkIndicator }) {
  if (cell.gap === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const sign = cell.gap > 0 ? '+' : '';
  const text = `${sign}${cell.gap}${indicator.percent ? '个百分点' : ''}${cell.ratio !== null ? `(为对标镇的${Math.round(cell.ratio * 100)}%)` : ''}`;
  return <Typography.Text type={cell.ahead ? 'success' : 'danger'} data-testid="benchmark-gap">{text}</Typography.Text>;
}

function OwnSource({ indicator, cell }: { indicator: BenchmarkIndicator; cell: BenchmarkCell }) {
  return <Typography.Text type="secondary" style={{ fontSize: 12 }}>{indicator.computed ? '平台记录' : cell.ownSource ? `来源:手工录入(${cell.ownSource})` : '来源:手工录入'}</Typography.Text>;
}

function IndicatorName({ indicator }: { indicator: BenchmarkIndicator }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{indicator.name}({indicator.unit})</Typography.Text>
      <Flex gap={4} wrap>
        <Tag>{BENCHMARK_GROUP_LABELS[indicator.group]}</Tag>
        <Tag color={indicator.computed ? 'blue' : 'default'}>{indicator.computed ? '平台记录计算' : '来源:手工录入'}</Tag>
        <Tag>{indicator.higherIsBetter ? '越高越好' : '越低越好'}</Tag>
      </Flex>
    </Flex>
  );
}

interface Editing { indicator: BenchmarkIndicator; year: number }

function YearCell({ indicator, cell, townName, onEdit }: { indicator: BenchmarkIndicator; cell: BenchmarkCell; townName: string; onEdit?: () => void }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 120 }}>
      <span>本镇:{number(cell.own, indicator.unit)}</span>
      <OwnSource indicator={indicator} cell={cell} />
      <span title={cell.source ?? undefined}>{townName}:{number(cell.benchmark, indicator.unit)}</span>
      {cell.source ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>来源:{cell.source}</Typography.Text> : null}
      <span>差距:<Gap cell={cell} indicator={indicator} /></span>
      {onEdit ? <Button size="small" type="link" style={{ padding: 0, alignSelf: 'flex-start' }} onClick={onEdit} aria-label={`录入${cell.year}年${indicator.name}`}>录入</Button> : null}
    </Flex>
  );
}

function BoardTable({ board, onEdit }: { board: BenchmarkBoard; onEdit?: (e: Editing) => void }) {
  const townName = board.town?.name ?? '对标镇';
  const columns: ColumnsType<BenchmarkIndicator> = [
    { title: '指标', key: 'name', fixed: 'left', width: 200, render: (_, i) => <IndicatorName indicator={i} /> },
    ...board.years.map((year, index) => ({
      title: `${year}年`, key: String(year),
      render: (_: unknown, i: BenchmarkIndicator) => <YearCell indicator={i} cell={i.cells[index]} townName={townName} onEdit={onEdit ? () => onEdit({ indicator: i, year }) : undefined} />,
    })),
  ];
  return <Table rowKey="id" size="small" columns={columns} dataSource={board.indicators} pagination={false} scroll={{ x: 'max-content' }} data-testid="benchmark-table" />;
}

/** On a phone: a card per indicator, its years one under the other. */
function BoardCards({ board, onEdit }: { board: BenchmarkBoard; onEdit?: (e: Editing) => void }) {
  const townName = board.town?.name ?? '对标镇';
  return (
    <Flex vertical gap={8} data-testid="benchmark-cards">
      {board.indicators.map((i) => (
        <Card key={i.id} size="small" title={<IndicatorName indicator={i} />}>
          <Flex vertical gap={8}>
            {i.cells.map((c) => (
              <Flex key={c.year} gap={8} align="flex-start">
                <Typography.Text strong style={{ minWidth: 48 }}>{c.year}年</Typography.Text>
                <YearCell indicator={i} cell={c} townName={townName} onEdit={onEdit ? () => onEdit({ indicator: i, year: c.year }) : undefined} />
              </Flex>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/** 对标 (issue 17 point 4): the town against its benchmark town, indicator by indicator, year over year. */
export function BenchmarkPage() {
  const { data: me } = useMe();
  const admin = isTownAdmin(me?.user.roles ?? []);
  const [years, setYears] = useState<number>(BENCHMARK_DEFAULT_YEARS);
  const board = useBenchmarkBoard(years, admin);
  const narrow = useNarrowScreen();
  const [modal, setModal] = useState<'town' | 'indicator' | Editing | null>(null);
  if (!me) return <Skeleton active />;
  if (!admin) return <Result status="403" title="没有权限查看" subTitle="对标由镇党委管理员维护和查看。" />;
  if (board.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (board.isError) return <LoadError title="对标加载失败" error={board.error} onRetry={() => board.refetch()} />;
  const data = board.data;
  const manage = data.can.manage;
  const onEdit = manage ? (e: Editing) => setModal(e) : undefined;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageTitle>对标{data.town ? `:${data.town.name}` : ''}</PageTitle>
        <Flex gap={8} wrap>
          <Select aria-label="显示年数" value={years} onChange={setYears} style={{ width: 120 }}
            options={[3, 5].map((n) => ({ value: n, label: `近${n}年` }))} />
          {manage ? <Button onClick={() => setModal('town')}>{data.town ? '修改对标镇' : '填写对标镇'}</Button> : null}
          {manage && data.town ? <Button type="primary" onClick={() => setModal('indicator')}>添加指标</Button> : null}
        </Flex>
      </Flex>
      {data.town?.note ? <Typography.Text type="secondary">{data.town.note}</Typography.Text> : null}
      <Alert type="info" showIcon title="本镇数值:能由平台记录计算的目录指标按自然年自动计算(今年截至今日),其余指标来源:手工录入。差距 = 本镇 − 对标镇,绿色为领先、红色为落后(按指标方向);只比较镇与对标镇,不对村排名。" />
      {!data.town ? <Empty description="尚未填写对标镇:先填写对标镇(例如 周庄镇),再添加对标指标" />
        : !data.indicators.length ? <Empty description="尚未添加对标指标" />
          : narrow ? <BoardCards board={data} onEdit={onEdit} /> : <BoardTable board={data} onEdit={onEdit} />}
      {modal === 'town' ? <TownModal town={data.town} onClose={() => setModal(null)} /> : null}
      {modal === 'indicator' ? <IndicatorModal picked={data.indicators.map((i) => i.catalogueKey)} onClose={() => setModal(null)} /> : null}
      {modal && typeof modal === 'object' ? <ValueModal indicator={modal.indicator} year={modal.year} townName={data.town?.name ?? '对标镇'} onClose={() => setModal(null)} /> : null}
    </Flex>
  );
}
