import { useState } from 'react';
import { App, Button, Card, Segmented, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '../../lib/icons';
import { DASHBOARD_REPORT_TITLES, monthFromIndex, monthIndex, todayInShanghai, type DashboardReportFormat, type DashboardReportKind } from '@dj/contracts';
import { MonthInput } from '../../components/MonthInput';
import { errorMessage } from '../../lib/api-client';
import { useDownloadReport } from './api';

/** Years offered for the yearly report: this one and the four before (the town's records of earlier years are few). */
const YEARS_BACK = 4;
const FORMAT_LABELS: Record<DashboardReportFormat, string> = { pdf: '下载PDF', docx: '下载Word' };

/**
 * 会议报告 (issue 17 point 7): the town's monthly or yearly report for the town committee's meeting, from the 驾驶舱's
 * figures, as A4 PDF or Word. The month defaults to the last complete one; the server refuses a future period.
 */
export function MeetingReport() {
  const today = todayInShanghai();
  const thisMonth = today.slice(0, 7);
  const thisYear = Number(today.slice(0, 4));
  const [kind, setKind] = useState<DashboardReportKind>('monthly');
  const [month, setMonth] = useState(monthFromIndex(monthIndex(thisMonth) - 1));
  const [year, setYear] = useState(thisYear);
  const download = useDownloadReport();
  const { message } = App.useApp();
  const period = kind === 'monthly' ? month : String(year);
  const save = (format: DashboardReportFormat) => download.mutate({ kind, format, period }, {
    onSuccess: (name) => message.success(`已生成:${name}`),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Card size="small" title="会议报告" data-testid="meeting-report">
      <Space wrap>
        <Segmented<DashboardReportKind> aria-label="报告类型" value={kind} onChange={setKind}
          options={[{ value: 'monthly', label: '月度' }, { value: 'yearly', label: '年度' }]} />
        {kind === 'monthly'
          ? <MonthInput aria-label="报告月份" value={month} max={thisMonth} onChange={(v) => v && setMonth(v)} style={{ width: 130 }} />
          : <Select aria-label="报告年度" value={year} onChange={setYear} style={{ width: 110 }}
            options={Array.from({ length: YEARS_BACK + 1 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))} />}
        {(['pdf', 'docx'] as const).map((format) => (
          <Button key={format} icon={<DownloadOutlined />} onClick={() => save(format)} disabled={download.isPending && download.variables?.format !== format}
            loading={download.isPending && download.variables?.format === format}>{FORMAT_LABELS[format]}</Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {DASHBOARD_REPORT_TITLES[kind]}:{kind === 'monthly' ? '当月组织生活、有逾期事项的党组织、各项工作和发展党员' : '逐月组织生活、全年各项工作、发展党员和党内统计'},A4,含图表;生成需几秒钟。
      </Typography.Paragraph>
    </Card>
  );
}
