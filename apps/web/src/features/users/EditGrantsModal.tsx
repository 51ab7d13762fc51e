import { Alert, App, Form, Input } from 'antd';
import { UpdateUserBodySchema, type Role, type TownRole, type UserSummary } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useUpdateUser } from './api';
import { GrantsEditor } from './GrantsEditor';

interface Values {
  displayName: string;
  grants: { role?: Role; organizationId?: number }[];
}

/** 编辑角色: the whole list of grants is edited and sent back; it applies on every session's next request. */
export function EditGrantsModal({ user, onClose }: { user: UserSummary | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const update = useUpdateUser();
  const close = () => {
    update.reset();
    onClose();
  };
  const onFinish = (values: Values) => {
    if (!user) return;
    const body = {
      displayName: values.displayName,
      grants: values.grants.map((g) => ({ role: g.role as TownRole, organizationId: g.organizationId ?? 0 })),
    };
    update.mutate({ id: user.id, body }, {
      onSuccess: (saved) => {
        message.success(`已保存“${saved.displayName}”的角色`);
        close();
      },
    });
  };
  return (
    <FormModal<Values>
      title={user ? `编辑角色:${user.displayName}(${user.username})` : '编辑角色'}
      open={user !== null}
      onClose={close}
      form={form}
      name="edit-grants"
      okText="保存"
      pending={update.isPending}
      width={640}
      initialValues={user ? { displayName: user.displayName, grants: user.grants.map(({ role, organizationId }) => ({ role, organizationId })) } : undefined}
      onFinish={onFinish}
      before={<Alert type="info" showIcon style={{ marginBottom: 12 }} title="保存后立即生效:此账号已登录的设备在下一次操作时即按新的角色办理。" />}
      after={update.isError && <Alert type="error" showIcon role="alert" title={errorMessage(update.error)} />}
    >
      <Form.Item label="显示名称" name="displayName" rules={rulesFor(UpdateUserBodySchema, 'displayName', { required: true })}>
        <Input {...textPropsOf(UpdateUserBodySchema, 'displayName')} />
      </Form.Item>
      <GrantsEditor />
    </FormModal>
  );
}
