import { Form, Input, Select } from 'antd';
import { CreateMatterSchema, MATTER_CATEGORIES, MATTER_CATEGORY_LABELS, MATTER_SOURCES, MATTER_SOURCE_LABELS, ACTIVITY_KIND_LABELS, todayInShanghai, type ActivityKind, type CreateMatter } from '@dj/contracts';
import { useNavigate } from 'react-router';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useMatterLinks, useRaiseMatter } from './api';

type Values = CreateMatter;
const S = CreateMatterSchema;

export const meetingLabel = (m: { kind: string; title: string; heldOn: string }) => `${m.heldOn} ${ACTIVITY_KIND_LABELS[m.kind as ActivityKind] ?? ''} ${m.title}`;

/** 说事: who raised what, where, of which kind; at a 村民说事日 (linked), on a member's visit, at the office. */
export function RaiseMatterModal({ villages, defaultOrgId, onClose }: { villages: { organizationId: number; villageName: string }[]; defaultOrgId?: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const raise = useRaiseMatter();
  const orgId = Form.useWatch('organizationId', form) ?? defaultOrgId ?? villages[0]?.organizationId ?? null;
  const source = Form.useWatch('source', form);
  const links = useMatterLinks(orgId);
  const today = todayInShanghai();
  return (
    <FormModal<Values>
      title="登记说事" open onClose={onClose} form={form} name="raise-matter" pending={raise.isPending} okText="登记"
      initialValues={{ organizationId: orgId ?? undefined, source: 'say_day', category: 'livelihood', raisedOn: today }}
      onFinish={(v) => raise.mutate({ ...v, raisedActivityId: v.raisedActivityId ?? null }, { onSuccess: (m) => { onClose(); navigate(`/matters/${m.id}`); } })}
      after={raise.isError ? <div style={{ color: '#c8161d' }}>{errorMessage(raise.error)}</div> : null}
    >
      {villages.length > 1 && (
        <Form.Item name="organizationId" label="村" rules={rulesFor(S, 'organizationId')}>
          <Select options={villages.map((v) => ({ value: v.organizationId, label: v.villageName }))} />
        </Form.Item>
      )}
      {villages.length <= 1 && <Form.Item name="organizationId" hidden><Input /></Form.Item>}
      <Form.Item name="source" label="来源" rules={rulesFor(S, 'source')}>
        <Select options={MATTER_SOURCES.map((s) => ({ value: s, label: MATTER_SOURCE_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="category" label="类别" rules={rulesFor(S, 'category')}>
        <Select options={MATTER_CATEGORIES.map((c) => ({ value: c, label: MATTER_CATEGORY_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="title" label="事项" rules={rulesFor(S, 'title')}><Input {...textPropsOf(S, 'title')} placeholder="如:村东头路灯不亮" /></Form.Item>
      <Form.Item name="content" label="具体内容" rules={rulesFor(S, 'content')}><Input.TextArea rows={3} {...textPropsOf(S, 'content')} /></Form.Item>
      <Form.Item name="place" label="地点" rules={rulesFor(S, 'place')}><Input {...textPropsOf(S, 'place')} /></Form.Item>
      <Form.Item name="raiserName" label="说事人(可不填)" rules={rulesFor(S, 'raiserName')}><Input {...textPropsOf(S, 'raiserName')} /></Form.Item>
      <Form.Item name="raiserPhone" label="联系电话(可不填,加密保存)" rules={rulesFor(S, 'raiserPhone')}><Input inputMode="tel" /></Form.Item>
      <Form.Item name="raisedOn" label="说事日期" rules={rulesFor(S, 'raisedOn')}><DateInput max={today} /></Form.Item>
      {source === 'say_day' && (
        <Form.Item name="raisedActivityId" label="说事会议(村民说事日、三日合一)">
          <Select allowClear loading={links.isLoading} options={(links.data?.meetings ?? []).map((m) => ({ value: m.id, label: meetingLabel(m) }))} />
        </Form.Item>
      )}
      {source === 'visit' && <Form.Item name="visitNote" label="走访党员" rules={rulesFor(S, 'visitNote')}><Input {...textPropsOf(S, 'visitNote')} /></Form.Item>}
    </FormModal>
  );
}
