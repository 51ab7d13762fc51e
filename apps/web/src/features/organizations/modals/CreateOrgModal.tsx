import { App, Form, Input, Select, Switch, Typography } from 'antd';
import {
  CreateOrganizationSchema,
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  SECTOR_LABELS,
  SECTORS,
  type OrganizationDetail,
  type OrganizationKind,
  type Sector,
} from '@dj/contracts';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../../lib/contract-rules';
import { useVillages } from '../../../lib/organizations';
import { useCreateOrganization } from '../api';
import { FormModal } from '../../../components/FormModal';

interface CreateValues {
  name: string;
  kind: OrganizationKind;
  sector?: Sector | null;
  isJoint?: boolean;
  villageId?: number | null;
}

const FIELDS = ['name', 'kind', 'sector', 'isJoint', 'villageId'] as const;

/** The usual next level down; only a suggestion, the server has the final word on structure. */
const SUGGESTED_CHILD_KIND: Record<OrganizationKind, OrganizationKind> = {
  committee: 'branch',
  general_branch: 'branch',
  branch: 'group',
  group: 'group',
};

const KIND_OPTIONS = ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: ORGANIZATION_KIND_LABELS[kind] }));
const SECTOR_OPTIONS = SECTORS.map((sector) => ({ value: sector, label: SECTOR_LABELS[sector] }));

interface Props {
  parent: OrganizationDetail;
  open: boolean;
  onClose: () => void;
  onCreated: (created: OrganizationDetail) => void;
}

export function CreateOrgModal({ parent, open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const create = useCreateOrganization();
  const villages = useVillages();
  const kind = Form.useWatch('kind', form);

  const onFinish = (values: CreateValues) => {
    create.mutate(
      {
        parentId: parent.id,
        name: values.name.trim(),
        kind: values.kind,
        sector: values.sector ?? null,
        isJoint: values.kind === 'branch' ? (values.isJoint ?? false) : false,
        // Left out when empty so the server can apply its default (a 党小组 takes its branch's village).
        ...(values.villageId ? { villageId: values.villageId } : {}),
      },
      {
        onSuccess: (created) => {
          message.success(`已新建“${created.name}”`);
          onCreated(created);
        },
        onError: (error) => {
          applyFieldErrors(form, error, FIELDS);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<CreateValues>
      title="新建下级组织"
      name="create-organization"
      open={open}
      onClose={onClose}
      form={form}
      pending={create.isPending}
      onFinish={onFinish}
      initialValues={{
        kind: SUGGESTED_CHILD_KIND[parent.kind],
        sector: parent.sector,
        isJoint: false,
      }}
    >
      <Typography.Paragraph type="secondary">上级组织:{parent.name}</Typography.Paragraph>
      <Form.Item label="组织名称" name="name" rules={rulesFor(CreateOrganizationSchema, 'name')}>
        <Input {...textPropsOf(CreateOrganizationSchema, 'name')} placeholder="如:王庄村党支部" />
      </Form.Item>
      <Form.Item label="组织类型" name="kind" rules={rulesFor(CreateOrganizationSchema, 'kind')}>
        <Select options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item label="所属领域" name="sector">
        <Select options={SECTOR_OPTIONS} allowClear placeholder="请选择所属领域" />
      </Form.Item>
      <Form.Item
        label="联合党支部"
        name="isJoint"
        valuePropName="checked"
        tooltip="正式党员不足3人的单位,可与邻近单位联合成立党支部;只有党支部可以是联合党支部"
      >
        <Switch checkedChildren="是" unCheckedChildren="否" disabled={kind !== 'branch'} />
      </Form.Item>
      <Form.Item label="对应行政村" name="villageId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={villages.isPending}
          placeholder={villages.isError ? '行政村列表加载失败' : '可选,输入村名或代码搜索'}
          options={(villages.data ?? []).map((v) => ({ value: v.id, label: `${v.name}(${v.code})` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
