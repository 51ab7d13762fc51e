import { App, Button, Flex } from 'antd';
import { PaperClipOutlined } from '../../lib/icons';
import { errorMessage } from '../../lib/api-client';
import { downloadInspectionFile, inspectionFileUrl, type InspectionFile } from './api';
import { sizeText } from '../../lib/format';

/** Photos as small thumbnails (tap to download), other files as download links. */
export function PhotoStrip({ files }: { files: InspectionFile[] }) {
  const { message } = App.useApp();
  const download = (file: InspectionFile) =>
    downloadInspectionFile(file).catch((error: unknown) => message.error(errorMessage(error)));
  const photos = files.filter((f) => f.mime.startsWith('image/'));
  const others = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <Flex vertical gap={6}>
      {photos.length > 0 && (
        <Flex gap={6} wrap>
          {photos.map((photo) => (
            <img
              key={photo.id}
              src={inspectionFileUrl(photo.id)}
              alt={photo.name}
              loading="lazy"
              style={{ width: 96, height: 72, objectFit: 'cover', borderRadius: 4, cursor: 'pointer' }}
              onClick={() => void download(photo)}
            />
          ))}
        </Flex>
      )}
      {others.map((file) => (
        <Button key={file.id} type="link" size="small" icon={<PaperClipOutlined />} style={{ padding: 0, alignSelf: 'flex-start' }} onClick={() => void download(file)}>
          {file.name}({sizeText(file.size)})
        </Button>
      ))}
    </Flex>
  );
}
