import { useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { LoadError } from '../../components/LoadError';
import { ReasonModal } from '../../components/ReasonModal';
import { errorMessage } from '../../lib/api-client';
import { ResponseBodySchema, ACTIVITY_KIND_LABELS } from '@dj/contracts';
import { useMyActivities, useRespond, type MyActivity } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle, SectionTitle } from '../../components/PageTitle';
import { useElderMode } from '../../lib/session';
import { MoreDetails } from '../../components/MoreDetails';

const ATTENDANCE_LABELS: Record<NonNullable<MyActivity['myAttendance']>, { text: string; color?: string }> = {
  present: { text: '出席', color: 'green' },
  excused: { text: '请假', color: 'orange' },
  absent: { text: '缺席', color: 'red' },
};

function ResponseTag({ response }: { response: MyActivity['myResponse'] }) {
  if (response === 'confirm') return <Tag color="green">已答复:参加</Tag>;
  if (response === 'leave') return <Tag color="orange">已答复:请假</Tag>;
  return <Tag>尚未答复</Tag>;
}

function LeaveModal({ activity, onClose }: { activity: MyActivity; onClose: () => void }) {
  const respond = useRespond();
  return (
    <ReasonModal
      title="请假" okText="提交请假" label="请假原因" placeholder="例如:外出务工;身体不适" field="reason"
      rules={rulesFor(ResponseBodySchema, 'reason', { required: true })} {...textPropsOf(ResponseBodySchema, 'reason')}
      subject={`${activity.heldOn} · ${ACTIVITY_KIND_LABELS[activity.kind]} · ${activity.topic}`}
      pending={respond.isPending}
      onSubmit={async (reason) => {
        await respond.mutateAsync({ id: activity.id, response: 'leave', reason });
        return '已请假,书记会看到你的请假原因';
      }}
      onClose={onClose}
    />
  );
}

function ActivityLines({ activity }: { activity: MyActivity }) {
  return (
    <>
      <Typography.Text strong>{activity.topic}</Typography.Text>
      <Typography.Text type="secondary">
        {activity.heldOn} · {ACTIVITY_KIND_LABELS[activity.kind]} · {activity.place}
      </Typography.Text>
      <Typography.Text type="secondary">{activity.organizationName}</Typography.Text>
    </>
  );
}

function UpcomingItem({ activity, onLeave }: { activity: MyActivity; onLeave: (a: MyActivity) => void }) {
  return (
    <Card size="small" data-testid={`my-upcoming-${activity.id}`}>
      <Flex vertical gap={4}>
        <ActivityLines activity={activity} />
        {activity.canRespond ? <ResponseButtons activity={activity} onLeave={onLeave} /> : (
          // Not expected at it (another 党小组's meeting, or a 支委会 once its members are recorded): nothing to answer.
          <Typography.Text type="secondary">您不在本次活动的应到名单中,无需答复</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/**
 * 适老化 (issue 21 point 3): the day, the meeting and the place in large type, the answer as full-width buttons; the
 * organisation behind "更多". The first one is titled 下一次组织生活: what the member has to do next comes first.
 */
function ElderUpcomingItem({ activity, onLeave, next }: { activity: MyActivity; onLeave: (a: MyActivity) => void; next: boolean }) {
  return (
    <Card size="small" data-testid={`my-upcoming-${activity.id}`} title={next ? '下一次组织生活' : undefined}>
      <Flex vertical gap={8}>
        <Typography.Text strong style={{ fontSize: '1.2em' }}>{activity.heldOn} {ACTIVITY_KIND_LABELS[activity.kind]}</Typography.Text>
        <Typography.Text>{activity.topic}</Typography.Text>
        <Typography.Text>地点:{activity.place}</Typography.Text>
        {activity.canRespond ? <ResponseButtons activity={activity} onLeave={onLeave} elder /> : (
          <Typography.Text type="secondary">您不在本次活动的应到名单中,无需答复</Typography.Text>
        )}
        <MoreDetails><Typography.Text type="secondary">{activity.organizationName}</Typography.Text></MoreDetails>
      </Flex>
    </Card>
  );
}

function ResponseButtons({ activity, onLeave, elder = false }: { activity: MyActivity; onLeave: (a: MyActivity) => void; elder?: boolean }) {
  const { message } = App.useApp();
  const respond = useRespond();
  const confirm = () =>
    respond.mutate(
      { id: activity.id, response: 'confirm' },
      { onSuccess: () => message.success('已答复参加'), onError: (error) => message.error(errorMessage(error)) },
    );
  const buttons = (
    <>
      <Button
        type={activity.myResponse === 'confirm' ? 'default' : 'primary'}
        size="large"
        onClick={confirm}
        loading={respond.isPending}
        disabled={activity.myResponse === 'confirm'}
      >
        参加
      </Button>
      <Button size="large" onClick={() => onLeave(activity)} disabled={activity.myResponse === 'leave'}>
        请假
      </Button>
    </>
  );
  return (
    <>
      <div>
        <ResponseTag response={activity.myResponse} />
      </div>
      {elder ? <Flex vertical gap={8} className="elder-actions">{buttons}</Flex> : <Space wrap>{buttons}</Space>}
    </>
  );
}

function PastItem({ activity }: { activity: MyActivity }) {
  const attendance = activity.myAttendance ? ATTENDANCE_LABELS[activity.myAttendance] : null;
  return (
    <Card size="small" data-testid={`my-past-${activity.id}`}>
      <Flex vertical gap={4}>
        <ActivityLines activity={activity} />
        <div>{attendance ? <Tag color={attendance.color}>{attendance.text}</Tag> : <Tag>未登记出勤</Tag>}</div>
      </Flex>
    </Card>
  );
}

const INTRO = '提前答复“参加”或“请假”,能帮助支部书记做好准备;不答复也可以照常参加,出勤以会上登记为准。';

function PastList({ past }: { past: MyActivity[] }) {
  return (
    <Flex vertical gap={8} data-testid="my-past">
      {past.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="最近90天没有组织生活记录" />
      ) : (
        past.map((a) => <PastItem key={a.id} activity={a} />)
      )}
    </Flex>
  );
}

function UpcomingList({ upcoming, onLeave, elder }: { upcoming: MyActivity[]; onLeave: (a: MyActivity) => void; elder: boolean }) {
  return (
    <Flex vertical gap={elder ? 16 : 8} data-testid="my-upcoming">
      {upcoming.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有安排的组织生活" />
      ) : elder ? (
        upcoming.map((a, i) => <ElderUpcomingItem key={a.id} activity={a} onLeave={onLeave} next={i === 0} />)
      ) : (
        upcoming.map((a) => <UpcomingItem key={a.id} activity={a} onLeave={onLeave} />)
      )}
    </Flex>
  );
}

const sectionTitle = (text: string) => <SectionTitle style={{ margin: 0 }}>{text}</SectionTitle>;

export function MyActivitiesPage() {
  const activities = useMyActivities();
  const elder = useElderMode();
  const [leaving, setLeaving] = useState<MyActivity | null>(null);

  let body: ReactNode;
  if (activities.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (activities.isError) {
    body = <LoadError title="我的组织生活加载失败" error={activities.error} onRetry={() => activities.refetch()} />;
  } else {
    // Held is the server's word: the day has passed, or the attendance is already in (a meeting earlier today).
    const upcoming = activities.data.filter((a) => !a.held).sort((a, b) => a.heldOn.localeCompare(b.heldOn));
    const past = activities.data.filter((a) => a.held).sort((a, b) => b.heldOn.localeCompare(a.heldOn));
    // 适老化: one column with the next meeting first; the explanation and the past meetings one tap away under 更多.
    body = elder ? (
      <>
        <UpcomingList upcoming={upcoming} onLeave={setLeaving} elder />
        <MoreDetails summary={`更多:说明和最近参加的(${past.length})`} testId="my-more">
          <Typography.Text type="secondary">{INTRO}</Typography.Text>
          {sectionTitle('最近参加的')}
          <PastList past={past} />
        </MoreDetails>
      </>
    ) : (
      <>
        {sectionTitle('即将举行')}
        <UpcomingList upcoming={upcoming} onLeave={setLeaving} elder={false} />
        {sectionTitle('最近参加的')}
        <PastList past={past} />
      </>
    );
  }

  return (
    <Flex vertical gap={elder ? 16 : 12} className="my-activities-page">
      <div>
        <PageTitle>
          我的组织生活
        </PageTitle>
        {!elder && <Typography.Text type="secondary">{INTRO}</Typography.Text>}
      </div>
      {body}
      {leaving && <LeaveModal activity={leaving} onClose={() => setLeaving(null)} />}
    </Flex>
  );
}
