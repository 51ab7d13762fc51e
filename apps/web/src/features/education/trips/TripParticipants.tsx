import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '../../../lib/icons';
import { TRIP_LIMITS, type TripDetail, type TripParticipant } from '@dj/contracts';
import { FormModal } from '../../../components/FormModal';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useTripPeople, useTripRows } from './api';
import { personOf, personOptions, unitOptions } from './people';
import { ListItemMeta } from '../../../components/ListItemMeta';

interface AddValues { how: 'account' | 'typed'; person?: string; name?: string; organizationId?: number; post?: string }

/** Adds a participant: a 镇村干部 account picked (named as they sign in) or a cadre without one, typed with their unit. */
function AddParticipant({ detail, open, onClose }: { detail: TripDetail; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const how = Form.useWatch('how', form);
  const people = useTripPeople(open).data?.items ?? [];
  const { addParticipant } = useTripRows(detail.id);
  const onFinish = async (v: AddValues) => {
    const picked = personOf(people, v.person);
    const body = picked ? { userId: picked.userId, organizationId: picked.organizationId, post: v.post || null } : { name: v.name, organizationId: v.organizationId as number, post: v.post || null };
    try {
      await addParticipant.mutateAsync(body);
      message.success('已增加参加人员');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['name', 'organizationId', 'post'])) message.error(errorMessage(e));
    }
  };
  return (
    <FormModal<AddValues> title="增加参加人员" open={open} onClose={onClose} form={form} name="trip-participant" initialValues={{ how: 'account' }}
      onFinish={(v) => void onFinish(v)} pending={addParticipant.isPending} okText="增加">
      <Form.Item name="how" label="人员">
        <Radio.Group options={[{ value: 'account', label: '选择镇村干部账号' }, { value: 'typed', label: '填写姓名(无账号)' }]} />
      </Form.Item>
      {how !== 'typed' ? (
        <Form.Item name="person" label="参加人员" rules={[{ required: true, message: '请选择参加人员' }]}>
          <Select aria-label="参加人员" showSearch optionFilterProp="label" options={personOptions(people)} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={TRIP_LIMITS.name} showCount />
          </Form.Item>
          <Form.Item name="organizationId" label="所在单位" rules={[{ required: true, message: '请选择所在单位' }]}>
            <Select aria-label="所在单位" options={unitOptions(people, { id: detail.organizationId, name: detail.organizationName })} />
          </Form.Item>
        </>
      )}
      <Form.Item name="post" label="职务">
        <Input maxLength={TRIP_LIMITS.post} showCount placeholder="如:村党支部书记" />
      </Form.Item>
    </FormModal>
  );
}

/** The participant's 心得: written by the participant, their unit's secretary or the town. */
function TakeawayModal({ detail, participant, onClose }: { detail: TripDetail; participant: TripParticipant | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ takeaway?: string }>();
  const { writeTakeaway } = useTripRows(detail.id);
  const onFinish = async (v: { takeaway?: string }) => {
    try {
      await writeTakeaway.mutateAsync({ participantId: participant!.id, body: { takeaway: v.takeaway || null } });
      message.success('已保存学习心得');
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['takeaway'])) message.error(errorMessage(e));
    }
  };
  return (
    <FormModal<{ takeaway?: string }> title={`学习心得 · ${participant?.name ?? ''}`} open={participant !== null} onClose={onClose} form={form} name="trip-takeaway"
      initialValues={{ takeaway: participant?.takeaway ?? '' }} onFinish={(v) => void onFinish(v)} pending={writeTakeaway.isPending} okText="保存">
      <Form.Item name="takeaway" label="学习心得">
        <Input.TextArea maxLength={TRIP_LIMITS.takeaway} showCount rows={8} placeholder="学到了什么,本村(本单位)打算怎么做" />
      </Form.Item>
    </FormModal>
  );
}

/** 参加人员 and each one's 心得; what the caller may write is what the API says per row. */
export function TripParticipants({ detail }: { detail: TripDetail }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [writing, setWriting] = useState<TripParticipant | null>(null);
  const { removeParticipant } = useTripRows(detail.id);
  const remove = async (p: TripParticipant) => {
    try { await removeParticipant.mutateAsync(p.id); message.success('已移除'); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Card size="small" title={`参加人员与学习心得(${detail.participantList.length}人)`} data-testid="trip-participants"
      extra={detail.can.edit && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>增加人员</Button>}>
      <List dataSource={detail.participantList} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有登记参加人员" /> }}
        renderItem={(p) => (
          <List.Item actions={[
            ...(p.can.writeTakeaway ? [<Button key="w" size="small" type="link" icon={<EditOutlined />} onClick={() => setWriting(p)} aria-label={`填写${p.name}的学习心得`}>心得</Button>] : []),
            ...(detail.can.edit ? [
              <Popconfirm key="d" title={`移除${p.name}?其学习心得一并删除`} okText="移除" cancelText="取消" onConfirm={() => remove(p)}>
                <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`移除${p.name}`} />
              </Popconfirm>,
            ] : []),
          ]}>
            <ListItemMeta title={<Flex gap={6} wrap><span>{p.name}</span><Typography.Text type="secondary">{p.organizationName}{p.post ? ` · ${p.post}` : ''}</Typography.Text></Flex>}
              description={p.takeaway
                ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.takeaway}</Typography.Paragraph>
                : <Typography.Text type="secondary">未填写学习心得</Typography.Text>} />
          </List.Item>
        )} />
      <AddParticipant detail={detail} open={adding} onClose={() => setAdding(false)} />
      <TakeawayModal detail={detail} participant={writing} onClose={() => setWriting(null)} />
    </Card>
  );
}
