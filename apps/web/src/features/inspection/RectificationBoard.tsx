import { useMemo, useState, type HTMLAttributes } from 'react';
import { Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { RECTIFICATION_STATUSES, type RectificationListQuery } from '@dj/contracts';
import { ListBody } from '../../components/ListBody';
import { useOrganizationTreeData } from '../../lib/organizations';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useRectifications, type RectificationStatus, type RectificationSummary } from './api';
import { ESCALATED_LABEL, lateText, RECTIFICATION_STATUS_COLORS, rectificationStatusLabel } from './labels';

function StatusTags({ row }: { row: RectificationSummary }) {
  const late = lateText(row);
  return (
    <Flex gap={4} wrap>
      <Tag color={RECTIFICATION_STATUS_COLORS[row.status]}>{rectificationStatusLabel(row.status)}</Tag>
      {late && <Tag color="red">{late}</Tag>}
      {row.escalated && <Tag color="volcano">{ESCALATED_LABEL}</Tag>}
    </Flex>
  );
}

const rowClass = (row: RectificationSummary) => (row.late ? 'rectification-late' : '');
const lateStyle = { background: '#fff1f0' };

const COLUMNS: TableColumnsType<RectificationSummary> = [
  { title: '村', dataIndex: 'organizationName', key: 'org' },
  { title: '检查事项', dataIndex: 'itemLabel', key: 'item' },
  {
    title: '问题',
    key: 'description',
    render: (_, row) => <Link to={`/rectifications/${row.id}`}>{row.description}</Link>,
  },
  { title: '责任人', dataIndex: 'ownerName', key: 'owner' },
  { title: '整改期限', dataIndex: 'dueOn', key: 'dueOn' },
  { title: '状态', key: 'status', render: (_, row) => <StatusTags row={row} /> },
  { title: '检查', dataIndex: 'roundTitle', key: 'round', render: (_, row) => <Link to={`/inspections/${row.roundId}`}>{row.roundTitle}</Link> },
];

function Cards({ rows }: { rows: RectificationSummary[] }) {
  return (
    <div className="task-items">
      {rows.map((row) => (
        <div key={row.id} className="task-item" style={row.late ? lateStyle : undefined} data-testid={`rectification-${row.id}`}>
          <Flex gap={8} wrap align="baseline">
            <Link to={`/rectifications/${row.id}`}>{row.description}</Link>
          </Flex>
          <Typography.Text type="secondary">
            {row.organizationName} · {row.itemLabel} · 责任人 {row.ownerName}
          </Typography.Text>
          <Typography.Text>整改期限 {row.dueOn}</Typography.Text>
          <StatusTags row={row} />
        </div>
      ))}
    </div>
  );
}

/** 整改台账: every rectification in scope, overdue ones highlighted and those raised to the town tagged. No scores. */
export function RectificationBoard({ enabled }: { enabled: boolean }) {
  const [status, setStatus] = useState<RectificationStatus | undefined>();
  // A link may name the village (the 驾驶舱's 村情卡 opens its own village's rectifications).
  const [params] = useSearchParams();
  const [orgId, setOrgId] = useState<number | undefined>(() => parseOrgId(params.get('orgId')));
  const [escalated, setEscalated] = useState(false);
  const query: RectificationListQuery = { status, orgId, ...(escalated ? { escalated: 'true' as const } : {}) };
  const list = useRectifications(query, enabled);
  const orgs = useOrganizationTreeData(enabled);
  const villageOptions = useMemo(
    () => (orgs.data ?? []).filter((o) => o.kind === 'branch' && o.status === 'active').map((o) => ({ value: o.id, label: o.name })),
    [orgs.data],
  );

  const late = (list.data ?? []).filter((r) => r.late).length;
  return (
    <Flex vertical gap={12} data-testid="rectification-board">
      <Flex gap={8} wrap>
        <Select<RectificationStatus>
          aria-label="整改状态"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 160 }}
          value={status}
          onChange={(value) => setStatus(value ?? undefined)}
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: rectificationStatusLabel(s) }))}
        />
        <Select<number>
          aria-label="村"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部村"
          style={{ minWidth: 180 }}
          value={orgId}
          onChange={(value) => setOrgId(value ?? undefined)}
          options={villageOptions}
          loading={orgs.isPending}
        />
        <Select<'all' | 'escalated'>
          aria-label="上报"
          style={{ minWidth: 160 }}
          value={escalated ? 'escalated' : 'all'}
          onChange={(value) => setEscalated(value === 'escalated')}
          options={[{ value: 'all', label: '全部整改任务' }, { value: 'escalated', label: `只看${ESCALATED_LABEL}` }]}
        />
      </Flex>
      {late > 0 && (
        <Typography.Text type="danger">逾期未整改 {late} 项,逾期的整改任务自动上报镇党委。</Typography.Text>
      )}
      <Card size="small">
        <ListBody
          query={list}
          errorTitle="整改台账加载失败"
          items={list.data}
          empty="没有符合条件的整改任务"
          cards={(rows) => <Cards rows={rows} />}
          table={(rows) => (
            <Table<RectificationSummary>
              rowKey="id"
              size="small"
              columns={COLUMNS}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 'max-content' }}
              rowClassName={rowClass}
              onRow={(row) => ({ style: row.late ? lateStyle : undefined, 'data-testid': `rectification-${row.id}` }) as HTMLAttributes<HTMLElement>}
            />
          )}
        />
      </Card>
    </Flex>
  );
}
