import { Alert, App, Form, Input } from 'antd';
import { CloseOrganizationSchema, type CloseOrganization, type OrganizationDetail } from '@dj/contracts';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../../lib/contract-rules';
import { useCloseOrganization } from '../api';
import { FormModal } from '../../../components/FormModal';

interface Props {
  org: OrganizationDetail;
  open: boolean;
  onClose: () => void;
  onDone: (closed: OrganizationDetail) => void;
}

const reasonRules = rulesFor(CloseOrganizationSchema, 'reason');

export function CloseOrgModal({ org, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<CloseOrganization>();
  const { message } = App.useApp();
  const close = useCloseOrganization();

  const onFinish = ({ reason }: CloseOrganization) => {
    close.mutate(
      { id: org.id, body: { reason: reason.trim() } },
      {
        onSuccess: (closed) => {
          message.success(`已撤销“${closed.name}”`);
          onDone(closed);
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['reason']);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<CloseOrganization>
      title={`撤销:${org.name}`}
      name="close-organization"
      open={open}
      onClose={onClose}
      form={form}
      pending={close.isPending}
      onFinish={onFinish}
      danger
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="撤销后该组织不再出现在组织树中(可通过“显示已撤销”查看),变更记录将保留。"
      />
      {(org.activeChildCount > 0 || org.memberCounts.total > 0) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={[
            org.activeChildCount > 0 && `该组织还有 ${org.activeChildCount} 个未撤销的下级组织,请先撤销或移走下级组织。`,
            org.memberCounts.total > 0 && `该组织还有 ${org.memberCounts.total} 名党员,请先转接其组织关系。`,
          ]
            .filter(Boolean)
            .join('')}
        />
      )}
      <Form.Item label="撤销原因" name="reason" rules={reasonRules}>
        <Input.TextArea rows={3} {...textPropsOf(CloseOrganizationSchema, 'reason')} placeholder="如:因村庄合并撤销" />
      </Form.Item>
    </FormModal>
  );
}
