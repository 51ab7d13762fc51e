import { useState } from 'react';
import { Button, Card, Flex, List, Space, Typography } from 'antd';
import { PlusOutlined } from '../../../lib/icons';
import type { Venue } from '@dj/contracts';
import { ListBody } from '../../../components/ListBody';
import { useVenues } from './api';
import { Bookings } from './Bookings';
import { HostedGroups } from './HostedGroups';
import { BookingFormModal, VenueFormModal } from './VenueForms';
import { PageTitle } from '../../../components/PageTitle';

function VenueCard({ v, onEdit, onBook }: { v: Venue; onEdit: () => void; onBook: () => void }) {
  return (
    <Card size="small" style={{ marginBottom: 8 }} title={v.name}
      extra={v.can.manage && <Space size={4}><Button size="small" type="primary" onClick={onBook}>预约</Button><Button size="small" onClick={onEdit}>修改</Button></Space>}>
      <div>容纳{v.capacity}人{v.areaSqm ? ` · ${v.areaSqm}平方米` : ''}</div>
      <Typography.Text type="secondary">{v.organizationName}{v.address ? ` · ${v.address}` : ''}</Typography.Text>
      {v.note && <div>{v.note}</div>}
    </Card>
  );
}

/**
 * 培训阵地 (issue 19 point 5): the venues with their capacity, the coming bookings by day, and the 参观考察 groups
 * hosted with each year's count. Counts only, no ranking.
 */
export function VenuesPage() {
  const venues = useVenues();
  const [editing, setEditing] = useState<Venue | 'new' | null>(null);
  const [booking, setBooking] = useState<Venue | null>(null);
  const organizers = venues.data?.organizers ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>培训阵地</PageTitle>
        {organizers.length > 0 && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>登记场地</Button>}
      </Flex>
      <Card size="small" title="培训场地" data-testid="venues">
        <ListBody query={venues} errorTitle="培训场地加载失败" items={venues.data?.items} empty="还没有登记培训场地"
          cards={(items) => <List dataSource={items} split={false} renderItem={(v) => <List.Item style={{ display: 'block', padding: 0 }}><VenueCard v={v} onEdit={() => setEditing(v)} onBook={() => setBooking(v)} /></List.Item>} />} />
      </Card>
      <Bookings />
      <HostedGroups organizers={organizers} venues={venues.data?.items ?? []} />
      <VenueFormModal venue={editing === 'new' ? null : editing} organizers={organizers} open={editing !== null} onClose={() => setEditing(null)} />
      <BookingFormModal venue={booking} onClose={() => setBooking(null)} />
    </Flex>
  );
}
