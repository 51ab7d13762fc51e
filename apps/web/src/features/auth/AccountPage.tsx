import type { ReactNode } from 'react';
import { App, Button, Card, Flex, List, Table, Tag, Typography } from 'antd';
import type { SessionInfo } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useElderMode } from '../../lib/session';
import { useEndSession, useSessions } from './account-api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PageTitle } from '../../components/PageTitle';

/**
 * 账号与安全 (/account): the signed-in user's own password, signed-in devices (issue 12 point 2) and second factor
 * (point 3), one page with three sections. The second factor's card belongs to the two-factor feature; features do
 * not import each other, so the app layer hands it in (app/AccountRoute.tsx).
 */
export function AccountPage({ twoFactor }: { twoFactor?: ReactNode }) {
  const { message } = App.useApp();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <PageTitle>账号与安全</PageTitle>
      <Card title="修改密码" id="password">
        <ChangePasswordForm onDone={(ended) => message.success(ended > 0 ? `密码已修改,其他${ended}个登录设备已退出` : '密码已修改')} />
      </Card>
      <Card title="登录设备" id="sessions">
        <SessionsTable />
      </Card>
      {twoFactor && <div id="two-factor">{twoFactor}</div>}
    </Flex>
  );
}

function SessionsTable() {
  const { message } = App.useApp();
  const elder = useElderMode();
  const sessions = useSessions();
  const end = useEndSession();
  const onEnd = (s: SessionInfo) => end.mutate(s.id, {
    onSuccess: () => {
      message.success(s.current ? '本机已退出登录' : '该设备已退出登录');
      // Ending this device's session is signing out: the next request finds no session and goes to sign-in.
      if (s.current) window.location.assign('/login');
    },
    onError: (error) => message.error(errorMessage(error)),
  });
  const endButton = (s: SessionInfo) => (
    <Button size={elder ? 'large' : 'small'} block={elder} danger onClick={() => onEnd(s)} loading={end.isPending && end.variables === s.id}>
      {s.current ? '退出本机' : '退出该设备'}
    </Button>
  );
  // 适老化 (issue 21 point 3): no table to scroll sideways on a phone; one device a row, its button full width.
  if (elder) {
    return (
      <List<SessionInfo>
        data-testid="sessions-list" loading={sessions.isPending} dataSource={sessions.data?.items ?? []} rowKey="id"
        renderItem={(s) => (
          <List.Item>
            <Flex vertical gap={8} style={{ width: '100%' }}>
              <Typography.Text>登录时间:{formatDateTime(s.createdAt)} {s.current && <Tag color="red">本机</Tag>}</Typography.Text>
              <Typography.Text type="secondary">最近活动:{formatDateTime(s.lastSeenAt)} · 地址:{s.ip ?? '—'}</Typography.Text>
              {endButton(s)}
            </Flex>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<SessionInfo>
      data-testid="sessions-table"
      rowKey="id"
      size="small"
      loading={sessions.isPending}
      dataSource={sessions.data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '登录时间', dataIndex: 'createdAt', render: (v: string, s) => <>{formatDateTime(v)} {s.current && <Tag color="red">本机</Tag>}</> },
        { title: '最近活动', dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
        { title: '地址', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
        {
          title: '操作',
          key: 'end',
          render: (_v, s) => endButton(s),
        },
      ]}
    />
  );
}
