import { App, Button, Dropdown } from 'antd';
import { FileZipOutlined } from '../../lib/icons';
import { errorMessage } from '../../lib/api-client';
import { useStartExport } from '../../lib/exports';

const FORMAT_LABELS = { pdf: 'PDF', docx: 'Word' } as const;
type Format = keyof typeof FORMAT_LABELS;

/**
 * 所辖各支部年度台账: every branch's yearly ledger under the chosen organisation (or the user's own), in one zip made
 * as an export (导出任务, issue 14 point 6); its progress and download are in 我的导出.
 */
export function AllLedgersButton({ orgId, year }: { orgId?: number; year: string }) {
  const { message } = App.useApp();
  const startExport = useStartExport();
  const start = async (format: Format) => {
    if (!orgId) return;
    try {
      await startExport.mutateAsync({ kind: 'town_ledgers', orgId, period: year, format });
      message.success(`已开始生成所辖各支部${year}年度台账(${FORMAT_LABELS[format]}压缩包),完成后在“我的导出”中下载`);
    } catch (error) {
      message.error(`导出失败:${errorMessage(error)}`);
    }
  };
  const menu = {
    items: (Object.keys(FORMAT_LABELS) as Format[]).map((format) => ({ key: format, label: `${FORMAT_LABELS[format]} 文档(压缩包)` })),
    onClick: ({ key }: { key: string }) => void start(key as Format),
  };
  return (
    <Dropdown menu={menu} disabled={!orgId || startExport.isPending} trigger={['click']}>
      <Button icon={<FileZipOutlined />} loading={startExport.isPending}>导出各支部{year}年度台账</Button>
    </Dropdown>
  );
}
