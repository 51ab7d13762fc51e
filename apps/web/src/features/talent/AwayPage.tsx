import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Input, Result, Select, Skeleton, Tabs } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { useSearchParams } from 'react-router';
import { AWAY_EMPLOYER_KINDS, AWAY_EMPLOYER_KIND_LABELS, type AwayEmployerKind, type AwayListQuery } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useOrganizationTreeData } from '../../lib/organizations';
import { hasWorkRole } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { parseOrgId } from '../../lib/use-month-org-params';
import { AwayCreateModal } from './AwayCreateModal';
import { AwayDrawer } from './AwayDrawer';
import { AwayLiaisonsView } from './AwayLiaisonsView';
import { AwayTable } from './AwayTable';
import { PageTitle } from '../../components/PageTitle';

type Due = NonNullable<AwayListQuery['due']>;
const DUE_OPTIONS: { value: Due; label: string }[] = [{ value: 'all', label: '全部' }, { value: 'overdue', label: '联系已逾期' }, { value: 'due', label: '即将到期' }];

/** The village branches in sight (a secretary: their own), in tree order. */
function useVillages() {
  const orgs = useOrganizationTreeData();
  const villages = useMemo(() => (orgs.data ?? [])
    .filter((o) => o.kind === 'branch' && o.status === 'active' && o.sector === 'village')
    .sort((a, b) => a.path.localeCompare(b.path)), [orgs.data]);
  const root = useMemo(() => (orgs.data ?? []).filter((o) => o.status === 'active').sort((a, b) => a.path.length - b.path.length)[0], [orgs.data]);
  return { orgs, villages, root };
}

/** 在外人才: people of the villages working elsewhere, when they were last contacted and when next; liaisons; returnees. */
export function AwayPage() {
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const { orgs, villages, root } = useVillages();
  const [due, setDue] = useState<Due>('all');
  const [employerKind, setEmployerKind] = useState<AwayEmployerKind | undefined>();
  const [partyMember, setPartyMember] = useState<'yes' | 'no' | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const requested = parseOrgId(params.get('orgId'));
  const orgId = requested && villages.some((v) => v.id === requested) ? requested : villages.length === 1 ? villages[0].id : undefined;
  const openId = parseOrgId(params.get('id'));
  const tab = params.get('tab') ?? 'away';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key); else next.set(key, value);
    setParams(next);
  };
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(me.user.roles)) return <Result status="403" title="没有权限查看" subTitle="在外人才信息供镇党委和村党支部书记使用。" />;
  if (orgs.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (orgs.error) return <LoadError title="村党支部加载失败" error={orgs.error} onRetry={() => orgs.refetch()} />;
  if (!villages.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内没有村党支部" />;

  const base = { orgId, employerKind, partyMember, q: q || undefined, pageSize: 200 };
  const filters = (
    <Flex gap={8} wrap>
      {villages.length > 1 && (
        <Select<number> aria-label="村" allowClear placeholder="全部村" className="page-org-select" value={orgId} style={{ minWidth: 160 }}
          onChange={(id) => set('orgId', id ? String(id) : undefined)} showSearch={{ optionFilterProp: 'label' }}
          options={villages.map((v) => ({ value: v.id, label: v.name.replace(/党支部$/, '') }))} />
      )}
      <Select<AwayEmployerKind> aria-label="单位性质" allowClear placeholder="单位性质" style={{ minWidth: 120 }} value={employerKind} onChange={setEmployerKind}
        options={AWAY_EMPLOYER_KINDS.map((k) => ({ value: k, label: AWAY_EMPLOYER_KIND_LABELS[k] }))} />
      <Select<'yes' | 'no'> aria-label="是否党员" allowClear placeholder="是否党员" style={{ minWidth: 110 }} value={partyMember} onChange={setPartyMember}
        options={[{ value: 'yes', label: '党员' }, { value: 'no', label: '非党员' }]} />
      <Input.Search aria-label="搜索" allowClear placeholder="姓名、地点、工作、专长" style={{ width: 220 }} onSearch={setQ} />
    </Flex>
  );
  const writable = me.user.roles.includes('town_admin') || me.user.roles.includes('branch_secretary');
  return (
    <Flex vertical gap={12} data-testid="away-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>在外人才</PageTitle>
        {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记在外人员</Button>}
      </Flex>
      <Tabs activeKey={tab} onChange={(k) => set('tab', k)} destroyOnHidden items={[
        {
          key: 'away', label: '在外人员', children: (
            <Flex vertical gap={12}>
              {filters}
              <Select<Due> aria-label="联系情况" style={{ width: 140 }} value={due} onChange={setDue} options={DUE_OPTIONS} />
              <AwayTable query={{ ...base, status: 'away', due }} onOpen={(id) => set('id', String(id))} />
            </Flex>
          ),
        },
        { key: 'returned', label: '回流人员', children: <Flex vertical gap={12}>{filters}<AwayTable returned query={{ ...base, status: 'returned' }} onOpen={(id) => set('id', String(id))} /></Flex> },
        { key: 'liaisons', label: '联络组织', children: <AwayLiaisonsView orgId={orgId} owners={[...(root && root.kind !== 'branch' ? [root] : []), ...villages]} /> },
      ]} />
      {openId && <AwayDrawer id={openId} onClose={() => set('id', undefined)} />}
      {creating && <AwayCreateModal villages={villages} defaultOrgId={orgId} onClose={() => setCreating(false)} onCreated={(id) => set('id', String(id))} />}
    </Flex>
  );
}
