import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import {
  MATTER_CATEGORY_LABELS, MATTER_DUE_FILTERS, MATTER_DUE_FILTER_LABELS, MATTER_STAGES, MATTER_STAGE_LABELS, todayInShanghai,
  type MatterListQuery, type MatterSummary,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { useMatters } from './api';
import { DeadlineCell, RatingTag, StageTag } from './labels';
import { RaiseMatterModal } from './RaiseMatterModal';
import { PageTitle } from '../../components/PageTitle';

const num = (v: string | null) => (v ? Number(v) : undefined);

/** 村民说事 (issue 20): the villages' matters with stage and deadline filters; the village's public form and 台账. */
export function MattersPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [raising, setRaising] = useState(false);
  const query: MatterListQuery = {
    orgId: num(params.get('orgId')), stage: (params.get('stage') as MatterListQuery['stage']) ?? undefined,
    due: (params.get('due') as MatterListQuery['due']) ?? undefined, page: num(params.get('page')) ?? 1, pageSize: 20,
  };
  const list = useMatters(query);
  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key); else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const villages = list.data?.villages ?? [];
  const village = villages.find((v) => v.organizationId === query.orgId) ?? (villages.length === 1 ? villages[0] : undefined);
  const canRaise = villages.some((v) => v.canEdit);
  const ledger = async (period: string, format: 'pdf' | 'docx') => {
    if (!village) return;
    try {
      await downloadFile(`/api/matters/ledger/${village.organizationId}.${format}`, `村民说事台账.${format}`, { period });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const today = todayInShanghai();
  const columns: TableColumnsType<MatterSummary> = [
          { title: '说事日期', dataIndex: 'raisedOn', width: 110 },
          ...(villages.length > 1 ? [{ title: '村', dataIndex: 'villageName', width: 100 }] : []),
          { title: '类别', dataIndex: 'category', width: 90, render: (v: MatterSummary['category']) => MATTER_CATEGORY_LABELS[v] },
          { title: '事项', dataIndex: 'title', render: (v: string, m) => <Link to={`/matters/${m.id}`}>{v}</Link> },
          { title: '阶段', dataIndex: 'stage', width: 90, render: (_: unknown, m) => <>{<StageTag stage={m.stage} />}{m.reopened && <Tag>重办</Tag>}</> },
          { title: '责任人', dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '期限', key: 'due', width: 200, render: (_: unknown, m) => <DeadlineCell m={m} deadline={m.stage === 'discussed' ? m.dueOn : null} /> },
          { title: '评议', dataIndex: 'rating', width: 90, render: (_: unknown, m) => <RatingTag rating={m.rating} /> },
  ];
  const c = list.data?.counts;

  if (list.isError) return <LoadError title="村民说事加载失败" error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <PageTitle>村民说事</PageTitle>
        {canRaise && <Button type="primary" onClick={() => setRaising(true)}>登记说事</Button>}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        说事 → 议事 → 办事 → 评事。逾期未议事或未办结的自动上报镇党委;群众评议不满意的重新办理一次。
      </Typography.Paragraph>
      <Space wrap>
        {villages.length > 1 && (
          <Select<number> aria-label="村" allowClear placeholder="全部村" style={{ minWidth: 160 }} value={query.orgId}
            options={villages.map((v) => ({ value: v.organizationId, label: v.villageName }))} onChange={(v) => set('orgId', v)} />
        )}
        <Select aria-label="阶段" allowClear placeholder="全部阶段" style={{ minWidth: 120 }} value={query.stage}
          options={MATTER_STAGES.map((s) => ({ value: s, label: MATTER_STAGE_LABELS[s] }))} onChange={(v) => set('stage', v)} />
        <Select aria-label="期限" allowClear placeholder="全部期限" style={{ minWidth: 140 }} value={query.due}
          options={MATTER_DUE_FILTERS.map((d) => ({ value: d, label: MATTER_DUE_FILTER_LABELS[d] }))} onChange={(v) => set('due', v)} />
      </Space>
      {c && (
        <Space wrap size={4}>
          {MATTER_STAGES.map((s) => <Tag key={s}>{MATTER_STAGE_LABELS[s]} {c[s]}</Tag>)}
          <Tag color={c.overdue ? 'red' : undefined}>逾期 {c.overdue}</Tag>
          <Tag color={c.escalated ? 'volcano' : undefined}>已上报镇党委 {c.escalated}</Tag>
        </Space>
      )}
      {village && (
        <Card size="small" title={`${village.villageName}:公开表单与台账`}>
          <Space wrap>
            <a href={`/public/villages/${village.code}/matters/new`} target="_blank" rel="noreferrer">群众说事表单</a>
            <a href={`/public/villages/${village.code}/matters/poster`} target="_blank" rel="noreferrer">打印二维码海报(公开栏)</a>
            <Button size="small" onClick={() => ledger(today.slice(0, 7), 'pdf')}>本月台账 PDF</Button>
            <Button size="small" onClick={() => ledger(today.slice(0, 4), 'docx')}>本年台账 Word</Button>
            <Button size="small" onClick={() => ledger(today.slice(0, 4), 'pdf')}>本年台账 PDF</Button>
          </Space>
        </Card>
      )}
      <Table<MatterSummary>
        rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data?.items ?? []} scroll={{ x: 720 }}
        locale={{ emptyText: '暂无村民说事记录' }}
        pagination={{ current: query.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p: number) => set('page', p), showSizeChanger: false }}
        columns={columns}
      />
      {raising && <RaiseMatterModal villages={villages.filter((v) => v.canEdit)} defaultOrgId={village?.organizationId} onClose={() => setRaising(false)} />}
    </Space>
  );
}
