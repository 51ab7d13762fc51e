import { useState } from 'react';
import { App, Card, Col, Empty, Flex, Image, Input, Row, Typography } from 'antd';
import { errorMessage } from '../../lib/api-client';
import { formatDayOf } from '../../lib/format';
import { FilePickButton } from '../../components/FilePickButton';
import { photoUrl, useUploadPhoto, type ServiceCenterPhoto } from './api';
import { ServiceCenterPhotoQuerySchema } from '@dj/contracts';
import { textPropsOf } from '../../lib/contract-rules';

/** The caption's counter from the contract (no silent cut at the limit; the API names it). */
const CAPTION_TEXT = textPropsOf(ServiceCenterPhotoQuerySchema, 'caption');

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** 照片: uploaded one by one with an optional caption, shown as thumbnails that open full size. */
export function PhotosSection({ centerId, photos, canEdit }: { centerId: number; photos: ServiceCenterPhoto[]; canEdit: boolean }) {
  const upload = useUploadPhoto(centerId);
  const { message } = App.useApp();
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
      } catch (error) {
        message.error(`“${file.name}”上传失败:${errorMessage(error)}`);
      }
    }
    setCaption('');
  };

  return (
    <Flex vertical gap={8} data-testid="photos-section">
      {canEdit && (
        <Flex gap={8} wrap align="center">
          <Input
            aria-label="照片说明"
            placeholder="照片说明(选填,如:便民服务大厅)"
            {...CAPTION_TEXT}
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            style={{ maxWidth: 320 }}
          />
          <FilePickButton category="photo" label="上传照片" loading={upload.isPending} onFiles={(files) => void onFiles(files)} />
        </Flex>
      )}
      {photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有照片" />
      ) : (
        <Image.PreviewGroup>
          <Row gutter={[8, 8]} data-testid="photo-grid">
            {photos.map((photo) => (
              <Col key={photo.id} xs={12} sm={8} md={6}>
                <Card size="small" styles={{ body: { padding: 6 } }}>
                  <Image
                    src={photoUrl(centerId, photo.id)}
                    alt={photo.caption ?? '服务中心照片'}
                    width="100%"
                    style={{ aspectRatio: '4 / 3', objectFit: 'cover' }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {photo.caption ?? '无说明'} · {formatDayOf(photo.uploadedAt)}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}
