import type { ReactNode } from 'react';
import { Empty, Flex, Result, Skeleton, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { useMe } from '../../lib/session';
import { hasWorkRole } from '../../lib/roles';
import { CentersTab } from './CentersTab';
import { DutyTab } from './DutyTab';
import { FourTwoTab } from './FourTwoTab';
import { canWritePositions } from './labels';
import { MicroPowerTab } from './MicroPowerTab';
import { useVillageParam, VillageSelect } from './VillageSelect';
import { PageTitle } from '../../components/PageTitle';

const TABS = ['centers', 'duty', 'micro-power', 'four-two'] as const;
type TabKey = (typeof TABS)[number];

/** The tabs kept per village get the village picker above them. */
function PerVillage({ children }: { children: (orgId: number, orgName: string) => ReactNode }) {
  const { orgId, villages, loading, error, retry, setOrgId } = useVillageParam();
  if (loading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error) return <LoadError title="村党支部加载失败" error={error} onRetry={retry} />;
  const village = villages.find((v) => v.id === orgId);
  if (!village) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内没有村党支部" />;
  return (
    <Flex vertical gap={12}>
      <div>
        <VillageSelect value={orgId} villages={villages} loading={loading} onChange={setOrgId} />
      </div>
      {children(village.id, village.name)}
    </Flex>
  );
}

/** 阵地建设: 党群服务中心、坐班值班、小微权力清单、四议两公开. */
export function PositionsPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const allowed = hasWorkRole(roles);
  const canWrite = canWritePositions(roles);
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get('tab');
  const tab: TabKey = (TABS as readonly string[]).includes(raw ?? '') ? (raw as TabKey) : 'centers';

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" subTitle="阵地建设供党组织书记和工作人员使用。" />;

  const setTab = (key: string) => {
    const next = new URLSearchParams(searchParams);
    if (key === 'centers') next.delete('tab');
    else next.set('tab', key);
    setSearchParams(next);
  };

  return (
    <Flex vertical gap={12} data-testid="positions-page">
      <PageTitle>阵地建设</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'centers', label: '党群服务中心', children: <CentersTab canWrite={canWrite} /> },
          {
            key: 'duty',
            label: '坐班值班',
            children: <PerVillage>{(orgId, name) => <DutyTab orgId={orgId} orgName={name} canWrite={canWrite} />}</PerVillage>,
          },
          {
            key: 'micro-power',
            label: '小微权力',
            children: <PerVillage>{(orgId) => <MicroPowerTab orgId={orgId} canWrite={canWrite} />}</PerVillage>,
          },
          {
            key: 'four-two',
            label: '四议两公开',
            children: <PerVillage>{(orgId, name) => <FourTwoTab orgId={orgId} orgName={name} canWrite={canWrite} />}</PerVillage>,
          },
        ]}
      />
    </Flex>
  );
}
