import { Card, Collapse, Empty, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { ASSESSMENT_PERIOD_STATUS_LABELS, type MyPay } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { formatFen } from '../../lib/money';
import { monthLabel } from '../../lib/months';
import { useMe } from '../../lib/session';
import { hasOwnPay } from './pay-access';
import { PayBreakdown, PayFacts } from './PayBreakdown';
import { useMyPay } from './pay-api';
import { PageTitle } from '../../components/PageTitle';

type Month = MyPay['months'][number];

/** One month: the scheme, whether it is final, the total; the breakdown with the why of every line opens below. */
function MonthCard({ m }: { m: Month }) {
  return (
    <Card size="small" data-testid={`my-pay-${m.periodId}`}
      title={<Flex gap={6} wrap align="center">{monthLabel(m.period)}<Tag color={m.status === 'locked' ? 'green' : 'orange'}>{ASSESSMENT_PERIOD_STATUS_LABELS[m.status]}</Tag></Flex>}
      extra={<Typography.Text strong>{formatFen(m.pay.pay.totalFen)}</Typography.Text>}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{m.schemeName}</Typography.Text>
        <PayFacts person={m.pay} />
        {m.status !== 'locked' && <Typography.Text type="warning">公示中,审批锁定前金额可能随异议裁定变化。</Typography.Text>}
        <Collapse size="small" items={[{ key: 'why', label: '计算明细(每项金额的来历)', children: <PayBreakdown person={m.pay} /> }]} />
      </Flex>
    </Card>
  );
}

/** 我的考核与报酬 (issue 16 point 6): the caller's own months, latest first; nobody else's. */
export function MyPayPage() {
  const { data: me } = useMe();
  const query = useMyPay();
  if (!me) return <Skeleton active />;
  if (!hasOwnPay(me.user.roles)) return <Result status="403" title="没有权限查看" subTitle="本页供被考核的村党支部书记和镇机关工作人员查看本人的考核与报酬。" />;
  return (
    <Flex vertical gap={12} data-testid="my-pay-page">
      <PageTitle>我的考核与报酬</PageTitle>
      <Typography.Text type="secondary">已公示和已审批的月份。每一项金额都写明来历;对得分有异议,请在异议期内提出。</Typography.Text>
      {query.isPending && <Skeleton active />}
      {query.error && <LoadError title="考核与报酬加载失败" error={query.error} onRetry={() => query.refetch()} />}
      {query.data && (query.data.months.length === 0
        ? <Empty description="还没有已公示的月度考核" />
        : query.data.months.map((m) => <MonthCard key={`${m.periodId}-${m.pay.key}`} m={m} />))}
    </Flex>
  );
}
