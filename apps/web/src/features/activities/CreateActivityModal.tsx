import { useMemo } from 'react';
import { App, Form, Input, Select, TreeSelect } from 'antd';
import { CreateActivitySchema, type ActivityKind, type CreateActivity, type Organization } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor } from '../../lib/contract-rules';
import { DateInput } from '../../components/DateInput';
import { branchOrgOptions } from '../../lib/org-options';
import { useCreateActivity } from './api';
import { ACTIVITY_KIND_LABELS, kindOptions } from './labels';

interface Values {
  organizationId?: number;
  kind: ActivityKind;
  heldOn: string;
  place: string;
  topic: string;
  host?: string;
  recorder?: string;
  lecturer?: string;
  groupId?: number;
  countsFor?: ActivityKind[];
}
const FIELDS = ['organizationId', 'kind', 'heldOn', 'place', 'topic', 'host', 'recorder', 'lecturer', 'groupId', 'countsFor'] as const;
const blank = (v?: string) => (v && v.trim() ? v.trim() : null);
// The contract lets groupId be left out; a 党小组会 needs one (the API refuses it without), so the form asks.
const groupRules = rulesFor(CreateActivitySchema, 'groupId', { required: true, requiredMessage: '党小组会须选择党小组' });

interface Props {
  open: boolean;
  onClose: () => void;
  /** The branch chosen on the page; without one the form asks for it. */
  branchId?: number;
  groups: Organization[];
  organizations: Organization[];
  defaultDate: string;
  onCreated: (id: number) => void;
}

export function CreateActivityModal({ open, onClose, branchId, groups, organizations, defaultDate, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateActivity();
  const kind = Form.useWatch('kind', form);
  const chosenBranch = Form.useWatch('organizationId', form);
  const branchOptions = useMemo(() => branchOrgOptions(organizations), [organizations]);
  const branch = branchId ?? chosenBranch;
  const groupOptions = (branchId ? groups : organizations.filter((o) => o.kind === 'group' && o.parentId === branch && o.status === 'active'))
    .map((g) => ({ value: g.id, label: g.name }));

  const submit = async (values: Values) => {
    const organizationId = branchId ?? values.organizationId;
    if (!organizationId) return;
    const body: CreateActivity = {
      organizationId,
      kind: values.kind,
      heldOn: values.heldOn,
      place: values.place.trim(),
      topic: values.topic.trim(),
      host: blank(values.host),
      recorder: blank(values.recorder),
      lecturer: blank(values.lecturer),
      groupId: values.kind === 'group_meeting' ? (values.groupId ?? null) : null,
      countsFor: values.countsFor ?? [],
    };
    try {
      const detail = await create.mutateAsync(body);
      message.success(`已新建${ACTIVITY_KIND_LABELS[detail.kind]}记录`);
      onClose();
      onCreated(detail.id);
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) message.error(errorMessage(error));
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title="新建组织生活记录"
      onClose={onClose}
      form={form}
      name="create-activity"
      okText="保存"
      pending={create.isPending}
      onFinish={submit}
      initialValues={{ kind: 'committee_meeting', heldOn: defaultDate }}
    >
      {!branchId && (
        <Form.Item name="organizationId" label="党支部" rules={rulesFor(CreateActivitySchema, 'organizationId')}>
          <TreeSelect<number> treeData={branchOptions} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择党支部" />
        </Form.Item>
      )}
      <Form.Item name="kind" label="活动类型" rules={rulesFor(CreateActivitySchema, 'kind')}>
        <Select options={kindOptions()} />
      </Form.Item>
      {kind === 'group_meeting' && (
        <Form.Item name="groupId" label="党小组" rules={groupRules}>
          <Select options={groupOptions} placeholder="选择党小组" notFoundContent="该支部没有党小组" />
        </Form.Item>
      )}
      <Form.Item name="heldOn" label="活动日期" rules={rulesFor(CreateActivitySchema, 'heldOn')}>
        <DateInput />
      </Form.Item>
      <Form.Item name="place" label="活动地点" rules={rulesFor(CreateActivitySchema, 'place')}>
        <Input />
      </Form.Item>
      <Form.Item name="topic" label="活动主题" rules={rulesFor(CreateActivitySchema, 'topic')}>
        <Input />
      </Form.Item>
      <Form.Item name="host" label="主持人" rules={rulesFor(CreateActivitySchema, 'host')}>
        <Input />
      </Form.Item>
      <Form.Item name="recorder" label="记录人" rules={rulesFor(CreateActivitySchema, 'recorder')}>
        <Input />
      </Form.Item>
      {(kind === 'party_lecture' || kind === 'theme_day' || kind === 'combined_day') && (
        <Form.Item name="lecturer" label="授课人" rules={rulesFor(CreateActivitySchema, 'lecturer')}>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="countsFor" label="同时计为" extra="一次活动可同时计为其他组织生活(如主题党日同时上党课),不允许的组合会提示。">
        <Select mode="multiple" allowClear options={kindOptions().filter((o) => o.value !== kind)} placeholder="不选则只计本类型" />
      </Form.Item>
    </FormModal>
  );
}
