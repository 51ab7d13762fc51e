import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../lib/api-client';
import { monthLabel } from '../../lib/months';
import { useDownloadLedger } from './api';

const FORMAT_LABELS = { docx: 'Word', pdf: 'PDF' } as const;
type Format = keyof typeof FORMAT_LABELS;

/** 月度/年度台账 in Word or PDF; generating the yearly one takes seconds, so progress stays on screen. */
export function LedgerButtons({ orgId, month }: { orgId?: number; month: string }) {
  const { message } = App.useApp();
  const ledger = useDownloadLedger();
  const year = month.slice(0, 4);

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
    onClick: ({ key }: { key: string }) => void run(period, key as Format),
  });

  return (
    <>
      <Dropdown menu={menu(month)} disabled={!orgId || ledger.isPending} trigger={['click']}>
        <Button icon={<DownloadOutlined />} loading={ledger.isPending && ledger.variables?.period === month}>
          下载月度台账
        </Button>
      </Dropdown>
      <Dropdown menu={menu(year)} disabled={!orgId || ledger.isPending} trigger={['click']}>
        <Button icon={<DownloadOutlined />} loading={ledger.isPending && ledger.variables?.period === year}>
          下载年度台账
        </Button>
      </Dropdown>
    </>
  );
}
