import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Table, Typography } from 'antd';
import { addYears, todayInShanghai, type ServiceTeamMember, type ServiceTeamMemberInput } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useSaveServiceMember } from './api';
import { dueTag } from './due-tag';

const FIELDS = ['name', 'unit', 'teamName', 'startedOn', 'endsOn', 'endedOn', 'organizationIds'];
const bodyOf = (m: ServiceTeamMember): ServiceTeamMemberInput => ({
  name: m.name, unit: m.unit, teamName: m.teamName, startedOn: m.startedOn, endsOn: m.endsOn, endedOn: m.endedOn, organizationIds: m.villages.map((v) => v.organizationId),
});

/** 登记乡村振兴服务队队员, or correct one (its villages, its period). */
export function ServiceMemberModal({ villages, member, onClose }: { villages: { organizationId: number; name: string }[]; member?: ServiceTeamMember; onClose: () => void }) {
  const [form] = Form.useForm<ServiceTeamMemberInput>();
  const save = useSaveServiceMember();
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (v: ServiceTeamMemberInput) => {
    setServerError(null);
    try { await save.mutateAsync({ id: member?.id, body: { ...v, endedOn: v.endedOn ?? null } }); onClose(); } catch (e) { if (!applyFieldErrors(form, e, FIELDS)) setServerError(errorMessage(e)); }
  };
  const today = todayInShanghai();
  return (
    <FormModal<ServiceTeamMemberInput> title={member ? `服务队队员:${member.name}` : '登记乡村振兴服务队队员'} open onClose={onClose} form={form} name="service-member"
      pending={save.isPending} onFinish={(v) => void submit(v)} after={serverError && <Alert type="error" showIcon title={serverError} />}
      initialValues={member ? bodyOf(member) : { startedOn: today, endsOn: addYears(today, 2), teamName: '乡村振兴服务队' }}>
      <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input aria-label="姓名" maxLength={20} /></Form.Item>
      <Form.Item name="unit" label="派出单位" rules={[{ required: true, message: '请填写派出单位' }]}><Input aria-label="派出单位" maxLength={60} /></Form.Item>
      <Form.Item name="teamName" label="服务队" rules={[{ required: true, message: '请填写服务队名称' }]}><Input aria-label="服务队" maxLength={60} /></Form.Item>
      <Form.Item name="organizationIds" label="服务的村" rules={[{ required: true, message: '请选择服务的村' }]}>
        <Select aria-label="服务的村" mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={villages.map((v) => ({ value: v.organizationId, label: v.name.replace(/党支部$/, '') }))} />
      </Form.Item>
      <Form.Item name="startedOn" label="服务开始日期" rules={[{ required: true, message: '请填写服务开始日期' }]}><DateInput aria-label="服务开始日期" max={today} /></Form.Item>
      <Form.Item name="endsOn" label="服务期满日期" rules={[{ required: true, message: '请填写服务期满日期' }]}><DateInput aria-label="服务期满日期" /></Form.Item>
      {member && <Form.Item name="endedOn" label="离队日期(离队时填写)"><DateInput aria-label="离队日期" max={today} /></Form.Item>}
    </FormModal>
  );
}

/** 乡村振兴服务队 members in service: on the board (editable by the town) and on a village's page. */
export function ServiceTeamCard({ members, dueDays, villages, editable }: {
  members: ServiceTeamMember[]; dueDays?: number; villages?: { organizationId: number; name: string }[]; editable?: boolean;
}) {
  const [editing, setEditing] = useState<ServiceTeamMember | 'new' | null>(null);
  return (
    <Card size="small" title="乡村振兴服务队" data-testid="service-team" extra={editable && <Button onClick={() => setEditing('new')}>登记队员</Button>}>
      <Table<ServiceTeamMember> size="small" rowKey="id" pagination={false} dataSource={members} scroll={{ x: true }} locale={{ emptyText: '没有在服务期内的服务队队员' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '派出单位', dataIndex: 'unit', render: (u: string, m) => <span>{u}<Typography.Text type="secondary">({m.teamName})</Typography.Text></span> },
          { title: '服务的村', key: 'villages', render: (_: unknown, m) => m.villages.map((v) => v.name.replace(/党支部$/, '')).join('、') },
          { title: '服务期', key: 'period', render: (_: unknown, m) => <span>{m.startedOn}至{m.endsOn} {dueDays != null && dueTag(m, dueDays)}</span> },
          ...(editable ? [{ title: '', key: 'edit', render: (_: unknown, m: ServiceTeamMember) => <Button size="small" onClick={() => setEditing(m)} aria-label={`修改/离队 ${m.name}`}>修改/离队</Button> }] : []),
        ]} />
      {editing && <ServiceMemberModal villages={villages ?? []} member={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
