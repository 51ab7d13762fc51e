import { useState } from 'react';
import { Button, Card, Flex, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, TeamOutlined } from '../../lib/icons';
import { UserListQuerySchema, type Credential, type UserListQuery, type UserSummary } from '@dj/contracts';
import { ListBody } from '../../components/ListBody';
import { maxLengthOf } from '../../lib/contract-rules';
import { formatDateTime } from '../../lib/format';
import { canEditSettings } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useUsers } from './api';
import { BulkSecretariesDrawer } from './BulkSecretariesDrawer';
import { CreateUserModal } from './CreateUserModal';
import { CredentialModal } from './CredentialModal';
import { EditGrantsModal } from './EditGrantsModal';
import { grantText, ROLE_OPTIONS, STATUS_OPTIONS, statusTags } from './labels';
import { UserActions } from './UserActions';
import { UserSessionsModal } from './UserSessionsModal';
import { PageTitle } from '../../components/PageTitle';

const Grants = ({ user }: { user: UserSummary }) => (
  <Flex gap={4} wrap>{user.grants.map((g) => <Tag key={`${g.role}-${g.organizationId}`}>{grantText(g)}</Tag>)}</Flex>
);
const Status = ({ user }: { user: UserSummary }) => <>{statusTags(user).map((t) => <Tag key={t.text} color={t.color}>{t.text}</Tag>)}</>;
const twoFactorText = (user: UserSummary) => (user.twoFactorEnrolled ? '已绑定' : '未绑定');

/** /settings/users: the town's accounts, who may do what where, and the admin's actions on each (issue 12 point 1). */
export function UsersPage() {
  const { data: me } = useMe();
  const allowed = canEditSettings(me);
  const [query, setQuery] = useState<UserListQuery>({});
  const users = useUsers(query, allowed);
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [sessionsOf, setSessionsOf] = useState<UserSummary | null>(null);
  // The one-time password lives here only while its modal is open: closing drops it for good.
  const [credential, setCredential] = useState<{ title: string; value: Credential } | null>(null);
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="账号管理只对镇党委管理员开放。" />;

  const actions = (user: UserSummary) => (
    <UserActions
      user={user}
      onEditGrants={setEditing}
      onSessions={setSessionsOf}
      onCredential={(value) => setCredential({ title: `已重置“${value.displayName}”的密码`, value })}
    />
  );
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <PageTitle>账号管理</PageTitle>
          <Typography.Text type="secondary">本镇各账号的角色与所属组织;角色的改动对已登录的设备立即生效。</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<TeamOutlined />} onClick={() => setBulk(true)}>批量开通书记账号</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建账号</Button>
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          placeholder="用户名或姓名"
          aria-label="搜索账号"
          maxLength={maxLengthOf(UserListQuerySchema, 'q')}
          onSearch={(q) => setQuery((old) => ({ ...old, q: q.trim() || undefined }))}
          style={{ flex: '1 1 200px', maxWidth: 320 }}
        />
        <Select allowClear placeholder="角色" aria-label="按角色筛选" options={ROLE_OPTIONS} style={{ width: 160 }} onChange={(role) => setQuery((old) => ({ ...old, role }))} />
        <Select allowClear placeholder="状态" aria-label="按状态筛选" options={STATUS_OPTIONS} style={{ width: 120 }} onChange={(status) => setQuery((old) => ({ ...old, status }))} />
      </Flex>
      <ListBody<UserSummary>
        query={users}
        errorTitle="账号列表加载失败"
        items={users.data?.items}
        empty={query.q || query.role || query.status ? '没有符合条件的账号' : '还没有账号'}
        table={(items) => (
          <Table<UserSummary>
            data-testid="users-table"
            rowKey="id"
            size="small"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '用户名', dataIndex: 'username' },
              { title: '姓名/显示名称', render: (_v, u) => (u.person && u.person.name !== u.displayName ? `${u.person.name} / ${u.displayName}` : u.displayName) },
              { title: '角色与所属组织', render: (_v, u) => <Grants user={u} /> },
              { title: '状态', render: (_v, u) => <Status user={u} /> },
              { title: '手机验证器', render: (_v, u) => twoFactorText(u) },
              { title: '最近登录(北京时间)', dataIndex: 'lastSeenAt', render: (v: string | null) => formatDateTime(v) },
              { title: '操作', key: 'actions', render: (_v, u) => actions(u) },
            ]}
          />
        )}
        cards={(items) => (
          <Flex vertical gap={8} data-testid="users-cards">
            {items.map((u) => (
              <Card key={u.id} size="small" title={`${u.displayName}(${u.username})`} extra={<Status user={u} />}>
                <Flex vertical gap={6}>
                  <Grants user={u} />
                  <Typography.Text type="secondary">手机验证器:{twoFactorText(u)} · 最近登录:{formatDateTime(u.lastSeenAt)}</Typography.Text>
                  {actions(u)}
                </Flex>
              </Card>
            ))}
          </Flex>
        )}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(value) => setCredential({ title: `已创建“${value.displayName}”的账号`, value })}
      />
      <EditGrantsModal user={editing} onClose={() => setEditing(null)} />
      <UserSessionsModal user={sessionsOf} onClose={() => setSessionsOf(null)} />
      <CredentialModal credential={credential?.value ?? null} title={credential?.title ?? ''} onClose={() => setCredential(null)} />
      <BulkSecretariesDrawer open={bulk} onClose={() => setBulk(false)} />
    </Flex>
  );
}
