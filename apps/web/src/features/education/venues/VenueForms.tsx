import { App, Form, Input, InputNumber, Select } from 'antd';
import { VENUE_LIMITS, type BookingCreate, type Venue, type VenueCreate } from '@dj/contracts';
import { DateInput } from '../../../components/DateInput';
import { FormModal } from '../../../components/FormModal';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useVenueWrites } from './api';

type VenueValues = Omit<VenueCreate, 'organizationId'> & { organizationId?: number };

/** 登记/修改场地: name, capacity (bookings are checked against it), area, address, note. */
export function VenueFormModal({ venue, organizers, open, onClose }: { venue: Venue | null; organizers: { id: number; name: string }[]; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueValues>();
  const { create, update } = useVenueWrites();
  const onFinish = async ({ organizationId, ...v }: VenueValues) => {
    const body = { ...v, areaSqm: v.areaSqm ?? null, address: v.address || null, note: v.note || null };
    try {
      if (venue) await update.mutateAsync({ id: venue.id, body });
      else await create.mutateAsync({ ...body, organizationId: organizationId as number });
      message.success(venue ? '已保存' : '已登记场地');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['organizationId', 'name', 'capacity', 'areaSqm', 'address', 'note'])) message.error(errorMessage(e));
    }
  };
  const initial = venue ?? { organizationId: organizers.length === 1 ? organizers[0].id : undefined };
  return (
    <FormModal<VenueValues> title={venue ? '修改场地' : '登记场地'} open={open} onClose={onClose} form={form} name="venue" initialValues={initial as Partial<VenueValues>}
      onFinish={(v) => void onFinish(v)} pending={create.isPending || update.isPending} okText={venue ? '保存' : '登记'}>
      {!venue && (
        <Form.Item name="organizationId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <Select aria-label="所属单位" options={organizers.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label="场地名称" rules={[{ required: true, whitespace: true, message: '请填写场地名称' }]}>
        <Input maxLength={VENUE_LIMITS.name} showCount placeholder="如:乡村振兴讲习所" />
      </Form.Item>
      <Form.Item name="capacity" label="容纳人数" extra="预约人数不得超过此数" rules={[{ required: true, message: '请填写容纳人数' }]}>
        <InputNumber aria-label="容纳人数" min={1} max={VENUE_LIMITS.maxCapacity} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="areaSqm" label="面积(平方米)">
        <InputNumber aria-label="面积" min={1} max={VENUE_LIMITS.maxArea} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="address" label="地址">
        <Input maxLength={VENUE_LIMITS.address} showCount />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea maxLength={VENUE_LIMITS.note} showCount rows={2} />
      </Form.Item>
    </FormModal>
  );
}

const CLOCK = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '时间格式应为 HH:MM(如 09:00)' };
export const BOOKING_FIELDS = ['date', 'startsAt', 'endsAt', 'purpose', 'people'] as const;

/** 预约: a day and a time range, what for and how many (the server refuses an overlap or more than the capacity). */
export function BookingFormModal({ venue, onClose }: { venue: Venue | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BookingCreate>();
  const { book } = useVenueWrites();
  const onFinish = async (values: BookingCreate) => {
    try {
      await book.mutateAsync({ venueId: venue!.id, body: values });
      message.success('已预约');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, BOOKING_FIELDS)) message.error(errorMessage(e));
    }
  };
  return (
    <FormModal<BookingCreate> title={`预约 · ${venue?.name ?? ''}`} open={venue !== null} onClose={onClose} form={form} name="booking"
      onFinish={(v) => void onFinish(v)} pending={book.isPending} okText="预约">
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
        <DateInput aria-label="日期" />
      </Form.Item>
      <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }, CLOCK]}>
        <Input placeholder="09:00" inputMode="numeric" maxLength={5} />
      </Form.Item>
      <Form.Item name="endsAt" label="结束时间" rules={[{ required: true, message: '请填写结束时间' }, CLOCK]}>
        <Input placeholder="11:30" inputMode="numeric" maxLength={5} />
      </Form.Item>
      <Form.Item name="purpose" label="用途" rules={[{ required: true, whitespace: true, message: '请填写用途' }]}>
        <Input maxLength={VENUE_LIMITS.purpose} showCount placeholder="如:党员集中轮训" />
      </Form.Item>
      <Form.Item name="people" label="人数" extra={venue ? `该场地容纳${venue.capacity}人` : undefined} rules={[{ required: true, message: '请填写人数' }]}>
        <InputNumber aria-label="人数" min={1} max={VENUE_LIMITS.maxCapacity} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
