/**
 * 我的联户 (issue 20 point 3), the member's phone page: the households they look after, those past the town's interval
 * first, each with a visit logged in a few taps. No forced check-in and no location: the member says when and how.
 * Never a score or a ranking — only which household is due for a visit.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { VISIT_METHOD_LABELS, type MyHousehold } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { MoreDetails } from '../../components/MoreDetails';
import { errorMessage } from '../../lib/api-client';
import { useElderMode } from '../../lib/session';
import { useMyHouseholds, useMyVisit } from './api';
import { VisitMatter } from './VisitMatter';
import { VisitModal } from './VisitModal';
import { PageTitle } from '../../components/PageTitle';

export function DueTag({ h }: { h: Pick<MyHousehold, 'overdue' | 'dueOn' | 'lastVisitOn'> }) {
  if (h.overdue) return <Tag color="red">超期未走访(应于{h.dueOn}前)</Tag>;
  if (!h.dueOn) return <Tag>未安排联系党员</Tag>;
  return <Tag color="green">{h.lastVisitOn ? `上次走访${h.lastVisitOn}` : '尚未走访'},{h.dueOn}前再访</Tag>;
}

/**
 * One household. 适老化 (issue 21 point 3): the name, whether a visit is due and 登记走访 stay in view; the address,
 * the situation and the recent visits are folded behind 更多.
 */
function HouseholdCard({ h, onVisit, elder }: { h: MyHousehold; onVisit: (h: MyHousehold) => void; elder: boolean }) {
  const details = <HouseholdDetails h={h} />;
  return (
    <Card size="small" data-testid={`my-household-${h.id}`}>
      <Flex vertical gap={elder ? 8 : 4}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: elder ? '1.2em' : 16 }}>{h.headName}</Typography.Text>
          <DueTag h={h} />
        </Flex>
        {elder ? null : details}
        <Button type={h.overdue ? 'primary' : 'default'} size="large" block onClick={() => onVisit(h)}>登记走访</Button>
        {elder && <MoreDetails>{details}</MoreDetails>}
      </Flex>
    </Card>
  );
}

function HouseholdDetails({ h }: { h: MyHousehold }) {
  const last = h.visits[0];
  return (
    <>
      <Typography.Text type="secondary">
        {[h.hamlet, h.address, h.people ? `${h.people}人` : null, h.phoneMasked].filter(Boolean).join(' · ') || '—'}
      </Typography.Text>
      {h.situation && <div><Tag color="orange">{h.situation}</Tag></div>}
      {last && (
        <Typography.Text type="secondary">
          最近:{last.visitedOn} {VISIT_METHOD_LABELS[last.method]}{last.raised ? `,反映:${last.raised}` : ''}{last.proxy ? '(代为登记)' : ''}
        </Typography.Text>
      )}
      {/* Each recent visit whose raised matter is the member's to carry, or has become a case. */}
      {h.visits.filter((v) => v.canRaise || v.matterId !== null).map((v) => (
        <Flex key={v.id} justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 200 }}>{v.visitedOn} 反映:{v.raised}</Typography.Text>
          <VisitMatter v={v} own />
        </Flex>
      ))}
    </>
  );
}

const INTRO = '认人认门、交友交心。上门、电话、微信、田间地头都算走访,不定位、不打卡,不打分、不排名。';

export function MyHouseholdsPage() {
  const { message } = App.useApp();
  const query = useMyHouseholds();
  const visit = useMyVisit();
  const [visiting, setVisiting] = useState<MyHousehold | null>(null);
  const elder = useElderMode();
  const due = query.data?.items.filter((h) => h.overdue).length ?? 0;
  const intro = <Typography.Text type="secondary">{INTRO}</Typography.Text>;
  return (
    <Flex vertical gap={elder ? 16 : 12} style={{ maxWidth: 640 }}>
      <div>
        <PageTitle>我的联户</PageTitle>
        {!elder && intro}
      </div>
      {query.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : query.isError ? (
        <LoadError title="我的联户加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Empty description="您还没有联系的农户,由村党支部安排" />
      ) : (
        <>
          <Typography.Text data-testid="my-households-summary">
            联系{query.data.items.length}户,每户至少每{query.data.intervalDays}天走访一次{due ? `;${due}户已超期,请尽快走访` : ';都在期限内'}
          </Typography.Text>
          <Flex vertical gap={elder ? 16 : 8}>
            {query.data.items.map((h) => <HouseholdCard key={h.id} h={h} onVisit={setVisiting} elder={elder} />)}
          </Flex>
          {elder && <MoreDetails summary="更多:说明" testId="my-households-more">{intro}</MoreDetails>}
        </>
      )}
      {visiting && (
        <VisitModal title={`登记走访:${visiting.headName}`} open onClose={() => setVisiting(null)} pending={visit.isPending}
          error={visit.error ? errorMessage(visit.error) : null}
          onSubmit={(body) => visit.mutate({ id: visiting.id, body }, {
            onSuccess: () => { message.success('走访已登记'); setVisiting(null); visit.reset(); },
          })} />
      )}
    </Flex>
  );
}
