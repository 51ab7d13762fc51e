import type { ReactNode } from 'react';
import { LoadError } from '../../components/LoadError';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '../../lib/icons';
import { ORGANIZATION_KIND_LABELS, SECTOR_LABELS, type OrganizationDetail } from '@dj/contracts';
import { isApiError, NOT_FOUND_MESSAGE } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { STATUS_LABELS, villageText } from './labels';
import { SectionTitle } from '../../components/PageTitle';

export type OrgAction = 'create' | 'rename' | 'move' | 'close';

interface Props {
  selectedId: number | undefined;
  detail: OrganizationDetail | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  parentName: string | undefined;
  onAction: (action: OrgAction) => void;
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <Card data-testid="org-detail" size="small" title="组织详情">
      {children}
    </Card>
  );
}

export function OrgDetailCard({ selectedId, detail, loading, error, onRetry, parentName, onAction }: Props) {
  if (selectedId === undefined) {
    return (
      <Shell>
        <Empty description="请在左侧组织树中选择一个组织查看详情。" />
      </Shell>
    );
  }
  if (loading) {
    return (
      <Shell>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Shell>
    );
  }
  if (error || !detail) {
    return (
      <Shell>
        {isApiError(error, 404) ? (
          <Result status="404" title={NOT_FOUND_MESSAGE} subTitle="该组织可能已被删除,或不在您的管理范围内。" />
        ) : (
          <LoadError title="组织详情加载失败" error={error} onRetry={onRetry} />
        )}
      </Shell>
    );
  }

  const closed = detail.status === 'closed';
  const { can, memberCounts } = detail;
  const items = [
    { key: 'kind', label: '组织类型', children: ORGANIZATION_KIND_LABELS[detail.kind] },
    { key: 'sector', label: '所属领域', children: detail.sector ? SECTOR_LABELS[detail.sector] : '—' },
    { key: 'isJoint', label: '联合党支部', children: detail.isJoint ? '是' : '否' },
    { key: 'parent', label: '上级组织', children: parentName ?? (detail.parentId === null ? '无(顶级组织)' : '—') },
    { key: 'village', label: '对应行政村', children: villageText(detail) },
    {
      key: 'status',
      label: '状态',
      children: closed ? `${STATUS_LABELS.closed}(${formatDateTime(detail.closedAt)})` : STATUS_LABELS.active,
    },
    {
      key: 'members',
      label: '党员人数',
      children: `正式党员 ${memberCounts.full} 人,预备党员 ${memberCounts.probationary} 人,合计 ${memberCounts.total} 人`,
      span: 2,
    },
    { key: 'children', label: '下级组织', children: `${detail.activeChildCount} 个` },
    { key: 'updatedAt', label: '最后更新', children: formatDateTime(detail.updatedAt) },
  ];

  const title = (
    <Space size={8} wrap>
      <span data-testid="org-detail-name">{detail.name}</span>
      <Tag color={closed ? 'default' : 'red'}>{ORGANIZATION_KIND_LABELS[detail.kind]}</Tag>
      {closed && <Tag>已撤销</Tag>}
      {detail.isDemo && <Tag color="orange">演示数据</Tag>}
    </Space>
  );

  const actions = [
    can.createChild && (
      <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => onAction('create')}>
        新建下级组织
      </Button>
    ),
    can.edit && (
      <Button key="rename" icon={<EditOutlined />} onClick={() => onAction('rename')}>
        重命名
      </Button>
    ),
    can.move && (
      <Button key="move" icon={<DragOutlined />} onClick={() => onAction('move')}>
        移动
      </Button>
    ),
    can.close && (
      <Button key="close" danger icon={<DeleteOutlined />} onClick={() => onAction('close')}>
        撤销
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Card data-testid="org-detail" size="small" title={title}>
      {actions.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {actions}
        </Space>
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      <div style={{ marginTop: 16 }}>
        <SectionTitle style={{ marginTop: 0 }}>
          组织设置检查
        </SectionTitle>
        {detail.warnings.length === 0 ? (
          <Typography.Text type="secondary">未发现不符合规定的组织设置。</Typography.Text>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="org-warnings">
            {detail.warnings.map((w, index) => (
              <Alert key={`${w.code}-${index}`} type={w.level} showIcon title={w.message} description={`依据:${w.rule}`} />
            ))}
          </Space>
        )}
      </div>
    </Card>
  );
}
