import { App, Button, Divider, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, ACTOR_LIMITS, ActorInputSchema, type Actor, type ActorKind, type EconomyVillageRef } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { ActorSupport } from './ActorSupport';
import { useDeleteActor, useLinkOptions, useSaveActor } from './records-api';

interface Values {
  kind: ActorKind; name: string; representative?: string; leaderTalentId?: number | null; leaderName?: string;
  members?: number | null; households?: number | null; business?: string; note?: string;
}
const KIND_OPTIONS = ACTOR_KINDS.map((k) => ({ value: k, label: ACTOR_KIND_LABELS[k] }));
const text = (field: 'name' | 'representative' | 'leaderName' | 'business' | 'note') => textPropsOf(ActorInputSchema, field);
const orUndefined = (v: string | null) => v ?? undefined;
const valuesOf = (a: Actor): Values => ({
  ...a, representative: orUndefined(a.representative), business: orUndefined(a.business), note: orUndefined(a.note),
  leaderName: a.leaderTalentId ? undefined : orUndefined(a.leaderName),
});

/** Adding or editing a 经营主体: its facts, the 致富带头人 (from the village's talents or typed), and its support rows. */
export function ActorDrawer({ target, onClose }: { target: { village: EconomyVillageRef; actor: Actor | null } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const actor = target?.actor ?? null;
  const save = useSaveActor(actor?.id ?? null);
  const remove = useDeleteActor();
  const options = useLinkOptions(target?.village.canEdit ? target.village.organizationId : null);
  const linked = Form.useWatch('leaderTalentId', form);
  // A fresh form for each record opened (the key), not when the list refetches the same record.
  const opened = target ? `${target.village.organizationId}:${actor?.id ?? 'new'}` : undefined;

  const onFinish = async (v: Values) => {
    const body = { ...v, leaderTalentId: v.leaderTalentId ?? null, leaderName: v.leaderTalentId ? null : v.leaderName };
    try {
      await save.mutateAsync(actor ? body : { ...body, organizationId: target!.village.organizationId });
      message.success(actor ? '已保存' : '已登记');
      if (!actor) onClose();
    } catch (e) { message.error(errorMessage(e)); }
  };
  const onDelete = async () => {
    try {
      await remove.mutateAsync(actor!.id);
      message.success('已删除');
      onClose();
    } catch (e) { message.error(errorMessage(e)); }
  };

  return (
    <Drawer open={target !== null} onClose={onClose} width={Math.min(560, window.innerWidth)} destroyOnHidden
      title={target ? `${target.village.villageName} · ${actor ? actor.name : '登记经营主体'}` : '经营主体'}
      extra={actor?.can.edit && (
        <Popconfirm title="确定删除这个经营主体及其扶持记录?(误登记时使用)" okText="删除" cancelText="取消" onConfirm={() => void onDelete()}>
          <Button danger size="small" loading={remove.isPending}>删除</Button>
        </Popconfirm>
      )}>
      <Form form={form} layout="vertical" name="economy-actor" onFinish={(v) => void onFinish(v)} aria-label="经营主体" disabled={actor ? !actor.can.edit : false}
        key={opened} initialValues={actor ? valuesOf(actor) : { kind: 'cooperative' }}>
        <Form.Item name="kind" label="主体类型" rules={[{ required: true, message: '请选择主体类型' }]}><Select options={KIND_OPTIONS} /></Form.Item>
        <Form.Item name="name" label="主体名称" rules={rulesFor(ActorInputSchema, 'name')}><Input {...text('name')} placeholder="如:金茂食用菌专业合作社" /></Form.Item>
        <Form.Item name="representative" label="法定代表人/负责人" rules={rulesFor(ActorInputSchema, 'representative')}><Input {...text('representative')} /></Form.Item>
        <Form.Item name="leaderTalentId" label="致富带头人(本村人才库)" extra="不在人才库中的,清空后在下面填写姓名">
          <Select allowClear showSearch optionFilterProp="label" placeholder={options.data?.talents.length ? '从人才库选择' : '本村人才库暂无人员'} loading={options.isPending && options.fetchStatus !== 'idle'}
            options={(options.data?.talents ?? []).map((t) => ({ value: t.id, label: t.name }))} />
        </Form.Item>
        {!linked && <Form.Item name="leaderName" label="致富带头人姓名" rules={rulesFor(ActorInputSchema, 'leaderName')}><Input {...text('leaderName')} /></Form.Item>}
        <Flex gap={8} wrap>
          <Form.Item name="members" label="成员(户)" style={{ flex: '1 1 120px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxPeople} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="households" label="带动农户(户)" style={{ flex: '1 1 120px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxPeople} precision={0} style={{ width: '100%' }} /></Form.Item>
        </Flex>
        <Form.Item name="business" label="主营业务" rules={rulesFor(ActorInputSchema, 'business')}><Input.TextArea rows={2} {...text('business')} /></Form.Item>
        <Form.Item name="note" label="备注" rules={rulesFor(ActorInputSchema, 'note')}><Input.TextArea rows={2} {...text('note')} /></Form.Item>
        {(!actor || actor.can.edit) && <Space><Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button><Button onClick={onClose}>关闭</Button></Space>}
      </Form>
      {actor && (<><Divider /><ActorSupport actor={actor} /></>)}
    </Drawer>
  );
}
