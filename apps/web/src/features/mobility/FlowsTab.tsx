import { useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { CarOutlined, PhoneOutlined, StopOutlined } from '../../lib/icons';
import { FLOW_CONTACT_METHOD_LABELS, type MemberDetail } from '@dj/contracts';
import { formatDate } from '../../lib/dates';
import { yesNo } from '../../lib/format';
import { useMobility, type MemberFlow } from './api';
import { ContactModal, DIRECTION_LABELS, EndFlowModal, PLACE_LABELS, START_LABELS, StartFlowModal } from './FlowModals';
import { WarningAlerts } from './WarningAlerts';
import { SectionTitle } from '../../components/PageTitle';

type Action = { kind: 'start' } | { kind: 'contact'; flow: MemberFlow } | { kind: 'end'; flow: MemberFlow } | null;

const text = (value: string | null | undefined) => (value ? value : '—');

/** Open flows first, then the most recent. */
export function sortFlows(flows: readonly MemberFlow[]): MemberFlow[] {
  return [...flows].sort((a, b) => {
    if (!a.endedOn !== !b.endedOn) return a.endedOn ? 1 : -1;
    return a.startedOn === b.startedOn ? b.id - a.id : a.startedOn < b.startedOn ? 1 : -1;
  });
}

function ContactLog({ flow, narrow }: { flow: MemberFlow; narrow: boolean }) {
  const contacts = [...flow.contacts].sort((a, b) =>
    a.contactedOn === b.contactedOn ? b.id - a.id : a.contactedOn < b.contactedOn ? 1 : -1,
  );
  if (contacts.length === 0) {
    return <Typography.Text type="secondary">暂无联系记录</Typography.Text>;
  }
  return (
    <Timeline
      className="member-timeline"
      titleSpan={narrow ? '112px' : '120px'}
      styles={{ itemTitle: { whiteSpace: 'nowrap' } }}
      items={contacts.map((contact) => ({
        key: contact.id,
        title: contact.contactedOn,
        color: 'red',
        content: (
          <div className="member-event">
            <Typography.Text strong>{FLOW_CONTACT_METHOD_LABELS[contact.method]}</Typography.Text>
            {contact.note && <div>{contact.note}</div>}
            <Typography.Text type="secondary">记录人:{contact.recordedBy ?? '系统'}</Typography.Text>
          </div>
        ),
      }))}
    />
  );
}

function FlowCard({
  flow,
  narrow,
  canRecord,
  onAction,
}: {
  flow: MemberFlow;
  narrow: boolean;
  canRecord: boolean;
  onAction: (action: Action) => void;
}) {
  const open = !flow.endedOn;
  const items = [
    { key: 'destination', label: PLACE_LABELS[flow.direction], children: flow.destination },
    { key: 'startedOn', label: START_LABELS[flow.direction], children: flow.startedOn },
    ...(open ? [] : [{ key: 'endedOn', label: '结束日期', children: formatDate(flow.endedOn) }]),
    { key: 'workUnit', label: '工作单位', children: text(flow.workUnit) },
    { key: 'hasFixedPlace', label: '相对固定处所', children: yesNo(flow.hasFixedPlace) },
    { key: 'activityCardNo', label: '活动证号', children: text(flow.activityCardNo) },
    { key: 'hostBranch', label: '参加组织生活的党组织', children: text(flow.hostBranch) },
    { key: 'lastContactOn', label: '最后联系', children: flow.lastContactOn ?? '暂无联系记录' },
  ];
  return (
    <Card
      size="small"
      className="flow-card"
      data-testid="flow-card"
      title={
        <Space size={8} wrap>
          <span>{DIRECTION_LABELS[flow.direction]}</span>
          <Tag color={open ? 'blue' : 'default'}>{open ? '流动中' : '已结束'}</Tag>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <WarningAlerts warnings={flow.warnings} testId="flow-warnings" />
        <Descriptions
          size="small"
          bordered
          column={narrow ? 1 : 2}
          items={items}
          className="member-descriptions"
          styles={{ label: { width: narrow ? 96 : 120 } }}
        />
        {canRecord && open && (
          <Space wrap>
            <Button icon={<PhoneOutlined />} onClick={() => onAction({ kind: 'contact', flow })}>
              记录联系
            </Button>
            <Button icon={<StopOutlined />} onClick={() => onAction({ kind: 'end', flow })}>
              结束流动
            </Button>
          </Space>
        )}
        <div>
          <SectionTitle style={{ marginTop: 0 }}>
            联系记录
          </SectionTitle>
          <ContactLog flow={flow} narrow={narrow} />
        </div>
      </Flex>
    </Card>
  );
}

export function FlowsTab({ member, narrow }: { member: MemberDetail; narrow: boolean }) {
  const query = useMobility(member.id);
  const [action, setAction] = useState<Action>(null);
  const canRecord = member.can.recordEvent;
  const close = () => setAction(null);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) {
    return (
      <LoadError title="流动登记加载失败" error={query.error} onRetry={() => query.refetch()} />
    );
  }

  const flows = sortFlows(query.data.flows);
  const hasOpenFlow = flows.some((flow) => !flow.endedOn);

  return (
    <Flex vertical gap={12} data-testid="member-flows">
      {canRecord && (
        <Space wrap>
          <Button type="primary" icon={<CarOutlined />} disabled={hasOpenFlow} onClick={() => setAction({ kind: 'start' })}>
            登记外出流动
          </Button>
          {hasOpenFlow && <Typography.Text type="secondary">已有未结束的流动登记,结束后才能再登记。</Typography.Text>}
        </Space>
      )}
      {flows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无流动登记" />
      ) : (
        flows.map((flow) => <FlowCard key={flow.id} flow={flow} narrow={narrow} canRecord={canRecord} onAction={setAction} />)
      )}
      {canRecord && (
        <>
          <StartFlowModal member={member} open={action?.kind === 'start'} onClose={close} />
          <ContactModal member={member} flow={action?.kind === 'contact' ? action.flow : null} open={action?.kind === 'contact'} onClose={close} />
          <EndFlowModal member={member} flow={action?.kind === 'end' ? action.flow : null} open={action?.kind === 'end'} onClose={close} />
        </>
      )}
    </Flex>
  );
}
