import { useState, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, List, Select, Skeleton } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import type { EconomyVillageRef } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';

interface Props<T extends { id: number; organizationId: number }> {
  /** What the list is of, for the empty and error texts ("一村一品"). */
  what: string;
  query: { data?: { villages: EconomyVillageRef[]; items: T[] }; isPending: boolean; error: unknown; refetch: () => unknown };
  addLabel: string;
  onAdd: (village: EconomyVillageRef) => void;
  renderItem: (item: T) => ReactNode;
  testId: string;
}

/**
 * The village records of one kind, a card per village in tree order (never sorted by a figure), with a village filter
 * for the town's eighteen; each card lists its records or says there are none, and offers 新增 to whoever may write.
 */
export function RecordsByVillage<T extends { id: number; organizationId: number }>({ what, query, addLabel, onAdd, renderItem, testId }: Props<T>) {
  const [only, setOnly] = useState<number | null>(null);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.error || !query.data) return <LoadError title={`${what}加载失败`} error={query.error} onRetry={() => query.refetch()} />;
  const { villages, items } = query.data;
  if (!villages.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可查看的村" />;
  const shown = only === null ? villages : villages.filter((v) => v.organizationId === only);
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {villages.length > 1 && (
        <Select<number | null> aria-label="选择村" value={only} onChange={setOnly} style={{ maxWidth: 240 }}
          options={[{ value: null, label: '全部村' }, ...villages.map((v) => ({ value: v.organizationId, label: v.villageName }))]} />
      )}
      {shown.map((v) => {
        const own = items.filter((i) => i.organizationId === v.organizationId);
        return (
          <Card key={v.organizationId} size="small" title={v.villageName} data-testid={`${testId}-${v.organizationId}`}
            extra={v.canEdit && <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd(v)}>{addLabel}</Button>}>
            {own.length ? <List size="small" dataSource={own} rowKey="id" renderItem={(item) => <List.Item style={{ display: 'block' }}>{renderItem(item)}</List.Item>} />
              : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`暂无${what}`} />}
          </Card>
        );
      })}
    </Flex>
  );
}
