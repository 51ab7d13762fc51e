import { Collapse, Progress, Table, Typography } from 'antd';
import { useBranchCompleteness } from './api';

/**
 * 资料完整度 per branch: the average, how many records still miss something, and what is missing most,
 * so a secretary knows which fields to chase. A work list, not a ranking: branches keep the tree's order.
 */
export function CompletenessPanel({ orgId }: { orgId: number | undefined }) {
  const query = useBranchCompleteness(orgId, true);
  const items = query.data?.items ?? [];
  const incomplete = items.reduce((n, b) => n + b.incomplete, 0);
  return (
    <Collapse
      data-testid="completeness-panel"
      items={[{
        key: 'completeness',
        label: query.isPending ? '资料完整度(加载中…)' : `资料完整度:${incomplete} 人的信息待补充`,
        children: (
          <Table
            size="small"
            rowKey="organizationId"
            loading={query.isFetching}
            pagination={false}
            scroll={{ x: true }}
            dataSource={items}
            locale={{ emptyText: '当前范围内没有党员' }}
            columns={[
              { title: '党支部', dataIndex: 'organizationName' },
              { title: '党员数', dataIndex: 'members', width: 80 },
              { title: '平均完整度', dataIndex: 'averagePercent', width: 180, render: (p: number) => <Progress percent={p} size="small" aria-label={`平均完整度 ${p}%`} /> },
              { title: '待补充人数', dataIndex: 'incomplete', width: 100 },
              {
                title: '缺得最多的信息',
                dataIndex: 'mostMissing',
                render: (list: { field: string; count: number }[]) =>
                  list.length ? list.map((m) => `${m.field}(${m.count}人)`).join('、') : <Typography.Text type="secondary">已齐全</Typography.Text>,
              },
            ]}
          />
        ),
      }]}
    />
  );
}
