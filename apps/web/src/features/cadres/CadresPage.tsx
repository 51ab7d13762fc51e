import { useMemo } from 'react';
import { Empty, Flex, Result, Select, Skeleton, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { useOrganizationTreeData } from '../../lib/organizations';
import { hasWorkRole, isTownAdmin } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { parseOrgId } from '../../lib/use-month-org-params';
import { CadreBoardView } from './CadreBoardView';
import { VillageCadresView } from './VillageCadresView';
import { PageTitle } from '../../components/PageTitle';

/** The village branches in sight (a secretary: their own), by tree order. */
function useVillageChoice() {
  const [searchParams, setSearchParams] = useSearchParams();
  const orgs = useOrganizationTreeData();
  const villages = useMemo(() => (orgs.data ?? [])
    .filter((o) => o.kind === 'branch' && o.status === 'active' && o.sector === 'village')
    .sort((a, b) => a.path.localeCompare(b.path)), [orgs.data]);
  const requested = parseOrgId(searchParams.get('orgId'));
  const orgId = requested && villages.some((v) => v.id === requested) ? requested : villages[0]?.id;
  const open = (id: number, tab?: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('orgId', String(id));
    if (tab) next.set('tab', tab);
    setSearchParams(next, { replace: !tab });
  };
  return { orgs, villages, orgId, open };
}

/** 村干部: a town admin sees the town board and every village; a village's secretary reads their own village's cadres. */
export function CadresPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const admin = isTownAdmin(roles);
  const [searchParams, setSearchParams] = useSearchParams();
  const { orgs, villages, orgId, open } = useVillageChoice();
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(roles)) return <Result status="403" title="没有权限查看" subTitle="村干部信息供镇党委和村党支部书记使用。" />;

  const village = orgs.isPending ? <Skeleton active paragraph={{ rows: 4 }} />
    : orgs.error ? <LoadError title="村党支部加载失败" error={orgs.error} onRetry={() => orgs.refetch()} />
      : !orgId ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内没有村党支部" />
        : (
          <Flex vertical gap={12}>
            {villages.length > 1 && (
              <div>
                <Select<number> aria-label="村党支部" className="page-org-select" value={orgId} onChange={(id) => open(id)}
                  showSearch={{ optionFilterProp: 'label' }} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
              </div>
            )}
            <VillageCadresView key={orgId} orgId={orgId} />
          </Flex>
        );
  const tab = admin && searchParams.get('tab') !== 'village' ? 'board' : 'village';
  const setTab = (key: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', key);
    setSearchParams(next);
  };
  return (
    <Flex vertical gap={12} data-testid="cadres-page">
      <PageTitle>村干部</PageTitle>
      {admin ? (
        <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={[
          { key: 'board', label: '全镇一览', children: <CadreBoardView onOpenVillage={(id) => open(id, 'village')} /> },
          { key: 'village', label: '各村干部', children: village },
        ]} />
      ) : village}
    </Flex>
  );
}
