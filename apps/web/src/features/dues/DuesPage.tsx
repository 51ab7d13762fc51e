import type { ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { MonthOrgFilters } from '../../components/MonthOrgFilters';
import { Alert, Card, Col, Empty, Flex, Result, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { formatFen } from '../../lib/money';
import { monthLabel } from '../../lib/months';
import { useMonthOrgParams } from '../../lib/use-month-org-params';
import { useMe } from '../../lib/session';
import { canSeeDuesCollection } from '../../lib/roles';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useBranchDues, type BranchDues } from './api';
import { PageTitle } from '../../components/PageTitle';



function Summary({ data, loading }: { data: BranchDues; loading: boolean }) {
  const cards = [
    { key: 'due', title: '应交', value: formatFen(data.dueFen) },
    { key: 'paid', title: '已交', value: formatFen(data.paidFen) },
    { key: 'paidCount', title: '已交人数', value: `${data.paidCount}人` },
    { key: 'unpaidCount', title: '未交人数', value: `${data.unpaidCount}人` },
    { key: 'noBasis', title: '未设置标准人数', value: `${data.noBasisCount}人` },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="dues-summary" aria-busy={loading}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8} lg={{ flex: '1 1 0' }}>
          <Card size="small">
            <Statistic title={card.title} value={card.value} loading={loading} data-testid={`dues-stat-${card.key}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ReviewList({ review }: { review: BranchDues['review'] }) {
  return (
    <Card size="small" title="需了解情况的党员(连续6个月及以上未交纳党费)" data-testid="dues-review">
      <Typography.Paragraph type="secondary">按截至上月的交纳记录计算,不随上方所选月份变化。</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="本名单仅供党支部了解情况,不是处理决定。"
        description="党章规定:党员无正当理由,连续六个月不交纳党费,就被认为是自行脱党。是否有正当理由、如何处理,由支部大会讨论决定并报上级党组织批准,系统不会自动处理。"
      />
      {review.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有连续6个月未交纳党费的党员" />
      ) : (
        <div className="task-items">
          {review.map((item) => (
            <div key={item.memberId} className="task-item" data-testid="dues-review-item">
              <Flex gap={8} wrap align="baseline">
                <Link to={`/members/${item.memberId}`} className="task-member">
                  {item.name}
                </Link>
                <Typography.Text type="secondary">{item.organizationName}</Typography.Text>
              </Flex>
              <div>已连续{item.consecutiveUnpaid}个月未交纳党费,请了解原因。</div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

export function DuesPage() {
  const { data: me } = useMe();
  const allowed = canSeeDuesCollection(me);
  const { month, orgId, thisMonth, update } = useMonthOrgParams('month', { noLaterThanThisMonth: true });
  const orgs = useOrganizationTreeData(allowed);
  const summary = useBranchDues({ orgId, month }, allowed);

  if (!allowed) {
    return <Result status="403" title="没有权限查看" subTitle="党员本人请在“党员名册”中自己的信息里查看党费。" />;
  }

  let body: ReactNode;
  if (summary.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (summary.isError) {
    body = (
      <LoadError title="党费收缴情况加载失败" error={summary.error} onRetry={() => summary.refetch()} />
    );
  } else {
    body = (
      <>
        <Summary data={summary.data} loading={summary.isFetching && summary.isPlaceholderData} />
        <ReviewList review={summary.data.review} />
      </>
    );
  }

  return (
    <Flex vertical gap={12} className="dues-page">
      <div>
        <PageTitle>
          党费收缴
        </PageTitle>
        <Typography.Text type="secondary">
          {monthLabel(month)}党费应交、已交情况(金额单位:元)。只看收缴情况,不对支部或个人排名。
        </Typography.Text>
      </div>
      <Card size="small">
        <Flex gap={12} wrap>
          <MonthOrgFilters month={month} maxMonth={thisMonth} orgId={orgId} orgs={orgs.data} loading={orgs.isPending} onChange={update} />
        </Flex>
      </Card>
      {body}
    </Flex>
  );
}
