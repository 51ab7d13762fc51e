import { useState, type ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { Alert, Button, Descriptions, Drawer, Empty, Result, Skeleton, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, HistoryOutlined } from '../../lib/icons';
import {
  EDUCATION_LABELS,
  GENDER_LABELS,
  MEMBERSHIP_EVENT_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  OCCUPATION_LABELS,
  PARTY_POST_LABELS,
  STANDING_LABELS,
  type MemberDetail,
  type MemberEvent,
  type Organization,
} from '@dj/contracts';
import { isApiError, NOT_FOUND_MESSAGE } from '../../lib/api-client';
import { formatDate } from '../../lib/dates';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useMember } from './api';
import { MemberFormModal } from './MemberFormModal';
import { RecordEventModal } from './RecordEventModal';
import { RevealModal } from './RevealModal';
import { STATUS_COLORS, STANDING_COLORS, confirmedAtText, maskedValue, partyYearsText, type RevealField } from './labels';
import { yesNo } from '../../lib/format';
import { SectionTitle } from '../../components/PageTitle';

/**
 * A tab another feature shows in a member's detail (流动登记, 介绍信, 党费). The drawer does not import those
 * features (features do not import each other); the route that shows the roster (app/MembersRoute) passes them in.
 */
export interface MemberDetailTab {
  /** Also names the tab for tests: data-testid="member-tab-<key>". */
  key: string;
  label: string;
  render: (member: MemberDetail, narrow: boolean) => ReactNode;
}

interface Props {
  /** From the address (/members/:id); undefined closes the drawer. */
  memberId: number | undefined;
  onClose: () => void;
  organizations: readonly Organization[];
  /** Shown after 基本信息, in this order. */
  tabs?: readonly MemberDetailTab[];
}

type Action = 'edit' | 'event' | null;

const text = (value: string | null | undefined) => (value ? value : '—');

function MaskedNumber({ member, field, onReveal }: { member: MemberDetail; field: RevealField; onReveal: (field: RevealField) => void }) {
  const masked = maskedValue(member, field);
  if (!masked) return <>—</>;
  return (
    <Space size={8} wrap>
      <span className="masked-number">{masked}</span>
      {member.can.reveal && (
        <Button type="link" size="small" className="inline-link-button" onClick={() => onReveal(field)}>
          查看完整号码
        </Button>
      )}
    </Space>
  );
}

function eventContent(event: MemberEvent): ReactNode {
  const route =
    event.fromOrganizationName || event.toOrganizationName
      ? [event.fromOrganizationName && `从 ${event.fromOrganizationName}`, event.toOrganizationName && `到 ${event.toOrganizationName}`]
          .filter(Boolean)
          .join(' ')
      : null;
  return (
    <div className="member-event">
      <Typography.Text strong>{MEMBERSHIP_EVENT_LABELS[event.kind]}</Typography.Text>
      {route && <div>{route}</div>}
      {event.reason && <div>原因/去向:{event.reason}</div>}
      <Typography.Text type="secondary">记录人:{event.recordedBy ?? '系统'}</Typography.Text>
    </div>
  );
}

function DetailBody({
  member,
  narrow,
  onReveal,
  onAction,
}: {
  member: MemberDetail;
  narrow: boolean;
  onReveal: (field: RevealField) => void;
  onAction: (action: Action) => void;
}) {
  const items = [
    { key: 'name', label: '姓名', children: member.name },
    { key: 'gender', label: '性别', children: GENDER_LABELS[member.gender] },
    { key: 'ethnicity', label: '民族', children: text(member.ethnicity) },
    { key: 'birthDate', label: '出生日期', children: member.birthDate },
    { key: 'idNumber', label: '身份证号', children: <MaskedNumber member={member} field="idNumber" onReveal={onReveal} /> },
    { key: 'nativePlace', label: '籍贯', children: text(member.nativePlace) },
    { key: 'education', label: '学历', children: member.education ? EDUCATION_LABELS[member.education] : '—' },
    { key: 'standing', label: '人员类别', children: <Tag color={STANDING_COLORS[member.standing]}>{STANDING_LABELS[member.standing]}</Tag> },
    {
      key: 'status',
      label: '党籍状态',
      children: (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[member.membershipStatus]}>{MEMBERSHIP_STATUS_LABELS[member.membershipStatus]}</Tag>
          {member.isMobile && <Tag color="blue">流动党员</Tag>}
        </Space>
      ),
    },
    { key: 'joinedAt', label: '入党日期', children: member.joinedAt },
    { key: 'confirmedAt', label: '转正日期', children: member.confirmedAt ? formatDate(member.confirmedAt) : confirmedAtText(member) },
    { key: 'partyYears', label: '党龄', children: partyYearsText(member) },
    { key: 'organization', label: '所在党支部', children: member.organizationName },
    { key: 'group', label: '所在党小组', children: text(member.groupName) },
    {
      key: 'partyPosts',
      label: '党内职务',
      children: member.partyPosts.length ? member.partyPosts.map((post) => PARTY_POST_LABELS[post]).join('、') : '—',
    },
    { key: 'isVillageCadre', label: '村干部', children: yesNo(member.isVillageCadre) },
    { key: 'isHardship', label: '困难党员', children: yesNo(member.isHardship) },
    { key: 'occupation', label: '工作岗位', children: member.occupation ? OCCUPATION_LABELS[member.occupation] : '—' },
    { key: 'workUnit', label: '工作单位', children: text(member.workUnit) },
    { key: 'phone', label: '联系电话', children: <MaskedNumber member={member} field="phone" onReveal={onReveal} /> },
    { key: 'address', label: '家庭住址', children: text(member.address) },
    { key: 'hamlet', label: '村民小组', children: text(member.hamlet) },
    { key: 'completeness', label: '资料完整度', children: `${member.completeness}%` },
  ];

  // Newest first: the latest change is what a secretary usually looks for.
  const events = [...member.events].sort((a, b) => (a.occurredOn === b.occurredOn ? b.id - a.id : a.occurredOn < b.occurredOn ? 1 : -1));

  return (
    <>
      {(member.can.edit || member.can.recordEvent) && (
        <Space wrap style={{ marginBottom: 16 }}>
          {member.can.edit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => onAction('edit')}>
              编辑
            </Button>
          )}
          {member.can.recordEvent && (
            <Button icon={<HistoryOutlined />} onClick={() => onAction('event')}>
              记录党籍变动
            </Button>
          )}
        </Space>
      )}
      {member.missingFields.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`资料待补充:${member.missingFields.join('、')}`}
          data-testid="member-missing"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={narrow ? 1 : 2}
        items={items}
        className="member-descriptions"
        styles={{ label: { width: narrow ? 96 : 110, whiteSpace: 'nowrap' } }}
      />
      <SectionTitle style={{ marginTop: 24 }}>
        党籍记录
      </SectionTitle>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无党籍记录" />
      ) : (
        <Timeline
          className="member-timeline"
          // The date column: wide enough for YYYY-MM-DD, the rest of the width stays with the event.
          titleSpan={narrow ? '112px' : '120px'}
          styles={{ itemTitle: { whiteSpace: 'nowrap' } }}
          items={events.map((event) => ({
            key: event.id,
            title: event.occurredOn,
            content: eventContent(event),
            color: event.kind === 'left' || event.kind === 'died' || event.kind === 'suspended' ? 'gray' : 'red',
          }))}
        />
      )}
    </>
  );
}

/**
 * 基本信息 is what the roster needs at a glance; the other tabs (流动登记, 介绍信, 党费) load only when opened
 * (antd renders a pane on first activation and keeps it).
 */
function DetailTabs({
  member,
  narrow,
  tabs,
  onReveal,
  onAction,
}: {
  member: MemberDetail;
  narrow: boolean;
  tabs: readonly MemberDetailTab[];
  onReveal: (field: RevealField) => void;
  onAction: (action: Action) => void;
}) {
  const [tab, setTab] = useState('basic');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      className="member-detail-tabs"
      items={[
        {
          key: 'basic',
          label: <span data-testid="member-tab-basic">基本信息</span>,
          children: <DetailBody member={member} narrow={narrow} onReveal={onReveal} onAction={onAction} />,
        },
        ...tabs.map(({ key, label, render }) => ({
          key,
          label: <span data-testid={`member-tab-${key}`}>{label}</span>,
          children: render(member, narrow),
        })),
      ]}
    />
  );
}

export function MemberDetailDrawer({ memberId, onClose, organizations, tabs = [] }: Props) {
  const narrow = useNarrowScreen();
  const query = useMember(memberId);
  const member = query.data;
  const [reveal, setReveal] = useState<RevealField | null>(null);
  const [action, setAction] = useState<Action>(null);

  let body: ReactNode;
  if (query.isPending && memberId !== undefined) {
    body = <Skeleton active paragraph={{ rows: 10 }} />;
  } else if (query.isError) {
    body = isApiError(query.error, 404) ? (
      <Result status="404" title={NOT_FOUND_MESSAGE} subTitle="该党员可能已转出,或不在您的管理范围内。" />
    ) : (
      <LoadError title="党员信息加载失败" error={query.error} onRetry={() => query.refetch()} />
    );
  } else if (member) {
    // Keyed by member: opening another member starts again on 基本信息.
    body = <DetailTabs key={member.id} member={member} narrow={narrow} tabs={tabs} onReveal={setReveal} onAction={setAction} />;
  }

  const title = member ? (
    <Space size={8} wrap>
      <span data-testid="member-detail-name">{member.name}</span>
      {member.isDemo && <Tag color="orange">演示数据</Tag>}
    </Space>
  ) : (
    '党员详情'
  );

  return (
    <Drawer
      title={title}
      open={memberId !== undefined}
      onClose={onClose}
      size={narrow ? '100%' : 720}
      placement="right"
      destroyOnHidden
      className="member-detail-drawer"
    >
      <div data-testid="member-detail">
        {body}
      </div>
      {member && (
        <>
          <RevealModal memberId={member.id} memberName={member.name} field={reveal} onClose={() => setReveal(null)} />
          {member.can.recordEvent && (
            <RecordEventModal
              member={member}
              organizations={organizations}
              open={action === 'event'}
              onClose={() => setAction(null)}
              onDone={(updated) => {
                setAction(null);
                if (!updated) onClose();
              }}
            />
          )}
          {member.can.edit && (
            <MemberFormModal
              open={action === 'edit'}
              mode={{ kind: 'edit', member }}
              organizations={organizations}
              onClose={() => setAction(null)}
              onSaved={() => setAction(null)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
