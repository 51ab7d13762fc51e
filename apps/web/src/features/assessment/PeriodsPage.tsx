import { useState } from 'react';
import { App, Button, Flex, Result, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { Link } from 'react-router';
import { ASSESSMENT_AUDIENCE_LABELS, todayInShanghai, type AssessmentPeriodRow } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { ListBody } from '../../components/ListBody';
import { formatDate } from '../../lib/dates';
import { downloadFile } from '../../lib/download';
import { formatDayOf } from '../../lib/format';
import { hasWorkRole } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { OpenPeriodModal } from './OpenPeriodModal';
import { periodLabel, statusTag } from './period-labels';
import { usePeriods } from './periods-api';
import { PageTitle } from '../../components/PageTitle';

function StatusTag({ row }: { row: AssessmentPeriodRow }) {
  const tag = statusTag(row.status);
  return <Tag color={tag.color}>{tag.label}</Tag>;
}

/** The dates that matter at the period's stage: opened, the objection window's last day, approved. */
function datesText(row: AssessmentPeriodRow): string {
  const parts = [`开启 ${formatDayOf(row.openedAt)}`];
  if (row.objectionUntil) parts.push(`异议期至 ${formatDate(row.objectionUntil)}`);
  if (row.approvedAt) parts.push(`审批 ${formatDayOf(row.approvedAt)}`);
  return parts.join(' · ');
}

const title = (row: AssessmentPeriodRow) => <Link to={`/assessment/periods/${row.id}`}>{row.schemeName} · {periodLabel(row.period)}</Link>;

const COLUMNS: TableColumnsType<AssessmentPeriodRow> = [
  { title: '考核期', key: 'title', render: (_, row) => title(row) },
  { title: '考核对象', key: 'audience', render: (_, row) => ASSESSMENT_AUDIENCE_LABELS[row.audience] },
  { title: '方案版本', key: 'version', render: (_, row) => `第${row.version}版` },
  { title: '状态', key: 'status', render: (_, row) => <StatusTag row={row} /> },
  { title: '日期', key: 'dates', render: (_, row) => datesText(row) },
];

function PeriodCards({ rows }: { rows: AssessmentPeriodRow[] }) {
  return (
    <div className="task-items">
      {rows.map((row) => (
        <div key={row.id} className="task-item" data-testid={`period-${row.id}`}>
          <Flex gap={8} wrap align="center">{title(row)}<StatusTag row={row} /></Flex>
          <Typography.Text type="secondary">{ASSESSMENT_AUDIENCE_LABELS[row.audience]} · 第{row.version}版 · {datesText(row)}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** 报酬年度汇总表: the town's locked months of a year, per person (both audiences), for the 财政所 at the year's end. */
function YearPayroll() {
  const { message } = App.useApp();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile('/api/assessment/pay/year.xlsx', `${year}年报酬年度汇总表.xlsx`, { year });
    } catch (e) { void message.error(errorMessage(e)); } finally { setBusy(false); }
  };
  return (
    <Flex gap={8} align="center" wrap>
      <Select aria-label="汇总年度" value={year} onChange={setYear} style={{ width: 110 }}
        options={[0, 1, 2].map((k) => ({ value: thisYear - k, label: `${thisYear - k}年` }))} />
      <Button loading={busy} onClick={() => void download()}>报酬年度汇总表(Excel)</Button>
    </Flex>
  );
}

/** 考核期 (issue 16 point 3): each period of a scheme with its stage; the town opens the next one. */
export function PeriodsPage() {
  const { data: me } = useMe();
  const list = usePeriods();
  const [opening, setOpening] = useState(false);
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(me.user.roles)) return <Result status="403" title="没有权限查看" subTitle="考核期供镇党委、包村干部、村党支部书记和被考核的镇机关工作人员查看。" />;
  return (
    <Flex vertical gap={12} data-testid="periods-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>考核期</PageTitle>
        {list.data?.can.open && (
          <Flex gap={8} wrap align="center">
            <YearPayroll />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>开启考核期</Button>
          </Flex>
        )}
      </Flex>
      <Typography.Text type="secondary">
        评分 → 公示(异议期)→ 裁定异议 → 审批锁定;锁定后的更正以调整记录,不改原得分。结果按等次看分布,不排名。
      </Typography.Text>
      <ListBody query={list} errorTitle="考核期加载失败" items={list.data?.rows} empty="尚无考核期"
        cards={(rows) => <PeriodCards rows={rows} />}
        table={(rows) => <Table<AssessmentPeriodRow> rowKey="id" size="small" columns={COLUMNS} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />} />
      {opening && <OpenPeriodModal onClose={() => setOpening(false)} />}
    </Flex>
  );
}
