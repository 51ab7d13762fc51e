import { App, Button, Flex, Form, Input, InputNumber, List, Popconfirm } from 'antd';
import { ACTOR_LIMITS, ProjectIncomeInputSchema, todayInShanghai, type Project } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { textPropsOf } from '../../lib/contract-rules';
import { fenToWan, useProjectIncome, wanToFen } from './records-api';
import { SectionTitle } from '../../components/PageTitle';

interface Values { year: number; amountWan: number; note?: string }

/** A project's 收益 by year: a year entered again is corrected (the audit keeps what it replaced). */
export function ProjectIncomes({ project }: { project: Project }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { set, remove } = useProjectIncome(project.id);
  const onSet = async ({ year, amountWan, note }: Values) => {
    try {
      await set.mutateAsync({ year, amountFen: wanToFen(amountWan) ?? 0, note });
      message.success(`已保存${year}年度收益`);
      form.resetFields();
    } catch (e) { message.error(errorMessage(e)); }
  };
  const onRemove = async (year: number) => {
    try { await remove.mutateAsync(year); } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Flex vertical gap={8} data-testid="project-incomes">
      <SectionTitle style={{ margin: 0 }}>年度收益(合计 {fenToWan(project.incomeFen)} 万元)</SectionTitle>
      <List size="small" dataSource={project.incomes} rowKey="year" locale={{ emptyText: '暂无收益记录' }} renderItem={(i) => (
        <List.Item actions={project.can.edit ? [
          <Popconfirm key="del" title={`删除${i.year}年度收益?`} okText="删除" cancelText="取消" onConfirm={() => void onRemove(i.year)}><Button size="small" type="link" danger>删除</Button></Popconfirm>,
        ] : []}>
          {i.year}年 · {fenToWan(i.amountFen)}万元{i.note ? ` · ${i.note}` : ''}
        </List.Item>
      )} />
      {project.can.edit && (
        <Form form={form} layout="vertical" name="economy-project-income" onFinish={(v) => void onSet(v)} aria-label="填报收益"
          initialValues={{ year: Number(todayInShanghai().slice(0, 4)) - 1 }}>
          <Flex gap={8} wrap>
            <Form.Item name="year" label="年度" style={{ flex: '1 1 90px' }} rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={ACTOR_LIMITS.firstYear} max={ACTOR_LIMITS.lastYear} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="amountWan" label="收益(万元)" style={{ flex: '1 1 120px' }} rules={[{ required: true, message: '请填写收益(没有填0)' }]}>
              <InputNumber min={0} max={ACTOR_LIMITS.maxFen / 1_000_000} precision={4} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label="说明"><Input {...textPropsOf(ProjectIncomeInputSchema, 'note')} placeholder="如:大棚租金" /></Form.Item>
          <Button htmlType="submit" loading={set.isPending}>保存收益</Button>
        </Form>
      )}
    </Flex>
  );
}
