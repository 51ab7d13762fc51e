import { App, Button, Flex, Form, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateSession } from './api';
import { SESSION_FORM_FIELDS, SessionForm, sessionBody, type SessionFormValues } from './SessionForm';
import { PageTitle } from '../../components/PageTitle';

/** 登记培训: the session's fields; once saved it opens on its attendance, entered next. */
export function SessionNewPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<SessionFormValues>();
  const create = useCreateSession();
  const onFinish = async (values: SessionFormValues) => {
    try {
      const made = await create.mutateAsync({ ...sessionBody(values), organizationId: values.organizationId! });
      message.success('已登记,请登记出席人员');
      void navigate(`/education/sessions/${made.id}?attendance=1`);
    } catch (e) {
      if (!applyFieldErrors(form, e, SESSION_FORM_FIELDS)) message.error(errorMessage(e));
    }
  };
  return (
    <Flex vertical gap={12} style={{ maxWidth: 820 }}>
      <Link to="/education">← 教育培训</Link>
      <PageTitle>登记培训/学习</PageTitle>
      <SessionForm form={form} detail={null} onFinish={(v) => void onFinish(v)} />
      <Space>
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>登记</Button>
        <Typography.Text type="secondary">登记后填写出席人员、计入学时并上传材料。</Typography.Text>
      </Space>
    </Flex>
  );
}
