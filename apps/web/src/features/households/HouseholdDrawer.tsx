/** A household's record for the secretary: its data, who looked after it when (history), and every visit. */
import { Descriptions, Drawer, Empty, List, Skeleton, Tag } from 'antd';
import { VISIT_METHOD_LABELS } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useHousehold } from './api';
import { DueTag } from './MyHouseholdsPage';
import { VisitMatter } from './VisitMatter';
import { SectionTitle } from '../../components/PageTitle';
import { ListItemMeta } from '../../components/ListItemMeta';

export function HouseholdDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const query = useHousehold(id);
  const h = query.data;
  return (
    <Drawer title={h ? `联户:${h.headName}` : '联户'} open onClose={onClose} width={560}>
      {query.isPending ? <Skeleton active /> : query.isError ? <LoadError title="加载失败" error={query.error} onRetry={() => query.refetch()} /> : h && (
        <>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'v', label: '村', children: h.villageName },
            { key: 'g', label: '村民小组', children: h.hamlet ?? '—' },
            { key: 'a', label: '住址', children: h.address ?? '—' },
            { key: 'p', label: '人口', children: h.people ? `${h.people}人` : '—' },
            { key: 's', label: '户情', children: h.situation ?? '—' },
            { key: 't', label: '户主电话', children: h.phoneMasked ?? '—' },
            { key: 'd', label: '走访', children: <DueTag h={h} /> },
          ]} />
          <SectionTitle>联系党员</SectionTitle>
          {h.history.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未安排联系党员" /> : (
            <List size="small" dataSource={h.history} data-testid="household-history" renderItem={(l) => (
              <List.Item>{l.name}:{l.since} 起{l.until ? `,${l.until} 止` : <Tag color="green" style={{ marginLeft: 8 }}>联系中</Tag>}</List.Item>
            )} />
          )}
          <SectionTitle>走访记录</SectionTitle>
          {h.visits.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有走访记录" /> : (
            <List size="small" dataSource={h.visits} renderItem={(v) => (
              <List.Item extra={<VisitMatter v={v} own={false} />}>
                <ListItemMeta title={`${v.visitedOn} · ${v.personName} · ${VISIT_METHOD_LABELS[v.method]}${v.proxy ? `(${v.enteredByName}代为登记)` : ''}`}
                  description={[v.raised ? `反映:${v.raised}` : null, v.note].filter(Boolean).join(';') || '—'} />
              </List.Item>
            )} />
          )}
        </>
      )}
    </Drawer>
  );
}
