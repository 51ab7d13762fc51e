import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DownloadOutlined, InfoCircleOutlined } from '../../lib/icons';
import { App, Button, Card, Empty, Flex, Result, Segmented, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { LoadError } from '../../components/LoadError';
import { MonthOrgFilters } from '../../components/MonthOrgFilters';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { useStartExport } from '../../lib/exports';
import { monthLabel } from '../../lib/months';
import { useMonthOrgParams } from '../../lib/use-month-org-params';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useMe } from '../../lib/session';
import { canSeeCompliance } from '../../lib/roles';
import { useOrganizationTreeData } from '../../lib/organizations';
import { AllLedgersButton } from './AllLedgersButton';
import { ComplianceBranchList, ComplianceMatrix, complianceMatrix } from '../../components/ComplianceMatrix';
import { useCompliance, type ComplianceBranch, type ComplianceRow, type ComplianceStatus } from './api';
import { PageTitle } from '../../components/PageTitle';


export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  done: '已完成',
  // Held in time, the supervisor has yet to sign off: the branch's part is done, so never 逾期.
  awaiting_sign_off: '已开展·待签认',
  due: '待完成',
  due_soon: '即将到期',
  late: '已逾期',
};
const STATUS_COLORS: Record<ComplianceStatus, string | undefined> = {
  done: 'green',
  awaiting_sign_off: 'blue',
  due: undefined,
  due_soon: 'orange',
  late: 'red',
};


function StatusTag({ status }: { status: ComplianceStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{COMPLIANCE_STATUS_LABELS[status]}</Tag>;
}

/** The status, and how many held records still wait for the supervisor's sign-off (not counted as done yet). */
function RowStatus({ row }: { row: ComplianceRow }) {
  return (
    <Flex gap={4} wrap justify="flex-end">
      <StatusTag status={row.status} />
      {row.awaitingSignOff > 0 && row.status !== 'awaiting_sign_off' && (
        <Tooltip title="已举行,等待督导签认后计入完成">
          <Tag color="blue" data-testid="awaiting-signoff">
            待签认 {row.awaitingSignOff}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** The requirement's name, with the rule it comes from one hover (or tap) away. */
function RequirementLabel({ row }: { row: ComplianceRow }) {
  return (
    <Flex gap={4} align="center" wrap>
      <span>{row.label}</span>
      <Tooltip title={`依据:${row.source}`}>
        <InfoCircleOutlined aria-label={`依据:${row.source}`} style={{ color: 'rgba(0, 0, 0, 0.45)' }} />
      </Tooltip>
    </Flex>
  );
}

const progress = (row: ComplianceRow) => `${row.done}/${row.expected}`;

const COLUMNS: TableColumnsType<ComplianceRow> = [
  { title: '要求', key: 'label', render: (_v, row) => <RequirementLabel row={row} /> },
  { title: '周期', dataIndex: 'periodLabel', width: 130 },
  { title: '截止', dataIndex: 'deadline', width: 120 },
  { title: '完成', key: 'done', width: 80, render: (_v, row) => progress(row) },
  { title: '状态', key: 'status', width: 170, render: (_v, row) => <RowStatus row={row} /> },
];

/** Plain counts in a fixed order; nothing is turned into a rate or compared across branches. */
function SummaryTags({ summary }: { summary: ComplianceBranch['summary'] }) {
  return (
    <Flex gap={4} wrap data-testid="compliance-summary">
      <Tag color="green">已完成 {summary.done}</Tag>
      <Tag color="blue">已开展·待签认 {summary.awaitingSignOff}</Tag>
      <Tag>待完成 {summary.due}</Tag>
      <Tag color="orange">即将到期 {summary.dueSoon}</Tag>
      <Tag color="red">已逾期 {summary.late}</Tag>
    </Flex>
  );
}

function rowKey(row: ComplianceRow) {
  return `${row.ruleKey}-${row.groupId ?? ''}`;
}

type LedgerFormat = 'pdf' | 'docx';

/**
 * 查看活动 and the ledgers (台账) of this branch: the chosen month's downloads at once; the whole year's takes seconds,
 * so it starts an export (导出任务) whose progress and file show in 我的导出.
 */
function BranchLinks({ branch, period }: { branch: ComplianceBranch; period: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const startExport = useStartExport();
  const year = period.slice(0, 4);
  const download = (key: string, ledgerPeriod: string, format: LedgerFormat) => {
    setBusy(key);
    const done = ledgerPeriod === year
      ? startExport.mutateAsync({ kind: 'branch_ledger', orgId: branch.organizationId, period: ledgerPeriod, format })
        .then(() => message.success(`已开始生成${branch.organizationName}${year}年度台账,完成后在“我的导出”中下载`))
      : downloadFile('/api/ledger', `${branch.organizationName}${ledgerPeriod}台账.${format}`, { orgId: branch.organizationId, period: ledgerPeriod, format });
    done.catch((error: unknown) => message.error(errorMessage(error))).finally(() => setBusy(null));
  };
  const ledgerButton = (key: string, label: string, ledgerPeriod: string, format: LedgerFormat) => (
    <Button
      size="small"
      type="link"
      icon={<DownloadOutlined />}
      loading={busy === key}
      onClick={() => download(key, ledgerPeriod, format)}
      aria-label={`${branch.organizationName}${label}`}
    >
      {label}
    </Button>
  );
  return (
    <Flex gap={4} wrap align="center" data-testid="compliance-links" style={{ marginBottom: 8 }}>
      <Link to={`/activities?orgId=${branch.organizationId}&month=${period}`}>查看活动</Link>
      {ledgerButton('month', '月度台账(PDF)', period, 'pdf')}
      {ledgerButton('year-pdf', `${year}年度台账(PDF)`, year, 'pdf')}
      {ledgerButton('year-docx', `${year}年度台账(Word)`, year, 'docx')}
    </Flex>
  );
}

function BranchCard({ branch, narrow, period }: { branch: ComplianceBranch; narrow: boolean; period: string }) {
  let rows: ReactNode;
  if (branch.rows.length === 0) {
    rows = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月没有需要完成的组织生活" />;
  } else if (narrow) {
    rows = (
      <div className="task-items">
        {branch.rows.map((row) => (
          <div key={rowKey(row)} className="task-item" data-testid="compliance-row" data-rule={row.ruleKey} data-status={row.status}>
            <Flex gap={8} justify="space-between" align="baseline">
              <RequirementLabel row={row} />
              <RowStatus row={row} />
            </Flex>
            <Typography.Text type="secondary">
              {row.periodLabel} · 截止{row.deadline} · 完成{progress(row)}
            </Typography.Text>
          </div>
        ))}
      </div>
    );
  } else {
    rows = (
      <Table<ComplianceRow>
        rowKey={rowKey}
        size="small"
        columns={COLUMNS}
        dataSource={branch.rows}
        pagination={false}
        onRow={(row) => ({ 'data-testid': 'compliance-row', 'data-rule': row.ruleKey, 'data-status': row.status }) as HTMLAttributes<HTMLElement>}
      />
    );
  }
  return (
    <Card
      size="small"
      data-testid={`compliance-branch-${branch.organizationId}`}
      title={
        <Flex gap={8} align="center" wrap justify="space-between">
          <span>{branch.organizationName}</span>
          <SummaryTags summary={branch.summary} />
        </Flex>
      }
    >
      <BranchLinks branch={branch} period={period} />
      {rows}
    </Card>
  );
}

export function CompliancePage() {
  const { data: me } = useMe();
  const allowed = canSeeCompliance(me);
  const narrow = useNarrowScreen();
  const { month: period, orgId, update } = useMonthOrgParams('period');
  const orgs = useOrganizationTreeData(allowed);
  const board = useCompliance({ orgId, period }, allowed);
  // Several branches open as the town's grid (a line per branch on a phone); 逐支部明细 is the tables of before.
  const [searchParams, setSearchParams] = useSearchParams();
  const detail = searchParams.get('view') === 'detail';
  const setView = (value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value === 'detail') next.set('view', 'detail');
    else next.delete('view');
    setSearchParams(next);
  };
  const several = (board.data?.branches.length ?? 0) > 1;

  if (!allowed) {
    return <Result status="403" title="没有权限查看" subTitle="组织生活日历供党组织书记和工作人员使用。" />;
  }

  let body: ReactNode;
  if (board.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (board.isError) {
    body = <LoadError title="组织生活日历加载失败" error={board.error} onRetry={() => board.refetch()} />;
  } else if (board.data.branches.length === 0) {
    body = (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所选范围内没有党支部" />
      </Card>
    );
  } else if (several && !detail) {
    // The server's order is kept here too: branches are listed, not ranked.
    body = narrow
      ? <ComplianceBranchList branches={board.data.branches} period={board.data.period} />
      : <ComplianceMatrix model={complianceMatrix(board.data.branches)} period={board.data.period} />;
  } else {
    // The server's order is kept: branches are listed, not ranked.
    body = board.data.branches.map((branch) => <BranchCard key={branch.organizationId} branch={branch} narrow={narrow} period={board.data.period} />);
  }

  return (
    <Flex vertical gap={12} className="compliance-page">
      <div>
        <PageTitle>
          组织生活日历
        </PageTitle>
        <Typography.Text type="secondary">
          {monthLabel(period)}各党支部组织生活的要求和期限。按期限提醒,不打分、不排名。
        </Typography.Text>
      </div>
      <Card size="small">
        <Flex gap={12} wrap>
          <MonthOrgFilters month={period} orgId={orgId} orgs={orgs.data} loading={orgs.isPending} onChange={update} />
          {several && (
            <Segmented
              aria-label="显示方式"
              value={detail ? 'detail' : 'matrix'}
              onChange={(value) => setView(String(value))}
              options={[{ value: 'matrix', label: narrow ? '支部一览' : '总览矩阵' }, { value: 'detail', label: '逐支部明细' }]}
            />
          )}
          {several && <AllLedgersButton orgId={orgId ?? me?.scope[0]?.organizationId} year={period.slice(0, 4)} />}
        </Flex>
      </Card>
      <Flex vertical gap={12} data-testid="compliance-board" aria-busy={board.isFetching}>
        {body}
      </Flex>
    </Flex>
  );
}
