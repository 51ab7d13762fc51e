import { useMemo } from 'react';
import { Alert, App, Form, TreeSelect, Typography } from 'antd';
import { UpdateOrganizationSchema, type Organization, type OrganizationDetail } from '@dj/contracts';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useUpdateOrganization } from '../api';
import { buildMoveTargets } from '../../../lib/org-tree';
import { FormModal } from '../../../components/FormModal';
import { rulesFor } from '../../../lib/contract-rules';

interface MoveValues {
  parentId: number;
}

interface Props {
  org: OrganizationDetail;
  /** The full structure the user can see, to offer new parents from. */
  organizations: readonly Organization[];
  parentName: string | undefined;
  open: boolean;
  onClose: () => void;
  onDone: (updated: OrganizationDetail) => void;
}

export function MoveOrgModal({ org, organizations, parentName, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<MoveValues>();
  const { message } = App.useApp();
  const update = useUpdateOrganization();
  const targets = useMemo(() => buildMoveTargets(organizations, org), [organizations, org]);

  const onFinish = ({ parentId }: MoveValues) => {
    update.mutate(
      { id: org.id, body: { parentId } },
      {
        onSuccess: (updated) => {
          message.success('已移动');
          onDone(updated);
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['parentId']);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<MoveValues>
      title={`移动:${org.name}`}
      name="move-organization"
      open={open}
      onClose={onClose}
      form={form}
      pending={update.isPending}
      onFinish={onFinish}
    >
      <Typography.Paragraph type="secondary">当前上级组织:{parentName ?? '—'}</Typography.Paragraph>
      {org.activeChildCount > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`该组织的 ${org.activeChildCount} 个下级组织将一并移动。`}
        />
      )}
      <Form.Item label="新的上级组织" name="parentId" rules={rulesFor(UpdateOrganizationSchema, 'parentId', { required: true, requiredMessage: '请选择新的上级组织' })}>
        <TreeSelect
          treeData={targets}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder="请选择新的上级组织"
          notFoundContent="没有可选的上级组织"
        />
      </Form.Item>
    </FormModal>
  );
}
