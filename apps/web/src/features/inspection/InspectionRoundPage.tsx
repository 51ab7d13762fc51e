import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Progress, Result, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, RightOutlined } from '../../lib/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { INSPECTION_DEPARTMENT_LABELS, INSPECTION_ROUND_STATUS_LABELS } from '@dj/contracts';
import { ListBody } from '../../components/ListBody';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { parseOrgId } from '../../lib/use-month-org-params';
import { downloadRoundReport, useCloseRound, useRound, type InspectionRoundDetail, type ReportFormat } from './api';
import { ESCALATED_LABEL, resultCell } from './labels';
import { PageTitle } from '../../components/PageTitle';

type Village = InspectionRoundDetail['villages'][number];

function Cell({ village, itemKey }: { village: Village; itemKey: string }) {
  const cell = resultCell(village.results.find((r) => r.itemKey === itemKey));
  return <Tag color={cell.color}>{cell.label}</Tag>;
}

/** Word and PDF of one generated document of the round; the server decides what the caller's copy holds. */
function DownloadButtons({ label, download }: { label: string; download: (format: ReportFormat) => Promise<string> }) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<ReportFormat | null>(null);
  const run = (format: ReportFormat) => {
    setPending(format);
    download(format)
      .then((name) => message.success(`已开始下载“${name}”`), (error: unknown) => message.error(errorMessage(error)))
      .finally(() => setPending(null));
  };
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text>{label}</Typography.Text>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={pending === 'docx'} aria-label={`${label}·Word`} onClick={() => run('docx')}>Word</Button>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={pending === 'pdf'} aria-label={`${label}·PDF`} onClick={() => run('pdf')}>PDF</Button>
    </Flex>
  );
}

function ReportButtons({ round }: { round: InspectionRoundDetail }) {
  return (
    <Flex gap={16} wrap align="center">
      <DownloadButtons label="检查情况报告" download={(format) => downloadRoundReport(round.id, format, round.title)} />
      <DownloadButtons
        label="整改台账"
        download={(format) => downloadFile(`/api/inspections/${round.id}/rectifications/ledger/${format}`, `${round.title}-整改台账.${format}`)}
      />
    </Flex>
  );
}

function Header({ round }: { round: InspectionRoundDetail }) {
  const { message } = App.useApp();
  const close = useCloseRound();
  const p = round.progress;
  const percent = p.expected > 0 ? Math.round((p.recorded / p.expected) * 100) : 0;
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={6} wrap align="center">
            <PageTitle>{round.title}</PageTitle>
            <Tag color={round.status === 'open' ? 'blue' : 'default'} data-testid="round-status">{INSPECTION_ROUND_STATUS_LABELS[round.status]}</Tag>
          </Flex>
          {round.can.close && round.status === 'open' && (
            <Popconfirm
              title="结束本次检查?"
              description="结束后不能再记录检查结果,整改任务照常进行。"
              okText="结束检查"
              cancelText="取消"
              onConfirm={() =>
                close.mutateAsync(round.id).then(() => message.success('已结束本次检查'), (error: unknown) => message.error(errorMessage(error)))
              }
            >
              <Button loading={close.isPending}>结束检查</Button>
            </Popconfirm>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {round.startsOn} 至 {round.endsOn} · 检查组:
          {round.team.map((m) => `${m.name}(${INSPECTION_DEPARTMENT_LABELS[m.department]})`).join('、') || '—'}
        </Typography.Text>
        <Flex gap={12} wrap align="center" data-testid="round-progress">
          <Progress percent={percent} size="small" aria-label="检查进度" style={{ width: 200, margin: 0 }} />
          <Typography.Text>已查 {p.recorded} / {p.expected} 项</Typography.Text>
          {p.findings > 0 && <Tag color="red">发现问题 {p.findings}</Tag>}
          {p.openRectifications > 0 && <Tag color="orange">未验收整改 {p.openRectifications}</Tag>}
          {p.escalated > 0 && <Tag color="volcano">{ESCALATED_LABEL} {p.escalated}</Tag>}
        </Flex>
        <ReportButtons round={round} />
      </Flex>
    </Card>
  );
}

function VillageCards({ round, onOpen }: { round: InspectionRoundDetail; onOpen: (orgId: number) => void }) {
  return (
    <div className="task-items">
      {round.villages.map((village) => (
        <div key={village.organizationId} className="task-item" data-testid={`village-${village.organizationId}`}>
          <Button type="link" style={{ padding: 0, fontWeight: 600 }} onClick={() => onOpen(village.organizationId)}>
            {village.organizationName} <RightOutlined />
          </Button>
          <Flex gap={4} wrap>
            {round.items.map((item) => {
              const cell = resultCell(village.results.find((r) => r.itemKey === item.key));
              return <Tag key={item.key} color={cell.color}>{item.label}:{cell.label}</Tag>;
            })}
          </Flex>
        </div>
      ))}
    </div>
  );
}

/** One round: villages × checklist items (合格 / 发现问题 / 未查), progress, report, and closing it. */
export function InspectionRoundPage() {
  const { id: idParam } = useParams();
  const id = parseOrgId(idParam ?? null);
  const navigate = useNavigate();
  const query = useRound(id);
  const back = <Link to="/inspections"><ArrowLeftOutlined /> 返回联督联查</Link>;

  if (id === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return <LoadError title="检查情况加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const round = query.data;
  const open = (orgId: number) => void navigate(`/inspections/${round.id}/villages/${orgId}`);

  const columns: TableColumnsType<Village> = [
    {
      title: '村',
      key: 'village',
      fixed: 'left',
      render: (_, v) => <Link to={`/inspections/${round.id}/villages/${v.organizationId}`}>{v.organizationName}</Link>,
    },
    ...round.items.map((item) => ({
      title: item.label,
      key: item.key,
      render: (_: unknown, v: Village) => <Cell village={v} itemKey={item.key} />,
    })),
  ];

  return (
    <Flex vertical gap={12} data-testid="inspection-round">
      <div>{back}</div>
      <Header round={round} />
      <Card size="small" title="各村检查情况" extra={<Typography.Text type="secondary">点击村名进入现场检查</Typography.Text>}>
        <ListBody
          items={round.villages}
          empty="没有可查看的村"
          cards={() => <VillageCards round={round} onOpen={open} />}
          table={(villages) => (
            <Table<Village>
              rowKey="organizationId"
              size="small"
              columns={columns}
              dataSource={villages}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="round-grid"
            />
          )}
        />
      </Card>
      <Typography.Text type="secondary">
        整改任务见 <Link to="/inspections?tab=rectifications">整改台账</Link>
      </Typography.Text>
    </Flex>
  );
}
