import { Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ATTENDEE_STATE_LABELS, TRAINING_KIND_LABELS, type Training } from '@dj/contracts';

export const periodText = (s: { startsOn: string; endsOn: string }) => (s.startsOn === s.endsOn ? s.startsOn : `${s.startsOn} 至 ${s.endsOn}`);

/** A session's fields as read (a reader, or the holder before 修改). Dates are calendar dates, shown as sent. */
export function SessionSummary({ session }: { session: Training }) {
  return (
    <Descriptions size="small" column={1} bordered items={[
      { key: 'kind', label: '培训类别', children: TRAINING_KIND_LABELS[session.kind] },
      { key: 'org', label: '组织单位', children: session.organizationName },
      { key: 'dates', label: '日期', children: periodText(session) },
      { key: 'hours', label: '学时', children: `${session.hours}学时` },
      { key: 'venue', label: '地点', children: session.venue ?? '—' },
      { key: 'lecturers', label: '授课人', children: session.lecturers ?? '—' },
      { key: 'note', label: '内容与备注', children: <span style={{ whiteSpace: 'pre-wrap' }}>{session.note ?? '—'}</span> },
    ]} />
  );
}

/** Who came and the 学时 credited; a person's name opens their year (for those whose scope reads it). */
export function AttendeesView({ session, year }: { session: Training; year: number }) {
  return (
    <List size="small" dataSource={session.attendeeList} locale={{ emptyText: '尚未登记出席名单' }} data-testid="attendees-view" renderItem={(a) => (
      <List.Item key={a.id}>
        <Space wrap>
          {a.personId ? <Link to={`/education/people/${a.personId}?year=${year}`}>{a.name}</Link> : <span>{a.name}</span>}
          <Typography.Text type="secondary">{a.source === 'villager' ? '村民' : a.organizationName}</Typography.Text>
          <Tag color={a.state === 'present' ? 'green' : 'default'}>{ATTENDEE_STATE_LABELS[a.state]}</Tag>
          {a.state === 'present' && <span>{a.hoursCredited}学时</span>}
        </Space>
      </List.Item>
    )} />
  );
}

/** Members' answers before the day: who said they come, who asked for leave and why. Not attendance. */
export function ResponsesView({ session }: { session: Training }) {
  if (!session.responses.length) return null;
  const confirmed = session.responses.filter((r) => r.response === 'confirm').map((r) => r.name);
  const leave = session.responses.filter((r) => r.response === 'leave').map((r) => `${r.name}(${r.reason ?? '未写原因'})`);
  return (
    <Typography.Paragraph type="secondary" data-testid="session-responses" style={{ margin: 0 }}>
      党员提前答复 · 参加:{confirmed.join('、') || '无'};请假:{leave.join('、') || '无'}
    </Typography.Paragraph>
  );
}
