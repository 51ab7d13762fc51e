import { useMemo, useState, type ReactNode } from 'react';
import { Button, Calendar, Card, Empty, Flex, Popover, Result, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined, ThunderboltOutlined } from '../../lib/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { REVIEW_STATUS_LABELS } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { MonthOrgFilters } from '../../components/MonthOrgFilters';
import { monthLabel } from '../../lib/months';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useActivities, type Activity } from './api';
import { CreateActivityModal } from './CreateActivityModal';
import { ACTIVITY_KIND_LABELS, REVIEW_STATUS_COLORS, monthRange } from './labels';
import { LedgerButtons } from './LedgerButtons';
import { useActivityOrg } from './use-activity-org';
import { PageTitle } from '../../components/PageTitle';

function ActivityTag({ activity, onOpen }: { activity: Activity; onOpen: (a: Activity) => void }) {
  return (
    <Tag
      color={REVIEW_STATUS_COLORS[activity.reviewStatus]}
      data-testid={`calendar-activity-${activity.id}`}
      title={`${activity.organizationName} ${activity.topic}(${REVIEW_STATUS_LABELS[activity.reviewStatus]})`}
      style={{ cursor: 'pointer', marginBottom: 2, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}
      onClick={(event) => {
        event.stopPropagation();
        onOpen(activity);
      }}
    >
      {ACTIVITY_KIND_LABELS[activity.kind]}
    </Tag>
  );
}

/** A day cell holds three tags; a busier day shows two and "+N", the whole day one tap away, instead of clipping. */
const DAY_CAPACITY = 3;

export function DayActivities({ items, onOpen }: { items: Activity[]; onOpen: (a: Activity) => void }) {
  const overflow = items.length > DAY_CAPACITY;
  const shown = overflow ? items.slice(0, DAY_CAPACITY - 1) : items;
  return (
    <Flex vertical gap={0} align="flex-start">
      {shown.map((a) => <ActivityTag key={a.id} activity={a} onOpen={onOpen} />)}
      {overflow && (
        <Popover
          trigger="click"
          title={`${items[0].heldOn}共${items.length}项`}
          content={<Flex vertical gap={2} align="flex-start">{items.map((a) => <ActivityTag key={a.id} activity={a} onOpen={onOpen} />)}</Flex>}
        >
          <Tag
            data-testid="calendar-more"
            style={{ cursor: 'pointer' }}
            aria-label={`还有${items.length - shown.length}项`}
            onClick={(event) => event.stopPropagation()}
          >
            +{items.length - shown.length}
          </Tag>
        </Popover>
      )}
    </Flex>
  );
}

function ActivityList({ items, onOpen }: { items: Activity[]; onOpen: (a: Activity) => void }) {
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月还没有组织生活记录" />;
  }
  const sorted = [...items].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  return (
    <div className="task-items" data-testid="activity-list">
      {sorted.map((a) => (
        <div
          key={a.id}
          className="task-item"
          role="link"
          tabIndex={0}
          style={{ cursor: 'pointer' }}
          onClick={() => onOpen(a)}
          onKeyDown={(event) => event.key === 'Enter' && onOpen(a)}
          data-testid="activity-list-item"
        >
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex gap={6} wrap align="center">
              <Typography.Text strong>{a.heldOn}</Typography.Text>
              <Tag>{ACTIVITY_KIND_LABELS[a.kind]}</Tag>
              <Tag color={REVIEW_STATUS_COLORS[a.reviewStatus]}>{REVIEW_STATUS_LABELS[a.reviewStatus]}</Tag>
              {a.isDemo && <Tag color="purple">演示数据</Tag>}
            </Flex>
            <Typography.Text>{a.topic}</Typography.Text>
            <Typography.Text type="secondary">
              {a.organizationName} · {a.place} · 出席{a.attendance.present} 请假{a.attendance.excused} 缺席{a.attendance.absent}
            </Typography.Text>
          </Flex>
        </div>
      ))}
    </div>
  );
}

export function ActivityCalendarPage() {
  const narrow = useNarrowScreen();
  const navigate = useNavigate();
  const { month, orgId, branch, groups, orgs, update, canRecord, canSee } = useActivityOrg();
  const [creating, setCreating] = useState(false);
  const range = monthRange(month);
  const list = useActivities({ orgId, ...range }, canSee);
  const byDay = useMemo(() => {
    const map = new Map<string, Activity[]>();
    for (const a of list.data ?? []) map.set(a.heldOn, [...(map.get(a.heldOn) ?? []), a]);
    return map;
  }, [list.data]);
  const open = (a: Activity) => navigate(`/activities/${a.id}`);
  const themeDayHref = branch ? `/activities/theme-day?orgId=${branch.id}&month=${month}` : undefined;

  const cellRender = (date: Dayjs, info: { type: string; originNode: ReactNode }) => {
    if (info.type !== 'date') return info.originNode;
    const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (items.length === 0) return null;
    if (narrow) return <Typography.Text type="danger">●{items.length > 1 ? items.length : ''}</Typography.Text>;
    return <DayActivities items={items} onOpen={open} />;
  };

  if (!canSee) {
    return <Result status="403" title="没有权限查看" subTitle="组织生活记录供党组织书记和工作人员使用;党员本人的活动请在“我的组织生活”中查看。" />;
  }

  let body: ReactNode;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (list.isError) body = <LoadError title="组织生活记录加载失败" error={list.error} onRetry={() => list.refetch()} />;
  else {
    body = (
      <>
        <Card size="small" data-testid="activity-calendar">
          <Calendar
            fullscreen={!narrow}
            mode="month"
            value={dayjs(`${month}-01`)}
            headerRender={() => null}
            cellRender={cellRender}
            onSelect={(date, info) => {
              if (info.source !== 'date') return;
              const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
              if (items.length === 1) open(items[0]);
              else if (date.format('YYYY-MM') !== month) update({ month: date.format('YYYY-MM') });
            }}
          />
        </Card>
        <Card size="small" title={`${monthLabel(month)}的组织生活`}>
          <ActivityList items={list.data} onOpen={open} />
        </Card>
      </>
    );
  }

  return (
    <Flex vertical gap={12} className="activity-calendar-page">
      <div>
        <PageTitle>组织生活记录</PageTitle>
        <Typography.Text type="secondary">按月查看三会一课、主题党日等记录,点击查看详情、补材料和提交督导签认。</Typography.Text>
      </div>
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <MonthOrgFilters
            month={month} orgId={orgId} orgs={orgs.data} loading={orgs.isPending} onChange={update} orgLabel="党支部"
            orgStyle={{ minWidth: 220, flex: narrow ? '1 1 100%' : undefined }}
          />
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {canRecord && (
            <>
              <Button type="primary" icon={<ThunderboltOutlined />} disabled={!themeDayHref} onClick={() => themeDayHref && navigate(themeDayHref)}>
                记录本月主题党日
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建活动</Button>
            </>
          )}
          <LedgerButtons orgId={branch?.id} month={month} />
        </Flex>
        {!branch && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            选择一个党支部后,可下载该支部的台账{canRecord ? '、记录主题党日' : ''}。
          </Typography.Paragraph>
        )}
      </Card>
      <Flex vertical gap={12} aria-busy={list.isFetching}>{body}</Flex>
      <CreateActivityModal
        open={creating}
        onClose={() => setCreating(false)}
        branchId={branch?.id}
        groups={groups}
        organizations={orgs.data ?? []}
        defaultDate={range.from}
        onCreated={(id) => navigate(`/activities/${id}`)}
      />
    </Flex>
  );
}
