import { Alert, Card, Col, Empty, Flex, Result, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { DashboardTown } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { isDistrictViewer } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useDistrictTownDashboard } from './api';
import { PageTitle } from '../../components/PageTitle';

type MatrixRow = DashboardTown['matrix']['rows'][number];

/** A branch's cells of the month, counted by status (the town's own matrix, without the town's links). */
const countOf = (r: MatrixRow, status: string) => r.cells.filter((c) => c?.status === status).length;

function MonthTable({ matrix }: { matrix: DashboardTown['matrix'] }) {
  const t = matrix.totals;
  return (
    <Card size="small" title={`本月组织生活(${matrix.period})`}>
      <Typography.Paragraph type="secondary">完成 {t.done} 项,待签认 {t.awaitingSignOff} 项,待完成 {t.due} 项,将到期 {t.dueSoon} 项,逾期 {t.late} 项。支部按组织架构顺序排列,不排名。</Typography.Paragraph>
      {!matrix.rows.length ? <Empty description="该镇没有党支部" /> : (
        <Table<MatrixRow>
          size="small" pagination={false} rowKey="organizationId" dataSource={matrix.rows} scroll={{ x: 'max-content' }}
          columns={[
            { title: '党支部', dataIndex: 'organizationName', fixed: 'left' },
            ...(['done', 'awaiting_sign_off', 'due', 'due_soon', 'late'] as const).map((s, i) => ({
              title: ['已完成', '待签认', '待完成', '将到期', '逾期'][i], key: s, align: 'right' as const, render: (_: unknown, r: MatrixRow) => countOf(r, s),
            })),
          ]}
        />
      )}
    </Card>
  );
}

/** 一个镇的驾驶舱 for the 区委组织部 (issue 17 point 5): the town admin's figures, read-only (no link into the town). */
export function DistrictTownPage() {
  const tenantId = Number(useParams().tenantId);
  const { data: me } = useMe();
  const town = useDistrictTownDashboard(tenantId);
  if (!me) return <Skeleton active />;
  if (!isDistrictViewer(me.user.roles)) return <Result status="403" title="没有权限查看" subTitle="区级驾驶舱供区委组织部使用。" />;
  if (town.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (town.isError) return <LoadError title="该镇驾驶舱加载失败" error={town.error} onRetry={() => town.refetch()} />;
  const { town: t, dashboard: d } = town.data;
  return (
    <Flex vertical gap={12}>
      <Link to="/district">← 返回区级驾驶舱</Link>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageTitle>{t.name}驾驶舱(只读)</PageTitle>
        <Typography.Text type="secondary">数据日期 {d.today}(北京时间)</Typography.Text>
      </Flex>
      <Alert type="info" showIcon title="与该镇党委管理员所见的数字相同;区级只查看,不修改该镇数据,也不对村排名。" />
      <MonthTable matrix={d.matrix} />
      <Card size="small" title="发展党员(在培养,按阶段)">
        <Flex gap={16} wrap>{d.pipeline.map((p) => <Statistic key={p.phase} title={p.label} value={p.count} suffix="人" />)}</Flex>
      </Card>
      <Row gutter={[12, 12]}>
        {d.tiles.map((tile) => (
          <Col key={tile.key} xs={24} md={12} xl={8}>
            <Card size="small" title={tile.title} data-testid={`district-tile-${tile.key}`}>
              <Row gutter={[8, 8]}>{tile.figures.map((f) => <Col key={f.label} xs={12} sm={8}><Statistic title={f.label} value={f.value} /></Col>)}</Row>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>{tile.note}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
