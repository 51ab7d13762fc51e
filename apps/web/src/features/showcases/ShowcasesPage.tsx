import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Space, Spin, Tag, Typography } from 'antd';
import {
  EVALUATION_CONCLUSION_LABELS, SHOWCASE_STATUS_LABELS, SHOWCASE_STATUSES, ShowcaseInputSchema, type CreateShowcase, type ShowcaseSummary,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { branchOrgOptions } from '../../lib/org-options';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useCreateShowcase, useShowcases } from './api';
import { CriteriaModal } from './CriteriaModal';
import { ShowcaseDrawer } from './ShowcaseDrawer';
import { PageTitle } from '../../components/PageTitle';

const STATUS_COLOR = { building: 'blue', named: 'red', withdrawn: 'default' } as const;

function ShowcaseCard({ s, onOpen }: { s: ShowcaseSummary; onOpen: () => void }) {
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid="showcase-card">
      <Flex vertical gap={4}>
        <Space size={4} wrap>
          <Typography.Text strong>{s.name}</Typography.Text>
          <Tag color={STATUS_COLOR[s.status]}>{SHOWCASE_STATUS_LABELS[s.status]}</Tag>
          {!s.isVillage && <Tag>非公</Tag>}
          {s.published && <Tag color="green">已在镇门户公开</Tag>}
        </Space>
        <Typography.Text type="secondary">{s.organizationName} · {s.theme}{s.sinceYear ? ` · ${s.sinceYear}年起` : ''}</Typography.Text>
        {s.lastEvaluation && <Typography.Text>{s.lastEvaluation.year}年度评估:{EVALUATION_CONCLUSION_LABELS[s.lastEvaluation.conclusion]}</Typography.Text>}
      </Flex>
    </Card>
  );
}

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateShowcase>();
  const orgs = useOrganizationTreeData(open);
  const create = useCreateShowcase();
  const { message } = App.useApp();
  return (
    <FormModal title="命名示范点" open={open} onClose={onClose} form={form} name="showcase-create" pending={create.isPending}
      initialValues={{ status: 'named' }}
      onFinish={(values) => create.mutate(values, { onSuccess: () => { message.success('已命名'); onClose(); }, onError: (e) => message.error(errorMessage(e)) })}>
      <Form.Item name="organizationId" label="党支部" rules={[{ required: true, message: '请选择党支部' }]}>
        <Select showSearch optionFilterProp="label" options={branchOrgOptions(orgs.data ?? [])} loading={orgs.isLoading} placeholder="村党支部或非公企业党支部" />
      </Form.Item>
      <Form.Item name="name" label="示范点名称" rules={rulesFor(ShowcaseInputSchema, 'name')}><Input {...textPropsOf(ShowcaseInputSchema, 'name')} /></Form.Item>
      <Form.Item name="theme" label="创建主题" rules={rulesFor(ShowcaseInputSchema, 'theme')}><Input {...textPropsOf(ShowcaseInputSchema, 'theme')} /></Form.Item>
      <Form.Item name="status" label="状态"><Select options={SHOWCASE_STATUSES.map((v) => ({ value: v, label: SHOWCASE_STATUS_LABELS[v] }))} /></Form.Item>
      <Form.Item name="sinceYear" label="创建年度"><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
    </FormModal>
  );
}

/** 党建示范点 (issue 20 point 5): the town's showcases (a secretary sees their own branch's), each opened in a drawer. */
export function ShowcasesPage() {
  const list = useShowcases();
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [criteria, setCriteria] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>党建示范点</PageTitle>
        <Space wrap>
          <Button onClick={() => setCriteria(true)}>创建标准</Button>
          {list.data?.canCreate && <Button type="primary" onClick={() => setCreating(true)}>命名示范点</Button>}
        </Space>
      </Flex>
      {list.isLoading ? <Spin /> : list.isError ? <LoadError title="示范点加载失败" error={list.error} onRetry={() => list.refetch()} /> : list.data!.items.length === 0
        ? <Empty description="还没有示范点" />
        : <Flex vertical gap={8}>{list.data!.items.map((s) => <ShowcaseCard key={s.id} s={s} onOpen={() => setOpenId(s.id)} />)}</Flex>}
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <CriteriaModal open={criteria} onClose={() => setCriteria(false)} />
      <ShowcaseDrawer id={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
