import { DownloadOutlined } from '../../lib/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import type { EducationDocumentFormat } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';

const FORMATS: { key: EducationDocumentFormat; label: string }[] = [{ key: 'pdf', label: 'PDF(A4)' }, { key: 'docx', label: 'Word' }, { key: 'xlsx', label: 'Excel' }];

/**
 * 培训台账 / 培训档案 (issue 19 point 6) as PDF, Word or Excel, like economy's downloads: one button, the format from a
 * menu; `path` ends in `.` and takes the format. The server names the file; `name` is only the fallback.
 */
export function DocumentDownload({ label, path, name, query }: { label: string; path: string; name: string; query: Record<string, number> }) {
  const { message } = App.useApp();
  const download = useMutation({ mutationFn: (format: EducationDocumentFormat) => downloadFile(`${path}${format}`, `${name}.${format}`, query) });
  const save = (format: EducationDocumentFormat) => download.mutate(format, { onError: (e) => message.error(errorMessage(e)) });
  return (
    <Dropdown menu={{ items: FORMATS, onClick: ({ key }) => save(key as EducationDocumentFormat) }}>
      <Button icon={<DownloadOutlined />} loading={download.isPending}>{label}</Button>
    </Dropdown>
  );
}
