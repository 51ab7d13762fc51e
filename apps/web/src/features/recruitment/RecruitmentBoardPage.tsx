import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Result, Skeleton, Table, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '../../lib/icons';
import { Link, useNavigate } from 'react-router';
import { PIPELINE_PHASE_LABELS, PIPELINE_PHASES } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useMe } from '../../lib/session';
import { hasWorkRole, isTownAdmin } from '../../lib/roles';
import { filterOrgOptions } from '../../lib/org-options';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useBoard, type Board } from './api';
import { CreateRecruitmentModal } from './CreateRecruitmentModal';
import { RegisterButtons } from './DocumentButtons';
import { DEADLINE_STATUS_COLORS, DEADLINE_STATUS_LABELS } from './labels';
import { useYearOrgParams, YearSelect } from './YearSelect';
import { PageTitle } from '../../components/PageTitle';

type BranchRow = Board['branches'][number];
type DueRow = Board['due'][number];

const quotaText = (row: BranchRow) => (row.quota === null ? `${row.admittedThisYear} / 未定` : `${row.admittedThisYear} / ${row.quota}`);
const countTag = (value: number, color: string) => (value > 0 ? <Tag color={color}>{value}</Tag> : <Typography.Text type="secondary">0</Typography.Text>);

const COLUMNS: TableColumnsType<BranchRow> = [
  { title: '党支部', dataIndex: 'organizationName', key: 'name', fixed: 'left' },
  { title: '计划名额', key: 'quota', align: 'right', render: (_, row) => row.quota ?? '未定' },
  ...PIPELINE_PHASES.map((phase) => ({
    title: PIPELINE_PHASE_LABELS[phase],
    key: phase,
    align: 'right' as const,
    render: (_: unknown, row: BranchRow) => row.counts[phase] ?? 0,
  })),
  { title: '今年已接收 / 名额', key: 'admitted', align: 'right', render: (_, row) => quotaText(row) },
  { title: '即将到期', key: 'dueSoon', align: 'right', render: (_, row) => countTag(row.dueSoon, 'orange') },
  { title: '已逾期', key: 'late', align: 'right', render: (_, row) => countTag(row.late, 'red') },
];

function BranchCards({ rows }: { rows: BranchRow[] }) {
  return (
    <div className="task-items">
      {rows.map((row) => (
        <div key={row.organizationId} className="task-item" data-testid={`board-branch-${row.organizationId}`}>
          <Typography.Text strong>{row.organizationName}</Typography.Text>
          <Typography.Text>
            {PIPELINE_PHASES.map((phase) => `${PIPELINE_PHASE_LABELS[phase]} ${row.counts[phase] ?? 0}`).join(' · ')}
          </Typography.Text>
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">今年已接收 / 名额 {quotaText(row)}</Typography.Text>
            {row.dueSoon > 0 && <Tag color="orange">即将到期 {row.dueSoon}</Tag>}
            {row.late > 0 && <Tag color="red">已逾期 {row.late}</Tag>}
          </Flex>
        </div>
      ))}
    </div>
  );
}

function DueList({ due }: { due: DueRow[] }) {
  if (due.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有到期事项" />;
  const sorted = [...due].sort((a, b) => a.deadline.date.localeCompare(b.deadline.date));
  return (
    <div className="task-items" data-testid="board-due">
      {sorted.map((item, index) => (
        <div key={`${item.recruitmentId}-${item.deadline.label}-${index}`} className="task-item" data-testid={`due-${item.recruitmentId}`}>
          <Flex gap={8} wrap align="center">
            <Tag color={DEADLINE_STATUS_COLORS[item.deadline.status]}>{DEADLINE_STATUS_LABELS[item.deadline.status]}</Tag>
            <Link to={`/recruitment/recruitments/${item.recruitmentId}`}>{item.name}</Link>
            <Typography.Text type="secondary">{item.organizationName}</Typography.Text>
          </Flex>
          <Typography.Text>
            {item.deadline.label} · {item.deadline.date}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据:{item.deadline.source}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** 发展党员 overview: where each branch stands against its plan, and what is falling due. No scores, no ranking. */
export function RecruitmentBoardPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const allowed = hasWorkRole(roles);
  const narrow = useNarrowScreen();
  const navigate = useNavigate();
  const { year, orgId, update } = useYearOrgParams();
  const orgs = useOrganizationTreeData(allowed);
  const orgOptions = useMemo(() => filterOrgOptions(orgs.data ?? []), [orgs.data]);
  const board = useBoard(year, orgId, allowed);
  const [creating, setCreating] = useState(false);

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="发展党员工作供党组织书记和工作人员使用。" />;

  let body: ReactNode;
  if (board.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (board.isError) body = <LoadError title="发展党员情况加载失败" error={board.error} onRetry={() => board.refetch()} />;
  else {
    const { branches, due } = board.data;
    body = (
      <>
        <Card size="small" title={`${board.data.year}年各党支部发展情况`}>
          {branches.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所选范围内没有党支部" />
          ) : narrow ? (
            <BranchCards rows={branches} />
          ) : (
            <Table<BranchRow>
              rowKey="organizationId"
              size="small"
              columns={COLUMNS}
              dataSource={branches}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="board-table"
            />
          )}
        </Card>
        <Card size="small" title="近期期限">
          <DueList due={due} />
        </Card>
      </>
    );
  }

  return (
    <Flex vertical gap={12} data-testid="recruitment-board">
      <Flex gap={8} wrap align="center" justify="space-between">
        <PageTitle>发展党员</PageTitle>
        <Flex gap={8} wrap>
          <Button icon={<UnorderedListOutlined />} onClick={() => void navigate('/recruitment/recruitments')}>入党申请人名单</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建入党申请</Button>
          {isTownAdmin(roles) && (
            <Button icon={<CalendarOutlined />} onClick={() => void navigate(`/recruitment/plans?year=${year}`)}>年度发展计划</Button>
          )}
        </Flex>
      </Flex>
      <Flex gap={8} wrap>
        <YearSelect value={year} onChange={(value) => update({ year: value })} />
        <TreeSelect<number>
          aria-label="组织"
          className="page-org-select"
          treeData={orgOptions}
          value={orgId}
          onChange={(value) => update({ orgId: value ?? null })}
          allowClear
          placeholder="全部管辖范围"
          loading={orgs.isPending}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          notFoundContent="没有可选的组织"
        />
      </Flex>
      {body}
      <Card size="small" title="名册下载">
        <RegisterButtons orgId={orgId} />
      </Card>
      <CreateRecruitmentModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
