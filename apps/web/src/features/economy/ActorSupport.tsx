import { App, Button, Flex, Form, Input, InputNumber, List, Popconfirm, Select } from 'antd';
import { ACTOR_LIMITS, SUPPORT_KIND_LABELS, SUPPORT_KINDS, SupportInputSchema, todayInShanghai, type Actor, type SupportKind } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { fenToWan, useActorSupport, wanToFen } from './records-api';
import { SectionTitle } from '../../components/PageTitle';

interface Values { kind: SupportKind; year: number; amountWan?: number | null; description?: string; source: string }
const KIND_OPTIONS = SUPPORT_KINDS.map((k) => ({ value: k, label: SUPPORT_KIND_LABELS[k] }));

/** The support an actor received, one row each (资金/土地/培训/其他, the year, an amount or words, who gave it). */
export function ActorSupport({ actor }: { actor: Actor }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { add, remove } = useActorSupport(actor.id);
  const onAdd = async ({ amountWan, ...v }: Values) => {
    try {
      await add.mutateAsync({ ...v, amountFen: wanToFen(amountWan) });
      message.success('已记录扶持');
      form.resetFields();
    } catch (e) { message.error(errorMessage(e)); }
  };
  const onRemove = async (id: number) => {
    try { await remove.mutateAsync(id); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Flex vertical gap={8} data-testid="actor-support">
      <SectionTitle style={{ margin: 0 }}>所获扶持</SectionTitle>
      <List size="small" dataSource={actor.support} rowKey="id" locale={{ emptyText: '暂无扶持记录' }} renderItem={(s) => (
        <List.Item actions={actor.can.edit ? [
          <Popconfirm key="del" title="删除这条扶持记录?" okText="删除" cancelText="取消" onConfirm={() => void onRemove(s.id)}><Button size="small" type="link" danger>删除</Button></Popconfirm>,
        ] : []}>
          {s.year}年 · {SUPPORT_KIND_LABELS[s.kind]}{s.amountFen !== null ? ` · ${fenToWan(s.amountFen)}万元` : ''}{s.description ? ` · ${s.description}` : ''} · {s.source}
        </List.Item>
      )} />
      {actor.can.edit && (
        <Form form={form} layout="vertical" name="economy-support" onFinish={(v) => void onAdd(v)} aria-label="记录扶持"
          initialValues={{ kind: 'funds', year: Number(todayInShanghai().slice(0, 4)) }}>
          <Flex gap={8} wrap>
            <Form.Item name="kind" label="扶持类型" style={{ flex: '1 1 100px' }}><Select options={KIND_OPTIONS} /></Form.Item>
            <Form.Item name="year" label="年度" style={{ flex: '1 1 90px' }} rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={ACTOR_LIMITS.firstYear} max={ACTOR_LIMITS.lastYear} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="amountWan" label="金额(万元)" style={{ flex: '1 1 110px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxFen / 1_000_000} precision={4} style={{ width: '100%' }} /></Form.Item>
          </Flex>
          <Form.Item name="description" label="扶持内容" extra="没有金额时必填,如:流转土地50亩、食用菌技术培训"><Input {...textPropsOf(SupportInputSchema, 'description')} /></Form.Item>
          <Form.Item name="source" label="扶持来源" rules={rulesFor(SupportInputSchema, 'source')}><Input {...textPropsOf(SupportInputSchema, 'source')} placeholder="如:区农业农村局" /></Form.Item>
          <Button htmlType="submit" loading={add.isPending}>添加扶持记录</Button>
        </Form>
      )}
    </Flex>
  );
}
