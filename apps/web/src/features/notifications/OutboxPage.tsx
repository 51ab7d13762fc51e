import { useState } from 'react';
import { Empty, Flex, Result, Segmented, Table, Tag, Typography } from 'antd';
import type { OutboxEntry } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useMe } from '../../lib/session';
import { canEditSettings } from '../../lib/roles';
import { formatDateTime } from '../../lib/format';
import { useOutbox } from './api';
import { PageTitle } from '../../components/PageTitle';

const STATUS = { pending: { label: '待发送', color: 'gold' }, sent: { label: '已发送', color: 'green' }, failed: { label: '发送失败', color: 'red' } } as const;

/** /settings/outbox: what the reminders sent by SMS, to whom (masked), and whether it went out. Nothing is ever deleted. */
export function OutboxPage() {
  const { data: me } = useMe();
  const [status, setStatus] = useState<'all' | keyof typeof STATUS>('all');
  const allowed = canEditSettings(me);
  const query = useOutbox(status === 'all' ? undefined : status, allowed);
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="短信发送记录只对镇党委管理员开放。" />;
  return (
    <Flex vertical gap={12}>
      <div>
        <PageTitle>短信发送记录</PageTitle>
        <Typography.Text type="secondary">组织生活截止提醒的短信,每条都留有记录;号码只显示脱敏后的形式。</Typography.Text>
      </div>
      <Segmented
        aria-label="发送状态"
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        options={[{ value: 'all', label: '全部' }, ...Object.entries(STATUS).map(([value, s]) => ({ value, label: s.label }))]}
      />
      {query.isError ? (
        <LoadError title="发送记录加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <Table<OutboxEntry>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有短信" /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 720 }}
          columns={[
            { title: '生成时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), width: 170 },
            { title: '收件人', render: (_, r) => `${r.userDisplayName ?? ''} ${r.recipientMasked}`, width: 200 },
            { title: '内容', dataIndex: 'body' },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: OutboxEntry['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
            { title: '尝试', dataIndex: 'attempts', width: 60 },
            { title: '发送时间 / 原因', width: 200, render: (_, r) => (r.status === 'failed' ? r.lastError ?? '—' : formatDateTime(r.sentAt)) },
          ]}
        />
      )}
    </Flex>
  );
}
