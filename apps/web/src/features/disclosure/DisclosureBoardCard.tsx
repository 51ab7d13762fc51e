import type { HTMLAttributes } from 'react';
import { Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { ListBody } from '../../components/ListBody';
import { useDisclosureBoard, type DisclosureBoard } from './api';
import { DUE_STATUS_COLORS, DUE_STATUS_LABELS } from './labels';

type Branch = DisclosureBoard['branches'][number];
type Item = Branch['items'][number];

function ItemStatus({ item }: { item: Item }) {
  const tag = <Tag color={DUE_STATUS_COLORS[item.status]}>{DUE_STATUS_LABELS[item.status]}</Tag>;
  return (
    <Flex vertical gap={2} data-testid={`board-cell-${item.ruleKey}`}>
      <Flex gap={4} align="center" wrap>
        <Typography.Text>{item.period}</Typography.Text>
        {item.disclosureId ? <Link to={`/disclosures/${item.disclosureId}`}>{tag}</Link> : tag}
      </Flex>
      {item.status !== 'done' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>截止 {item.dueOn}</Typography.Text>}
      {item.missed.length > 0 && (
        <Typography.Text type="danger" style={{ fontSize: 12 }} title={item.missed.map((m) => m.period).join('、')}>
          另有{item.missed.length}期未公开
        </Typography.Text>
      )}
    </Flex>
  );
}

const branchTitle = (b: Branch) => (b.villageName ? `${b.villageName}(${b.organizationName})` : b.organizationName);

function BranchCards({ branches }: { branches: Branch[] }) {
  return (
    <div className="task-items">
      {branches.map((b) => (
        <div key={b.organizationId} className="task-item" data-testid={`board-branch-${b.organizationId}`}>
          <Typography.Text strong>{branchTitle(b)}</Typography.Text>
          {b.items.map((item) => (
            <Flex key={item.ruleKey} gap={8} justify="space-between" align="start">
              <Typography.Text>{item.label}</Typography.Text>
              <ItemStatus item={item} />
            </Flex>
          ))}
        </div>
      ))}
    </div>
  );
}

/** One column per rule any branch has, in the order they first appear. */
function BranchTable({ branches }: { branches: Branch[] }) {
  const rules = new Map<string, string>();
  for (const b of branches) for (const item of b.items) if (!rules.has(item.ruleKey)) rules.set(item.ruleKey, item.label);
  const columns: TableColumnsType<Branch> = [
    { title: '村', key: 'village', fixed: 'left', render: (_, b) => branchTitle(b) },
    ...[...rules].map(([key, label]) => ({
      title: label,
      key,
      render: (_: unknown, b: Branch) => {
        const item = b.items.find((i) => i.ruleKey === key);
        return item ? <ItemStatus item={item} /> : <Typography.Text type="secondary">—</Typography.Text>;
      },
    })),
  ];
  return (
    <Table<Branch>
      rowKey="organizationId"
      size="small"
      columns={columns}
      dataSource={branches}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(b) => ({ 'data-testid': `board-branch-${b.organizationId}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}

/** Each village × rule: the latest period due, its deadline and where it stands. No scores, no ranking. */
export function DisclosureBoardCard({ orgId, enabled }: { orgId?: number; enabled: boolean }) {
  const board = useDisclosureBoard(orgId, enabled);
  const late = board.data?.branches.reduce((n, b) => n + b.late, 0) ?? 0;
  const dueSoon = board.data?.branches.reduce((n, b) => n + b.dueSoon, 0) ?? 0;
  return (
    <Card
      size="small"
      title="各村公开情况"
      data-testid="disclosure-board"
      extra={
        <Flex gap={4}>
          {late > 0 && <Tag color="red">已逾期 {late}</Tag>}
          {dueSoon > 0 && <Tag color="orange">即将到期 {dueSoon}</Tag>}
        </Flex>
      }
    >
      <ListBody
        query={board}
        errorTitle="公开情况加载失败"
        items={board.data?.branches}
        empty="所选范围内没有村党支部"
        skeletonRows={4}
        cards={(branches) => <BranchCards branches={branches} />}
        table={(branches) => <BranchTable branches={branches} />}
      />
    </Card>
  );
}
