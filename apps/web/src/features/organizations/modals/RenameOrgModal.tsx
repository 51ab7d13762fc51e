import { App, Form, Input } from 'antd';
import { UpdateOrganizationSchema, type OrganizationDetail } from '@dj/contracts';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../../lib/contract-rules';
import { useUpdateOrganization } from '../api';
import { FormModal } from '../../../components/FormModal';

interface RenameValues {
  name: string;
}

interface Props {
  org: OrganizationDetail;
  open: boolean;
  onClose: () => void;
  onDone: (updated: OrganizationDetail) => void;
}

// Renaming always sends a name, though the update contract lets a change leave it out.
const nameRules = rulesFor(UpdateOrganizationSchema, 'name', { required: true });

export function RenameOrgModal({ org, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<RenameValues>();
  const { message } = App.useApp();
  const update = useUpdateOrganization();

  const onFinish = ({ name }: RenameValues) => {
    const trimmed = name.trim();
    if (trimmed === org.name) {
      form.setFields([{ name: 'name', errors: ['新名称与原名称相同'] }]);
      return;
    }
    update.mutate(
      { id: org.id, body: { name: trimmed } },
      {
        onSuccess: (updated) => {
          message.success('已重命名');
          onDone(updated);
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['name']);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<RenameValues>
      title={`重命名:${org.name}`}
      name="rename-organization"
      open={open}
      onClose={onClose}
      form={form}
      pending={update.isPending}
      onFinish={onFinish}
      initialValues={{ name: org.name }}
    >
      <Form.Item label="组织名称" name="name" rules={nameRules}>
        <Input {...textPropsOf(UpdateOrganizationSchema, 'name')} />
      </Form.Item>
    </FormModal>
  );
}
