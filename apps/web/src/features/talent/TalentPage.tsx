import { useMemo, useState } from 'react';
import { App, Button, Dropdown, Empty, Flex, Input, List, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '../../lib/icons';
import { TALENT_FIELD_LABELS, TALENT_KIND_LABELS, TALENT_LIMITS, todayInShanghai, type TalentListQuery } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { hasWorkRole, isTownAdmin } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useTalentList } from './api';
import { FIELD_OPTIONS, KIND_OPTIONS, leadText, tierText, TIER_OPTIONS } from './labels';
import { TalentDrawer } from './TalentDrawer';
import { CreateTalentModal } from './TalentFormModal';
import { TalentImportModal } from './TalentImportModal';
import { TalentProgressCard } from './TalentProgressCard';
import { PageTitle } from '../../components/PageTitle';
import { ListItemMeta } from '../../components/ListItemMeta';

const thisYear = Number(todayInShanghai().slice(0, 4));
const YEAR_OPTIONS = Array.from({ length: thisYear - TALENT_LIMITS.firstYear + 2 }, (_, i) => thisYear + 1 - i).slice(0, 12).map((y) => ({ value: y, label: `${y}年入选` }));

function Filters({ query, setQuery, villages }: { query: TalentListQuery; setQuery: (q: TalentListQuery) => void; villages: { organizationId: number; name: string }[] }) {
  const set = (patch: Partial<TalentListQuery>) => setQuery({ ...query, ...patch });
  return (
    <Flex gap={8} wrap>
      {villages.length > 1 && <Select<number> aria-label="村" allowClear placeholder="全部村" value={query.orgId} onChange={(orgId) => set({ orgId })} style={{ minWidth: 120 }}
        showSearch={{ optionFilterProp: 'label' }} options={villages.map((v) => ({ value: v.organizationId, label: v.name }))} />}
      <Select aria-label="人才类别" allowClear placeholder="全部类别" value={query.kind} onChange={(kind) => set({ kind })} options={KIND_OPTIONS} style={{ minWidth: 130 }} />
      <Select aria-label="层次" allowClear placeholder="全部层次" value={query.tier} onChange={(tier) => set({ tier })} options={TIER_OPTIONS} style={{ minWidth: 110 }} />
      <Select aria-label="从事领域" allowClear placeholder="全部领域" value={query.field} onChange={(field) => set({ field })} options={FIELD_OPTIONS} style={{ minWidth: 110 }} />
      <Select<number> aria-label="入选年度" allowClear placeholder="全部年度" value={query.year} onChange={(year) => set({ year })} options={YEAR_OPTIONS} style={{ minWidth: 120 }} />
      <Input.Search aria-label="姓名" placeholder="按姓名查找" allowClear maxLength={20} onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 180 }} />
    </Flex>
  );
}

/** 人才: the registry with filters and the programme's progress; the town sees every village, a village's secretary their own. */
export function TalentPage() {
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [query, setQuery] = useState<TalentListQuery>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useTalentList(query);
  const roles = me?.user.roles ?? [];
  const villages = list.data?.villages ?? [];
  const importTargets = useMemo(() => [
    ...(isTownAdmin(roles) && me?.scope[0] ? [{ value: me.scope[0].organizationId, label: '全镇(每行填写所在村)' }] : []),
    ...villages.map((v) => ({ value: v.organizationId, label: v.name })),
  ], [roles, me, villages]);
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(roles)) return <Result status="403" title="没有权限查看" subTitle="人才名册供镇党委和村党支部书记使用。" />;
  const download = (format: string) => downloadFile('/api/talent/roster', `人才名册.${format}`, { ...query, format }).catch((e) => message.error(errorMessage(e)));

  return (
    <Flex vertical gap={12} data-testid="talent-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>人才</PageTitle>
        <Space wrap>
          {list.data?.can.create && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记人才</Button>}
          {list.data?.can.import && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入</Button>}
          <Dropdown menu={{ items: [{ key: 'xlsx', label: 'Excel 名册' }, { key: 'docx', label: 'Word 名册' }, { key: 'pdf', label: 'PDF 名册' }], onClick: ({ key }) => void download(key) }}>
            <Button icon={<DownloadOutlined />}>导出人才名册</Button>
          </Dropdown>
        </Space>
      </Flex>
      <TalentProgressCard />
      <Filters query={query} setQuery={setQuery} villages={villages} />
      {list.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : list.error ? <LoadError title="人才名册加载失败" error={list.error} onRetry={() => list.refetch()} /> : (
        <List data-testid="talent-list" dataSource={list.data.rows} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的人才" /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }} header={<Typography.Text type="secondary">共 {list.data.rows.length} 人</Typography.Text>}
          renderItem={(r) => (
            <List.Item onClick={() => setOpenId(r.id)} style={{ cursor: 'pointer' }} actions={[<Button key="open" type="link" size="small" onClick={() => setOpenId(r.id)}>详情</Button>]}>
              <ListItemMeta
                title={<Space wrap size={4}><span>{r.name}</span><Tag color="red">{TALENT_KIND_LABELS[r.kind]}</Tag>{r.isMember && <Tag>党员</Tag>}</Space>}
                description={<>
                  <div>{r.villageName ?? r.organizationName} · {TALENT_FIELD_LABELS[r.field]} · {tierText(r)}</div>
                  {r.leads.length > 0 && <div>{r.leads.map(leadText).join(';')}</div>}
                  {r.supportCount > 0 && <div>扶持 {r.supportCount} 次</div>}
                </>} />
            </List.Item>
          )} />
      )}
      <TalentDrawer id={openId} onClose={() => setOpenId(null)} />
      {creating && <CreateTalentModal open onClose={() => setCreating(false)} villages={villages} defaultOrgId={query.orgId} />}
      {importing && <TalentImportModal open onClose={() => setImporting(false)} targets={importTargets} />}
    </Flex>
  );
}
