import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '../../lib/icons';
import { TALENT_LIMITS, todayInShanghai, type CreateTalent, type TalentDetail, type UpdateTalent } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateTalent, useUpdateTalent } from './api';
import { FIELD_OPTIONS, KIND_OPTIONS, LEAD_KIND_OPTIONS, TIER_OPTIONS } from './labels';

type Values = CreateTalent & { newPerson?: CreateTalent['newPerson'] };
const FIELDS = ['organizationId', 'kind', 'tier', 'selectedYear', 'field', 'fieldNote', 'leads', 'note', 'newPerson.name', 'newPerson.idNumber', 'newPerson.phone', 'newPerson.birthDate'];

/** The talent's own fields: kind, tier and year, field, what they lead, a note. */
function TalentFields() {
  return (
    <>
      <Form.Item name="kind" label="人才类别" rules={[{ required: true, message: '请选择人才类别' }]}><Select aria-label="人才类别" options={KIND_OPTIONS} /></Form.Item>
      <Space wrap>
        <Form.Item name="tier" label="入选层次"><Select aria-label="入选层次" allowClear options={TIER_OPTIONS} style={{ width: 140 }} placeholder="未入选" /></Form.Item>
        <Form.Item name="selectedYear" label="入选年度"><InputNumber aria-label="入选年度" min={TALENT_LIMITS.firstYear} max={TALENT_LIMITS.lastYear} /></Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="field" label="从事领域" rules={[{ required: true, message: '请选择从事领域' }]}><Select aria-label="从事领域" options={FIELD_OPTIONS} style={{ width: 140 }} /></Form.Item>
        <Form.Item name="fieldNote" label="领域说明"><Input aria-label="领域说明" maxLength={60} placeholder="如 大樱桃种植" /></Form.Item>
      </Space>
      <Form.List name="leads">
        {(fields, { add, remove }) => (
          <Form.Item label="领办项目(合作社、企业、家庭农场、产品)">
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择类型' }]}><Select aria-label="领办类型" options={LEAD_KIND_OPTIONS} style={{ width: 110 }} /></Form.Item>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, min: 2, message: '名称至少2个字' }]}><Input aria-label="领办名称" maxLength={TALENT_LIMITS.leadName} /></Form.Item>
                <Button type="text" aria-label="删除领办项目" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            {fields.length < TALENT_LIMITS.leads && <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'cooperative', name: '' })}>添加领办项目</Button>}
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="note" label="备注"><Input.TextArea aria-label="备注" maxLength={TALENT_LIMITS.note} autoSize /></Form.Item>
    </>
  );
}

/** 登记人才: a new person of the village (ID number sealed, shown masked afterwards). */
export function CreateTalentModal({ open, onClose, villages, defaultOrgId }: { open: boolean; onClose: () => void; villages: { organizationId: number; name: string }[]; defaultOrgId?: number }) {
  const [form] = Form.useForm<Values>();
  const save = useCreateTalent();
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (values: Values) => {
    setServerError(null);
    try {
      await save.mutateAsync({ ...values, leads: values.leads ?? [], tier: values.tier ?? null, selectedYear: values.selectedYear ?? null });
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setServerError(errorMessage(error));
    }
  };
  return (
    <FormModal<Values> title="登记人才" open={open} onClose={onClose} form={form} name="talent-create" pending={save.isPending}
      initialValues={{ organizationId: defaultOrgId ?? villages[0]?.organizationId, leads: [] }} onFinish={(v) => void submit(v)}
      after={serverError && <Alert type="error" showIcon title={serverError} />}>
      <Form.Item name="organizationId" label="所在村" rules={[{ required: true, message: '请选择所在村' }]}>
        <Select aria-label="所在村" options={villages.map((v) => ({ value: v.organizationId, label: v.name }))} />
      </Form.Item>
      <Form.Item name={['newPerson', 'name']} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input aria-label="姓名" maxLength={20} /></Form.Item>
      <Form.Item name={['newPerson', 'gender']} label="性别" rules={[{ required: true, message: '请选择性别' }]}>
        <Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} />
      </Form.Item>
      <Form.Item name={['newPerson', 'birthDate']} label="出生日期" rules={[{ required: true, message: '请填写出生日期' }]}><DateInput aria-label="出生日期" max={todayInShanghai()} /></Form.Item>
      <Form.Item name={['newPerson', 'idNumber']} label="身份证号" extra="党员请填写其身份证号,系统会关联党员名册中的同一人" rules={[{ required: true, message: '请填写身份证号' }]}><Input aria-label="身份证号" maxLength={18} autoComplete="off" /></Form.Item>
      <Form.Item name={['newPerson', 'phone']} label="联系电话"><Input aria-label="联系电话" maxLength={20} autoComplete="off" /></Form.Item>
      <TalentFields />
    </FormModal>
  );
}

/** 修改: the talent's own fields; the person is changed in their own record. */
export function EditTalentModal({ talent, open, onClose }: { talent: TalentDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UpdateTalent>();
  const save = useUpdateTalent(talent.id);
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (values: UpdateTalent) => {
    setServerError(null);
    try {
      await save.mutateAsync({ ...values, leads: values.leads ?? [], tier: values.tier ?? null, selectedYear: values.selectedYear ?? null });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setServerError(errorMessage(error));
    }
  };
  const { kind, tier, selectedYear, field, fieldNote, leads, note } = talent;
  return (
    <FormModal<UpdateTalent> title={`修改人才信息:${talent.name}`} open={open} onClose={onClose} form={form} name="talent-edit" pending={save.isPending}
      initialValues={{ kind, tier, selectedYear, field, fieldNote, leads, note }} onFinish={(v) => void submit(v)}
      after={serverError && <Alert type="error" showIcon title={serverError} />}>
      <TalentFields />
    </FormModal>
  );
}
