import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd';
import {
  ASSIGNABLE_POSTS, CADRE_CHANGE_KINDS, CADRE_CHANGE_KIND_LABELS, ENDING_CHANGE_KINDS, GENDER_LABELS, VILLAGE_CADRE_POSTS, VILLAGE_CADRE_POST_LABELS,
  todayInShanghai, type CadreChangeKind, type RecordCadreChange, type VillageCadrePost, type VillageCadres,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useRecordChange } from './api';

interface Values {
  kind: CadreChangeKind; occurredOn: string; reason: string; post?: VillageCadrePost; who?: 'existing' | 'new'; personId?: number;
  name?: string; gender?: 'male' | 'female'; birthDate?: string; idNumber?: string; phone?: string; cadrePostId?: number;
  periodEndsOn?: string; homePost?: string; sendingUnit?: string; supportProjects?: string; supportYuan?: number; termId?: number;
}
const FIELDS = ['kind', 'occurredOn', 'reason', 'post', 'personId', 'name', 'gender', 'birthDate', 'idNumber', 'phone', 'cadrePostId', 'periodEndsOn', 'homePost', 'sendingUnit', 'supportProjects', 'termId'];
const required = (message: string) => [{ required: true, message }];

/** What the form sends: the person chosen or entered, the 选派 fields only for a 选派, the amount in 分. */
export function changeBody(v: Values): RecordCadreChange {
  const base = { kind: v.kind, occurredOn: v.occurredOn, reason: v.reason };
  if (ENDING_CHANGE_KINDS.includes(v.kind)) return { ...base, cadrePostId: v.cadrePostId };
  const person = v.who === 'new'
    ? { newPerson: { name: v.name ?? '', gender: v.gender ?? 'male', birthDate: v.birthDate ?? '', idNumber: v.idNumber ?? '', phone: v.phone || null } }
    : { personId: v.personId };
  const assigned = v.kind === 'assignment'
    ? { periodEndsOn: v.periodEndsOn, homePost: v.homePost || null, sendingUnit: v.sendingUnit || null, supportProjects: v.supportProjects || null, supportFen: v.supportYuan != null ? Math.round(v.supportYuan * 100) : null }
    : {};
  return { ...base, post: v.post, termId: v.termId ?? null, ...person, ...assigned };
}

/** 登记变动: 选举/任命/选派/调整 start a post (调整 replaces its holder), 辞职/免职 end one. Messages in Chinese, the server's under its field. */
export function RecordChangeModal({ data, open, onClose }: { data: VillageCadres; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const record = useRecordChange(data.organizationId);
  const [serverError, setServerError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'election';
  const post = Form.useWatch('post', form);
  const who = Form.useWatch('who', form) ?? 'existing';
  const ending = ENDING_CHANGE_KINDS.includes(kind);
  const posts = kind === 'assignment' ? ASSIGNABLE_POSTS : VILLAGE_CADRE_POSTS.filter((p) => p !== 'first_secretary');

  const submit = async (values: Values) => {
    setServerError(null);
    try {
      await record.mutateAsync(changeBody(values));
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setServerError(errorMessage(error));
    }
  };

  return (
    <FormModal<Values> title={`登记干部变动:${data.name}`} open={open} onClose={onClose} form={form} name="cadre-change" pending={record.isPending}
      initialValues={{ kind: 'election', who: 'existing', occurredOn: todayInShanghai() }} onFinish={(v) => void submit(v)}
      after={serverError && <Alert type="error" showIcon title={serverError} />}>
      <Form.Item name="kind" label="变动类型" rules={required('请选择变动类型')}>
        <Select aria-label="变动类型" options={CADRE_CHANGE_KINDS.map((k) => ({ value: k, label: CADRE_CHANGE_KIND_LABELS[k] }))} />
      </Form.Item>
      {ending ? (
        <Form.Item name="cadrePostId" label="离任的任职" rules={required('请选择离任的任职记录')}>
          <Select aria-label="离任的任职" options={data.current.map((h) => ({ value: h.id, label: `${VILLAGE_CADRE_POST_LABELS[h.post]} ${h.name}` }))} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="post" label="职务" rules={required('请选择职务')} extra={kind === 'adjustment' ? '调整:现任者当天离任,新任者当天到任' : undefined}>
            <Select aria-label="职务" options={posts.map((p) => ({ value: p, label: VILLAGE_CADRE_POST_LABELS[p] }))} />
          </Form.Item>
          <Form.Item name="who" label="人员">
            <Radio.Group options={[{ value: 'existing', label: '本村党员或已登记人员' }, { value: 'new', label: kind === 'assignment' ? '按身份证号登记(镇机关党员自动关联)' : '登记新人员(非党员)' }]} />
          </Form.Item>
          {who === 'existing' ? (
            <Form.Item name="personId" label="姓名" rules={required('请选择人员')}>
              <Select aria-label="姓名" showSearch={{ optionFilterProp: 'label' }} notFoundContent="没有可选的人员"
                options={data.candidates.map((c) => ({ value: c.personId, label: c.isMember ? c.name : `${c.name}(非党员)` }))} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label="姓名" rules={required('请填写姓名')}><Input aria-label="新人员姓名" maxLength={20} /></Form.Item>
              <Form.Item name="gender" label="性别" rules={required('请选择性别')}>
                <Radio.Group options={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="birthDate" label="出生日期" rules={required('请填写出生日期')}><DateInput aria-label="出生日期" max={todayInShanghai()} /></Form.Item>
              <Form.Item name="idNumber" label="身份证号" rules={required('请填写身份证号')} extra="加密保存,列表中只显示部分号码"><Input aria-label="身份证号" maxLength={18} /></Form.Item>
              <Form.Item name="phone" label="联系电话"><Input aria-label="联系电话" maxLength={20} /></Form.Item>
            </>
          )}
          {data.terms.length > 0 && (
            <Form.Item name="termId" label="届次">
              <Select aria-label="届次" allowClear options={data.terms.map((t) => ({ value: t.id, label: `${t.startYear}—${t.endYear}届` }))} />
            </Form.Item>
          )}
          {kind === 'assignment' && (
            <>
              <Form.Item name="periodEndsOn" label="选派期满日期" rules={required('请填写选派期满日期')}><DateInput aria-label="选派期满日期" /></Form.Item>
              {post === 'secretary' && <Form.Item name="homePost" label="原单位职务" rules={required('请填写选派干部的原单位职务')}><Input aria-label="原单位职务" maxLength={60} /></Form.Item>}
              {post === 'first_secretary' && (
                <>
                  <Form.Item name="sendingUnit" label="派出单位" rules={required('请填写派出单位')}><Input aria-label="派出单位" maxLength={60} /></Form.Item>
                  <Form.Item name="supportProjects" label="帮扶项目"><Input.TextArea aria-label="帮扶项目" maxLength={300} rows={2} /></Form.Item>
                  <Form.Item name="supportYuan" label="帮扶资金(元)"><InputNumber aria-label="帮扶资金" min={0} precision={2} style={{ width: '100%' }} /></Form.Item>
                </>
              )}
            </>
          )}
        </>
      )}
      <Form.Item name="occurredOn" label={ending ? '离任日期' : '任职日期'} rules={required('请填写日期')}><DateInput aria-label="变动日期" max={todayInShanghai()} /></Form.Item>
      <Form.Item name="reason" label="原因" rules={[...required('请填写变动原因'), { min: 2, message: '请填写变动原因(至少2个字)' }]}>
        <Input.TextArea aria-label="原因" maxLength={200} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
