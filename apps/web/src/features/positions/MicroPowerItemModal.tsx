import { CreateMicroPowerItemSchema, type CreateMicroPowerItem } from '@dj/contracts';
import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Flex, Form, Input, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '../../lib/icons';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { elementRulesFor, elementTextPropsOf, rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useSaveItem, type MicroPowerItem } from './api';

interface Values {
  area?: string;
  name?: string;
  legalBasis?: string;
  steps?: string[];
  active?: boolean;
}

const stepRules = elementRulesFor(CreateMicroPowerItemSchema, 'steps');
const stepText = elementTextPropsOf(CreateMicroPowerItemSchema, 'steps');

export function toItemBody(values: Values): CreateMicroPowerItem {
  return {
    area: values.area?.trim() ?? '',
    name: values.name?.trim() ?? '',
    legalBasis: values.legalBasis?.trim() ?? '',
    steps: (values.steps ?? []).map((s) => s?.trim() ?? '').filter(Boolean),
    active: values.active ?? true,
  };
}

/** 新增/编辑 an item of the town's 小微权力清单: area, name, legal basis and the procedure steps in order. */
export function MicroPowerItemModal({ item, areas, onClose }: { item: MicroPowerItem | null; areas: string[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveItem();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const initialValues: Values = item
    ? { area: item.area, name: item.name, legalBasis: item.legalBasis, steps: item.steps, active: item.active }
    : { area: '', name: '', legalBasis: '', steps: ['申请', '审核', '公示', '办结'], active: true };

  const onFinish = (values: Values) => {
    const body = toItemBody(values);
    if (body.steps.length < 2) {
      setError('流程至少2步');
      return;
    }
    setError(null);
    save.mutate(
      { id: item?.id, body },
      {
        onSuccess: () => {
          message.success('已保存事项');
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, ['area', 'name', 'legalBasis', 'active'])) setError(errorMessage(e));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      open
      title={item ? `编辑事项:${item.name}` : '新增小微权力事项'}
      onClose={onClose}
      form={form}
      name="micro-power-item"
      okText="保存"
      pending={save.isPending}
      width={640}
      onFinish={onFinish}
      initialValues={initialValues}
      after={error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="item-save-error" />}
    >
      <Form.Item label="类别" name="area" rules={rulesFor(CreateMicroPowerItemSchema, 'area')}>
        <AutoComplete
          options={areas.map((a) => ({ value: a }))}
          placeholder="如:集体资产资源管理"
          {...textPropsOf(CreateMicroPowerItemSchema, 'area')}
          filterOption={(input, option) => (option?.value ?? '').includes(input)}
        />
      </Form.Item>
      <Form.Item label="事项名称" name="name" rules={rulesFor(CreateMicroPowerItemSchema, 'name')}>
        <Input {...textPropsOf(CreateMicroPowerItemSchema, 'name')} />
      </Form.Item>
      <Form.Item label="法律依据" name="legalBasis" rules={rulesFor(CreateMicroPowerItemSchema, 'legalBasis')}>
        <Input.TextArea rows={3} {...textPropsOf(CreateMicroPowerItemSchema, 'legalBasis')} placeholder="如:《中华人民共和国村民委员会组织法》第二十四条" />
      </Form.Item>
      <Typography.Text strong>办理流程(按顺序)</Typography.Text>
      <Form.List name="steps">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="item-steps">
            {fields.map((field, index) => (
              <Flex key={field.key} gap={4} align="start">
                <Typography.Text style={{ width: 24, lineHeight: '32px' }}>{index + 1}.</Typography.Text>
                <Form.Item name={field.name} rules={stepRules} style={{ flex: 1, marginBottom: 4 }}>
                  <Input aria-label={`第${index + 1}步`} {...stepText} />
                </Form.Item>
                <Button icon={<ArrowUpOutlined />} aria-label={`上移第${index + 1}步`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                <Button icon={<ArrowDownOutlined />} aria-label={`下移第${index + 1}步`} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                <Button icon={<DeleteOutlined />} aria-label={`删除第${index + 1}步`} disabled={fields.length <= 2} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <div>
              <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 15}>添加步骤</Button>
            </div>
          </Flex>
        )}
      </Form.List>
      <Form.Item label="在用" name="active" valuePropName="checked" style={{ marginTop: 12 }}>
        <Switch checkedChildren="在用" unCheckedChildren="停用" />
      </Form.Item>
    </FormModal>
  );
}
