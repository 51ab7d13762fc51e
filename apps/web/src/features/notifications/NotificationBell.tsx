import { useState } from 'react';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '../../lib/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api-client';
import { formatShortDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications, type NotificationItem } from './api';


/** The header bell: the caller's reminders (组织生活临近截止、已逾期), polled every minute. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const { data, isLoading, error } = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = data?.unread ?? 0;

  const onItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };

  let body;
  if (isLoading) body = <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>;
  else if (error) body = <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  else if (!data || data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无提醒" />;
  else {
    body = (
      <div role="list" aria-label="提醒列表" style={{ maxHeight: 420, overflowY: 'auto' }}>
        {data.items.map((n) => (
          <div
            key={n.id}
            role="listitem"
            tabIndex={0}
            onClick={() => onItem(n)}
            onKeyDown={(e) => { if (e.key === 'Enter') onItem(n); }}
            style={{ padding: '8px 4px', borderBottom: '1px solid rgba(0,0,0,0.06)', cursor: n.link ? 'pointer' : 'default' }}
          >
            <Flex justify="space-between" gap={8}>
              <Badge status={n.readAt ? 'default' : n.title.includes('逾期') ? 'error' : 'warning'} text={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>} />
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatShortDateTime(n.createdAt)}</Typography.Text>
            </Flex>
            <Typography.Paragraph type={n.readAt ? 'secondary' : undefined} style={{ margin: '4px 0 0 14px' }}>{n.body}</Typography.Paragraph>
          </div>
        ))}
      </div>
    );
  }

  const title = (
    <Flex justify="space-between" align="center">
      <span>提醒</span>
      <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
        全部标为已读
      </Button>
    </Flex>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} title={title} content={<div style={{ width: 340, maxWidth: '80vw' }}>{body}</div>}>
      <Button type="text" aria-label={unread ? `提醒(${unread}条未读)` : '提醒'} className="app-header-icon-button"
        icon={<Badge count={unread} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18, color: 'inherit' }} /></Badge>} />
    </Popover>
  );
}
