import { Alert, Button, Card, Empty, Flex, Steps, Timeline, Typography } from 'antd';
import { DISCLOSURE_EVENT_LABELS } from '@dj/contracts';
import { formatDateTime } from '../../lib/format';
import type { Disclosure, DisclosureAction } from './api';

type Event = Disclosure['events'][number];

const STEPS: { title: string; kind: Event['kind'] }[] = [
  { title: '提出', kind: 'submitted' },
  { title: '审核', kind: 'reviewed' },
  { title: '审批', kind: 'approved' },
  { title: '公开', kind: 'published' },
];

const CURRENT: Record<Disclosure['status'], number> = { draft: 0, returned: 0, submitted: 1, reviewed: 2, approved: 3, published: 4 };

/** The server's refusal of a step (保密审查 found personal numbers): its message and each place named. */
export interface Refusal {
  action: DisclosureAction;
  message: string;
  places: { where: string; message: string }[];
}

function lastEvent(events: Event[], kind: Event['kind']) {
  return [...events].reverse().find((e) => e.kind === kind);
}

export function FlowSteps({ disclosure }: { disclosure: Disclosure }) {
  const current = CURRENT[disclosure.status];
  const returned = disclosure.status === 'returned';
  return (
    <Steps
      size="small"
      current={Math.min(current, 3)}
      status={returned ? 'error' : current >= 4 ? 'finish' : 'process'}
      data-testid="disclosure-steps"
      items={STEPS.map((step, index) => {
        const event = index < current ? lastEvent(disclosure.events, step.kind) : undefined;
        return {
          title: step.title,
          content: event ? `${event.byName ?? ''} ${formatDateTime(event.at)}` : index === 0 && returned ? '已退回,修改后重新提交' : undefined,
        };
      })}
    />
  );
}

export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="publish-refusal"
      title={refusal.action === 'publish' ? `不能公开:${refusal.message}` : refusal.message}
      description={
        refusal.places.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {refusal.places.map((p, i) => (
              <li key={`${p.where}-${i}`}>{p.where === p.message || p.message.includes(p.where) ? p.message : `${p.where}:${p.message}`}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** The scan of the current text: shown before anyone tries to publish, so the place can be fixed first. */
export function ScanAlert({ disclosure }: { disclosure: Disclosure }) {
  const { scan } = disclosure;
  if (disclosure.status === 'published') return null;
  return (
    <Flex vertical gap={8}>
      {!scan.ok && (
        <Alert
          type="error"
          showIcon
          data-testid="scan-findings"
          title="保密审查:发现个人信息,删除前不能公开"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {scan.findings.map((f, i) => (
                <li key={`${f.where}-${i}`}>{f.where}:{f.message}({f.masked})</li>
              ))}
            </ul>
          }
        />
      )}
      {scan.warnings.length > 0 && (
        <Alert type="warning" showIcon title="以下内容无法自动审查,请人工核对" description={scan.warnings.map((w) => `${w.where}:${w.message}`).join(';')} />
      )}
    </Flex>
  );
}

interface ActionsProps {
  disclosure: Disclosure;
  pending: DisclosureAction | 'correct' | null;
  onAction: (action: Exclude<DisclosureAction, 'return'>) => void;
  onReturn: () => void;
  onCorrect: () => void;
}

export function FlowActions({ disclosure, pending, onAction, onReturn, onCorrect }: ActionsProps) {
  const { can, status } = disclosure;
  const busy = pending !== null;
  const button = (action: Exclude<DisclosureAction, 'return'>, label: string) => (
    <Button type="primary" autoInsertSpace={false} loading={pending === action} disabled={busy && pending !== action} onClick={() => onAction(action)}>
      {label}
    </Button>
  );
  const buttons = [
    can.submit && (status === 'draft' || status === 'returned') && <span key="submit">{button('submit', '提交')}</span>,
    can.review && status === 'submitted' && <span key="review">{button('review', '审核通过')}</span>,
    can.approve && status === 'reviewed' && <span key="approve">{button('approve', '审批通过')}</span>,
    can.publish && status === 'approved' && <span key="publish">{button('publish', '公开')}</span>,
    can.return && (status === 'submitted' || status === 'reviewed') && (
      <Button key="return" danger autoInsertSpace={false} disabled={busy} onClick={onReturn}>退回</Button>
    ),
    can.correct && status === 'published' && (
      <Button key="correct" autoInsertSpace={false} loading={pending === 'correct'} disabled={busy} onClick={onCorrect}>更正</Button>
    ),
  ].filter(Boolean);
  if (buttons.length === 0) {
    return <Typography.Text type="secondary">{status === 'published' ? '已公开' : '等待下一环节办理'}</Typography.Text>;
  }
  return <Flex gap={8} wrap data-testid="flow-actions">{buttons}</Flex>;
}

export function EventHistory({ events }: { events: Event[] }) {
  return (
    <Card size="small" title="办理记录">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有办理记录" />
      ) : (
        <Timeline
          data-testid="disclosure-events"
          items={events.map((e, i) => ({
            key: i,
            color: e.kind === 'returned' ? 'red' : e.kind === 'published' ? 'green' : 'blue',
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>{DISCLOSURE_EVENT_LABELS[e.kind]}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.byName ?? '—'} · {formatDateTime(e.at)}</Typography.Text>
                {e.note && <Typography.Text>{e.kind === 'returned' ? `退回原因:${e.note}` : e.note}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
