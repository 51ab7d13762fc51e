/**
 * One training session (issue 19 point 1): its fields, attendance with the 学时 credited and its materials. Everyone
 * whose scope reads it sees them; 修改, 登记出席 and the file buttons appear only where the API says `can.edit`.
 */
import { useState } from 'react';
import { App, Button, Divider, Flex, Form, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { TRAINING_KIND_LABELS, type Training } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useSession, useUpdateSession } from './api';
import { AttendeesEditor } from './AttendeesEditor';
import { SESSION_FORM_FIELDS, SessionForm, sessionBody, type SessionFormValues } from './SessionForm';
import { SessionMaterials } from './SessionMaterials';
import { AttendeesView, ResponsesView, SessionSummary } from './SessionViews';
import { PageTitle } from '../../components/PageTitle';

function FieldsSection({ session }: { session: Training }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SessionFormValues>();
  const [editing, setEditing] = useState(false);
  const update = useUpdateSession(session.id);
  const onFinish = async (values: SessionFormValues) => {
    try {
      await update.mutateAsync(sessionBody(values));
      message.success('已保存');
      setEditing(false);
    } catch (e) {
      if (!applyFieldErrors(form, e, SESSION_FORM_FIELDS)) message.error(errorMessage(e));
    }
  };
  if (!editing) return (
    <Flex vertical gap={8}>
      <SessionSummary session={session} />
      {session.can.edit && <div><Button onClick={() => setEditing(true)}>修改培训信息</Button></div>}
    </Flex>
  );
  return (
    <Flex vertical gap={8}>
      <SessionForm form={form} detail={session} onFinish={(v) => void onFinish(v)} />
      <Space>
        <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>保存</Button>
        <Button onClick={() => setEditing(false)}>取消</Button>
      </Space>
    </Flex>
  );
}

function AttendanceSection({ session }: { session: Training }) {
  const [params, setParams] = useSearchParams();
  // A session just registered opens on its attendance (?attendance=1): that is what is entered next.
  const editing = session.can.edit && params.get('attendance') === '1';
  const setEditing = (on: boolean) => { const next = new URLSearchParams(params); if (on) next.set('attendance', '1'); else next.delete('attendance'); setParams(next, { replace: true }); };
  if (editing) return <AttendeesEditor session={session} onDone={() => setEditing(false)} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">出席{session.present}人 / 登记{session.attendees}人</Typography.Text>
      <ResponsesView session={session} />
      <AttendeesView session={session} year={Number(session.startsOn.slice(0, 4))} />
      {session.can.edit && <div><Button onClick={() => setEditing(true)}>登记出席与学时</Button></div>}
    </Flex>
  );
}

export function SessionPage() {
  const id = Number(useParams().id);
  const query = useSession(id);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <LoadError title="培训加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const session = query.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 820 }}>
      <Link to={`/education?year=${session.startsOn.slice(0, 4)}`}>← 教育培训</Link>
      <Space wrap>
        <PageTitle>{session.title}</PageTitle>
        <Tag>{TRAINING_KIND_LABELS[session.kind]}</Tag>
        {session.activityId && <Tag color="gold">来自党课</Tag>}
        {session.isDemo && <Tag>演示数据</Tag>}
      </Space>
      <FieldsSection session={session} />
      <Divider style={{ margin: '8px 0' }}>出席与学时</Divider>
      <AttendanceSection session={session} />
      <Divider style={{ margin: '8px 0' }}>培训材料</Divider>
      <SessionMaterials session={session} />
    </Flex>
  );
}
