import { useState } from 'react';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { AccountPersonSchema, CreateUserBodySchema, type CreateUserBody, type Credential, type TownRole } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyMappedFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useCreateUser, useMemberSearch } from './api';
import { GrantsEditor } from './GrantsEditor';

interface Values {
  username: string;
  displayName: string;
  personKind: 'member' | 'other';
  /** The member's id on the roster (the member list's id), not the person's. */
  memberId?: number;
  name?: string;
  idNumber?: string;
  phone?: string;
  grants: { role?: TownRole; organizationId?: number }[];
}

/** The 其他人员 variant of the account's person (a cadre, an inspector not on this town's roster). */
const OtherPersonSchema = AccountPersonSchema.options[1];
const MemberPersonSchema = AccountPersonSchema.options[0];
/** Server paths (person.name, grants.0.role) → this form's fields. */
const FIELD_NAMES = { username: 'username', displayName: 'displayName', memberId: 'memberId', name: 'name', idNumber: 'idNumber', phone: 'phone' };

function toBody(values: Values): CreateUserBody {
  const person: CreateUserBody['person'] = values.personKind === 'member'
    ? { kind: 'member', memberId: values.memberId ?? 0 }
    : { kind: 'other', name: values.name ?? '', idNumber: values.idNumber ?? '', phone: values.phone?.trim() ? values.phone.trim() : null };
  return {
    username: values.username,
    displayName: values.displayName,
    person,
    grants: values.grants.map((g) => ({ role: g.role as TownRole, organizationId: g.organizationId ?? 0 })),
  };
}

/** 新建账号: user name, display name, the person (a 党员 from the roster or 其他人员) and the role grants. */
export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (credential: Credential) => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const [search, setSearch] = useState('');
  const members = useMemberSearch(search);
  const kind = Form.useWatch('personKind', form);
  const close = () => {
    create.reset();
    setSearch('');
    onClose();
  };
  const onFinish = (values: Values) =>
    create.mutate(toBody(values), {
      onSuccess: (result) => {
        close();
        onCreated(result.credential);
      },
      onError: (error) => applyMappedFieldErrors(form, error, FIELD_NAMES),
    });
  // A member chosen from the roster gives the display name, unless one was typed already.
  const onMemberChosen = (id: number) => {
    const chosen = members.data?.find((m) => m.id === id);
    if (chosen && !form.getFieldValue('displayName')) form.setFieldValue('displayName', chosen.name);
  };
  return (
    <FormModal<Values>
      title="新建账号"
      open={open}
      onClose={close}
      form={form}
      name="create-user"
      okText="创建账号"
      pending={create.isPending}
      width={640}
      initialValues={{ personKind: 'member', grants: [{}] }}
      onFinish={onFinish}
      after={create.isError && <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} />}
    >
      <Form.Item label="用户名" name="username" rules={rulesFor(CreateUserBodySchema, 'username')} extra="3至32位小写字母、数字或 . _ -,常用姓名拼音">
        <Input {...textPropsOf(CreateUserBodySchema, 'username')} autoComplete="off" />
      </Form.Item>
      <Form.Item label="显示名称" name="displayName" rules={rulesFor(CreateUserBodySchema, 'displayName')}>
        <Input {...textPropsOf(CreateUserBodySchema, 'displayName')} />
      </Form.Item>
      <Form.Item label="账号使用人" name="personKind">
        <Radio.Group options={[{ value: 'member', label: '党员(从名册选择)' }, { value: 'other', label: '其他人员' }]} />
      </Form.Item>
      {kind !== 'other' ? (
        <Form.Item label="党员" name="memberId" rules={rulesFor(MemberPersonSchema, 'memberId')} extra="输入姓名或身份证号后4位搜索">
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            onChange={onMemberChosen}
            loading={members.isFetching}
            notFoundContent={search.trim() ? '名册中没有找到' : '请输入姓名搜索'}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.organizationName}` }))}
            aria-label="党员"
          />
        </Form.Item>
      ) : (
        <>
          <Form.Item label="姓名" name="name" rules={rulesFor(OtherPersonSchema, 'name')}>
            <Input {...textPropsOf(OtherPersonSchema, 'name')} />
          </Form.Item>
          <Form.Item label="身份证号" name="idNumber" rules={rulesFor(OtherPersonSchema, 'idNumber')}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" rules={rulesFor(OtherPersonSchema, 'phone')}>
            <Input {...textPropsOf(OtherPersonSchema, 'phone')} inputMode="tel" />
          </Form.Item>
        </>
      )}
      <GrantsEditor />
    </FormModal>
  );
}
