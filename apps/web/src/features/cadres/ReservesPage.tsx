import { useMemo, useState } from 'react';
import { App, Button, Empty, Flex, Result, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined } from '../../lib/icons';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { useOrganizationTreeData } from '../../lib/organizations';
import { hasWorkRole, isTownAdmin } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { parseOrgId } from '../../lib/use-month-org-params';
import { ReserveBoardView } from './ReserveBoardView';
import { VillageReservesView } from './VillageReservesView';
import { PageTitle } from '../../components/PageTitle';

/** 后备人才名册 as xlsx, Word or PDF: of the village chosen, or of every village in sight. */
function RosterButtons({ orgId }: { orgId?: number }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (format: 'xlsx' | 'docx' | 'pdf') => {
    setBusy(format);
    try { await downloadFile(`/api/reserves/roster/${format}`, `后备人才名册.${format}`, orgId ? { orgId } : undefined); } catch (e) { void message.error(errorMessage(e)); } finally { setBusy(null); }
  };
  return (
    <Space wrap>
      <Typography.Text>后备人才名册:</Typography.Text>
      {(['xlsx', 'docx', 'pdf'] as const).map((f) => (
        <Button key={f} size="small" icon={<DownloadOutlined />} loading={busy === f} onClick={() => void get(f)}>{f === 'xlsx' ? 'Excel' : f === 'docx' ? 'Word' : 'PDF'}</Button>
      ))}
    </Space>
  );
}

/** 后备人才: the town admin sees the pipeline board and every village; a village's secretary their own village only. */
export function ReservesPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const admin = isTownAdmin(roles);
  const [searchParams, setSearchParams] = useSearchParams();
  const orgs = useOrganizationTreeData();
  const villages = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'branch' && o.status === 'active' && o.sector === 'village')
    .sort((a, b) => a.path.localeCompare(b.path)), [orgs.data]);
  const requested = parseOrgId(searchParams.get('orgId'));
  const orgId = requested && villages.some((v) => v.id === requested) ? requested : villages[0]?.id;
  const set = (changes: Record<string, string>, replace = false) => {
    const next = new URLSearchParams(searchParams);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setSearchParams(next, { replace });
  };
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(roles)) return <Result status="403" title="没有权限查看" subTitle="后备人才信息供镇党委和村党支部书记使用。" />;

  const village = orgs.isPending ? <Skeleton active paragraph={{ rows: 4 }} />
    : orgs.error ? <LoadError title="村党支部加载失败" error={orgs.error} onRetry={() => orgs.refetch()} />
      : !orgId ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内没有村党支部" />
        : (
          <Flex vertical gap={12}>
            {villages.length > 1 && (
              <div>
                <Select<number> aria-label="村党支部" className="page-org-select" value={orgId} onChange={(id) => set({ orgId: String(id) }, true)}
                  showSearch={{ optionFilterProp: 'label' }} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
              </div>
            )}
            <RosterButtons orgId={orgId} />
            <VillageReservesView key={orgId} orgId={orgId} />
          </Flex>
        );
  const tab = admin && searchParams.get('tab') !== 'village' ? 'board' : 'village';
  return (
    <Flex vertical gap={12} data-testid="reserves-page">
      <PageTitle>后备人才(递进培养计划)</PageTitle>
      {admin ? (
        <Tabs activeKey={tab} onChange={(key) => set({ tab: key })} destroyOnHidden items={[
          { key: 'board', label: '全镇一览', children: <Flex vertical gap={12}><RosterButtons /><ReserveBoardView onOpenVillage={(id) => set({ orgId: String(id), tab: 'village' })} /></Flex> },
          { key: 'village', label: '各村后备人才', children: village },
        ]} />
      ) : village}
    </Flex>
  );
}
