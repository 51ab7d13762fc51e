import { useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ThunderboltOutlined } from '../../lib/icons';
import { PlannedDutyShiftSchema, DUTY_SLOT_LABELS, DUTY_SLOTS, type DutySlot } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { monthLabel } from '../../lib/months';
import { DateInput } from '../../components/DateInput';
import { useCreateDutyShifts } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

interface ShiftRow {
  onDate?: string | null;
  slot?: DutySlot;
  personName?: string;
}

interface Values {
  shifts?: ShiftRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every date of a 'YYYY-MM' month. */
export function datesOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${pad(i + 1)}`);
}

/** Monday to Friday of the month, with the names taking turns day by day. */
export function rotateWorkdays(month: string, names: string[], slot: DutySlot): ShiftRow[] {
  if (names.length === 0) return [];
  const workdays = datesOfMonth(month).filter((date) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  });
  return workdays.map((onDate, i) => ({ onDate, slot, personName: names[i % names.length] }));
}

const splitNames = (text: string) => text.split(/[\s,,、;;]+/).map((s) => s.trim()).filter(Boolean);

/** 排班: a whole month in one form, one row per date, slot and person. */
export function DutyScheduleModal({ orgId, orgName, month, onClose }: { orgId: number; orgName: string; month: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateDutyShifts();
  const { message } = App.useApp();
  const [names, setNames] = useState('');
  const [slot, setSlot] = useState<DutySlot>('day');
  const [error, setError] = useState<string | null>(null);
  const dates = datesOfMonth(month);

  const generate = () => {
    const rows = rotateWorkdays(month, splitNames(names), slot);
    if (rows.length === 0) {
      message.warning('请先填写值班人员');
      return;
    }
    form.setFieldsValue({ shifts: rows });
  };

  const onFinish = (values: Values) => {
    const shifts = (values.shifts ?? [])
      .filter((row) => row.onDate && row.slot && row.personName?.trim())
      .map((row) => ({ onDate: row.onDate!, slot: row.slot!, personName: row.personName!.trim() }));
    if (shifts.length === 0) {
      setError('请至少排一个班');
      return;
    }
    setError(null);
    create.mutate(
      { organizationId: orgId, shifts },
      {
        onSuccess: () => {
          message.success(`已排班 ${shifts.length} 个`);
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <FormModal<Values>
      open
      title={`排班:${orgName} ${monthLabel(month)}`}
      onClose={onClose}
      form={form}
      name="duty-schedule"
      okText="保存排班"
      pending={create.isPending}
      width={720}
      onFinish={onFinish}
      initialValues={{ shifts: [{ onDate: null, slot: 'day', personName: '' }] }}
      before={
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">
            填写值班人员后可按工作日(周一至周五)轮流生成,再逐行调整;也可以直接逐行添加。
          </Typography.Text>
          <Flex gap={8} wrap>
            <Input
              aria-label="值班人员"
              placeholder="值班人员,用顿号或空格分隔,如:王书记、李主任"
              value={names}
              onChange={(e) => setNames(e.target.value)}
              style={{ flex: '1 1 240px' }}
            />
            <Select<DutySlot>
              aria-label="生成时段"
              value={slot}
              onChange={setSlot}
              options={DUTY_SLOTS.map((s) => ({ value: s, label: DUTY_SLOT_LABELS[s] }))}
              style={{ width: 100 }}
            />
            <Button icon={<ThunderboltOutlined />} onClick={generate}>按工作日轮流生成</Button>
          </Flex>
        </Flex>
      }
      after={error && <Alert type="error" showIcon title="未能保存" description={error} style={{ marginTop: 12 }} data-testid="schedule-error" />}
    >
      <Form.List name="shifts">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0} data-testid="schedule-rows" style={{ maxHeight: 420, overflowY: 'auto' }}>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={8} wrap>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'onDate']} rules={rulesFor(PlannedDutyShiftSchema, 'onDate')} style={{ marginBottom: 8 }}>
                    <DateInput aria-label={`第${index + 1}行日期`} min={dates[0]} max={dates.at(-1)} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={5}>
                  <Form.Item name={[field.name, 'slot']} rules={rulesFor(PlannedDutyShiftSchema, 'slot')} style={{ marginBottom: 8 }}>
                    <Select aria-label={`第${index + 1}行时段`} options={DUTY_SLOTS.map((s) => ({ value: s, label: DUTY_SLOT_LABELS[s] }))} />
                  </Form.Item>
                </Col>
                <Col xs={18} sm={9}>
                  <Form.Item name={[field.name, 'personName']} rules={rulesFor(PlannedDutyShiftSchema, 'personName')} style={{ marginBottom: 8 }}>
                    <Input aria-label={`第${index + 1}行值班人`} placeholder="值班人" {...textPropsOf(PlannedDutyShiftSchema, 'personName')} />
                  </Form.Item>
                </Col>
                <Col xs={6} sm={2}>
                  <Button icon={<DeleteOutlined />} aria-label={`删除第${index + 1}行`} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <div>
              <Button icon={<PlusOutlined />} onClick={() => add({ onDate: null, slot: 'day', personName: '' })} disabled={fields.length >= 200}>
                添加一行
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
