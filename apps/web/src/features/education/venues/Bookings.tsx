import { App, Button, Card, Flex, List, Popconfirm, Skeleton, Typography, Empty } from 'antd';
import type { Booking } from '@dj/contracts';
import { LoadError } from '../../../components/LoadError';
import { errorMessage } from '../../../lib/api-client';
import { useBookings, useVenueWrites } from './api';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

/** The bookings by day, in the API's order (day, then time): a calendar read as a list, phone-sized. */
function byDay(items: Booking[]): [string, Booking[]][] {
  const days = new Map<string, Booking[]>();
  for (const b of items) days.set(b.date, [...(days.get(b.date) ?? []), b]);
  return [...days];
}

/** 场地预约: the coming 60 days of every venue in scope, grouped by day; the venue's keepers cancel. */
export function Bookings() {
  const { message } = App.useApp();
  const query = useBookings();
  const { cancel } = useVenueWrites();
  const remove = async (b: Booking) => {
    try { await cancel.mutateAsync({ venueId: b.venueId, id: b.id }); message.success('已取消预约'); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Card size="small" title="场地预约" data-testid="bookings"
      extra={query.data && <Typography.Text type="secondary">{query.data.from}至{query.data.to}</Typography.Text>}>
      {query.isPending ? <Skeleton active /> : query.isError ? <LoadError title="预约加载失败" error={query.error} onRetry={() => query.refetch()} /> : (
        query.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有预约" /> : (
          <Flex vertical gap={8}>
            {byDay(query.data.items).map(([date, items]) => (
              <div key={date} data-testid={`day-${date}`}>
                <Typography.Text strong>{date} {weekday(date)}</Typography.Text>
                <List size="small" dataSource={items} renderItem={(b) => (
                  <List.Item actions={b.can.cancel ? [
                    <Popconfirm key="c" title="取消这个预约?" okText="取消预约" cancelText="不取消" onConfirm={() => remove(b)}>
                      <Button size="small" type="link" danger>取消</Button>
                    </Popconfirm>,
                  ] : []}>
                    <span>{b.startsAt}–{b.endsAt} {b.venueName} · {b.purpose} · {b.people}人{b.bookedByName ? ` · ${b.bookedByName}` : ''}</span>
                  </List.Item>
                )} />
              </div>
            ))}
          </Flex>
        )
      )}
    </Card>
  );
}
