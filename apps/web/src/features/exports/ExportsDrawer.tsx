import { useEffect } from 'react';
import { App, Badge, Button, Drawer, Empty, Flex, Progress, Spin, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, DownloadOutlined } from '../../lib/icons';
import { EXPORT_STATUS_LABELS, type ExportJob } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { setExportsDrawerOpen, useExports, useExportsDrawerOpen } from '../../lib/exports';
import { formatShortDateTime } from '../../lib/format';

const STATUS_COLORS = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

function sizeLabel(bytes: number | null): string {
  if (bytes == null) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function ExportItem({ job }: { job: ExportJob }) {
  const { message } = App.useApp();
  const download = async () => {
    try {
      await downloadFile(`/api/exports/${job.id}/file`, job.fileName ?? `${job.title}`);
    } catch (error) {
      message.error(`下载失败:${errorMessage(error)}`);
    }
  };
  return (
    <div role="listitem" style={{ padding: '10px 0', borderBottom: '1px solid rgba(0,0,0,0.06)' }}>
      <Flex justify="space-between" gap={8} align="start">
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>{job.title}</Typography.Text>
        <Tag color={STATUS_COLORS[job.status]} style={{ marginInlineEnd: 0 }}>{EXPORT_STATUS_LABELS[job.status]}</Tag>
      </Flex>
      {(job.status === 'queued' || job.status === 'running') && <Progress percent={job.progress} size="small" status="active" aria-label={`${job.title}进度`} />}
      {job.status === 'failed' && <Typography.Text type="danger">{job.error}</Typography.Text>}
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatShortDateTime(job.createdAt)}
          {job.status === 'done' && job.expiresAt ? ` · ${sizeLabel(job.size)} · 保留至 ${formatShortDateTime(job.expiresAt)}` : ''}
        </Typography.Text>
        {job.status === 'done' && <Button size="small" type="primary" icon={<DownloadOutlined />} onClick={() => void download()}>下载</Button>}
      </Flex>
    </div>
  );
}

/** 我的导出: the caller's exports with their progress and, once made, a download button (issue 14 point 6). */
export function ExportsDrawer() {
  const open = useExportsDrawerOpen();
  // The open state lives outside React (any page may open it): leaving the layout (signing out) closes it, so the
  // next user, or the next test, does not start with someone else's drawer open.
  useEffect(() => () => setExportsDrawerOpen(false), []);
  const { data, isLoading, error } = useExports(open);
  let body;
  if (isLoading) body = <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>;
  else if (error) body = <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  else if (!data || data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无导出任务" />;
  else body = <div role="list" aria-label="导出任务列表">{data.items.map((job) => <ExportItem key={job.id} job={job} />)}</div>;
  return (
    <Drawer title="我的导出" open={open} onClose={() => setExportsDrawerOpen(false)} size="min(480px, 100vw)">
      <Typography.Paragraph type="secondary">台账等较大的文件在后台生成,完成后可在这里下载;文件到期后自动删除,可重新导出。</Typography.Paragraph>
      {body}
    </Drawer>
  );
}

/** The header button that opens 我的导出, with a dot while an export is being made. */
export function ExportsButton({ narrow }: { narrow: boolean }) {
  const { data } = useExports();
  const busy = data?.items.some((i) => i.status === 'queued' || i.status === 'running') ?? false;
  return (
    <Badge dot={busy}>
      <Button icon={<CloudDownloadOutlined />} onClick={() => setExportsDrawerOpen(true)} aria-label="我的导出">
        {!narrow && '我的导出'}
      </Button>
    </Badge>
  );
}
