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
import { errorMessage } from '../../lib/api-client';
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

function Upcoming({ session, onLeave }: { session: MyUpcomingTraining; onLeave: (s: MyUpcomingTraining) => void }) {
  const { message } = App.useApp();
  const respond = useRespondTraining();
  const confirm = () => respond.mutate({ id: session.id, response: 'confirm' }, {
    onSuccess: () => message.success('已答复参加'), onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Card size="small" data-testid={`my-training-${session.id}`}>
      <Flex vertical gap={4}>
        <Typography.Text strong>{session.title}</Typography.Text>
        <Typography.Text type="secondary">{periodText(session)} · {TRAINING_KIND_LABELS[session.kind]} · {session.hours}学时{session.venue ? ` · ${session.venue}` : ''}</Typography.Text>
        {session.canRespond ? (
          <>
            <div><ResponseTag response={session.myResponse} /></div>
            <Space wrap>
              <Button type={session.myResponse === 'confirm' ? 'default' : 'primary'} size="large" loading={respond.isPending} disabled={session.myResponse === 'confirm'} onClick={confirm}>参加</Button>
              <Button size="large" disabled={session.myResponse === 'leave'} onClick={() => onLeave(session)}>请假</Button>
            </Space>
          </>
        ) : <Typography.Text type="secondary">已开始登记出席,如有变化请向支部书记说明</Typography.Text>}
      </Flex>
    </Card>
  );
}

export function MyStudyPage() {
  const year = Number(todayInShanghai().slice(0, 4));
  const query = useMyStudy(year);
  const [leaving, setLeaving] = useState<MyUpcomingTraining | null>(null);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <div>
        <PageTitle>我的学习</PageTitle>
        <Typography.Text type="secondary">学时以支部登记的出席为准,是学习记录,不排名、不计分;提前答复“参加”或“请假”能帮助书记做好准备。</Typography.Text>
      </div>
      {query.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : query.isError ? (
        <LoadError title="我的学习加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <HoursSummary hours={query.data.hours} title={`${year}年度我的学时`} />
          <SectionTitle style={{ margin: 0 }}>即将举行</SectionTitle>
          <Flex vertical gap={8} data-testid="my-training-upcoming">
            {query.data.upcoming.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本支部近期没有安排的培训" />
              : query.data.upcoming.map((s) => <Upcoming key={s.id} session={s} onLeave={setLeaving} />)}
          </Flex>
          <SectionTitle style={{ margin: 0 }}>我参加的培训</SectionTitle>
          <PersonSessions hours={query.data.hours} linked={false} />
        </>
      )}
      {leaving && <LeaveModal session={leaving} onClose={() => setLeaving(null)} />}
    </Flex>
  );
}
