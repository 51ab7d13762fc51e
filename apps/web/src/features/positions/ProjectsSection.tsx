import { CreateServiceCenterProjectSchema, formField, type CreateServiceCenterProject } from '@dj/contracts';
import { useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Progress, Row, Slider, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '../../lib/icons';
import { FormModal } from '../../components/FormModal';
import { ListBody } from '../../components/ListBody';
import { errorMessage } from '../../lib/api-client';
import { applyMappedFieldErrors } from '../../lib/form-errors';
import { fenToYuanText, formatFen, yuanRule, yuanToFen } from '../../lib/money';
import { DateInput } from '../../components/DateInput';
import { useSaveProject, type ServiceCenterProject } from './api';
import { numberPropsOf, rulesFor, textPropsOf } from '../../lib/contract-rules';

interface Values {
  name?: string;
  budgetYuan?: string;
  progress?: number;
  startedOn?: string | null;
  acceptedOn?: string | null;
  note?: string | null;
}

/** Server field → form field: the budget is typed in 元 but sent as budgetFen. */
const FIELD_NAMES = { name: 'name', budgetFen: 'budgetYuan', progress: 'progress', startedOn: 'startedOn', acceptedOn: 'acceptedOn', note: 'note' };

export function toProjectBody(values: Values): CreateServiceCenterProject | null {
  const budgetFen = yuanToFen(values.budgetYuan ?? '');
  if (budgetFen === null) return null;
  const progress = values.progress ?? 0;
  return {
    name: values.name?.trim() ?? '',
    budgetFen,
    progress,
    startedOn: values.startedOn ?? null,
    // 验收日期 only once the work is complete.
    acceptedOn: progress === 100 ? (values.acceptedOn ?? null) : null,
    note: values.note?.trim() || null,
  };
}

function ProjectModal({ centerId, project, onClose }: { centerId: number; project: ServiceCenterProject | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveProject(centerId);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const progress = Form.useWatch('progress', form) ?? project?.progress ?? 0;

  const initialValues: Values = project
    ? { name: project.name, budgetYuan: fenToYuanText(project.budgetFen), progress: project.progress, startedOn: project.startedOn, acceptedOn: project.acceptedOn, note: project.note }
    : { name: '', budgetYuan: '', progress: 0, startedOn: null, acceptedOn: null, note: null };

  const onFinish = (values: Values) => {
    const body = toProjectBody(values);
    if (!body) return;
    setError(null);
    save.mutate(
      { projectId: project?.id, body },
      {
        onSuccess: () => {
          message.success('已保存建设项目');
          onClose();
        },
        onError: (e) => {
          if (!applyMappedFieldErrors(form, e, FIELD_NAMES)) setError(errorMessage(e));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      open
      title={project ? `编辑项目:${project.name}` : '添加建设项目'}
      onClose={onClose}
      form={form}
      name="center-project"
      okText="保存"
      pending={save.isPending}
      onFinish={onFinish}
      initialValues={initialValues}
      after={error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="project-save-error" />}
    >
      <Form.Item label="项目名称" name="name" rules={rulesFor(CreateServiceCenterProjectSchema, 'name')}>
        <Input {...textPropsOf(CreateServiceCenterProjectSchema, 'name')} />
      </Form.Item>
      <Form.Item label="预算(元)" name="budgetYuan" rules={[yuanRule({ label: '预算', maxFen: formField(CreateServiceCenterProjectSchema, 'budgetFen').max })]}>
        <Input inputMode="decimal" placeholder="例如 350000 或 350000.50" suffix="元" />
      </Form.Item>
      <Form.Item label="进度(%)" required>
        <Row gutter={12} align="middle">
          <Col flex="auto">
            <Form.Item name="progress" noStyle>
              <Slider min={0} max={100} step={5} />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item name="progress" noStyle>
              <InputNumber aria-label="进度" {...numberPropsOf(CreateServiceCenterProjectSchema, 'progress')} suffix="%" style={{ width: 100 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="开工日期" name="startedOn">
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="验收日期" name="acceptedOn" extra={progress < 100 ? '进度达到100%后才能填写验收日期' : undefined}>
            <DateInput disabled={progress < 100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="note" rules={rulesFor(CreateServiceCenterProjectSchema, 'note')}>
        <Input.TextArea rows={2} {...textPropsOf(CreateServiceCenterProjectSchema, 'note')} />
      </Form.Item>
    </FormModal>
  );
}

/** 建设项目: budget (元 on screen, 分 on the wire), progress and acceptance of the centre's construction. */
export function ProjectsSection({ centerId, projects, canEdit }: { centerId: number; projects: ServiceCenterProject[]; canEdit: boolean }) {
  const [editing, setEditing] = useState<ServiceCenterProject | 'new' | null>(null);

  const columns: TableColumnsType<ServiceCenterProject> = [
    { title: '项目名称', dataIndex: 'name', key: 'name' },
    { title: '预算', key: 'budget', align: 'right', render: (_, row) => formatFen(row.budgetFen) },
    { title: '进度', key: 'progress', width: 160, render: (_, row) => <Progress percent={row.progress} size="small" aria-label={`${row.name}进度`} /> },
    { title: '开工日期', key: 'started', render: (_, row) => row.startedOn ?? '—' },
    {
      title: '验收',
      key: 'accepted',
      render: (_, row) => (row.acceptedOn ? <Tag color="success">已验收 {row.acceptedOn}</Tag> : <Tag>未验收</Tag>),
    },
    ...(canEdit
      ? [{
          title: '操作',
          key: 'actions',
          render: (_: unknown, row: ServiceCenterProject) => (
            <Button size="small" icon={<EditOutlined />} aria-label={`编辑${row.name}`} onClick={() => setEditing(row)}>编辑</Button>
          ),
        }]
      : []),
  ];

  const total = projects.reduce((sum, p) => sum + p.budgetFen, 0);
  return (
    <Flex vertical gap={8} data-testid="projects-section">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">共 {projects.length} 个项目,预算合计 {formatFen(total)}</Typography.Text>
        {canEdit && <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>添加项目</Button>}
      </Flex>
      <ListBody
        items={projects}
        empty="还没有建设项目"
        cards={(rows) => (
          <div className="task-items">
            {rows.map((p) => (
              <div key={p.id} className="task-item">
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  {canEdit && <Button size="small" aria-label={`编辑${p.name}`} icon={<EditOutlined />} onClick={() => setEditing(p)} />}
                </Flex>
                <Typography.Text>预算 {formatFen(p.budgetFen)} · {p.acceptedOn ? `已验收 ${p.acceptedOn}` : '未验收'}</Typography.Text>
                <Progress percent={p.progress} size="small" aria-label={`${p.name}进度`} />
              </div>
            ))}
          </div>
        )}
        table={(rows) => (
          <Table<ServiceCenterProject> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
        )}
      />
      {editing && <ProjectModal centerId={centerId} project={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
