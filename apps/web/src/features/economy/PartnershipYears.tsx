import { useEffect } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '../../lib/icons';
import { ECONOMY_LIMITS, PARTNERSHIP_LIMITS, todayInShanghai, type PartnershipDetail } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { wan } from './api';
import { fenToYuan, yuanToFen } from './partnership-labels';
import { useSavePartnershipYears } from './partnerships-api';

interface Row { year: number | null; planned: number | null; received: number | null; note?: string | null }
const MAX_YUAN = ECONOMY_LIMITS.maxFen / 100;

/** Read-only: each year's planned and received money, a shortfall said in words (never a ranking). */
export function PartnershipYearsView({ years }: { years: PartnershipDetail['years'] }) {
  if (!years.length) return <Typography.Text type="secondary">尚未登记各年度金额</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {years.map((y) => (
        <div key={y.year}>
          <Typography.Text strong>{y.year}年</Typography.Text> 约定 {wan(y.plannedFen)} 万元 · 到账 {y.receivedFen === null ? '未登记' : `${wan(y.receivedFen)} 万元`}
          {y.receivedFen !== null && y.receivedFen < y.plannedFen && <Typography.Text type="warning">(差 {wan(y.plannedFen - y.receivedFen)} 万元)</Typography.Text>}
          {y.note && <Typography.Text type="secondary"> {y.note}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}

/** The yearly rows as one small table of inputs in 元, saved together (the server replaces them in one transaction). */
export function PartnershipYearsEditor({ detail }: { detail: PartnershipDetail }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ years: Row[] }>();
  const save = useSavePartnershipYears(detail.id);
  useEffect(() => {
    form.setFieldsValue({ years: detail.years.map((y) => ({ year: y.year, planned: fenToYuan(y.plannedFen), received: fenToYuan(y.receivedFen), note: y.note })) });
  }, [detail, form]);
  const onSave = async ({ years = [] }: { years?: Row[] }) => {
    try {
      await save.mutateAsync({ years: years.map((r) => ({ year: r.year!, plannedFen: yuanToFen(r.planned) ?? 0, receivedFen: yuanToFen(r.received), note: r.note || null })) });
      message.success('已保存各年度金额');
    } catch (e) { message.error(errorMessage(e)); }
  };
  const nextYear = () => {
    const years = (form.getFieldValue('years') as Row[] | undefined ?? []).map((r) => r.year ?? 0);
    return years.length ? Math.max(...years) + 1 : Number(todayInShanghai().slice(0, 4));
  };
  return (
    <Form form={form} onFinish={(v) => void onSave(v)} aria-label="各年度金额" layout="vertical">
      <Typography.Text type="secondary">金额单位:元。到账金额未到账的留空;到账金额在该村年度收入中作为“其中村企合作到账”对照,不改动已审核的收入。</Typography.Text>
      <Form.List name="years">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={6} wrap align="flex-start" data-testid="partnership-year-row">
                <Form.Item name={[field.name, 'year']} rules={[{ required: true, message: '请填写年度' }]} style={{ marginBottom: 0, width: 88 }}>
                  <InputNumber aria-label="年度" min={ECONOMY_LIMITS.firstYear} max={ECONOMY_LIMITS.lastYear} style={{ width: '100%' }} suffix="年" />
                </Form.Item>
                <Form.Item name={[field.name, 'planned']} rules={[{ required: true, message: '请填写约定金额' }]} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                  <InputNumber aria-label="约定金额" placeholder="约定(元)" min={0} max={MAX_YUAN} precision={2} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'received']} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                  <InputNumber aria-label="到账金额" placeholder="到账(元)" min={0} max={MAX_YUAN} precision={2} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'note']} style={{ marginBottom: 0, flex: '1 1 160px' }}>
                  <Input aria-label="备注" placeholder="备注" maxLength={PARTNERSHIP_LIMITS.note} showCount />
                </Form.Item>
                <Button aria-label="删除该年度" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Flex gap={8} wrap>
              <Button icon={<PlusOutlined />} disabled={fields.length >= PARTNERSHIP_LIMITS.years} onClick={() => add({ year: nextYear(), planned: null, received: null })}>添加年度</Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>保存各年度金额</Button>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </Form>
  );
}
