import { useEffect } from 'react';
import { App, Button, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '../../lib/icons';
import { ActivityGuestSchema, AgendaPartSchema, CreateActivitySchema, type ActivityKind, type UpdateActivity } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor } from '../../lib/contract-rules';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { DateInput } from '../../components/DateInput';
import { useUpdateActivity, type ActivityDetail } from './api';
import { ACTIVITY_KIND_LABELS, COMBINED_PARTS, kindOptions } from './labels';

interface Values {
  heldOn: string;
  place: string;
  topic: string;
  host?: string | null;
  recorder?: string | null;
  lecturer?: string | null;
  countsFor?: ActivityKind[];
  agenda?: string | null;
  minutes?: string | null;
  resolutions?: string | null;
  parts?: Partial<Record<ActivityKind, string>>;
  guests?: { name: string; note?: string | null }[];
}
const FIELDS = ['heldOn', 'place', 'topic', 'host', 'recorder', 'lecturer', 'countsFor', 'agenda', 'minutes', 'resolutions', 'guests'] as const;
const blank = (v?: string | null) => (v && v.trim() ? v.trim() : null);

function toValues(d: ActivityDetail): Values {
  return {
    heldOn: d.heldOn, place: d.place, topic: d.topic, host: d.host, recorder: d.recorder, lecturer: d.lecturer,
    countsFor: d.countsFor, agenda: d.agenda, minutes: d.minutes, resolutions: d.resolutions,
    parts: Object.fromEntries(d.agendaParts.map((p) => [p.kind, p.text])),
    guests: d.guests.map((g) => ({ name: g.name, note: g.note })),
  };
}

export function ActivityEditDrawer({ detail, open, onClose }: { detail: ActivityDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const update = useUpdateActivity();
  const combined = detail.kind === 'combined_day';

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(detail));
  }, [open, detail, form]);

  const submit = async (values: Values) => {
    const body: UpdateActivity = {
      heldOn: values.heldOn,
      place: values.place.trim(),
      topic: values.topic.trim(),
      host: blank(values.host),
      recorder: blank(values.recorder),
      lecturer: blank(values.lecturer),
      countsFor: values.countsFor ?? [],
      agenda: blank(values.agenda),
      minutes: blank(values.minutes),
      resolutions: blank(values.resolutions),
      guests: (values.guests ?? []).filter((g) => g?.name?.trim()).map((g) => ({ name: g.name.trim(), note: blank(g.note) })),
    };
    if (combined) body.agendaParts = COMBINED_PARTS.map((kind) => ({ kind, text: values.parts?.[kind]?.trim() ?? '' }));
    try {
      await update.mutateAsync({ id: detail.id, body });
      message.success('已保存');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) message.error(errorMessage(error));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={`编辑${ACTIVITY_KIND_LABELS[detail.kind]}记录`}
      size={narrow ? '100%' : 560}
      extra={<Button type="primary" loading={update.isPending} onClick={() => form.submit()}>保存</Button>}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="heldOn" label="活动日期" rules={rulesFor(CreateActivitySchema, 'heldOn')}>
          <DateInput />
        </Form.Item>
        <Form.Item name="place" label="活动地点" rules={rulesFor(CreateActivitySchema, 'place')}>
          <Input />
        </Form.Item>
        <Form.Item name="topic" label="活动主题" rules={rulesFor(CreateActivitySchema, 'topic')}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="host" label="主持人" rules={rulesFor(CreateActivitySchema, 'host')} style={{ flex: '1 1 140px' }}><Input /></Form.Item>
          <Form.Item name="recorder" label="记录人" rules={rulesFor(CreateActivitySchema, 'recorder')} style={{ flex: '1 1 140px' }}><Input /></Form.Item>
          <Form.Item name="lecturer" label="授课人" rules={rulesFor(CreateActivitySchema, 'lecturer')} style={{ flex: '1 1 140px' }}><Input /></Form.Item>
        </Flex>
        <Form.Item name="countsFor" label="同时计为">
          <Select mode="multiple" allowClear options={kindOptions().filter((o) => o.value !== detail.kind)} />
        </Form.Item>
        {combined ? (
          <>
            <Typography.Paragraph type="secondary">三日合一:分别填写每一项的议程与内容。</Typography.Paragraph>
            {COMBINED_PARTS.map((kind) => (
              <Form.Item key={kind} name={['parts', kind]} label={`${ACTIVITY_KIND_LABELS[kind]}议程`} rules={rulesFor(AgendaPartSchema, 'text')}>
                <Input.TextArea autoSize={{ minRows: 3 }} />
              </Form.Item>
            ))}
          </>
        ) : (
          <Form.Item name="agenda" label="议程" rules={rulesFor(CreateActivitySchema, 'agenda')}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        )}
        <Form.Item name="minutes" label="会议记录" rules={rulesFor(CreateActivitySchema, 'minutes')}>
          <Input.TextArea autoSize={{ minRows: 4 }} />
        </Form.Item>
        <Form.Item name="resolutions" label="决议事项" rules={rulesFor(CreateActivitySchema, 'resolutions')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Typography.Text strong>列席群众</Typography.Text>
        <Form.List name="guests">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={rulesFor(ActivityGuestSchema, 'name')} style={{ flex: 1 }}>
                    <Input aria-label={`群众${index + 1}姓名`} placeholder="姓名" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']} rules={rulesFor(ActivityGuestSchema, 'note')} style={{ flex: 1 }}>
                    <Input aria-label={`群众${index + 1}备注`} placeholder="备注(如村民代表)" />
                  </Form.Item>
                  <Button type="text" aria-label={`移除群众${index + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', note: null })}>添加群众</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
