import type { KeyboardEvent, ReactNode } from 'react';
import { Card, Empty, Flex, Pagination, Progress, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { GENDER_LABELS, MEMBERSHIP_STATUS_LABELS, type Member, type MemberList } from '@dj/contracts';
import { PAGE_SIZES } from './roster-params';
import { STANDING_COLORS, STANDING_SHORT, STATUS_COLORS, partyYearsText, placementText } from './labels';

interface Props {
  data: MemberList | undefined;
  loading: boolean;
  narrow: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (member: Member) => void;
  emptyText: ReactNode;
}

const EMPTY: Member[] = [];

function StandingTag({ member }: { member: Member }) {
  return <Tag color={STANDING_COLORS[member.standing]}>{STANDING_SHORT[member.standing]}</Tag>;
}

function StatusTag({ member }: { member: Member }) {
  return <Tag color={STATUS_COLORS[member.membershipStatus]}>{MEMBERSHIP_STATUS_LABELS[member.membershipStatus]}</Tag>;
}

function MobileTag({ member }: { member: Member }) {
  return member.isMobile ? <Tag color="blue">流动</Tag> : null;
}

function Completeness({ percent }: { percent: number }) {
  return (
    <Progress
      percent={percent}
      size="small"
      status={percent >= 100 ? 'success' : 'normal'}
      aria-label={`资料完整度 ${percent}%`}
      style={{ minWidth: 90, margin: 0 }}
    />
  );
}

function onActivate(event: KeyboardEvent, open: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open();
  }
}

function columns(onOpen: (member: Member) => void): TableColumnsType<Member> {
  return [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'start',
      width: 96,
      render: (_v, m) => (
        <Typography.Link
          onClick={(event) => {
            event.stopPropagation();
            onOpen(m);
          }}
        >
          {m.name}
        </Typography.Link>
      ),
    },
    { title: '性别', dataIndex: 'gender', width: 60, render: (_v, m) => GENDER_LABELS[m.gender] },
    { title: '出生日期', dataIndex: 'birthDate', width: 110 },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 190, render: (_v, m) => <span className="masked-number">{m.idNumberMasked}</span> },
    {
      title: '联系电话',
      dataIndex: 'phoneMasked',
      width: 130,
      render: (_v, m) => (m.phoneMasked ? <span className="masked-number">{m.phoneMasked}</span> : '—'),
    },
    { title: '所在党支部/党小组', key: 'placement', width: 220, render: (_v, m) => placementText(m) },
    { title: '类别', dataIndex: 'standing', width: 70, render: (_v, m) => <StandingTag member={m} /> },
    { title: '党籍状态', dataIndex: 'membershipStatus', width: 96, render: (_v, m) => <StatusTag member={m} /> },
    { title: '流动', dataIndex: 'isMobile', width: 70, render: (_v, m) => (m.isMobile ? <MobileTag member={m} /> : '—') },
    { title: '党龄', dataIndex: 'partyYears', width: 80, render: (_v, m) => partyYearsText(m) },
    { title: '入党日期', dataIndex: 'joinedAt', width: 110 },
    { title: '资料完整度', dataIndex: 'completeness', width: 140, render: (_v, m) => <Completeness percent={m.completeness} /> },
  ];
}

/** The phone layout: one card per member, everything readable without sideways scrolling. */
function MemberCard({ member, onOpen }: { member: Member; onOpen: (member: Member) => void }) {
  const open = () => onOpen(member);
  return (
    <Card
      size="small"
      hoverable
      className="member-card"
      onClick={open}
      onKeyDown={(event) => onActivate(event, open)}
      role="button"
      tabIndex={0}
      // Named by what it shows (name, standing, status): a separate label would leave out the words on screen (WCAG 2.5.3).
      data-testid="member-card"
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 17 }}>
          {member.name}
        </Typography.Text>
        <Space size={4} wrap>
          <StandingTag member={member} />
          <StatusTag member={member} />
          <MobileTag member={member} />
        </Space>
      </Flex>
      <div className="member-card-lines">
        <div>{placementText(member)}</div>
        <div>
          {GENDER_LABELS[member.gender]} · 入党 {member.joinedAt} · 党龄 {partyYearsText(member)}
        </div>
        <div className="masked-number">{member.idNumberMasked}</div>
        {member.phoneMasked && <div className="masked-number">电话 {member.phoneMasked}</div>}
      </div>
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          资料完整度
        </Typography.Text>
        <Completeness percent={member.completeness} />
      </Flex>
    </Card>
  );
}

export function RosterList({ data, loading, narrow, page, pageSize, onPageChange, onOpen, emptyText }: Props) {
  const items = data?.items ?? EMPTY;
  const total = data?.total ?? 0;

  if (narrow) {
    let body: ReactNode;
    if (loading && !data) body = <Skeleton active paragraph={{ rows: 4 }} />;
    else if (items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
    else body = items.map((member) => <MemberCard key={member.id} member={member} onOpen={onOpen} />);
    return (
      <div data-testid="member-cards" className="member-cards" aria-busy={loading}>
        {body}
        {total > pageSize && (
          <Pagination
            simple
            current={page}
            pageSize={pageSize}
            total={total}
            onChange={onPageChange}
            style={{ textAlign: 'center', marginTop: 8 }}
          />
        )}
      </div>
    );
  }

  return (
    <div data-testid="member-table">
      <Table<Member>
        rowKey="id"
        size="small"
        columns={columns(onOpen)}
        dataSource={items}
        loading={loading}
        scroll={{ x: 1400 }}
        onRow={(member) => ({
          onClick: () => onOpen(member),
          className: 'member-row',
        })}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          // Past 10,000 in scope the server estimates rather than counts every page (issue 14).
          showTotal: (count) => `${data?.totalIsEstimate ? '约' : '共'} ${count} 名党员`,
          onChange: onPageChange,
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
    </div>
  );
}
