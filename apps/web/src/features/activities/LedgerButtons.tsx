import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '../../lib/icons';
import { errorMessage } from '../../lib/api-client';
import { monthLabel } from '../../lib/months';
import { useStartExport } from '../../lib/exports';
import { useDownloadLedger } from './api';

const FORMAT_LABELS = { docx: 'Word', pdf: 'PDF' } as const;
type Format = keyof typeof FORMAT_LABELS;

/**
 * 月度/年度台账 in Word or PDF. The month's is made while the user waits (under a second); the year's takes seconds,
 * so it is started as an export (导出任务): the 我的导出 drawer opens with its progress and the download button.
 */
export function LedgerButtons({ orgId, month }: { orgId?: number; month: string }) {
  const { message } = App.useApp();
  const ledger = useDownloadLedger();
  const startExport = useStartExport();
  const year = month.slice(0, 4);

  const runYear = async (format: Format) => {
    if (!orgId) return;
    try {
      await startExport.mutateAsync({ kind: 'branch_ledger', orgId, period: year, format });
      message.success(`已开始生成${year}年度台账(${FORMAT_LABELS[format]}),完成后在“我的导出”中下载`);
    } catch (error) {
      message.error(`${year}年度台账导出失败:${errorMessage(error)}`);
    }
  };

  const run = async (period: string, format: Format) => {
    if (!orgId) return;
    const key = `ledger-${period}-${format}`;
    const label = period.length === 4 ? `${period}年度台账` : `${monthLabel(period)}台账`;
    message.open({ key, type: 'loading', content: `正在生成${label}(${FORMAT_LABELS[format]}),请稍候…`, duration: 0 });
    try {
      const filename = await ledger.mutateAsync({ orgId, period, format });
      message.open({ key, type: 'success', content: `已开始下载“${filename}”`, duration: 3 });
    } catch (error) {
      message.open({ key, type: 'error', content: `${label}生成失败:${errorMessage(error)}`, duration: 6 });
    }
  };

  const menu = (period: string) => ({
    items: (Object.keys(FORMAT_LABELS) as Format[]).map((format) => ({ key: format, label: `${FORMAT_LABELS[format]} 文档` })),
    onClick: ({ key }: { key: string }) => void (period === year ? runYear(key as Format) : run(period, key as Format)),
  });

  return (
    <>
      <Dropdown menu={menu(month)} disabled={!orgId || ledger.isPending} trigger={['click']}>
        <Button icon={<DownloadOutlined />} loading={ledger.isPending && ledger.variables?.period === month}>
          下载月度台账
        </Button>
      </Dropdown>
      <Dropdown menu={menu(year)} disabled={!orgId || startExport.isPending} trigger={['click']}>
        <Button icon={<DownloadOutlined />} loading={startExport.isPending}>
          导出年度台账
        </Button>
      </Dropdown>
    </>
  );
}
