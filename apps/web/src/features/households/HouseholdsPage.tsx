/**
 * 党员联户 (issue 20 point 3) for the town and the village's secretary: the households per village, filtered by 村民小组,
 * 联系党员 or 未走访超期 (the 待办 item opens it so filtered), with 登记/修改, 安排联系党员, 代为登记走访 and the roster
 * import. Ordered by the tree and the group, never by a member's figures: no ranking of members.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Checkbox, Flex, Select, Table, Typography } from 'antd';
import type { Household } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useHouseholds, useProxyVisit } from './api';
import { HouseholdDrawer } from './HouseholdDrawer';
import { HouseholdFormModal, HouseholdImportModal, LinksModal } from './HouseholdModals';
import { DueTag } from './MyHouseholdsPage';
import { VisitModal } from './VisitModal';
import { PageTitle } from '../../components/PageTitle';

type Open = { kind: 'new' | 'import' } | { kind: 'edit' | 'links' | 'visit'; h: Household } | null;

const num = (v: string | null) => (v ? Number(v) : undefined);

export function HouseholdsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = { orgId: num(params.get('orgId')), hamlet: params.get('hamlet') ?? undefined, personId: num(params.get('personId')), due: params.get('due') === 'true', page: num(params.get('page')) ?? 1 };
  const set = (changes: Record<string, string | number | boolean | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries({ page: undefined, ...changes })) if (v === undefined || v === false || v === '') next.delete(k); else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  const query = useHouseholds(filter);
  const proxy = useProxyVisit();
  const [open, setOpen] = useState<Open>(null);
  const [shown, setShown] = useState<number | null>(null);
  const data = query.data;
  const village = filter.orgId ? data?.villages.find((v) => v.organizationId === filter.orgId) : undefined;
  const canEdit = Boolean(village?.canEdit);
  const members = village?.members ?? [];
  return (
    <Flex vertical gap={12}>
      <div>
        <PageTitle>党员联户</PageTitle>
        <Typography.Text type="secondary">
          认人认门、交友交心:每户由联系党员{data ? `至少每${data.intervalDays}天` : '定期'}走访一次(本镇设置),超期的列入待办。只看期限,不给党员打分、不排名。
        </Typography.Text>
      </div>
      <Flex gap={8} wrap align="center">
        <Select aria-label="村" style={{ width: 180 }} placeholder="全部村" allowClear value={filter.orgId}
          options={(data?.villages ?? []).map((v) => ({ value: v.organizationId, label: v.villageName }))}
          onChange={(v) => set({ orgId: v, hamlet: undefined, personId: undefined })} />
        <Select aria-label="村民小组" style={{ width: 160 }} placeholder="全部村民小组" allowClear value={filter.hamlet}
          options={[...new Set((village ? [village] : data?.villages ?? []).flatMap((v) => v.hamlets))].map((h) => ({ value: h, label: h }))} onChange={(v) => set({ hamlet: v })} />
        {filter.orgId && (
          <Select aria-label="联系党员" style={{ width: 160 }} placeholder="全部联系党员" allowClear showSearch optionFilterProp="label" value={filter.personId}
            options={members.map((m) => ({ value: m.personId, label: m.name }))} onChange={(v) => set({ personId: v })} />
        )}
        <Checkbox checked={filter.due} onChange={(e) => set({ due: e.target.checked })}>只看未走访超期</Checkbox>
        {canEdit && <Button type="primary" onClick={() => setOpen({ kind: 'new' })}>登记农户</Button>}
        {canEdit && <Button onClick={() => setOpen({ kind: 'import' })}>导入联户名册</Button>}
        {!filter.orgId && <Typography.Text type="secondary">选择一个村后可登记、导入和安排联系党员</Typography.Text>}
      </Flex>
      {query.isError ? <LoadError title="联户加载失败" error={query.error} onRetry={() => query.refetch()} /> : (
        <Table<Household> size="small" rowKey="id" loading={query.isPending} dataSource={data?.items} scroll={{ x: true }} data-testid="households-table"
          locale={{ emptyText: filter.due ? '没有超期未走访的农户' : '还没有登记农户' }}
          pagination={{ current: filter.page, pageSize: data?.pageSize ?? 50, total: data?.total ?? 0, hideOnSinglePage: true, onChange: (page) => set({ ...filter, page }) }}
          columns={[
            { title: '户主', render: (_, h) => <Button type="link" style={{ padding: 0 }} onClick={() => setShown(h.id)}>{h.headName}</Button> },
            ...(filter.orgId ? [] : [{ title: '村', dataIndex: 'villageName' }]),
            { title: '村民小组', render: (_, h) => h.hamlet ?? '—' },
            { title: '住址', render: (_, h) => h.address ?? '—' },
            { title: '人口', render: (_, h) => h.people ?? '—' },
            { title: '户情', render: (_, h) => h.situation ?? '—' },
            { title: '联系党员', render: (_, h) => h.links.map((l) => l.name).join('、') || '—' },
            { title: '走访', render: (_, h) => <DueTag h={h} /> },
            ...(canEdit ? [{
              title: '操作', render: (_: unknown, h: Household) => (
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => setOpen({ kind: 'visit', h })}>代为登记走访</Button>
                  <Button size="small" onClick={() => setOpen({ kind: 'links', h })}>安排联系党员</Button>
                  <Button size="small" onClick={() => setOpen({ kind: 'edit', h })}>修改</Button>
                </Flex>
              ),
            }] : []),
          ]} />
      )}
      {open?.kind === 'new' && filter.orgId && <HouseholdFormModal orgId={filter.orgId} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && filter.orgId && <HouseholdFormModal orgId={filter.orgId} household={open.h} onClose={() => setOpen(null)} />}
      {open?.kind === 'import' && village && <HouseholdImportModal orgId={village.organizationId} villageName={village.villageName} onClose={() => setOpen(null)} />}
      {open?.kind === 'links' && <LinksModal household={open.h} members={members} onClose={() => setOpen(null)} />}
      {open?.kind === 'visit' && (
        <VisitModal title={`代为登记走访:${open.h.headName}`} open members={members} pending={proxy.isPending} onClose={() => { setOpen(null); proxy.reset(); }}
          error={proxy.error ? errorMessage(proxy.error) : null}
          onSubmit={(v) => proxy.mutate({ id: open.h.id, body: { ...v, personId: v.personId! } }, { onSuccess: () => { message.success('走访已登记'); setOpen(null); proxy.reset(); } })} />
      )}
      {shown !== null && <HouseholdDrawer id={shown} onClose={() => setShown(null)} />}
    </Flex>
  );
}
