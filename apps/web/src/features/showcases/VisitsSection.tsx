import { App, Button, Flex, Form, Input, InputNumber, List, Popconfirm } from 'antd';
import { VisitInputSchema, todayInShanghai, type Showcase, type VisitInput } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useShowcaseWrite } from './api';
import { SectionTitle } from '../../components/PageTitle';

/** 接待参观: who came, when, how many; the branch's secretary records them. */
export function VisitsSection({ s }: { s: Showcase }) {
  const write = useShowcaseWrite(s.id);
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitInput>();
  return (
    <Flex vertical gap={6}>
      <SectionTitle style={{ margin: 0 }}>接待参观({s.visits.length}批)</SectionTitle>
      {s.can.update && (
        <Form form={form} layout="inline" name="visit" initialValues={{ visitedOn: todayInShanghai(), people: 10 }}
          onFinish={(v) => write.visit.mutate(v, { onSuccess: () => { message.success('已登记'); form.resetFields(); }, onError: (e) => message.error(errorMessage(e)) })}>
          <Form.Item name="visitedOn" rules={[{ required: true, message: '请选择日期' }]}><DateInput aria-label="来访日期" /></Form.Item>
          <Form.Item name="visitors" rules={rulesFor(VisitInputSchema, 'visitors')}><Input aria-label="来访单位" placeholder="来访单位" {...textPropsOf(VisitInputSchema, 'visitors')} /></Form.Item>
          <Form.Item name="people" rules={[{ required: true, message: '请填写人数' }]}><InputNumber aria-label="人数" min={1} addonAfter="人" /></Form.Item>
          <Form.Item><Button htmlType="submit" loading={write.visit.isPending}>登记</Button></Form.Item>
        </Form>
      )}
      <List size="small" locale={{ emptyText: '暂无接待记录' }} dataSource={s.visits} renderItem={(v) => (
        <List.Item actions={s.can.update ? [<Popconfirm key="d" title="删除这条接待记录?" onConfirm={() => write.removeVisit.mutate(v.id)}><Button size="small" type="link" danger>删除</Button></Popconfirm>] : []}>
          {v.visitedOn} · {v.visitors} · {v.people}人{v.note ? ` · ${v.note}` : ''}
        </List.Item>
      )} />
    </Flex>
  );
}
