import { useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { Button, Card, Empty, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { ORGANIZATION_KIND_LABELS, RANGE_LABELS, RANGES, SECTOR_LABELS, type Organization, type Range } from '@dj/contracts';
import { useOrganizationRange } from './api';
import { STATUS_LABELS, villageText } from './labels';

interface Props {
  rootId: number;
  /** Whether to point at “新建下级组织” when there is nothing below. */
  canCreateChild: boolean;
  includeClosed: boolean;
  onSelect: (org: Organization) => void;
}

const RANGE_OPTIONS = RANGES.map((range) => ({ value: range, label: RANGE_LABELS[range] }));

function emptyText(range: Range, canCreateChild: boolean): string {
  if (range === 'self') return '没有查到本级组织。';
  const hint = canCreateChild ? '可通过“新建下级组织”添加。' : '';
  return range === 'children' ? `该组织没有直属下级组织。${hint}` : `该组织下没有任何下级组织。${hint}`;
}

export function OrgRangeTable({ rootId, canCreateChild, includeClosed, onSelect }: Props) {
  const [range, setRange] = useState<Range>('children');
  const query = useOrganizationRange(rootId, range, includeClosed);

  const columns: TableColumnsType<Organization> = [
    {
      title: '组织名称',
      dataIndex: 'name',
      render: (_value, org) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onSelect(org)}>
          {org.name}
        </Button>
      ),
    },
    { title: '组织类型', dataIndex: 'kind', render: (_v, org) => ORGANIZATION_KIND_LABELS[org.kind], width: 90 },
    { title: '所属领域', dataIndex: 'sector', render: (_v, org) => (org.sector ? SECTOR_LABELS[org.sector] : '—'), width: 100 },
    { title: '对应行政村', dataIndex: 'villageName', render: (_v, org) => villageText(org) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (_v, org) => <Tag color={org.status === 'active' ? 'green' : 'default'}>{STATUS_LABELS[org.status]}</Tag>,
    },
  ];

  return (
    <Card
      size="small"
      title="范围查看"
      data-testid="org-range"
      extra={<Segmented<Range> options={RANGE_OPTIONS} value={range} onChange={setRange} />}
    >
      {query.isError ? (
        <LoadError title="列表加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<Organization>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isFetching}
          scroll={{ x: 560 }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => `共 ${total} 个组织` }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText(range, canCreateChild)} /> }}
        />
      )}
    </Card>
  );
}
