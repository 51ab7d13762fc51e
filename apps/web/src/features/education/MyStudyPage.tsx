/**
 * 我的学习 (issue 19 point 7), the member's phone page: their 学时 this year against their own target, the sessions
 * they were named at, and the coming sessions of their branch to answer 参加 or 请假 as for 组织生活. No check-in and
 * no ranking (the 2024 减负 and 2026 rules): answering helps the secretary prepare; attendance is recorded there.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { ResponseBodySchema, TRAINING_KIND_LABELS, todayInShanghai, type MyUpcomingTraining } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { ReasonModal } from '../../components/ReasonModal';
import { MoreDetails } from '../../components/MoreDetails';
import { errorMessage } from '../../lib/api-client';
import { useElderMode } from '../../lib/session';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useMyStudy, useRespondTraining } from './api';
import { HoursSummary, PersonSessions } from './HoursSummary';
import { periodText } from './SessionViews';
import { PageTitle, SectionTitle } from '../../components/PageTitle';

function ResponseTag({ response }: { response: MyUpcomingTraining['myResponse'] }) {
  if (response === 'confirm') return <Tag color="green">已答复:参加</Tag>;
  if (response === 'leave') return <Tag color="orange">已答复:请假</Tag>;
  return <Tag>尚未答复</Tag>;
}

function LeaveModal({ session, onClose }: { session: MyUpcomingTraining; onClose: () => void }) {
  const respond = useRespondTraining();
  return (
    <ReasonModal title="请假" okText="提交请假" label="请假原因" placeholder="例如:外出务工;身体不适" field="reason"
      rules={rulesFor(ResponseBodySchema, 'reason', { required: true })} {...textPropsOf(ResponseBodySchema, 'reason')}
      subject={`${periodText(session)} · ${session.title}`} pending={respond.isPending} onClose={onClose}
      onSubmit={async (reason) => {
        await respond.mutateAsync({ id: session.id, response: 'leave', reason });
        return '已请假,书记会看到你的请假原因';
      }} />
  );
}

interface UpcomingProps { session: MyUpcomingTraining; onLeave: (s: MyUpcomingTraining) => void; elder: boolean; next?: boolean }

/** 适老化 (issue 21 point 3): the day and place in large type, full-width answers, the kind and hours behind 更多. */
function Upcoming({ session, onLeave, elder, next = false }: UpcomingProps) {
  const { message } = App.useApp();
  const respond = useRespondTraining();
  const confirm = () => respond.mutate({ id: session.id, response: 'confirm' }, {
    onSuccess: () => message.success('已答复参加'), onError: (e) => message.error(errorMessage(e)),
  });
  const buttons = (
    <>
      <Button type={session.myResponse === 'confirm' ? 'default' : 'primary'} size="large" loading={respond.isPending} disabled={session.myResponse === 'confirm'} onClick={confirm}>参加</Button>
      <Button size="large" disabled={session.myResponse === 'leave'} onClick={() => onLeave(session)}>请假</Button>
    </>
  );
  const details = `${periodText(session)} · ${TRAINING_KIND_LABELS[session.kind]} · ${session.hours}学时${session.venue ? ` · ${session.venue}` : ''}`;
  return (
    <Card size="small" data-testid={`my-training-${session.id}`} title={elder && next ? '下一次学习' : undefined}>
      <Flex vertical gap={elder ? 8 : 4}>
        {elder && <Typography.Text strong style={{ fontSize: '1.2em' }}>{periodText(session)}</Typography.Text>}
        <Typography.Text strong={!elder}>{session.title}</Typography.Text>
        {elder ? session.venue && <Typography.Text>地点:{session.venue}</Typography.Text> : <Typography.Text type="secondary">{details}</Typography.Text>}
        {session.canRespond ? (
          <>
            <div><ResponseTag response={session.myResponse} /></div>
            {elder ? <Flex vertical gap={8} className="elder-actions">{buttons}</Flex> : <Space wrap>{buttons}</Space>}
          </>
        ) : <Typography.Text type="secondary">已开始登记出席,如有变化请向支部书记说明</Typography.Text>}
        {elder && <MoreDetails><Typography.Text type="secondary">{TRAINING_KIND_LABELS[session.kind]} · {session.hours}学时 · {session.organizationName}</Typography.Text></MoreDetails>}
      </Flex>
    </Card>
  );
}

const INTRO = '学时以支部登记的出席为准,是学习记录,不排名、不计分;提前答复“参加”或“请假”能帮助书记做好准备。';

function UpcomingList({ upcoming, onLeave, elder }: { upcoming: MyUpcomingTraining[]; onLeave: (s: MyUpcomingTraining) => void; elder: boolean }) {
  return (
    <Flex vertical gap={elder ? 16 : 8} data-testid="my-training-upcoming">
      {upcoming.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本支部近期没有安排的培训" />
        : upcoming.map((s, i) => <Upcoming key={s.id} session={s} onLeave={onLeave} elder={elder} next={i === 0} />)}
    </Flex>
  );
}

const sectionTitle = (text: string) => <SectionTitle style={{ margin: 0 }}>{text}</SectionTitle>;

export function MyStudyPage() {
  const year = Number(todayInShanghai().slice(0, 4));
  const query = useMyStudy(year);
  const elder = useElderMode();
  const [leaving, setLeaving] = useState<MyUpcomingTraining | null>(null);
  return (
    <Flex vertical gap={elder ? 16 : 12} style={{ maxWidth: 640 }}>
      <div>
        <PageTitle>我的学习</PageTitle>
        {!elder && <Typography.Text type="secondary">{INTRO}</Typography.Text>}
      </div>
      {query.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : query.isError ? (
        <LoadError title="我的学习加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : elder ? (
        // 适老化: one column, what to attend first, then the year's hours; the explanation and the list of past sessions under 更多.
        <>
          <UpcomingList upcoming={query.data.upcoming} onLeave={setLeaving} elder />
          <HoursSummary hours={query.data.hours} title={`${year}年度我的学时`} />
          <MoreDetails summary={`更多:说明和我参加的培训(${query.data.hours.sessions.length})`} testId="my-study-more">
            <Typography.Text type="secondary">{INTRO}</Typography.Text>
            {sectionTitle('我参加的培训')}
            <PersonSessions hours={query.data.hours} linked={false} />
          </MoreDetails>
        </>
      ) : (
        <>
          <HoursSummary hours={query.data.hours} title={`${year}年度我的学时`} />
          {sectionTitle('即将举行')}
          <UpcomingList upcoming={query.data.upcoming} onLeave={setLeaving} elder={false} />
          {sectionTitle('我参加的培训')}
          <PersonSessions hours={query.data.hours} linked={false} />
        </>
      )}
      {leaving && <LeaveModal session={leaving} onClose={() => setLeaving(null)} />}
    </Flex>
  );
}
