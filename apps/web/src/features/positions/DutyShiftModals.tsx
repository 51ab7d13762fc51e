import { useState } from 'react';
import { Alert, App, Form, Input, Radio, Typography } from 'antd';
import { DutyPresenceSchema, SwapDutySchema, DUTY_PRESENCE_LABELS, DUTY_PRESENCES, DUTY_SLOT_LABELS, type DutyPresence } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { FormModal } from '../../components/FormModal';
import { applyFieldErrors } from '../../lib/form-errors';
import { useRecordPresence, useSwapDuty, type DutyShift } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

const shiftText = (shift: DutyShift) => `${shift.onDate} ${DUTY_SLOT_LABELS[shift.slot]} · ${shift.personName}`;

/** 换班: who takes the shift instead, and why. */
export function SwapModal({ shift, onClose }: { shift: DutyShift; onClose: () => void }) {
  const [form] = Form.useForm<{ swappedWithName: string; reason: string }>();
  const swap = useSwapDuty();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  return (
    <FormModal
      open
      title={`换班:${shiftText(shift)}`}
      okText="保存"
      name="duty-swap"
      form={form}
      pending={swap.isPending}
      onClose={onClose}
      after={error && <Alert type="error" showIcon title="未能保存" description={error} />}
      initialValues={{ swappedWithName: shift.swappedWithName ?? '', reason: shift.swapReason ?? '' }}
      onFinish={(values) => {
        setError(null);
        swap.mutate(
          { id: shift.id, swappedWithName: values.swappedWithName.trim(), reason: values.reason.trim() },
          {
            onSuccess: () => {
              message.success('已记录换班');
              onClose();
            },
            onError: (e) => {
              if (!applyFieldErrors(form, e, ['swappedWithName', 'reason'])) setError(errorMessage(e));
            },
          },
        );
      }}
    >
      <Form.Item label="替班人" name="swappedWithName" rules={rulesFor(SwapDutySchema, 'swappedWithName')}>
        <Input {...textPropsOf(SwapDutySchema, 'swappedWithName')} />
      </Form.Item>
      <Form.Item label="换班原因" name="reason" rules={rulesFor(SwapDutySchema, 'reason')}>
        <Input.TextArea rows={2} {...textPropsOf(SwapDutySchema, 'reason')} />
      </Form.Item>
    </FormModal>
  );
}

/** 记录在岗情况: entered by the village afterwards — no location, no check-in by the person on duty. */
export function PresenceModal({ shift, onClose }: { shift: DutyShift; onClose: () => void }) {
  const [form] = Form.useForm<{ presence: DutyPresence; note?: string }>();
  const record = useRecordPresence();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  return (
    <FormModal
      open
      title={`在岗情况:${shift.onDate} ${DUTY_SLOT_LABELS[shift.slot]} · ${shift.onDutyName}`}
      okText="保存"
      name="duty-presence"
      form={form}
      pending={record.isPending}
      onClose={onClose}
      before={
        <Typography.Paragraph type="secondary">由村里如实登记实际在岗情况,不做定位,不要求个人打卡。</Typography.Paragraph>
      }
      after={error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="presence-error" />}
      initialValues={{ presence: shift.presence ?? 'present', note: shift.presenceNote ?? '' }}
      onFinish={(values) => {
        setError(null);
        record.mutate(
          { id: shift.id, presence: values.presence, note: values.note?.trim() || null },
          {
            onSuccess: () => {
              message.success('已记录在岗情况');
              onClose();
            },
            onError: (e) => {
              if (!applyFieldErrors(form, e, ['presence', 'note'])) setError(errorMessage(e));
            },
          },
        );
      }}
    >
      <Form.Item label="在岗情况" name="presence" rules={rulesFor(DutyPresenceSchema, 'presence')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={DUTY_PRESENCES.map((p) => ({ value: p, label: DUTY_PRESENCE_LABELS[p] }))} />
      </Form.Item>
      <Form.Item label="说明" name="note" rules={rulesFor(DutyPresenceSchema, 'note')}>
        <Input.TextArea rows={2} {...textPropsOf(DutyPresenceSchema, 'note')} placeholder="选填,如请假事由" />
      </Form.Item>
    </FormModal>
  );
}
