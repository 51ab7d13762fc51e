import './dashboard.css';
import { Alert, Card, Empty, Flex, Result, Select, Skeleton, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import type { DashboardTown } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { canMakeReports, hasWorkRole, isTownAdmin, villageCardPath } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { ComplianceBranchList, ComplianceMatrix, type ComplianceMatrixModel } from '../../components/ComplianceMatrix';
import { useTownDashboard } from './api';
import { PipelineChart } from './charts';
import { MeetingReport } from './MeetingReport';
import { PipelineLinks, Tiles } from './Tiles';
import { PageTitle } from '../../components/PageTitle';

/** The server's matrix in the compliance page's grid shape (the same cells, the same legend). */
function gridOf(matrix: DashboardTown['matrix']): ComplianceMatrixModel {
  return {
    columns: matrix.requirements,
    rows: matrix.rows.map((r) => ({
      organizationId: r.organizationId, organizationName: r.organizationName,
      cells: Object.fromEntries(matrix.requirements.map((q, i) => [q.ruleKey, r.cells[i] ?? undefined])),
    })),
  };
}

/** On a phone: a line per branch with its counts, from the same cells. */
function branchesOf(matrix: DashboardTown['matrix']) {
  return matrix.rows.map((r) => {
    const cells = r.cells.filter((c) => c !== null);
    const count = (s: string) => cells.filter((c) => c.status === s).length;
    return {
      organizationId: r.organizationId, organizationName: r.organizationName, rows: [],
      summary: { total: cells.length, done: count('done'), awaitingSignOff: count('awaiting_sign_off'), due: count('due'), dueSoon: count('due_soon'), late: count('late') },
    };
  });
}

function MonthMatrix({ matrix }: { matrix: DashboardTown['matrix'] }) {
  const narrow = useNarrowScreen();
  const t = matrix.totals;
  return (
    <Card size="small" title={`本月组织生活(${matrix.period})`} data-testid="dashboard-matrix">
      <Typography.Paragraph type="secondary">完成 {t.done} 项,待签认 {t.awaitingSignOff} 项,待完成 {t.due} 项,将到期 {t.dueSoon} 项,逾期 {t.late} 项。支部按组织架构顺序排列,不排名。</Typography.Paragraph>
      {!matrix.rows.length ? <Empty description="范围内没有党支部" />
        : narrow ? <ComplianceBranchList branches={branchesOf(matrix)} period={matrix.period} />
          : <ComplianceMatrix model={gridOf(matrix)} period={matrix.period} />}
    </Card>
  );
}

/** Each branch's 村情卡, chosen by name (the branches in the tree's order, as in the matrix). */
function VillageCardPicker({ rows }: { rows: DashboardTown['matrix']['rows'] }) {
  const navigate = useNavigate();
  return (
    <Select
      aria-label="打开村情卡" placeholder="打开村情卡(选择党支部)" showSearch={{ optionFilterProp: 'label' }} style={{ minWidth: 240, maxWidth: '100%' }}
      options={rows.map((r) => ({ value: r.organizationId, label: r.organizationName }))}
      onChange={(id: number) => navigate(`/dashboard/villages/${id}`)}
    />
  );
}

/** 驾驶舱 (issue 17 point 1): the town's month at a glance; a secretary of one village is sent to their village's card. */
export function DashboardPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const ownVillage = !isTownAdmin(roles) ? villageCardPath(me) : null;
  const town = useTownDashboard(hasWorkRole(roles) && !ownVillage);
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(roles)) return <Result status="403" title="没有权限查看" subTitle="驾驶舱供镇党委、村党支部书记、包村干部和检查组使用。" />;
  if (ownVillage) return <Navigate to={ownVillage} replace />;
  if (town.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (town.isError) return <LoadError title="驾驶舱加载失败" error={town.error} onRetry={() => town.refetch()} />;
  const data = town.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageTitle>驾驶舱</PageTitle>
        <Typography.Text type="secondary">数据日期 {data.today}(北京时间)</Typography.Text>
      </Flex>
      <Alert type="info" showIcon title="只显示数字、期限和分布,不对村或个人排名。点任一数字可查看对应记录。" />
      <VillageCardPicker rows={data.matrix.rows} />
      {canMakeReports(me) && <MeetingReport />}
      <MonthMatrix matrix={data.matrix} />
      <Card size="small" title="发展党员(在培养,按阶段)"><PipelineChart pipeline={data.pipeline} /><PipelineLinks pipeline={data.pipeline} /></Card>
      <Tiles tiles={data.tiles} />
    </Flex>
  );
}
