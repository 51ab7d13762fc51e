import { App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '../../lib/icons';
import { Link } from 'react-router';
import { FILE_CATEGORY_LABELS } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { fileUrl, useDownloadFile, useRemoveFile, useUploadFile, type ActivityDetail, type ActivityFile, type FileCategory } from './api';
import { formatDateTime, sizeText } from '../../lib/format';
import { FilePickButton } from '../../components/FilePickButton';

const CATEGORIES: FileCategory[] = ['photo', 'plan', 'material', 'attachment'];

/** The EXIF time arrives as an instant (the camera's offset, else Beijing, applied by the server) and is shown in Beijing time. */
const captured = (value: string | null) => (value ? `拍摄时间 ${formatDateTime(value)}` : '无拍摄时间');

function ReuseTags({ file }: { file: ActivityFile }) {
  return (
    <>
      {file.reusedIn.map((r, i) => (
        <Tag key={`${r.activityId}-${i}`} color="warning">
          疑似重复使用: {r.activityId ? <Link to={`/activities/${r.activityId}`}>{r.label}</Link> : r.label}
        </Tag>
      ))}
    </>
  );
}

interface FileActions {
  canDelete: boolean;
  onDownload: (file: ActivityFile) => void;
  onDelete: (file: ActivityFile) => void;
}

function DeleteButton({ file, onDelete }: { file: ActivityFile; onDelete: (file: ActivityFile) => void }) {
  return (
    <Popconfirm title={`删除“${file.filename}”?`} okText="删除" cancelText="取消" onConfirm={() => onDelete(file)}>
      <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除${file.filename}`} />
    </Popconfirm>
  );
}

function PhotoGrid({ activityId, photos, actions }: { activityId: number; photos: ActivityFile[]; actions: FileActions }) {
  if (photos.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有现场照片" />;
  return (
    <Row gutter={[8, 8]} data-testid="photo-grid">
      {photos.map((photo) => (
        <Col key={photo.id} xs={12} sm={8} md={6}>
          <Card size="small" styles={{ body: { padding: 6 } }}>
            <img
              src={fileUrl(activityId, photo.id, true)}
              alt={photo.filename}
              loading="lazy"
              style={{ width: '100%', aspectRatio: '4 / 3', objectFit: 'cover', cursor: 'pointer', display: 'block' }}
              onClick={() => actions.onDownload(photo)}
            />
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{captured(photo.capturedAt)}</Typography.Text>
              <Flex gap={2} wrap>
                {photo.hadLocation && <Tag color="blue">已去除位置信息</Tag>}
                <ReuseTags file={photo} />
              </Flex>
              {actions.canDelete && (
                <div>
                  <DeleteButton file={photo} onDelete={actions.onDelete} />
                </div>
              )}
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function FileList({ files, actions }: { files: ActivityFile[]; actions: FileActions }) {
  if (files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有活动方案、学习资料等材料" />;
  return (
    <div className="task-items" data-testid="file-list">
      {files.map((file) => (
        <div key={file.id} className="task-item">
          <Flex gap={8} justify="space-between" align="center" wrap>
            <Flex gap={6} align="center" wrap>
              <Tag>{FILE_CATEGORY_LABELS[file.category]}</Tag>
              <Typography.Text>{file.filename}</Typography.Text>
              <Typography.Text type="secondary">{sizeText(file.size)} · {file.uploadedBy}</Typography.Text>
              <ReuseTags file={file} />
            </Flex>
            <Flex gap={4}>
              <Button size="small" icon={<DownloadOutlined />} onClick={() => actions.onDownload(file)}>下载</Button>
              {actions.canDelete && <DeleteButton file={file} onDelete={actions.onDelete} />}
            </Flex>
          </Flex>
        </div>
      ))}
    </div>
  );
}

export function FilesSection({ detail, editable }: { detail: ActivityDetail; editable: boolean }) {
  const { message } = App.useApp();
  const upload = useUploadFile();
  const remove = useRemoveFile();
  const download = useDownloadFile();
  const fail = (error: unknown) => message.error(errorMessage(error));
  const actions: FileActions = {
    canDelete: editable,
    onDownload: (file) => download.mutateAsync({ activityId: detail.id, file }).catch(fail),
    onDelete: (file) => remove.mutateAsync({ id: detail.id, fileId: file.id }).then(() => message.success('已删除'), fail),
  };
  const uploadAll = async (category: FileCategory, files: File[]) => {
    try {
      for (const file of files) await upload.mutateAsync({ id: detail.id, category, file });
      message.success(`已上传${files.length}个文件`);
    } catch (error) {
      fail(error);
    }
  };
  const photos = detail.files.filter((f) => f.category === 'photo');
  const others = detail.files.filter((f) => f.category !== 'photo');
  return (
    <Card size="small" title="照片与材料">
      <Flex vertical gap={12}>
        {editable && (
          <Flex gap={8} wrap>
            {CATEGORIES.map((category) => (
              <FilePickButton
                key={category}
                category={category}
                label={`上传${FILE_CATEGORY_LABELS[category]}`}
                loading={upload.isPending && upload.variables?.category === category}
                onFiles={(files) => void uploadAll(category, files)}
              />
            ))}
          </Flex>
        )}
        <Typography.Text strong>现场照片({photos.length})</Typography.Text>
        <PhotoGrid activityId={detail.id} photos={photos} actions={actions} />
        <Typography.Text strong>其他材料({others.length})</Typography.Text>
        <FileList files={others} actions={actions} />
      </Flex>
    </Card>
  );
}
