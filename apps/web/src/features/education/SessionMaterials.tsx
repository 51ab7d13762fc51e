import { App, Button, Flex, List, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '../../lib/icons';
import { uploadAccept, uploadKindsLabel, type Training } from '@dj/contracts';
import { PickFileButton } from '../../components/PickFileButton';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { formatDateTime, sizeText } from '../../lib/format';
import { useMaterials } from './api';
import { ListItemMeta } from '../../components/ListItemMeta';

/** 培训材料: download for every reader, upload and delete for the holder (can.edit), through the one upload policy. */
export function SessionMaterials({ session }: { session: Training }) {
  const { message } = App.useApp();
  const { upload, remove } = useMaterials(session.id);
  const url = (fileId: number) => `/api/education/sessions/${session.id}/files/${fileId}`;
  const run = async (what: () => Promise<unknown>, done: string) => {
    try { await what(); message.success(done); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Flex vertical gap={8}>
      <List size="small" dataSource={session.files} locale={{ emptyText: '尚未上传培训材料' }} renderItem={(f) => (
        <List.Item actions={[
          <Button key="get" type="link" size="small" icon={<DownloadOutlined />} aria-label={`下载${f.name}`} onClick={() => void run(() => downloadFile(url(f.id), f.name), '已下载')} />,
          ...(session.can.edit ? [
            <Popconfirm key="del" title="删除这个文件?" okText="删除" cancelText="取消" onConfirm={() => run(() => remove.mutateAsync(f.id), '已删除')}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${f.name}`} />
            </Popconfirm>,
          ] : []),
        ]}>
          <ListItemMeta title={f.name} description={`${sizeText(f.size)} · ${formatDateTime(f.uploadedAt)}`} />
        </List.Item>
      )} />
      {session.can.edit && (
        <div>
          <PickFileButton label="上传培训材料" accept={uploadAccept('trainingMaterial')} loading={upload.isPending}
            onFiles={(files) => void run(() => upload.mutateAsync(files[0]), '已上传培训材料')} />
          <Typography.Text type="secondary" style={{ display: 'block' }}>可上传 {uploadKindsLabel('trainingMaterial')}(课件、讲稿、签到表照片等);照片会去除位置信息</Typography.Text>
        </div>
      )}
    </Flex>
  );
}
