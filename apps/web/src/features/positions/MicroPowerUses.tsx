import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Select, Steps, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { FormModal } from '../../components/FormModal';
import { ListBody } from '../../components/ListBody';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { CreateMicroPowerUseSchema, RecordUseStepSchema, todayInShanghai } from '@dj/contracts';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { DateInput } from '../../components/DateInput';
import { useCreateUse, useMicroPowerUses, useRecordUseStep, useSetPublishable, type MicroPowerItem, type MicroPowerUse } from './api';
import { USE_STATUS_LABELS } from './labels';

function CreateUseModal({ orgId, items, onClose }: { orgId: number; items: MicroPowerItem[]; onClose: () => void }) {
  const [form] = Form.useForm<{ itemId: number; subject: string; startedOn: string }>();
  const create = useCreateUse();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const today = todayInShanghai();
  return (
    <FormModal
      open
      title="新建运行记录"
      okText="保存"
      name="micro-power-use"
      form={form}
      pending={create.isPending}
      onClose={onClose}
      after={error && <Alert type="error" showIcon title="未能保存" description={error} />}
      initialValues={{ startedOn: today }}
      onFinish={(values) => {
        setError(null);
        create.mutate(
          { organizationId: orgId, itemId: values.itemId, subject: values.subject.trim(), startedOn: values.startedOn },
          {
            onSuccess: () => {
              message.success('已新建');
              onClose();
            },
            onError: (e) => {
              if (!applyFieldErrors(form, e, ['itemId', 'subject', 'startedOn'])) setError(errorMessage(e));
            },
          },
        );
      }}
    >
      <Form.Item label="事项" name="itemId" rules={rulesFor(CreateMicroPowerUseSchema, 'itemId')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="本村采用的事项"
          options={items.map((i) => ({ value: i.id, label: `${i.area} · ${i.name}` }))}
          notFoundContent="本村还没有采用事项"
        />
      </Form.Item>
      <Form.Item label="事由" name="subject" rules={rulesFor(CreateMicroPowerUseSchema, 'subject')}>
        <Input {...textPropsOf(CreateMicroPowerUseSchema, 'subject')} placeholder="如:张某某宅基地申请" />
      </Form.Item>
      <Form.Item label="开始日期" name="startedOn" rules={rulesFor(CreateMicroPowerUseSchema, 'startedOn')}>
        <DateInput max={today} />
      </Form.Item>
    </FormModal>
  );
}

/** 记录下一步: only the item's next step, in order. */
function NextStepModal({ use, onClose }: { use: MicroPowerUse; onClose: () => void }) {
  const [form] = Form.useForm<{ doneOn: string; by: string; note?: string }>();
  const record = useRecordUseStep();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const index = use.nextStepIndex ?? 0;
  const stepName = use.stepNames[index];
  const today = todayInShanghai();
  return (
    <FormModal
      open
      title={`记录第${index + 1}步:${stepName}`}
      okText="保存"
      name="micro-power-step"
      form={form}
      pending={record.isPending}
      onClose={onClose}
      before={
        <Typography.Paragraph type="secondary">
          {use.itemName} · {use.subject}
        </Typography.Paragraph>
      }
      after={error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="use-step-error" />}
      initialValues={{ doneOn: today }}
      onFinish={(values) => {
        setError(null);
        record.mutate(
          { id: use.id, body: { index, doneOn: values.doneOn, by: values.by.trim(), note: values.note?.trim() || null } },
          {
            onSuccess: () => {
              message.success(`已记录“${stepName}”`);
              onClose();
            },
            onError: (e) => {
              if (!applyFieldErrors(form, e, ['doneOn', 'by', 'note'])) setError(errorMessage(e));
            },
          },
        );
      }}
    >
      <Form.Item label="办理日期" name="doneOn" rules={rulesFor(RecordUseStepSchema, 'doneOn')}>
        <DateInput max={today} />
      </Form.Item>
      <Form.Item label="经办人" name="by" rules={rulesFor(RecordUseStepSchema, 'by')}>
        <Input {...textPropsOf(RecordUseStepSchema, 'by')} />
      </Form.Item>
      <Form.Item label="说明" name="note" rules={rulesFor(RecordUseStepSchema, 'note')}>
        <Input.TextArea rows={2} {...textPropsOf(RecordUseStepSchema, 'note')} />
      </Form.Item>
    </FormModal>
  );
}

function UseCard({ use, onNext }: { use: MicroPowerUse; onNext: (use: MicroPowerUse) => void }) {
  const narrow = useNarrowScreen();
  const publish = useSetPublishable();
  const { message } = App.useApp();
  const doneByIndex = new Map(use.done.map((d) => [d.index, d]));
  const current = use.nextStepIndex ?? use.stepNames.length;
  return (
    <div className="task-item" data-testid={`use-${use.id}`}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{use.subject}</Typography.Text>
          <Tag>{use.itemName}</Tag>
          <Tag color={use.status === 'done' ? 'success' : 'processing'}>{USE_STATUS_LABELS[use.status]}</Tag>
          {use.isDemo && <Tag>演示数据</Tag>}
        </Flex>
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">可公开</Typography.Text>
          <Switch
            size="small"
            aria-label={`可公开${use.subject}`}
            checked={use.publishable}
            disabled={!use.can.edit}
            loading={publish.isPending}
            onChange={(publishable) =>
              publish.mutate({ id: use.id, publishable }, { onError: (e) => message.error(errorMessage(e)) })
            }
          />
          {use.can.edit && use.nextStepIndex !== null && (
            <Button size="small" type="primary" aria-label={`记录下一步${use.subject}`} onClick={() => onNext(use)}>
              记录下一步
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>开始于 {use.startedOn}</Typography.Text>
      <Steps
        size="small"
        orientation={narrow ? 'vertical' : 'horizontal'}
        current={current}
        style={{ marginTop: 8 }}
        items={use.stepNames.map((name, i) => {
          const done = doneByIndex.get(i);
          return {
            title: name,
            content: done ? `${done.doneOn} · ${done.by}${done.note ? ` · ${done.note}` : ''}` : undefined,
          };
        })}
      />
    </div>
  );
}

/** 运行记录: each use of an adopted item, step by step in the item's order, and whether it may be published. */
export function MicroPowerUses({ orgId, adoptedItems, canWrite }: { orgId: number; adoptedItems: MicroPowerItem[]; canWrite: boolean }) {
  const uses = useMicroPowerUses(orgId);
  const [creating, setCreating] = useState(false);
  const [next, setNext] = useState<MicroPowerUse | null>(null);

  return (
    <Flex vertical gap={8} data-testid="micro-power-uses">
      {canWrite && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={adoptedItems.length === 0}>新建</Button>
          {adoptedItems.length === 0 && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>请先在“本村采用”中选择事项</Typography.Text>}
        </div>
      )}
      <ListBody
        query={uses}
        errorTitle="运行记录加载失败"
        items={uses.data}
        empty="还没有运行记录"
        skeletonRows={4}
        cards={(rows) => (
          <div className="task-items">
            {rows.map((use) => <UseCard key={use.id} use={use} onNext={setNext} />)}
          </div>
        )}
      />
      {creating && <CreateUseModal orgId={orgId} items={adoptedItems} onClose={() => setCreating(false)} />}
      {next && <NextStepModal use={next} onClose={() => setNext(null)} />}
    </Flex>
  );
}
