import { useState } from 'react';
import { App, Card, Col, Empty, Flex, Image, Input, Row, Typography } from 'antd';
import { ProjectPhotoQuerySchema, type Project } from '@dj/contracts';
import { FilePickButton } from '../../components/FilePickButton';
import { errorMessage } from '../../lib/api-client';
import { textPropsOf } from '../../lib/contract-rules';
import { formatDayOf } from '../../lib/format';
import { projectPhotoUrl, useUploadProjectPhoto } from './records-api';
import { SectionTitle } from '../../components/PageTitle';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** A project's photos: uploaded one by one with an optional caption; the server stores them without their location. */
export function ProjectPhotos({ project }: { project: Project }) {
  const { message } = App.useApp();
  const upload = useUploadProjectPhoto(project.id);
  const [caption, setCaption] = useState('');
  const onFiles = async (files: File[]) => {
    for (const file of files) {
      if (file.size > MAX_PHOTO_BYTES) {
        message.error(`“${file.name}”超过10MB,请压缩后再上传`);
        continue;
      }
      try {
        await upload.mutateAsync({ file, caption: caption.trim() || undefined });
        message.success(`已上传“${file.name}”`);
      } catch (e) { message.error(`“${file.name}”上传失败:${errorMessage(e)}`); }
    }
    setCaption('');
  };
  return (
    <Flex vertical gap={8} data-testid="project-photos">
      <SectionTitle style={{ margin: 0 }}>照片</SectionTitle>
      {project.can.edit && (
        <Flex gap={8} wrap align="center">
          <Input aria-label="照片说明" placeholder="照片说明(选填)" {...textPropsOf(ProjectPhotoQuerySchema, 'caption')} value={caption}
            onChange={(e) => setCaption(e.target.value)} style={{ maxWidth: 280 }} />
          <FilePickButton category="photo" label="上传照片" loading={upload.isPending} onFiles={(files) => void onFiles(files)} />
        </Flex>
      )}
      {project.can.edit && <Typography.Text type="secondary">照片上传后自动去除拍摄位置等信息。</Typography.Text>}
      {project.photos.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有照片" /> : (
        <Image.PreviewGroup>
          <Row gutter={[8, 8]}>
            {project.photos.map((p) => (
              <Col key={p.id} xs={12} sm={8}>
                <Card size="small" styles={{ body: { padding: 6 } }}>
                  <Image src={projectPhotoUrl(project.id, p.id)} alt={p.caption ?? '项目照片'} width="100%" style={{ aspectRatio: '4 / 3', objectFit: 'cover' }} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{p.caption ?? '无说明'} · {formatDayOf(p.uploadedAt)}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}
