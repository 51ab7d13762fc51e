import { useMemo, useState } from 'react';
import { LoadError } from '../../components/LoadError';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { EditOutlined, WalletOutlined } from '../../lib/icons';
import type { MemberDetail, MemberDues } from '@dj/contracts';
import { formatDateTime } from '../../lib/format';
import { formatFen } from '../../lib/money';
import { addMonths, monthLabel, monthsOfYear, shortMonthLabel } from '../../lib/months';
import { currentMonth } from '@dj/contracts';
import { useMemberDues, type DuesMonth } from './api';
import { DuesBasisModal } from './DuesBasisModal';
import { DuesPaymentModal, payableMonths } from './DuesPaymentModal';
import { DUES_STATUS_COLORS, DUES_STATUS_LABELS, categoryLabel, reductionText } from './labels';

type Action = 'basis' | 'payment' | null;

/** One row of the year grid: a ledger month, or a month outside the ledger (before joining/标准, or still ahead). */
export interface GridMonth {
  month: string;
  entry: DuesMonth | undefined;
  future: boolean;
}

export function yearGrid(year: number, months: readonly DuesMonth[], asOfMonth: string): GridMonth[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  return monthsOfYear(year).map((month) => ({ month, entry: byMonth.get(month), future: month > asOfMonth }));
}

function StatusTag({ row }: { row: GridMonth }) {
  if (row.entry) return <Tag color={DUES_STATUS_COLORS[row.entry.status]}>{DUES_STATUS_LABELS[row.entry.status]}</Tag>;
  return <Typography.Text type="secondary">{row.future ? '未到期' : '—'}</Typography.Text>;
}

const dueText = (row: GridMonth) => (row.entry ? formatFen(row.entry.dueFen) : '—');
const paidText = (row: GridMonth) => (row.entry?.paidFen !== null && row.entry?.paidFen !== undefined ? formatFen(row.entry.paidFen) : '—');

const COLUMNS: TableColumnsType<GridMonth> = [
  { title: '月份', dataIndex: 'month', width: 80, render: (_v, row) => shortMonthLabel(row.month) },
  { title: '应交', key: 'due', align: 'right', render: (_v, row) => dueText(row) },
  { title: '已交', key: 'paid', align: 'right', render: (_v, row) => paidText(row) },
  { title: '交纳日期', key: 'paidOn', width: 110, render: (_v, row) => row.entry?.paidOn ?? '—' },
  { title: '代缴人', key: 'paidBy', render: (_v, row) => row.entry?.paidBy ?? '—' },
  { title: '状态', key: 'status', width: 100, render: (_v, row) => <StatusTag row={row} /> },
];

/** Phones: one small card per month, two to a row, nothing to scroll sideways. */
function MonthCards({ rows }: { rows: GridMonth[] }) {
  return (
    <div className="dues-month-grid">
      {rows.map((row) => (
        <Card size="small" key={row.month} data-testid="dues-month" className="dues-month-card">
          <Flex justify="space-between" align="center" gap={4} wrap>
            <Typography.Text strong>{shortMonthLabel(row.month)}</Typography.Text>
            <StatusTag row={row} />
          </Flex>
          <div className="dues-month-lines">
            <div>应交 {dueText(row)}</div>
            <div>已交 {paidText(row)}</div>
            {row.entry?.paidOn && <div>{row.entry.paidOn}</div>}
            {row.entry?.paidBy && <div>代缴:{row.entry.paidBy}</div>}
          </div>
        </Card>
      ))}
    </div>
  );
}

function BasisCard({ dues, narrow }: { dues: MemberDues; narrow: boolean }) {
  const { basis } = dues;
  const items = basis
    ? [
        { key: 'category', label: '类别', children: categoryLabel(basis.category) },
        { key: 'effectiveFrom', label: '自某月起', children: monthLabel(basis.effectiveFrom) },
        ...(basis.baseFen !== null && basis.baseFen !== undefined
          ? [{ key: 'base', label: '月收入(计算基数)', children: formatFen(basis.baseFen) }]
          : []),
        { key: 'reduction', label: '少交/免交', children: reductionText(basis.reduction) },
        ...(basis.reduction ? [{ key: 'approval', label: '批准文件', children: basis.approvalNote ?? '—' }] : []),
        { key: 'recordedAt', label: '设置时间', children: formatDateTime(basis.recordedAt) },
      ]
    : [];
  return (
    <Card size="small" title="党费标准">
      <Flex vertical gap={12}>
        <Flex gap={24} wrap>
          <Statistic
            title="每月应交"
            value={dues.monthlyFen === null ? '未设置' : formatFen(dues.monthlyFen)}
            data-testid="dues-monthly"
          />
          <Statistic title="欠交合计" value={formatFen(dues.arrearsFen)} data-testid="dues-arrears" />
        </Flex>
        {dues.rule ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="dues-rule">
            计算依据:{dues.rule}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            尚未设置党费标准,设置后按月计算应交党费。
          </Typography.Paragraph>
        )}
        {basis && (
          <Descriptions
            size="small"
            bordered
            column={narrow ? 1 : 2}
            items={items}
            className="member-descriptions"
            styles={{ label: { width: narrow ? 96 : 130 } }}
          />
        )}
      </Flex>
    </Card>
  );
}

export function DuesTab({ member, narrow }: { member: MemberDetail; narrow: boolean }) {
  const month = currentMonth();
  const thisYear = Number(month.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [action, setAction] = useState<Action>(null);
  const query = useMemberDues(member.id, year);
  const canRecord = member.can.recordEvent;
  const paying = action === 'payment';
  // The payment window can reach into last year: its amounts come from that year's ledger.
  const windowStartYear = Number(addMonths(month, -6).slice(0, 4));
  const thisYearDues = useMemberDues(member.id, thisYear, paying && year !== thisYear);
  const earlierDues = useMemberDues(member.id, windowStartYear, paying && windowStartYear !== year);

  const firstYear = Math.min(Number(member.joinedAt.slice(0, 4)) || thisYear, thisYear);
  const yearOptions = useMemo(
    () => Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` })),
    [firstYear, thisYear],
  );
  const dues = query.data;
  const dueByMonth = useMemo(() => {
    const map = new Map<string, number>();
    for (const source of [earlierDues.data, thisYearDues.data, dues]) {
      for (const m of source?.months ?? []) map.set(m.month, m.dueFen);
    }
    return map;
  }, [earlierDues.data, thisYearDues.data, dues]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !dues) {
    return (
      <LoadError title="党费信息加载失败" error={query.error} onRetry={() => query.refetch()} />
    );
  }

  const rows = yearGrid(year, dues.months, month);
  const canPay = payableMonths(dues, month).payable.length > 0;
  const overdue = dues.unpaidMonths.filter((m) => m < month).sort();

  return (
    <Flex vertical gap={12} data-testid="member-dues">
      {canRecord && (
        <Space wrap>
          <Button type="primary" icon={<WalletOutlined />} onClick={() => setAction('payment')} disabled={!canPay}>
            登记交纳
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setAction('basis')}>
            设置党费标准
          </Button>
          {!canPay && dues.basis && <Typography.Text type="secondary">近6个月没有未交的党费。</Typography.Text>}
        </Space>
      )}
      {dues.warning && (
        <Alert
          type="warning"
          showIcon
          title={dues.warning.message}
          description={`依据:${dues.warning.rule}`}
          data-testid="dues-warning"
        />
      )}
      <BasisCard dues={dues} narrow={narrow} />
      <Card
        size="small"
        title="逐月交纳情况"
        extra={
          <Select<number>
            aria-label="年份"
            value={year}
            options={yearOptions}
            onChange={setYear}
            style={{ width: 110 }}
          />
        }
      >
        <Flex vertical gap={12}>
          <div>
            <Typography.Text>
              欠交合计 <Typography.Text strong>{formatFen(dues.arrearsFen)}</Typography.Text>
              <Typography.Text type="secondary">(本月仍在交纳期内,不计入欠交)</Typography.Text>
            </Typography.Text>
            {overdue.length > 0 && (
              <div data-testid="dues-unpaid-months">
                未交月份共{overdue.length}个:{overdue.slice(0, 6).map(monthLabel).join('、')}
                {overdue.length > 6 && '等'}
              </div>
            )}
          </div>
          <div data-testid="dues-months" aria-busy={query.isFetching}>
            {narrow ? (
              <MonthCards rows={rows} />
            ) : (
              <Table<GridMonth>
                rowKey="month"
                size="small"
                columns={COLUMNS}
                dataSource={rows}
                pagination={false}
                loading={query.isFetching && query.isPlaceholderData}
                rowClassName={(row) => (row.entry?.status === 'unpaid' ? 'dues-row-unpaid' : '')}
              />
            )}
          </div>
        </Flex>
      </Card>
      {canRecord && (
        <>
          <DuesBasisModal member={member} dues={dues} open={action === 'basis'} onClose={() => setAction(null)} />
          <DuesPaymentModal member={member} dues={dues} dueByMonth={dueByMonth} open={paying} onClose={() => setAction(null)} />
        </>
      )}
    </Flex>
  );
}
