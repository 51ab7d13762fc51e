import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Space, Spin, Tag, Typography } from 'antd';
import { NEWS_STATUS_LABELS, type NewsSummary } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { formatDateTime } from '../../lib/format';
import { useNewsList } from './api';
import { NewsDrawer } from './NewsDrawer';
import { PageTitle } from '../../components/PageTitle';

const STATUS_COLOR = { draft: 'default', approved: 'blue', published: 'green', withdrawn: 'orange' } as const;

function NewsCard({ n, onOpen }: { n: NewsSummary; onOpen: () => void }) {
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid="news-card">
      <Flex vertical gap={2}>
        <Space size={4} wrap><Typography.Text strong>{n.title}</Typography.Text><Tag color={STATUS_COLOR[n.status]}>{NEWS_STATUS_LABELS[n.status]}</Tag></Space>
        <Typography.Text type="secondary">
          {n.author} · 撰写:{n.createdByName ?? '—'}{n.approvedByName ? ` · 审核:${n.approvedByName}` : ''}{n.publishedAt ? ` · 发布于${formatDateTime(n.publishedAt)}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 党建动态 (issue 20 point 6): drafted by a town admin, approved and published by another, shown on the town's public site. */
export function NewsPage() {
  const list = useNewsList();
  const { message } = App.useApp();
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const site = list.data ? `/public/towns/${list.data.townCode}` : null;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>党建动态</PageTitle>
        <Space wrap>
          {site && <Button href={site} target="_blank">查看镇党建门户</Button>}
          <Button type="primary" onClick={() => setOpen('new')}>撰写动态</Button>
        </Space>
      </Flex>
      <Typography.Text type="secondary">撰写后由另一位镇党委管理员审核、发布;发布时自动检查身份证号、手机号。</Typography.Text>
      {list.isLoading ? <Spin /> : list.isError ? <LoadError title="党建动态加载失败" error={list.error} onRetry={() => list.refetch()} /> : list.data!.items.length === 0
        ? <Empty description="还没有动态" />
        : <Flex vertical gap={8}>{list.data!.items.map((n) => <NewsCard key={n.id} n={n} onOpen={() => setOpen(n.id)} />)}</Flex>}
      <NewsDrawer target={open} townCode={list.data?.townCode ?? ''} onClose={() => setOpen(null)} onCreated={(id) => { message.success('已保存草稿'); setOpen(id); }} />
    </Flex>
  );
}
