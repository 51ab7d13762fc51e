import { App, Button, Empty, Modal, Table } from 'antd';
import type { SessionInfo, UserSummary } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useEndUserSession, useUserSessions } from './api';

/** 登录设备 of one account (Beijing time); ending one signs that device out on its next request. */
export function UserSessionsModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const { message } = App.useApp();
  const sessions = useUserSessions(user?.id ?? null);
  const end = useEndUserSession();
  const onEnd = (s: SessionInfo) => {
    if (!user) return;
    end.mutate({ userId: user.id, sessionId: s.id }, {
      onSuccess: () => message.success('该设备已退出登录'),
      onError: (error) => message.error(errorMessage(error)),
    });
  };
  return (
    <Modal title={user ? `登录设备:${user.displayName}` : '登录设备'} open={user !== null} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      {sessions.isError ? (
        <LoadError title="登录设备加载失败" error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : (
        <Table<SessionInfo>
          data-testid="user-sessions"
          rowKey="id"
          size="small"
          loading={sessions.isPending}
          dataSource={sessions.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有已登录的设备" /> }}
          columns={[
            { title: '登录时间(北京时间)', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            { title: '最近活动', dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
            { title: '地址', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
            {
              title: '操作',
              key: 'end',
              render: (_v, s) => (
                <Button size="small" danger onClick={() => onEnd(s)} loading={end.isPending && end.variables.sessionId === s.id}>退出该设备</Button>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
