import { App, Button, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { ACTOR_LIMITS, PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS, ProductInputSchema, type EconomyVillageRef, type Product, type ProductCategory } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { fenToWan, useDeleteProduct, useSaveProduct, wanToFen } from './records-api';

interface Values {
  name: string; category: ProductCategory; naturalVillage?: string; areaMu?: number | null; outputAmount?: number | null; outputUnit?: string;
  valueWan?: number | null; figuresYear?: number | null; households?: number | null; brand?: string; note?: string;
}

const valuesOf = (p: Product): Values => ({
  ...p, naturalVillage: p.naturalVillage ?? undefined, outputUnit: p.outputUnit ?? undefined, brand: p.brand ?? undefined, note: p.note ?? undefined, valueWan: fenToWan(p.valueFen),
});
const CATEGORY_OPTIONS = PRODUCT_CATEGORIES.map((c) => ({ value: c, label: PRODUCT_CATEGORY_LABELS[c] }));
const text = (field: 'name' | 'naturalVillage' | 'outputUnit' | 'brand' | 'note') => ({ ...textPropsOf(ProductInputSchema, field) });

/** Adding (a village given) or editing (a product given) a village's 一村一品 in a drawer, 390 px wide on a phone. */
export function ProductDrawer({ target, onClose }: { target: { village: EconomyVillageRef; product: Product | null } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const product = target?.product ?? null;
  const save = useSaveProduct(product?.id ?? null);
  const remove = useDeleteProduct();
  const opened = target ? `${target.village.organizationId}:${product?.id ?? 'new'}` : undefined;

  const onFinish = async ({ valueWan, ...v }: Values) => {
    const body = { ...v, valueFen: wanToFen(valueWan) };
    try {
      await save.mutateAsync(product ? body : { ...body, organizationId: target!.village.organizationId });
      message.success(product ? '已保存' : '已登记');
      onClose();
    } catch (e) { message.error(errorMessage(e)); }
  };
  const onDelete = async () => {
    try {
      await remove.mutateAsync(product!.id);
      message.success('已删除');
      onClose();
    } catch (e) { message.error(errorMessage(e)); }
  };

  return (
    <Drawer open={target !== null} onClose={onClose} width={Math.min(520, window.innerWidth)} destroyOnHidden
      title={target ? `${target.village.villageName} · ${product ? '修改一村一品' : '登记一村一品'}` : '一村一品'}
      extra={product && (
        <Popconfirm title="确定删除这条一村一品?(误登记时使用)" okText="删除" cancelText="取消" onConfirm={() => void onDelete()}>
          <Button danger size="small" loading={remove.isPending}>删除</Button>
        </Popconfirm>
      )}>
      <Form form={form} layout="vertical" name="economy-product" onFinish={(v) => void onFinish(v)} aria-label="一村一品"
        key={opened} initialValues={product ? valuesOf(product) : undefined}>
        <Form.Item name="name" label="产品名称" rules={rulesFor(ProductInputSchema, 'name')}><Input {...text('name')} placeholder="如:金茂木耳" /></Form.Item>
        <Form.Item name="category" label="产品类别" rules={[{ required: true, message: '请选择产品类别' }]}><Select options={CATEGORY_OPTIONS} placeholder="请选择" /></Form.Item>
        <Form.Item name="naturalVillage" label="所在自然村" extra="如产品在本村的某个自然村(如赵庄、于官庄),填写其名称"><Input {...text('naturalVillage')} /></Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="areaMu" label="面积(亩)" style={{ flex: '1 1 140px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxArea} precision={1} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="households" label="带动农户(户)" style={{ flex: '1 1 140px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxPeople} precision={0} style={{ width: '100%' }} /></Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="outputAmount" label="年产量" style={{ flex: '1 1 140px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxOutput} precision={1} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="outputUnit" label="产量单位" style={{ flex: '1 1 100px' }}><Input {...text('outputUnit')} placeholder="吨、万株" /></Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="valueWan" label="年产值(万元)" style={{ flex: '1 1 140px' }}><InputNumber min={0} max={ACTOR_LIMITS.maxFen / 1_000_000} precision={4} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="figuresYear" label="数据年度" style={{ flex: '1 1 100px' }}><InputNumber min={ACTOR_LIMITS.firstYear} max={ACTOR_LIMITS.lastYear} precision={0} style={{ width: '100%' }} /></Form.Item>
        </Flex>
        <Form.Item name="brand" label="品牌或认证" rules={rulesFor(ProductInputSchema, 'brand')}><Input {...text('brand')} placeholder="如:绿色食品认证、地理标志" /></Form.Item>
        <Form.Item name="note" label="备注" rules={rulesFor(ProductInputSchema, 'note')}><Input.TextArea rows={2} {...text('note')} /></Form.Item>
        <Space><Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button><Button onClick={onClose}>取消</Button></Space>
      </Form>
    </Drawer>
  );
}
