import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Flex, Result, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { DistrictFigureRow } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { isDistrictViewer } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useDistrictDashboard, useRefreshDistrict } from './api';
import { PageTitle } from '../../components/PageTitle';

/**
 * 区级驾驶舱 (issue 17 points 5 and 6): each town's figures of its 驾驶舱 side by side, in division-code order, and the
 * district's sum. Each town's value opens that town's 驾驶舱 (read-only). Never sorted by a figure: no column sorts.
 * The figures are each town's 驾驶舱快照, so every town says when its figures were computed; 刷新 computes them now.
 */
/**
 * A column title's link. antd copies each title into a hidden row to measure column widths (aria-hidden); the copy must
 * take no keyboard focus, or Tab lands on something a screen reader is told is not there (axe's aria-hidden-focus).
 */
function HeaderLink({ to, children }: { to: string; children: ReactNode }) {
  const ref = useRef<HTMLAnchorElement>(null);
  useLayoutEffect(() => {
    if (ref.current?.closest('[aria-hidden="true"]')) ref.current.tabIndex = -1;
  }, []);
  return <Link ref={ref} to={to}>{children}</Link>;
}

export function DistrictPage() {
  const { data: me } = useMe();
  const allowed = isDistrictViewer(me?.user.roles ?? []);
  const board = useDistrictDashboard();
  const refresh = useRefreshDistrict();
  const { message } = App.useApp();
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
      title: (
        <Flex vertical align="end">
          <HeaderLink to={`/district/towns/${t.tenantId}`}>{t.name}</HeaderLink>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid={`computed-${t.tenantId}`}>
            数据计算于 {formatDateTime(t.computedAt)}
          </Typography.Text>
        </Flex>
      ),
      key: `town-${t.tenantId}`, align: 'right' as const,
      render: (_: unknown, r: DistrictFigureRow) => <Link to={`/district/towns/${t.tenantId}`} aria-label={`${t.name}·${r.groupTitle}·${r.label}${r.values[i]}`}>{r.values[i]}</Link>,
    })),
    { title: '全区合计', key: 'total', align: 'right', render: (_, r) => <Typography.Text strong>{r.total}</Typography.Text> },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageTitle>{data.district.name}驾驶舱</PageTitle>
        <Flex align="baseline" wrap gap={8}>
          <Typography.Text type="secondary" data-testid="district-oldest">
            {data.oldestComputedAt ? `数据计算于 ${formatDateTime(data.oldestComputedAt)}(北京时间,各镇中最早)` : `数据日期 ${data.today}(北京时间)`}
          </Typography.Text>
          <Button size="small" loading={refresh.isPending} disabled={!data.towns.length}
            onClick={() => refresh.mutate(undefined, { onSuccess: () => message.success('已重新计算本区各镇的数字'), onError: (e) => message.error(errorMessage(e)) })}>
            刷新
          </Button>
        </Flex>
      </Flex>
      <Alert type="info" showIcon title="各镇按区划代码顺序并列,只给全区合计,不排名。数字为各镇在所注时间计算的结果,后台定时重算,也可点“刷新”立即重算(每分钟至多一次)。点镇名或数字查看该镇驾驶舱(只读,实时)。" />
      {!data.towns.length ? <Empty description="本区还没有乡镇" /> : (
        <Table<DistrictFigureRow>
          data-testid="district-table" size="small" bordered pagination={false} rowKey={(r) => `${r.group}/${r.label}`}
          columns={columns} dataSource={data.rows} scroll={{ x: 'max-content' }}
        />
      )}
    </Flex>
  );
}
