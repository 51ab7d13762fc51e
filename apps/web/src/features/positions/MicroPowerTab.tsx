import { useMemo, useState, type ReactNode } from 'react';
import { App, Button, Card, Checkbox, Collapse, Empty, Flex, Select, Skeleton, Steps, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '../../lib/icons';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { todayInShanghai } from '@dj/contracts';
import { downloadFile } from '../../lib/download';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useMicroPowerItems, useSaveAdoptions, type MicroPowerItem, type MicroPowerItemList } from './api';
import { MicroPowerItemModal } from './MicroPowerItemModal';
import { MicroPowerUses } from './MicroPowerUses';

/** Items grouped by area, areas in the order their first item comes. */
export function groupByArea(items: readonly MicroPowerItem[]): [string, MicroPowerItem[]][] {
  const groups = new Map<string, MicroPowerItem[]>();
  for (const item of [...items].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)) {
    groups.set(item.area, [...(groups.get(item.area) ?? []), item]);
  }
  return [...groups];
}

function ItemCard({ item, canEdit, onEdit }: { item: MicroPowerItem; canEdit: boolean; onEdit: (item: MicroPowerItem) => void }) {
  const narrow = useNarrowScreen();
  return (
    <div className="task-item" data-testid={`item-${item.id}`}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{item.name}</Typography.Text>
          {!item.active && <Tag>已停用</Tag>}
        </Flex>
        {canEdit && (
          <Button size="small" icon={<EditOutlined />} aria-label={`编辑${item.name}`} onClick={() => onEdit(item)}>编辑</Button>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据:{item.legalBasis}</Typography.Text>
      <Steps
        size="small"
        orientation={narrow ? 'vertical' : 'horizontal'}
        titlePlacement={narrow ? undefined : 'vertical'}
        current={-1}
        style={{ marginTop: 8 }}
        items={item.steps.map((step) => ({ title: step }))}
      />
    </div>
  );
}

function TownList({ data, onEdit }: { data: MicroPowerItemList; onEdit: (item: MicroPowerItem | null) => void }) {
  const groups = groupByArea(data.items);
  if (groups.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本镇还没有小微权力清单" />;
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          全镇清单共 {data.items.length} 项,分 {groups.length} 类;各村从中选择采用。
        </Typography.Text>
        {data.can.editItems && <Button icon={<PlusOutlined />} onClick={() => onEdit(null)}>新增事项</Button>}
      </Flex>
      <Collapse
        data-testid="micro-power-list"
        defaultActiveKey={groups.slice(0, 1).map(([area]) => area)}
        items={groups.map(([area, items]) => ({
          key: area,
          label: `${area}(${items.length} 项)`,
          children: (
            <div className="task-items">
              {items.map((item) => <ItemCard key={item.id} item={item} canEdit={data.can.editItems} onEdit={onEdit} />)}
            </div>
          ),
        }))}
      />
    </Flex>
  );
}

function Adoptions({ orgId, data, canWrite }: { orgId: number; data: MicroPowerItemList; canWrite: boolean }) {
  const adopted = useMemo(
    () => data.adoptions.find((a) => a.organizationId === orgId)?.items.map((i) => i.itemId) ?? [],
    [data.adoptions, orgId],
  );
  const [chosen, setChosen] = useState<number[] | null>(null);
  const save = useSaveAdoptions();
  const { message } = App.useApp();
  const value = chosen ?? adopted;
  const groups = groupByArea(data.items.filter((i) => i.active || adopted.includes(i.id)));
  const adoptedOn = new Map(data.adoptions.find((a) => a.organizationId === orgId)?.items.map((i) => [i.itemId, i.adoptedOn]) ?? []);

  return (
    <Flex vertical gap={8} data-testid="adoptions">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">本村采用 {value.length} 项(全镇 {data.items.length} 项)</Typography.Text>
        {canWrite && (
          <Flex gap={8}>
            <Button size="small" onClick={() => setChosen(data.items.filter((i) => i.active).map((i) => i.id))}>全选</Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={chosen === null}
              onClick={() =>
                save.mutate(
                  { orgId, itemIds: value },
                  {
                    onSuccess: () => {
                      message.success('已保存本村采用的事项');
                      setChosen(null);
                    },
                    onError: (e) => message.error(errorMessage(e)),
                  },
                )
              }
            >
              保存
            </Button>
          </Flex>
        )}
      </Flex>
      {groups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本镇还没有小微权力清单" />}
      <Checkbox.Group value={value} onChange={(next) => setChosen(next as number[])} disabled={!canWrite} style={{ display: 'block' }}>
        {groups.map(([area, items]) => (
          <Card key={area} size="small" title={area} style={{ marginBottom: 8 }}>
            <Flex vertical gap={6}>
              {items.map((item) => (
                <Checkbox key={item.id} value={item.id}>
                  {item.name}
                  {adoptedOn.has(item.id) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {adoptedOn.get(item.id)} 起采用
                    </Typography.Text>
                  )}
                </Checkbox>
              ))}
            </Flex>
          </Card>
        ))}
      </Checkbox.Group>
    </Flex>
  );
}

/**
 * The village's 小微权力运行台账 for a year, as Word or PDF. The year is the town's (Asia/Shanghai), as the server
 * defaults it; earlier years stay available for the paper ledger of a past year.
 */
function LedgerDownloads({ orgId, orgName }: { orgId: number; orgName: string }) {
  const { message } = App.useApp();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [pending, setPending] = useState<'docx' | 'pdf' | null>(null);
  const run = (format: 'docx' | 'pdf') => {
    setPending(format);
    downloadFile(`/api/micro-power/ledger/${format}`, `${orgName}-${year}年小微权力运行台账.${format}`, { orgId, year })
      .then((name) => message.success(`已开始下载“${name}”`), (error: unknown) => message.error(errorMessage(error)))
      .finally(() => setPending(null));
  };
  return (
    <Flex gap={8} wrap align="center" data-testid="micro-power-ledger">
      <Typography.Text>运行台账</Typography.Text>
      <Select
        size="small"
        aria-label="台账年度"
        value={year}
        onChange={setYear}
        style={{ width: 96 }}
        options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))}
      />
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={pending === 'docx'} aria-label="运行台账·Word" onClick={() => run('docx')}>Word</Button>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} loading={pending === 'pdf'} aria-label="运行台账·PDF" onClick={() => run('pdf')}>PDF</Button>
    </Flex>
  );
}

/** 小微权力清单: the town's list with its flows, what each village adopted, and each use recorded step by step. */
export function MicroPowerTab({ orgId, canWrite }: { orgId: number; canWrite: boolean }) {
  const list = useMicroPowerItems(orgId);
  const [editing, setEditing] = useState<MicroPowerItem | null | 'closed'>('closed');

  let body: ReactNode;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (list.isError) body = <LoadError title="小微权力清单加载失败" error={list.error} onRetry={() => list.refetch()} />;
  else {
    const data = list.data;
    const adoptedIds = new Set(data.adoptions.find((a) => a.organizationId === orgId)?.items.map((i) => i.itemId) ?? []);
    const adoptedItems = data.items.filter((i) => adoptedIds.has(i.id));
    const orgName = data.adoptions.find((a) => a.organizationId === orgId)?.organizationName;
    body = (
      <Tabs
        size="small"
        tabBarExtraContent={orgName ? <LedgerDownloads key={orgId} orgId={orgId} orgName={orgName} /> : undefined}
        items={[
          { key: 'list', label: '全镇清单', children: <TownList data={data} onEdit={setEditing} /> },
          { key: 'adopt', label: '本村采用', children: <Adoptions key={orgId} orgId={orgId} data={data} canWrite={canWrite} /> },
          { key: 'uses', label: '运行记录', children: <MicroPowerUses orgId={orgId} adoptedItems={adoptedItems} canWrite={canWrite} /> },
        ]}
      />
    );
  }

  const areas = groupByArea(list.data?.items ?? []).map(([area]) => area);
  return (
    <div data-testid="micro-power-tab">
      {body}
      {editing !== 'closed' && <MicroPowerItemModal item={editing} areas={areas} onClose={() => setEditing('closed')} />}
    </div>
  );
}
