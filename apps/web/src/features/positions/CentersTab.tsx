import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '../../lib/icons';
import { Link, useNavigate } from 'react-router';
import { FormModal } from '../../components/FormModal';
import { ListBody } from '../../components/ListBody';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { formatFen } from '../../lib/money';
import { useSaveServiceCenter, useServiceCenters, type MissingCenter, type ServiceCenter } from './api';
import { CENTER_FIELDS, CenterFormFields, centerInitialValues, toCenterBody, type CenterValues } from './CenterFormFields';
import { areaText } from './labels';

function StandardTag({ standard }: { standard: ServiceCenter['standard'] }) {
  return standard === 'high' ? <Tag color="red">高标准</Tag> : <Tag>一般</Tag>;
}

function projectText(center: ServiceCenter): string {
  const s = center.projectSummary;
  if (s.count === 0) return '—';
  return `${s.count} 个 · ${formatFen(s.budgetFen)} · 已验收 ${s.accepted}`;
}

const COLUMNS: TableColumnsType<ServiceCenter> = [
  { title: '村党支部', dataIndex: 'organizationName', key: 'org' },
  {
    title: '服务中心',
    key: 'name',
    render: (_, row) => (
      <Flex gap={4} wrap align="center">
        <Link to={`/positions/service-centers/${row.id}`}>{row.name}</Link>
        <StandardTag standard={row.standard} />
        {row.isDemo && <Tag>演示数据</Tag>}
      </Flex>
    ),
  },
  { title: '建筑面积', key: 'area', render: (_, row) => areaText(row.floorArea) },
  { title: '功能室', key: 'rooms', render: (_, row) => `${row.rooms.length} 间` },
  { title: '开放时间', key: 'hours', render: (_, row) => row.openingHours ?? '—' },
  { title: '建设项目', key: 'projects', render: (_, row) => projectText(row) },
  {
    title: '操作',
    key: 'actions',
    render: (_, row) => (
      <Link to={`/positions/service-centers/${row.id}`}>
        <EditOutlined /> {row.can.edit ? '编辑' : '查看'}
      </Link>
    ),
  },
];

function CenterCards({ items }: { items: ServiceCenter[] }) {
  return (
    <div className="task-items">
      {items.map((row) => (
        <Link key={row.id} to={`/positions/service-centers/${row.id}`} className="task-item" style={{ color: 'inherit' }}>
          <Flex gap={6} wrap align="center">
            <Typography.Text strong>{row.name}</Typography.Text>
            <StandardTag standard={row.standard} />
          </Flex>
          <Typography.Text type="secondary">
            {row.organizationName} · {areaText(row.floorArea)} · 功能室 {row.rooms.length} 间
          </Typography.Text>
          <Typography.Text>开放时间:{row.openingHours ?? '—'}</Typography.Text>
        </Link>
      ))}
    </div>
  );
}

function CreateCenterModal({ village, onClose }: { village: MissingCenter; onClose: () => void }) {
  const [form] = Form.useForm<CenterValues>();
  const save = useSaveServiceCenter();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const onFinish = (values: CenterValues) => {
    setError(null);
    save.mutate(
      { orgId: village.organizationId, body: toCenterBody(values) },
      {
        onSuccess: (saved) => {
          message.success('已保存党群服务中心');
          onClose();
          void navigate(`/positions/service-centers/${saved.id}`);
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, CENTER_FIELDS)) setError(errorMessage(e));
        },
      },
    );
  };

  return (
    <FormModal<CenterValues>
      open
      title={`新建党群服务中心:${village.organizationName}`}
      onClose={onClose}
      form={form}
      name="create-center"
      okText="保存"
      pending={save.isPending}
      width={760}
      onFinish={onFinish}
      initialValues={centerInitialValues(undefined, village.organizationName)}
      after={error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="center-save-error" />}
    >
      <CenterFormFields />
    </FormModal>
  );
}

/** 党群服务中心: one per village, with the high-standard ones marked. */
export function CentersTab({ canWrite }: { canWrite: boolean }) {
  const list = useServiceCenters();
  const [creating, setCreating] = useState<MissingCenter | null>(null);

  const high = list.data?.items.filter((c) => c.standard === 'high').length ?? 0;
  const missing = list.data?.missing ?? [];
  return (
    <Flex vertical gap={12} data-testid="centers-tab">
      {list.data && (
        <Typography.Text type="secondary">
          已登记 {list.data.items.length} 个,其中高标准 {high} 个{missing.length > 0 ? `;${missing.length} 个村尚未登记` : ''}。
        </Typography.Text>
      )}
      <Card size="small">
        <ListBody
          query={list}
          errorTitle="党群服务中心加载失败"
          items={list.data?.items}
          empty="还没有登记党群服务中心"
          skeletonRows={6}
          cards={(items) => <CenterCards items={items} />}
          table={(items) => (
            <Table<ServiceCenter>
              rowKey="id"
              size="small"
              columns={COLUMNS}
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          )}
        />
      </Card>
      {missing.length > 0 && (
        <Card size="small" title="尚未登记服务中心的村">
          <Flex gap={8} wrap data-testid="missing-centers">
            {missing.map((m) => (
              <Flex key={m.organizationId} gap={4} align="center">
                <Typography.Text>{m.organizationName}</Typography.Text>
                {canWrite && (
                  <Button size="small" icon={<PlusOutlined />} aria-label={`新建${m.organizationName}服务中心`} onClick={() => setCreating(m)}>
                    新建
                  </Button>
                )}
              </Flex>
            ))}
          </Flex>
        </Card>
      )}
      {creating && <CreateCenterModal village={creating} onClose={() => setCreating(null)} />}
    </Flex>
  );
}
