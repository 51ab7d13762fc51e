import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { CheckOutlined, PlusOutlined, UndoOutlined } from '../../../lib/icons';
import { TRIP_ACTION_STATE_LABELS, TRIP_LIMITS, todayInShanghai, type TripAction, type TripDetail } from '@dj/contracts';
import { DateInput } from '../../../components/DateInput';
import { FormModal } from '../../../components/FormModal';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useTripPeople, useTripRows } from './api';
import { personOf, personOptions } from './people';
import { ListItemMeta } from '../../../components/ListItemMeta';

const STATE_COLORS: Record<TripAction['state'], string> = { due: 'orange', overdue: 'red', done: 'green' };

interface AddValues { content: string; owner?: string; dueOn: string }

/** A follow-up with its owner (a 镇村干部 account: it goes on their 待办) and due date. */
function AddAction({ detail, open, onClose }: { detail: TripDetail; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const people = useTripPeople(open).data?.items ?? [];
  const { addAction } = useTripRows(detail.id);
  const onFinish = async (v: AddValues) => {
    const owner = personOf(people, v.owner)!;
    try {
      await addAction.mutateAsync({ content: v.content, ownerUserId: owner.userId, organizationId: owner.organizationId, dueOn: v.dueOn });
      message.success('已增加跟进事项,已列入责任人的待办');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['content', 'dueOn'])) message.error(errorMessage(e));
    }
  };
  return (
    <FormModal<AddValues> title="增加跟进事项" open={open} onClose={onClose} form={form} name="trip-action" onFinish={(v) => void onFinish(v)} pending={addAction.isPending} okText="增加">
      <Form.Item name="content" label="跟进事项" rules={[{ required: true, whitespace: true, message: '请填写跟进事项' }]}>
        <Input.TextArea maxLength={TRIP_LIMITS.action} showCount rows={3} placeholder="如:学习周庄镇网格化治理,制定本村方案" />
      </Form.Item>
      <Form.Item name="owner" label="责任人" extra="列入责任人的待办,到期未完成标为已逾期" rules={[{ required: true, message: '请选择责任人' }]}>
        <Select aria-label="责任人" showSearch optionFilterProp="label" options={personOptions(people)} />
      </Form.Item>
      <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请填写完成期限' }]}>
        <DateInput aria-label="完成期限" />
      </Form.Item>
    </FormModal>
  );
}

/** 登记完成: the day (not after today) and what was done. */
function DoneModal({ detail, action, onClose }: { detail: TripDetail; action: TripAction | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ doneOn: string; doneNote?: string }>();
  const { updateAction } = useTripRows(detail.id);
  const onFinish = async (v: { doneOn: string; doneNote?: string }) => {
    try {
      await updateAction.mutateAsync({ actionId: action!.id, body: { dueOn: action!.dueOn, doneOn: v.doneOn, doneNote: v.doneNote || null } });
      message.success('已登记完成,已从待办中移除');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['doneOn', 'doneNote'])) message.error(errorMessage(e));
    }
  };
  return (
    <FormModal<{ doneOn: string; doneNote?: string }> title="登记完成" open={action !== null} onClose={onClose} form={form} name="trip-action-done"
      initialValues={{ doneOn: todayInShanghai() }} onFinish={(v) => void onFinish(v)} pending={updateAction.isPending} okText="登记完成"
      before={<Typography.Paragraph>{action?.content}</Typography.Paragraph>}>
      <Form.Item name="doneOn" label="完成日期" rules={[{ required: true, message: '请填写完成日期' }]}>
        <DateInput aria-label="完成日期" max={todayInShanghai()} />
      </Form.Item>
      <Form.Item name="doneNote" label="完成情况">
        <Input.TextArea maxLength={TRIP_LIMITS.doneNote} showCount rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function StateTag({ a }: { a: TripAction }) {
  return <Tag color={STATE_COLORS[a.state]}>{a.state === 'done' ? `已完成 ${a.doneOn}` : TRIP_ACTION_STATE_LABELS[a.state]}</Tag>;
}

/** 跟进事项: by due date; overdue says so, done shows its day and note; owners and their units' writers update them. */
export function TripActions({ detail }: { detail: TripDetail }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState<TripAction | null>(null);
  const { updateAction } = useTripRows(detail.id);
  const reopen = async (a: TripAction) => {
    try {
      await updateAction.mutateAsync({ actionId: a.id, body: { dueOn: a.dueOn, doneOn: null, doneNote: a.doneNote } });
      message.success('已重新打开,列回责任人的待办');
    } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Card size="small" title={`跟进事项(${detail.actionList.length}项)`} data-testid="trip-actions"
      extra={detail.can.edit && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>增加事项</Button>}>
      <List dataSource={detail.actionList} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有跟进事项" /> }}
        renderItem={(a) => (
          <List.Item actions={a.can.update ? [a.state === 'done'
            ? <Button key="r" size="small" type="link" icon={<UndoOutlined />} onClick={() => void reopen(a)}>重新打开</Button>
            : <Button key="d" size="small" type="link" icon={<CheckOutlined />} onClick={() => setClosing(a)} aria-label={`登记完成:${a.content}`}>登记完成</Button>] : []}>
            <ListItemMeta title={<Flex gap={6} wrap align="center"><StateTag a={a} /><span>{a.content}</span></Flex>}
              description={<span>责任人:{a.ownerName}({a.organizationName}) · 完成期限:{a.dueOn}{a.doneNote ? ` · ${a.doneNote}` : ''}</span>} />
          </List.Item>
        )} />
      <AddAction detail={detail} open={adding} onClose={() => setAdding(false)} />
      <DoneModal detail={detail} action={closing} onClose={() => setClosing(null)} />
    </Card>
  );
}
