import { Alert, Empty, Flex, Result, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { DistrictFigureRow } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { isDistrictViewer } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useDistrictDashboard } from './api';

/**
 * 区级驾驶舱 (issue 17 point 5): each town's figures of its 驾驶舱 side by side, in division-code order, and the
 * district's sum. Each town's value opens that town's 驾驶舱 (read-only). Never sorted by a figure: no column sorts.
 */
export function DistrictPage() {
  const { data: me } = useMe();
  const allowed = isDistrictViewer(me?.user.roles ?? []);
  const board = useDistrictDashboard();
  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="区级驾驶舱供区委组织部使用。" />;
  if (board.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (board.isError) return <LoadError title="区级驾驶舱加载失败" error={board.error} onRetry={() => board.refetch()} />;
  const data = board.data;
  const columns: ColumnsType<DistrictFigureRow> = [
    {
      title: '项目', key: 'label', fixed: 'left', width: 150,
      render: (_, r) => <><Typography.Text type="secondary">{r.groupTitle}</Typography.Text><br />{r.label}</>,
    },
    ...data.towns.map((t, i) => ({
      title: <Link to={`/district/towns/${t.tenantId}`}>{t.name}</Link>, key: `town-${t.tenantId}`, align: 'right' as const,
      render: (_: unknown, r: DistrictFigureRow) => <Link to={`/district/towns/${t.tenantId}`} aria-label={`${t.name}·${r.groupTitle}·${r.label}${r.values[i]}`}>{r.values[i]}</Link>,
    })),
    { title: '全区合计', key: 'total', align: 'right', render: (_, r) => <Typography.Text strong>{r.total}</Typography.Text> },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{data.district.name}驾驶舱</Typography.Title>
        <Typography.Text type="secondary">数据日期 {data.today}(北京时间)</Typography.Text>
      </Flex>
      <Alert type="info" showIcon title="各镇按区划代码顺序并列,只给全区合计,不排名。点镇名或数字查看该镇驾驶舱(只读)。" />
      {!data.towns.length ? <Empty description="本区还没有乡镇" /> : (
        <Table<DistrictFigureRow>
          data-testid="district-table" size="small" bordered pagination={false} rowKey={(r) => `${r.group}/${r.label}`}
          columns={columns} dataSource={data.rows} scroll={{ x: 'max-content' }}
        />
      )}
    </Flex>
  );
}
