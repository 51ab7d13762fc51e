import { Checkbox, Form, Input, Select } from 'antd';
import { TRIP_LIMITS, TRIP_TOPIC_LABELS, TRIP_TOPICS, type TripCreate, type TripDetail } from '@dj/contracts';
import { DateInput } from '../../../components/DateInput';
import { FormModal } from '../../../components/FormModal';

export type TripFormValues = Omit<TripCreate, 'organizationId'> & { organizationId?: number };
export const TRIP_FORM_FIELDS = ['organizationId', 'title', 'destination', 'startsOn', 'endsOn', 'topics', 'note'] as const;

/**
 * The trip's own fields: organiser (when new and the caller may organise for more than one), theme and place with
 * counters, the dates, the article's four topics and the itinerary.
 */
export function TripFormModal({ open, onClose, form, detail, organizers, pending, onFinish }: {
  open: boolean; onClose: () => void; form: ReturnType<typeof Form.useForm<TripFormValues>>[0]; detail: TripDetail | null;
  organizers: { id: number; name: string }[]; pending: boolean; onFinish: (values: TripFormValues) => void;
}) {
  const initial: Partial<TripFormValues> = detail
    ? { title: detail.title, destination: detail.destination, startsOn: detail.startsOn, endsOn: detail.endsOn, topics: detail.topics, note: detail.note }
    : { organizationId: organizers.length === 1 ? organizers[0].id : undefined, destination: '江苏省无锡市周庄镇', topics: [] };
  return (
    <FormModal<TripFormValues> title={detail ? '修改对标学习' : '登记对标学习'} open={open} onClose={onClose} form={form} name="trip" initialValues={initial}
      onFinish={onFinish} pending={pending} okText={detail ? '保存' : '登记'}>
      {!detail && (
        <Form.Item name="organizationId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
          <Select aria-label="组织单位" options={organizers.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label="学习主题" rules={[{ required: true, whitespace: true, message: '请填写学习主题' }]}>
        <Input maxLength={TRIP_LIMITS.title} showCount placeholder="如:赴周庄镇对标学习" />
      </Form.Item>
      <Form.Item name="destination" label="学习地点" rules={[{ required: true, whitespace: true, message: '请填写学习地点' }]}>
        <Input maxLength={TRIP_LIMITS.destination} showCount />
      </Form.Item>
      <Form.Item name="startsOn" label="出发日期" rules={[{ required: true, message: '请填写出发日期' }]}>
        <DateInput aria-label="出发日期" />
      </Form.Item>
      <Form.Item name="endsOn" label="返回日期" rules={[{ required: true, message: '请填写返回日期' }]}>
        <DateInput aria-label="返回日期" />
      </Form.Item>
      <Form.Item name="topics" label="学习内容" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项学习内容' }]}>
        <Checkbox.Group options={TRIP_TOPICS.map((k) => ({ value: k, label: TRIP_TOPIC_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="note" label="行程安排">
        <Input.TextArea maxLength={TRIP_LIMITS.note} showCount rows={3} />
      </Form.Item>
    </FormModal>
  );
}
