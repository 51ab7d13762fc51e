import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, QuestionCircleOutlined } from '../../lib/icons';
import { useSearchParams } from 'react-router';
import { INCOME_SOURCE_LABELS, PARTNER_KIND_LABELS, type PartnershipSummary } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { wan } from './api';
import { DUE_TAGS, PARTNERSHIP_STATUS_COLORS, partnershipStatusLabel } from './partnership-labels';
import { PartnershipDrawer, type PartnershipTarget } from './PartnershipDrawer';
import { usePartnerships } from './partnerships-api';

function StatusTags({ p }: { p: PartnershipSummary }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={PARTNERSHIP_STATUS_COLORS[p.status]}>{partnershipStatusLabel(p.status)}</Tag>
      {p.due && <Tag color={DUE_TAGS[p.due].color}>{DUE_TAGS[p.due].label}</Tag>}
    </Flex>
  );
}

const thisYearText = (p: PartnershipSummary) => (p.thisYear
  ? `约定 ${wan(p.thisYear.plannedFen)} · 到账 ${p.thisYear.receivedFen === null ? '未登记' : wan(p.thisYear.receivedFen)}`
  : '—');

/**
 * 村企合作 on the 集体经济 page: each village's agreements (in tree order, then by end date; never sorted by money) with
 * status, the renewal date and this year's money; opening one shows its form, yearly rows and agreement files.
 * A 待办 item links here with ?partnership=<id>.
 */
export function PartnershipsSection() {
  const narrow = useNarrowScreen();
  const list = usePartnerships();
  const [params, setParams] = useSearchParams();
  const linked = Number(params.get('partnership')) || null;
  const [target, setTarget] = useState<PartnershipTarget>(linked);
  const close = () => {
    setTarget(null);
    if (params.has('partnership')) { params.delete('partnership'); setParams(params, { replace: true }); }
  };
  const data = list.data;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有登记村企合作" />;
  return (
    <Card size="small" data-testid="partnerships" title="村企合作"
      extra={data?.villages.length ? <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>登记合作</Button> : null}>
      {list.isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : list.error ? <LoadError title="村企合作加载失败" error={list.error} onRetry={() => list.refetch()} /> : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">
            履行中的协议到期前{data!.dueDays}天提醒续签,列入本村待办{' '}
            <Tooltip title={data!.dueSource}><QuestionCircleOutlined aria-label="提醒天数来源" /></Tooltip>
            ;金额单位万元
          </Typography.Text>
          {narrow ? (
            // Each card in a List.Item: the list is a <ul>, whose children must be <li> (axe's list rule).
            <List data-testid="partnership-cards" dataSource={data!.items} locale={{ emptyText: empty }} renderItem={(p) => (
              <List.Item style={{ display: 'block', padding: 0, border: 0 }}>
                <Card size="small" style={{ marginBottom: 8 }} title={`${p.villageName} · ${p.partnerName}`} onClick={() => setTarget(p.id)} hoverable>
                  <StatusTags p={p} />
                  <div>到期:{p.endsOn ?? '—'}</div>
                  <div>本年:{thisYearText(p)}</div>
                </Card>
              </List.Item>
            )} />
          ) : (
            <Table size="small" rowKey="id" dataSource={data!.items} pagination={false} scroll={{ x: 'max-content' }} data-testid="partnership-table" locale={{ emptyText: empty }}
              onRow={(p) => ({ onClick: () => setTarget(p.id), style: { cursor: 'pointer' } })} columns={[
                { title: '村', dataIndex: 'villageName', width: 90 },
                { title: '合作方', render: (_, p) => <span>{p.partnerName} <Typography.Text type="secondary">({PARTNER_KIND_LABELS[p.partnerKind]})</Typography.Text></span> },
                { title: '状态', render: (_, p) => <StatusTags p={p} /> },
                { title: '到期(续签)日期', render: (_, p) => p.endsOn ?? '—' },
                { title: '计入科目', render: (_, p) => INCOME_SOURCE_LABELS[p.incomeSource] },
                { title: '本年约定/到账(万元)', render: (_, p) => thisYearText(p) },
                { title: '协议', render: (_, p) => (p.files ? `${p.files}份` : <Typography.Text type="warning">未上传</Typography.Text>) },
              ]} />
          )}
        </Flex>
      )}
      <PartnershipDrawer target={target} villages={data?.villages ?? []} onClose={close} onCreated={setTarget} />
    </Card>
  );
}
