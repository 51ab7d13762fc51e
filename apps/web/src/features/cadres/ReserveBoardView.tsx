import { Button, Card, Empty, Flex, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { RESERVE_STAGES, RESERVE_STAGE_LABELS, type ReserveBoard } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useReserveBoard } from './reserve-api';

type Row = ReserveBoard['villages'][number];

/** 全镇后备人才一览: each village's reserves by stage against the town's target, in the tree's order (never ranked). */
export function ReserveBoardView({ onOpenVillage }: { onOpenVillage: (orgId: number) => void }) {
  const query = useReserveBoard();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error) return <LoadError title="后备人才一览加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const { villages, target, belowTarget, totals } = query.data;
  if (!villages.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内没有村党支部" />;
  return (
    <Flex vertical gap={12} data-testid="reserve-board">
      <Flex gap={24} wrap>
        <Statistic title="在培养" value={totals.active} suffix="人" />
        {RESERVE_STAGES.map((s) => <Statistic key={s} title={RESERVE_STAGE_LABELS[s]} value={totals[s]} />)}
        <Statistic title="低于目标的村" value={belowTarget} />
      </Flex>
      <Typography.Text type="secondary">储备目标:每村在培养的后备人才不少于{target}人(本镇设置“每村后备人才储备目标”)。各村按组织架构顺序列出,不排名。</Typography.Text>
      <Card size="small" title="各村后备人才">
        <Table<Row> size="small" rowKey="organizationId" pagination={false} dataSource={villages} scroll={{ x: true }}
          columns={[
            { title: '村', dataIndex: 'name', fixed: 'left', render: (name: string, v) => <Button type="link" style={{ padding: 0 }} onClick={() => onOpenVillage(v.organizationId)}>{name.replace(/党支部$/, '')}</Button> },
            ...RESERVE_STAGES.map((s) => ({ title: RESERVE_STAGE_LABELS[s], key: s, render: (_: unknown, v: Row) => v.byStage[s] })),
            { title: '在培养/目标', key: 'active', render: (_: unknown, v: Row) => <span>{v.active}/{v.target}{v.shortBy > 0 && <Tag color="orange" style={{ marginLeft: 4 }}>差{v.shortBy}人</Tag>}</span> },
            { title: '考评到期', dataIndex: 'evaluationsDue', render: (n: number) => (n ? <Tag color="red">{n}人</Tag> : '—') },
          ]} />
      </Card>
    </Flex>
  );
}
