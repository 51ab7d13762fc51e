import { useMemo, type ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { Card, Empty, Input, Skeleton, Space, Switch, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { ORGANIZATION_KIND_LABELS } from '@dj/contracts';
import { normaliseSearch, type OrgTreeNode } from '../../lib/org-tree';

interface Props {
  tree: OrgTreeNode[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  hasAny: boolean;
  expandedKeys: number[];
  onExpand: (keys: number[]) => void;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
  search: string;
  onSearchChange: (value: string) => void;
  showClosed: boolean;
  onShowClosedChange: (value: boolean) => void;
}

function highlight(name: string, term: string): ReactNode {
  const index = term ? name.toLowerCase().indexOf(term) : -1;
  if (index < 0) return name;
  return (
    <>
      {name.slice(0, index)}
      <span className="org-search-hit">{name.slice(index, index + term.length)}</span>
      {name.slice(index + term.length)}
    </>
  );
}

function toTreeData(nodes: readonly OrgTreeNode[], term: string): TreeDataNode[] {
  return nodes.map(({ org, children }) => {
    const closed = org.status === 'closed';
    return {
      key: org.id,
      title: (
        <span className="org-tree-title" data-org-id={org.id}>
          <span className={closed ? 'org-tree-title-closed' : undefined}>{highlight(org.name, term)}</span>
          <Tag color={closed ? 'default' : 'red'} variant="outlined">
            {ORGANIZATION_KIND_LABELS[org.kind]}
          </Tag>
          {closed && <Tag>已撤销</Tag>}
        </span>
      ),
      children: toTreeData(children, term),
    };
  });
}

export function OrgTreePanel(props: Props) {
  const { tree, loading, error, onRetry, hasAny, search, showClosed } = props;
  const term = normaliseSearch(search);
  const treeData = useMemo(() => toTreeData(tree, term), [tree, term]);

  let body: ReactNode;
  if (loading) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (error) {
    body = (
      <LoadError title="组织架构加载失败" error={error} onRetry={onRetry} />
    );
  } else if (!hasAny) {
    body = <Empty description="暂无组织数据。请联系镇党委管理员在系统中建立组织架构。" />;
  } else if (treeData.length === 0) {
    body = (
      <Empty
        description={term ? `没有名称包含“${search.trim()}”的组织,请换个关键词试试。` : '没有未撤销的组织,可打开“显示已撤销”查看。'}
      />
    );
  } else {
    body = (
      <div className="org-tree-scroll">
        <Tree
          showLine
          blockNode
          treeData={treeData}
          expandedKeys={props.expandedKeys}
          onExpand={(keys) => props.onExpand(keys.map(Number))}
          selectedKeys={props.selectedId === undefined ? [] : [props.selectedId]}
          // Clicking the selected node again would deselect it; keep a selection at all times.
          onSelect={(_keys, info) => props.onSelect(Number(info.node.key))}
        />
      </div>
    );
  }

  return (
    <Card
      // The page's one h1 (issue 21 point 2): the page has no title above its two cards; drawn as the card's title.
      title={<h1 style={{ font: 'inherit', margin: 0 }}>组织架构</h1>}
      size="small"
      extra={
        <Space size={4}>
          <Typography.Text type="secondary">显示已撤销</Typography.Text>
          <Switch size="small" checked={showClosed} onChange={props.onShowClosedChange} aria-label="显示已撤销" />
        </Space>
      }
    >
      <Input.Search
        placeholder="按名称搜索组织"
        allowClear
        value={search}
        onChange={(e) => props.onSearchChange(e.target.value)}
        style={{ marginBottom: 12 }}
        aria-label="按名称搜索组织"
      />
      <div data-testid="org-tree">{body}</div>
    </Card>
  );
}
