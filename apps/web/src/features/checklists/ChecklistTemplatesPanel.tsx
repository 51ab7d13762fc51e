import { useState, type ReactNode } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '../../lib/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Switch, Tag, Typography } from 'antd';
import {
  CHECKLIST_SATISFIED_BY, CHECKLIST_SATISFIED_BY_LABELS, ChecklistItemDefSchema, SaveChecklistTemplateSchema, type ActivityKind, type SaveChecklistTemplate,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { listRulesFor, rulesFor, textPropsOf } from '../../lib/contract-rules';
import { ACTIVITY_KIND_OPTIONS } from './activity-kind-options';
import { ACTIVITY_KIND_LABELS } from '@dj/contracts';
import { useChecklistTemplates, useSaveChecklistTemplate, type ChecklistTemplate } from './api';

type SatisfiedBy = (typeof CHECKLIST_SATISFIED_BY)[number];

const SATISFIED_BY_OPTIONS = CHECKLIST_SATISFIED_BY.map((value) => ({ value, label: CHECKLIST_SATISFIED_BY_LABELS[value] }));

interface ItemValues {
  key?: string;
  label?: string;
  satisfiedBy?: SatisfiedBy;
}

interface TemplateValues {
  name: string;
  kinds: ActivityKind[];
  items: ItemValues[];
  source?: string | null;
  active: boolean;
}

/** Existing items keep their code (records already refer to it); a new one is named after its position, e.g. item_3. */
export function withItemKeys(items: ItemValues[]): SaveChecklistTemplate['items'] {
  const used = new Set(items.map((item) => item.key).filter((key): key is string => !!key));
  return items.map((item, index) => {
    let key = item.key;
    if (!key) {
      let n = index + 1;
      while (used.has(`item_${n}`)) n += 1;
      key = `item_${n}`;
      used.add(key);
    }
    return { key, label: (item.label ?? '').trim(), satisfiedBy: item.satisfiedBy ?? 'confirm' };
  });
}

const FIELD_NAMES = ['name', 'kinds', 'items', 'source', 'active'];

function TemplateEditor({ template, onClose }: { template: ChecklistTemplate | null; onClose: () => void }) {
  const [form] = Form.useForm<TemplateValues>();
  const { message } = App.useApp();
  const save = useSaveChecklistTemplate();
  const initialValues: TemplateValues = template
    ? { name: template.name, kinds: template.kinds, items: template.items, source: template.source, active: template.active }
    : { name: '', kinds: [], items: [{ label: '', satisfiedBy: 'confirm' }], source: '', active: true };

  const onFinish = (values: TemplateValues) => {
    const source = values.source?.trim() ? values.source.trim() : null;
    const body: SaveChecklistTemplate = {
      name: values.name.trim(),
      kinds: values.kinds,
      items: withItemKeys(values.items ?? []),
      source,
      active: values.active,
    };
    save.mutate(
      { id: template?.id ?? null, body },
      {
        onSuccess: (saved) => {
          message.success(template ? `已保存“${saved.name}”` : `已新建“${saved.name}”`);
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, FIELD_NAMES);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<TemplateValues>
      open
      title={template ? `编辑检查清单:${template.name}` : '新建检查清单'}
      onClose={onClose}
      form={form}
      name="checklist-template"
      okText="保存"
      pending={save.isPending}
      width={720}
      initialValues={initialValues}
      onFinish={onFinish}
    >
      <Form.Item name="name" label="名称" rules={rulesFor(SaveChecklistTemplateSchema, 'name')}>
        <Input {...textPropsOf(SaveChecklistTemplateSchema, 'name')} placeholder="例如:五个一、四定两挂一戴" />
      </Form.Item>
      <Form.Item name="kinds" label="适用的组织生活" rules={rulesFor(SaveChecklistTemplateSchema, 'kinds')}>
        <Select<ActivityKind[]> mode="multiple" aria-label="适用的组织生活" options={ACTIVITY_KIND_OPTIONS} optionFilterProp="label" placeholder="选择类型" />
      </Form.Item>
      <Form.List
        name="items"
        rules={listRulesFor(SaveChecklistTemplateSchema, 'items')}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={4} data-testid="checklist-items">
            <Typography.Text strong>条目</Typography.Text>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="checklist-item-row">
                <Form.Item name={[field.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'label']}
                  rules={rulesFor(ChecklistItemDefSchema, 'label')}
                  style={{ flex: 2, minWidth: 180, marginBottom: 8 }}
                >
                  <Input aria-label={`第${index + 1}条`} {...textPropsOf(ChecklistItemDefSchema, 'label')} placeholder={`第${index + 1}条,例如:一份活动方案`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'satisfiedBy']}
                  rules={rulesFor(ChecklistItemDefSchema, 'satisfiedBy', { requiredMessage: '请选择如何确认' })}
                  style={{ flex: 1, minWidth: 150, marginBottom: 8 }}
                >
                  <Select<SatisfiedBy> aria-label={`第${index + 1}条的确认方式`} options={SATISFIED_BY_OPTIONS} />
                </Form.Item>
                <Button aria-label={`删除第${index + 1}条`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ label: '', satisfiedBy: 'confirm' })}
              disabled={fields.length >= 20}
            >
              添加条目
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item
        name="source"
        label="来源说明"
        style={{ marginTop: 16 }}
        extra="写明依据的文件或本镇的理解。像“四定两挂一戴”这样的说法,各地含义不一,以本镇的解释为准。"
        rules={rulesFor(SaveChecklistTemplateSchema, 'source')}
      >
        <Input.TextArea rows={2} {...textPropsOf(SaveChecklistTemplateSchema, 'source')} />
      </Form.Item>
      <Form.Item name="active" label="启用" valuePropName="checked">
        <Switch aria-label="启用" />
      </Form.Item>
    </FormModal>
  );
}

function TemplateCard({ template, onEdit }: { template: ChecklistTemplate; onEdit?: () => void }) {
  return (
    <Card
      size="small"
      data-testid={`checklist-template-${template.id}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{template.name}</span>
          {template.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
        </Flex>
      }
      extra={
        onEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={`编辑${template.name}`}>
            编辑
          </Button>
        )
      }
    >
      <Flex vertical gap={8}>
        <Flex gap={4} wrap>
          <Typography.Text type="secondary">适用:</Typography.Text>
          {template.kinds.map((kind) => (
            <Tag key={kind}>{ACTIVITY_KIND_LABELS[kind]}</Tag>
          ))}
        </Flex>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {template.items.map((item) => (
            <li key={item.key}>
              {item.label}
              <Typography.Text type="secondary">({CHECKLIST_SATISFIED_BY_LABELS[item.satisfiedBy]})</Typography.Text>
            </li>
          ))}
        </ol>
        <Typography.Text type="secondary" data-testid="checklist-source">
          来源:{template.source ?? '未注明来源'}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The checklists (五个一, 四定两挂一戴 …) that records are checked against. Town admins edit; others read. */
export function ChecklistTemplatesPanel({ editable }: { editable: boolean }) {
  const templates = useChecklistTemplates();
  const [editing, setEditing] = useState<ChecklistTemplate | 'new' | null>(null);

  let body: ReactNode;
  if (templates.isPending) {
    body = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (templates.isError) {
    body = <LoadError title="检查清单加载失败" error={templates.error} onRetry={() => templates.refetch()} />;
  } else if (templates.data.length === 0) {
    body = (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有检查清单" />
      </Card>
    );
  } else {
    body = templates.data.map((template) => (
      <TemplateCard key={template.id} template={template} onEdit={editable ? () => setEditing(template) : undefined} />
    ));
  }

  return (
    <Flex vertical gap={12} data-testid="checklist-templates">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        检查清单列出一次组织生活应留下的材料和确认事项。有的说法(如“四定两挂一戴”)含义由各地自定,每个清单都注明来源,供核对。
      </Typography.Paragraph>
      {editable && (
        <div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新建检查清单
          </Button>
        </div>
      )}
      {body}
      {editable && editing && <TemplateEditor template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
