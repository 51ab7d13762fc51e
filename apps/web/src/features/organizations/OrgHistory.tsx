import { Card, Empty, Table, Tag, type TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError';
import type { OrganizationHistoryEntry } from '@dj/contracts';
import { formatDateTime } from '../../lib/format';
import { useOrganizationHistory } from './api';
import { changeText, describeChanges, type HistoryLookups } from './history-format';
import { HISTORY_ACTION_COLORS, HISTORY_ACTION_LABELS } from './labels';

interface Props {
  organizationId: number;
  lookups: HistoryLookups;
}

export function OrgHistory({ organizationId, lookups }: Props) {
  const query = useOrganizationHistory(organizationId);

  const columns: TableColumnsType<OrganizationHistoryEntry> = [
    { title: '时间', dataIndex: 'at', width: 150, render: (_v, entry) => formatDateTime(entry.at) },
    { title: '操作人', dataIndex: 'userName', width: 100, render: (_v, entry) => entry.userName ?? '系统' },
    {
      title: '操作',
      dataIndex: 'action',
      width: 80,
      render: (_v, entry) => <Tag color={HISTORY_ACTION_COLORS[entry.action]}>{HISTORY_ACTION_LABELS[entry.action]}</Tag>,
    },
    {
      title: '变更内容',
      key: 'changes',
      render: (_v, entry) => {
        const changes = describeChanges(entry, lookups);
        if (changes.length === 0) return '—';
        return changes.map((change) => (
          <span key={change.field} className="history-change">
            {changeText(change)}
          </span>
        ));
      },
    },
    { title: '备注', dataIndex: 'note', width: 160, render: (_v, entry) => entry.note ?? '—' },
  ];

  return (
    <Card size="small" title="变更记录" data-testid="org-history">
      {query.isError ? (
        <LoadError title="变更记录加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<OrganizationHistoryEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isPending}
          scroll={{ x: 640 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录,新建、重命名、移动或撤销后会记录在这里。" /> }}
        />
      )}
    </Card>
  );
}
