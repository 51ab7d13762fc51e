/**
 * 登记走访 in a few taps: the day (today unless changed), how (上门/电话/微信/田间地头/其他) and, when there is one, what the
 * household raised. No location and no check-in: the member says when and how. The secretary's 代为登记 names the member.
 */
import { Form, Input, Radio, Select, Typography } from 'antd';
import { ProxyVisitSchema, VISIT_METHODS, VISIT_METHOD_LABELS, todayInShanghai, type ProxyVisit, type HouseholdVisitInput } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

interface Props {
  title: string;
  open: boolean;
  onClose: () => void;
  pending: boolean;
  /** With members: the secretary's entry for one of them (代为登记). */
  members?: { personId: number; name: string }[];
  onSubmit: (values: HouseholdVisitInput & { personId?: number }) => void;
  error?: string | null;
}

export function VisitModal({ title, open, onClose, pending, members, onSubmit, error }: Props) {
  const [form] = Form.useForm<ProxyVisit>();
  const today = todayInShanghai();
  return (
    <FormModal<ProxyVisit> title={title} open={open} onClose={onClose} form={form} name="household-visit" pending={pending} okText="保存走访"
      initialValues={{ visitedOn: today, method: 'door', personId: members?.length === 1 ? members[0].personId : undefined }}
      onFinish={(v) => onSubmit({ ...v, raised: v.raised || null, note: v.note || null })}
      after={error ? <Typography.Text type="danger">{error}</Typography.Text> : undefined}>
      {members && (
        <Form.Item name="personId" label="走访党员" rules={rulesFor(ProxyVisitSchema, 'personId', { required: true })}>
          <Select showSearch optionFilterProp="label" placeholder="选择走访的联系党员" options={members.map((m) => ({ value: m.personId, label: m.name }))} />
        </Form.Item>
      )}
      <Form.Item name="visitedOn" label="走访日期" rules={rulesFor(ProxyVisitSchema, 'visitedOn', { required: true })}>
        <DateInput max={today} aria-label="走访日期" />
      </Form.Item>
      <Form.Item name="method" label="走访方式" rules={rulesFor(ProxyVisitSchema, 'method', { required: true })}>
        <Radio.Group optionType="button" buttonStyle="solid" size="large" options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))} />
      </Form.Item>
      <Form.Item name="raised" label="群众反映的事项(没有可不填)" rules={rulesFor(ProxyVisitSchema, 'raised')}>
        <Input.TextArea {...textPropsOf(ProxyVisitSchema, 'raised')} rows={2} placeholder="如:村口路灯不亮" />
      </Form.Item>
      <Form.Item name="note" label="走访情况(可不填)" rules={rulesFor(ProxyVisitSchema, 'note')}>
        <Input.TextArea {...textPropsOf(ProxyVisitSchema, 'note')} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
