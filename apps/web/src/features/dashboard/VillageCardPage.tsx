import './dashboard.css';
import { PrinterOutlined } from '../../lib/icons';
import { Button, Card, Empty, Flex, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { DashboardVillage } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { ApiError } from '../../lib/api-client';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useVillageCard } from './api';
import { MonthsChart, PipelineChart } from './charts';
import { PipelineLinks, Tiles } from './Tiles';
import { PageTitle } from '../../components/PageTitle';

/** The twelve months as a table too: it prints without the chart's colours and each month opens its calendar. */
function MonthsTable({ months }: { months: DashboardVillage['months'] }) {
  return (
    <div className="dashboard-months-wrap">
      <table className="dashboard-months" data-testid="village-months">
        <thead><tr><th scope="col">月份</th><th scope="col">完成</th><th scope="col">待签认</th><th scope="col">待完成</th><th scope="col">将到期</th><th scope="col">逾期</th></tr></thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.period}>
              <th scope="row"><Link to={m.link}>{m.period}</Link></th>
              <td>{m.done}</td><td>{m.awaitingSignOff}</td><td>{m.due}</td><td>{m.dueSoon}</td><td>{m.late}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Card12({ data }: { data: DashboardVillage }) {
  return (
    <Flex vertical gap={12} className="village-card" data-testid="village-card">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <PageTitle>{data.organizationName} 村情卡</PageTitle>
        <Typography.Text type="secondary">{data.from} 至 {data.to} · 数据日期 {data.today}(北京时间)</Typography.Text>
      </Flex>
      <Flex gap={8} className="no-print" wrap>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印(A4)</Button>
        <Link to="/dashboard"><Button>返回驾驶舱</Button></Link>
      </Flex>
      <Card size="small" title="近12个月组织生活">
        {data.months.every((m) => m.done + m.awaitingSignOff + m.due + m.dueSoon + m.late === 0)
          ? <Empty description="近12个月没有组织生活要求" />
          : <><MonthsChart months={data.months} /><MonthsTable months={data.months} /></>}
      </Card>
      <Card size="small" title="发展党员(在培养,按阶段)"><PipelineChart pipeline={data.pipeline} /><PipelineLinks pipeline={data.pipeline} orgId={data.organizationId} /></Card>
      <Tiles tiles={data.tiles} />
    </Flex>
  );
}

/** 村情卡 (issue 17 point 2): one village's figures over twelve months, printable on A4. */
export function VillageCardPage() {
  const orgId = parseOrgId(useParams().orgId ?? null);
  const card = useVillageCard(orgId);
  if (orgId === undefined) return <Result status="404" title="村不存在或无权查看" />;
  if (card.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (card.isError) {
    if (card.error instanceof ApiError && card.error.status === 404) return <Result status="404" title="村不存在或无权查看" />;
    return <LoadError title="村情卡加载失败" error={card.error} onRetry={() => card.refetch()} />;
  }
  return <Card12 data={card.data} />;
}
