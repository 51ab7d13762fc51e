import { Card, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  ATTENDEE_STATE_LABELS, STUDY_STATUS_LABELS, TARGET_GROUP_LABELS, TRAINING_KINDS, TRAINING_KIND_LABELS, type PersonHours,
} from '@dj/contracts';
import { periodText } from './SessionViews';

export const STATUS_COLOURS = { done: 'green', due: 'blue', late: 'red' } as const;

/**
 * A person's year against their own target: the total, the kinds that gave hours, and where it stands (应完成 /
 * 已完成 / 未完成). A record of study, never a score: nothing here compares the person with anyone else.
 */
export function HoursSummary({ hours, title }: { hours: PersonHours; title: string }) {
  const kinds = TRAINING_KINDS.filter((k) => hours.byKind[k] > 0);
  return (
    <Card size="small" title={title} data-testid="hours-summary">
      <Flex vertical gap={8}>
        {hours.target === null ? (
          <Typography.Text>{hours.year}年已计{hours.total}学时(不是本镇在册党员,不设学时要求)</Typography.Text>
        ) : (
          <>
            <Space wrap>
              <Typography.Text strong style={{ fontSize: 18 }}>{hours.total}/{hours.target}学时</Typography.Text>
              {hours.status && <Tag color={STATUS_COLOURS[hours.status]}>{STUDY_STATUS_LABELS[hours.status]}</Tag>}
              {hours.group && <Typography.Text type="secondary">按{TARGET_GROUP_LABELS[hours.group]}要求</Typography.Text>}
            </Space>
            <Progress percent={Math.min(100, Math.round((hours.total / hours.target) * 100))} showInfo={false} aria-label="学时进度" />
          </>
        )}
        {kinds.length === 0 ? <Typography.Text type="secondary">本年度还没有计入学时</Typography.Text> : (
          <Flex vertical gap={2} data-testid="hours-by-kind">
            {kinds.map((k) => <Typography.Text key={k}>{TRAINING_KIND_LABELS[k]}:{hours.byKind[k]}学时</Typography.Text>)}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** The sessions of the year the person was named at; `linked` opens each session (work roles only). */
export function PersonSessions({ hours, linked }: { hours: PersonHours; linked: boolean }) {
  return (
    <List size="small" dataSource={hours.sessions} data-testid="person-sessions" locale={{ emptyText: `${hours.year}年没有参加培训的记录` }} renderItem={(s) => (
      <List.Item key={s.sessionId}>
        <Flex vertical gap={2}>
          {linked ? <Link to={`/education/sessions/${s.sessionId}`}>{s.title}</Link> : <Typography.Text strong>{s.title}</Typography.Text>}
          <Typography.Text type="secondary">{periodText(s)} · {TRAINING_KIND_LABELS[s.kind]}</Typography.Text>
          <Space wrap>
            <Tag color={s.state === 'present' ? 'green' : 'default'}>{ATTENDEE_STATE_LABELS[s.state]}</Tag>
            {s.state === 'present' && <span>计{s.hoursCredited}学时</span>}
          </Space>
        </Flex>
      </List.Item>
    )} />
  );
}
