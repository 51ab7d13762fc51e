import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Input, Result, Select, Skeleton, Table, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '../../lib/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RECRUITMENT_STATUS_LABELS, RECRUITMENT_STATUSES, PIPELINE_PHASE_LABELS, PIPELINE_PHASES, type PipelinePhase, type RecruitmentListQuery } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useMe } from '../../lib/session';
import { hasWorkRole } from '../../lib/roles';
import { filterOrgOptions } from '../../lib/org-options';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useRecruitments, type RecruitmentListItem, type RecruitmentStatus } from './api';
import { CreateRecruitmentModal } from './CreateRecruitmentModal';
import { DEADLINE_STATUS_COLORS, DEADLINE_STATUS_LABELS, phaseTag } from './labels';
import { PageTitle } from '../../components/PageTitle';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function PhaseTag({ row }: { row: RecruitmentListItem }) {
  const tag = phaseTag(row.status, row.phase);
  return <Tag color={tag.color}>{tag.label}</Tag>;
}

function NextText({ row }: { row: RecruitmentListItem }) {
  if (!row.next) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical>
      <span>{row.next.name}</span>
      {(row.next.earliest || row.next.dueBy) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[row.next.earliest ? `最早 ${row.next.earliest}` : '', row.next.dueBy ? `截止 ${row.next.dueBy}` : ''].filter(Boolean).join(' · ')}
        </Typography.Text>
      )}
    </Flex>
  );
}

function DeadlineTag({ row }: { row: RecruitmentListItem }) {
  if (!row.deadline) return null;
  return (
    <Tag color={DEADLINE_STATUS_COLORS[row.deadline.status]} title={`${row.deadline.label} ${row.deadline.date}`}>
      {DEADLINE_STATUS_LABELS[row.deadline.status]} {row.deadline.date}
    </Tag>
  );
}

const COLUMNS: TableColumnsType<RecruitmentListItem> = [
  { title: '姓名', key: 'name', render: (_, row) => <Link to={`/recruitment/recruitments/${row.id}`}>{row.name}</Link> },
  { title: '党支部', dataIndex: 'organizationName', key: 'org' },
  { title: '阶段', key: 'phase', render: (_, row) => <PhaseTag row={row} /> },
  {
    title: '最近一步',
    key: 'last',
    render: (_, row) => (
      <Flex vertical>
        <span>{row.lastStepName}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.lastStepOn}</Typography.Text>
      </Flex>
    ),
  },
  { title: '下一步', key: 'next', render: (_, row) => <NextText row={row} /> },
  { title: '期限', key: 'deadline', render: (_, row) => <DeadlineTag row={row} /> },
];

function RecruitmentCards({ items }: { items: RecruitmentListItem[] }) {
  return (
    <div className="task-items">
      {items.map((row) => (
        <Link key={row.id} to={`/recruitment/recruitments/${row.id}`} className="task-item" data-testid={`recruitment-card-${row.id}`} style={{ color: 'inherit' }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{row.name}</Typography.Text>
            <PhaseTag row={row} />
            <DeadlineTag row={row} />
          </Flex>
          <Typography.Text type="secondary">{row.organizationName} · 最近:{row.lastStepName} {row.lastStepOn}</Typography.Text>
          {row.next && (
            <Typography.Text>
              下一步:{row.next.name}
              {row.next.earliest ? ` · 最早 ${row.next.earliest}` : ''}
              {row.next.dueBy ? ` · 截止 ${row.next.dueBy}` : ''}
            </Typography.Text>
          )}
        </Link>
      ))}
    </div>
  );
}

/** 入党申请人名单: every recruitment in sight, filtered by branch, phase, status or name. */
export function RecruitmentListPage() {
  const { data: me } = useMe();
  const allowed = hasWorkRole(me?.user.roles ?? []);
  const narrow = useNarrowScreen();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const query: RecruitmentListQuery = {
    orgId: parseOrgId(searchParams.get('orgId')),
    phase: oneOf<PipelinePhase>(PIPELINE_PHASES, searchParams.get('phase')),
    status: oneOf<RecruitmentStatus>(RECRUITMENT_STATUSES, searchParams.get('status')),
    q: searchParams.get('q')?.trim().slice(0, 20) || undefined,
  };
  const [text, setText] = useState(query.q ?? '');
  const orgs = useOrganizationTreeData(allowed);
  const orgOptions = useMemo(() => filterOrgOptions(orgs.data ?? []), [orgs.data]);
  const list = useRecruitments(query, allowed);
  const [creating, setCreating] = useState(false);

  const set = (key: keyof RecruitmentListQuery, value: string | number | undefined | null) => {
    const next = new URLSearchParams(searchParams);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    setSearchParams(next);
  };

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="发展党员工作供党组织书记和工作人员使用。" />;

  let body: ReactNode;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (list.isError) body = <LoadError title="入党申请人名单加载失败" error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的入党申请人" />;
  else if (narrow) body = <RecruitmentCards items={list.data} />;
  else {
    body = (
      <Table<RecruitmentListItem>
        rowKey="id"
        size="small"
        columns={COLUMNS}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={list.data.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => void navigate(`/recruitment/recruitments/${row.id}`), style: { cursor: 'pointer' } })}
      />
    );
  }

  return (
    <Flex vertical gap={12} data-testid="recruitment-list">
      <div>
        <Link to="/recruitment">
          <ArrowLeftOutlined /> 返回发展党员
        </Link>
      </div>
      <Flex gap={8} wrap align="center" justify="space-between">
        <PageTitle>入党申请人名单</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建入党申请</Button>
      </Flex>
      <Flex gap={8} wrap>
        <TreeSelect<number>
          aria-label="党支部"
          className="page-org-select"
          treeData={orgOptions}
          value={query.orgId}
          onChange={(value) => set('orgId', value)}
          allowClear
          placeholder="全部管辖范围"
          loading={orgs.isPending}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          notFoundContent="没有可选的组织"
        />
        <Select<PipelinePhase>
          aria-label="阶段"
          className="page-month-select"
          allowClear
          placeholder="全部阶段"
          value={query.phase}
          onChange={(value) => set('phase', value)}
          options={PIPELINE_PHASES.map((phase) => ({ value: phase, label: PIPELINE_PHASE_LABELS[phase] }))}
        />
        <Select<RecruitmentStatus>
          aria-label="状态"
          className="page-month-select"
          allowClear
          placeholder="全部状态"
          value={query.status}
          onChange={(value) => set('status', value)}
          options={RECRUITMENT_STATUSES.map((status) => ({ value: status, label: RECRUITMENT_STATUS_LABELS[status] }))}
        />
        <Input.Search
          aria-label="姓名"
          className="page-org-select"
          placeholder="按姓名查找"
          allowClear
          maxLength={20}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => set('q', value.trim())}
        />
      </Flex>
      <Card size="small">{body}</Card>
      <CreateRecruitmentModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
