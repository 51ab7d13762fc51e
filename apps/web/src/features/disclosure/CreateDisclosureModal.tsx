import { useState } from 'react';
import { Alert, App, Form, Input, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import {
  CreateDisclosureSchema, DISCLOSURE_CATEGORIES, DISCLOSURE_CATEGORY_LABELS, type DisclosureRuleKey,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateDisclosure, useDisclosureRules, type DisclosureCategory } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

interface Values {
  organizationId?: number;
  category: DisclosureCategory;
  ruleKey?: DisclosureRuleKey | null;
  period: string;
  title: string;
  content?: string;
}

const FIELDS = ['organizationId', 'category', 'ruleKey', 'period', 'title', 'content'];

interface Props {
  open: boolean;
  onClose: () => void;
  villageOptions: { value: number; label: string }[];
  defaultOrgId?: number;
}

/** 新建公开: a draft for one village, category, rule and period; the editor opens on it. */
export function CreateDisclosureModal({ open, onClose, villageOptions, defaultOrgId }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateDisclosure();
  const rules = useDisclosureRules(open);
  const [serverError, setServerError] = useState<string | null>(null);
  const category = Form.useWatch('category', form);
  const ruleKey = Form.useWatch('ruleKey', form);
  const ruleOptions = (rules.data?.items ?? []).filter((r) => !category || r.category === category);
  const rule = rules.data?.items.find((r) => r.key === ruleKey);

  const onFinish = (values: Values) => {
    setServerError(null);
    create.mutate(
      {
        organizationId: values.organizationId ?? 0,
        category: values.category,
        ruleKey: values.ruleKey ?? null,
        period: values.period.trim(),
        title: values.title.trim(),
        content: values.content ?? '',
      },
      {
        onSuccess: (d) => {
          message.success(`已创建“${d.title}”`);
          onClose();
          void navigate(`/disclosures/${d.id}`);
        },
        onError: (error) => {
          applyFieldErrors(form, error, FIELDS);
          setServerError(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="新建公开"
      open={open}
      onClose={onClose}
      form={form}
      name="create-disclosure"
      okText="保存"
      pending={create.isPending}
      width={640}
      onFinish={onFinish}
      initialValues={{ organizationId: defaultOrgId ?? (villageOptions.length === 1 ? villageOptions[0].value : undefined), category: 'finance' }}
      onValuesChange={(changed: Partial<Values>) => {
        if ('category' in changed) form.setFieldValue('ruleKey', undefined);
      }}
      after={serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 12 }} />}
    >
      <Form.Item label="村" name="organizationId" rules={rulesFor(CreateDisclosureSchema, 'organizationId')}>
        <Select options={villageOptions} showSearch optionFilterProp="label" placeholder="选择村党支部" notFoundContent="没有可选的村党支部" />
      </Form.Item>
      <Form.Item label="类别" name="category" rules={rulesFor(CreateDisclosureSchema, 'category')}>
        <Select options={DISCLOSURE_CATEGORIES.map((c) => ({ value: c, label: DISCLOSURE_CATEGORY_LABELS[c] }))} />
      </Form.Item>
      <Form.Item label="公开事项" name="ruleKey" extra={rule ? `${rule.items}(依据:${rule.source})` : undefined}>
        <Select
          allowClear
          loading={rules.isPending}
          placeholder="按规定定期公开的事项,可不选"
          options={ruleOptions.map((r) => ({ value: r.key, label: r.label }))}
        />
      </Form.Item>
      <Form.Item
        label="公开期间"
        name="period"
        extra="月度写 2026-09,季度写 2026-Q3,年度写 2026,即时公开写日期 2026-09-15"
        rules={rulesFor(CreateDisclosureSchema, 'period')}
      >
        <Input maxLength={10} placeholder={rule?.periodExample ?? '2026-09'} />
      </Form.Item>
      <Form.Item label="标题" name="title" rules={rulesFor(CreateDisclosureSchema, 'title')}>
        <Input {...textPropsOf(CreateDisclosureSchema, 'title')} placeholder="例如:2026年9月财务收支公开" />
      </Form.Item>
      <Form.Item label="公开内容" name="content" rules={rulesFor(CreateDisclosureSchema, 'content')}>
        <Input.TextArea rows={5} {...textPropsOf(CreateDisclosureSchema, 'content')} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        保存后可导入Excel表格、上传附件,再按 提出 → 审核 → 审批 → 公开 办理。公开内容不得含身份证号、手机号。
      </Typography.Paragraph>
    </FormModal>
  );
}
