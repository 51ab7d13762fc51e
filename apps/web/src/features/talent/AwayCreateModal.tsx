import { useState } from 'react';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { AWAY_EMPLOYER_KINDS, AWAY_EMPLOYER_KIND_LABELS, GENDER_LABELS, GENDERS, todayInShanghai, type CreateAwayTalent } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAwayCandidates, useCreateAway } from './AwayApi';

type Values = Omit<CreateAwayTalent, 'newPerson'> & { who: 'member' | 'new'; newPerson?: NonNullable<CreateAwayTalent['newPerson']> };
const FIELDS = ['organizationId', 'personId', 'place', 'occupation', 'employerKind', 'employer', 'skills', 'leftOn'];

/** 登记在外人员: a member of the village from the roster, or a villager entered once (ID number sealed, shown masked). */
export function AwayCreateModal({ villages, defaultOrgId, onClose, onCreated }: {
  villages: { id: number; name: string }[]; defaultOrgId?: number; onClose: () => void; onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const orgId = Form.useWatch('organizationId', form) as number | undefined;
  const who = Form.useWatch('who', form) as Values['who'] | undefined;
  const candidates = useAwayCandidates(orgId);
  const save = useCreateAway();
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ who: kind, ...values }: Values) => {
    setError(null);
    const body: CreateAwayTalent = kind === 'member' ? { ...values, newPerson: undefined } : { ...values, personId: undefined };
    try {
      const made = await save.mutateAsync(body);
      onClose();
      onCreated(made.talent.id);
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) setError(errorMessage(e));
    }
  };
  const today = todayInShanghai();
  return (
    <FormModal<Values> title="登记在外人员" open onClose={onClose} form={form} name="away-create" pending={save.isPending}
      initialValues={{ organizationId: defaultOrgId ?? (villages.length === 1 ? villages[0].id : undefined), who: 'member', employerKind: 'enterprise' }}
      onFinish={(v) => void submit(v)} after={error && <Alert type="error" showIcon title={error} />}>
      <Form.Item name="organizationId" label="村" rules={[{ required: true, message: '请选择村' }]}>
        <Select aria-label="村" options={villages.map((v) => ({ value: v.id, label: v.name.replace(/党支部$/, '') }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="who" label="人员">
        <Radio.Group options={[{ value: 'member', label: '本村党员' }, { value: 'new', label: '其他村民(新登记)' }]} />
      </Form.Item>
      {who === 'new' ? (
        <>
          <Form.Item name={['newPerson', 'name']} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input aria-label="姓名" /></Form.Item>
          <Form.Item name={['newPerson', 'gender']} label="性别" rules={[{ required: true, message: '请选择性别' }]}>
            <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name={['newPerson', 'birthDate']} label="出生日期" rules={[{ required: true, message: '请填写出生日期' }]}><DateInput aria-label="出生日期" max={today} /></Form.Item>
          <Form.Item name={['newPerson', 'idNumber']} label="身份证号" rules={[{ required: true, message: '请填写身份证号' }]}><Input aria-label="身份证号" autoComplete="off" /></Form.Item>
          <Form.Item name={['newPerson', 'phone']} label="联系电话"><Input aria-label="联系电话" autoComplete="off" /></Form.Item>
        </>
      ) : (
        <Form.Item name="personId" label="本村党员" rules={[{ required: true, message: '请选择人员' }]}>
          <Select aria-label="本村党员" loading={candidates.isFetching} showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={orgId ? '没有可选的党员' : '请先选择村'} options={(candidates.data ?? []).map((c) => ({ value: c.personId, label: c.name }))} />
        </Form.Item>
      )}
      <Form.Item name="place" label="在外地点(城市)" rules={[{ required: true, message: '请填写在外地点' }]}><Input aria-label="在外地点" placeholder="如:江苏省苏州市" /></Form.Item>
      <Form.Item name="occupation" label="从事工作" rules={[{ required: true, message: '请填写从事工作' }]}><Input aria-label="从事工作" /></Form.Item>
      <Form.Item name="employerKind" label="单位性质" rules={[{ required: true, message: '请选择单位性质' }]}>
        <Select aria-label="单位性质" options={AWAY_EMPLOYER_KINDS.map((k) => ({ value: k, label: AWAY_EMPLOYER_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="employer" label="单位名称"><Input aria-label="单位名称" /></Form.Item>
      <Form.Item name="skills" label="专长技能"><Input aria-label="专长技能" /></Form.Item>
      <Form.Item name="leftOn" label="外出时间"><DateInput aria-label="外出时间" max={today} /></Form.Item>
    </FormModal>
  );
}
