import { useMemo, useState } from 'react';
import { Button, Card, Flex, Result, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { GlobalOutlined, PlusOutlined } from '../../lib/icons';
import { Link, useSearchParams } from 'react-router';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_CATEGORY_LABELS, DISCLOSURE_STATUS_LABELS, DISCLOSURE_STATUSES } from '@dj/contracts';
import { ListBody } from '../../components/ListBody';
import { formatDateTime } from '../../lib/format';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useMe } from '../../lib/session';
import { hasWorkRole } from '../../lib/roles';
import { useOrganizationTreeData, useVillages } from '../../lib/organizations';
import { publicVillageUrl, useDisclosures, type DisclosureCategory, type DisclosureStatus, type DisclosureSummary } from './api';
import { CreateDisclosureModal } from './CreateDisclosureModal';
import { DisclosureBoardCard } from './DisclosureBoardCard';
import { statusTag } from './labels';
import { PageTitle } from '../../components/PageTitle';

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function StatusTag({ row }: { row: DisclosureSummary }) {
  const tag = statusTag(row);
  return <Tag color={tag.color}>{tag.label}</Tag>;
}

const COLUMNS: TableColumnsType<DisclosureSummary> = [
  { title: '标题', key: 'title', render: (_, row) => <Link to={`/disclosures/${row.id}`}>{row.title}</Link> },
  { title: '村', dataIndex: 'organizationName', key: 'org' },
  { title: '类别', key: 'category', render: (_, row) => DISCLOSURE_CATEGORY_LABELS[row.category] },
  { title: '公开期间', dataIndex: 'period', key: 'period' },
  { title: '状态', key: 'status', render: (_, row) => <StatusTag row={row} /> },
  { title: '更新时间', key: 'updatedAt', render: (_, row) => formatDateTime(row.updatedAt) },
];

function ListCards({ rows }: { rows: DisclosureSummary[] }) {
  return (
    <div className="task-items">
      {rows.map((row) => (
        <div key={row.id} className="task-item" data-testid={`disclosure-${row.id}`}>
          <Flex gap={8} wrap align="center">
            <Link to={`/disclosures/${row.id}`}>{row.title}</Link>
            <StatusTag row={row} />
          </Flex>
          <Typography.Text type="secondary">
            {row.organizationName} · {DISCLOSURE_CATEGORY_LABELS[row.category]} · {row.period}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

/** 三务公开: the board of every village's due disclosures, the list of disclosures, and 新建公开. */
export function DisclosuresPage() {
  const { data: me } = useMe();
  const allowed = hasWorkRole(me?.user.roles ?? []);
  const [params, setParams] = useSearchParams();
  const orgId = parseOrgId(params.get('orgId'));
  const category = oneOf(DISCLOSURE_CATEGORIES, params.get('category'));
  const status = oneOf(DISCLOSURE_STATUSES, params.get('status'));
  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };
  const orgs = useOrganizationTreeData(allowed);
  const villages = useVillages();
  const list = useDisclosures({ orgId, category, status }, allowed);
  const [creating, setCreating] = useState(false);

  const branches = useMemo(
    () => (orgs.data ?? []).filter((o) => o.kind === 'branch' && o.status === 'active' && (o.villageId !== null || o.sector === 'village')),
    [orgs.data],
  );
  const villageOptions = useMemo(() => branches.map((o) => ({ value: o.id, label: o.villageName ? `${o.villageName}(${o.name})` : o.name })), [branches]);
  // The public board of the chosen village (or of the only one the user has).
  const selected = branches.find((o) => o.id === orgId) ?? (branches.length === 1 ? branches[0] : undefined);
  const villageCode = selected
    ? selected.villageCode ?? (villages.data ?? []).find((v) => v.id === selected.villageId)?.code ?? null
    : null;

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="三务公开供村党支部书记和镇党委工作人员使用。" />;

  return (
    <Flex vertical gap={12} data-testid="disclosures-page">
      <Flex gap={8} wrap align="center" justify="space-between">
        <div>
          <PageTitle>三务公开</PageTitle>
          <Typography.Text type="secondary">党务、村务、财务按期公开,经 提出 → 审核 → 审批 → 公开;按期限提醒,不作评比排名。</Typography.Text>
        </div>
        <Flex gap={8} wrap>
          {villageCode && (
            <Button icon={<GlobalOutlined />} href={publicVillageUrl(villageCode)} target="_blank" rel="noopener noreferrer">
              公开栏
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建公开</Button>
        </Flex>
      </Flex>
      <Flex gap={8} wrap>
        <Select<number>
          aria-label="村"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部村"
          style={{ minWidth: 200 }}
          value={orgId}
          onChange={(value) => update({ orgId: value })}
          options={villageOptions}
          loading={orgs.isPending}
        />
        <Select<DisclosureCategory>
          aria-label="类别"
          allowClear
          placeholder="全部类别"
          style={{ minWidth: 130 }}
          value={category}
          onChange={(value) => update({ category: value })}
          options={DISCLOSURE_CATEGORIES.map((c) => ({ value: c, label: DISCLOSURE_CATEGORY_LABELS[c] }))}
        />
        <Select<DisclosureStatus>
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ minWidth: 160 }}
          value={status}
          onChange={(value) => update({ status: value })}
          options={DISCLOSURE_STATUSES.map((s) => ({ value: s, label: DISCLOSURE_STATUS_LABELS[s] }))}
        />
      </Flex>
      <DisclosureBoardCard orgId={orgId} enabled={allowed} />
      <Card size="small" title="公开事项">
        <ListBody
          query={list}
          errorTitle="公开事项加载失败"
          items={list.data}
          empty="没有符合条件的公开事项"
          cards={(rows) => <ListCards rows={rows} />}
          table={(rows) => (
            <Table<DisclosureSummary>
              rowKey="id"
              size="small"
              columns={COLUMNS}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 'max-content' }}
              data-testid="disclosure-list"
            />
          )}
        />
      </Card>
      <CreateDisclosureModal open={creating} onClose={() => setCreating(false)} villageOptions={villageOptions} defaultOrgId={selected?.id} />
    </Flex>
  );
}
