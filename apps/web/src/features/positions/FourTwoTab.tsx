import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { Link, useNavigate } from 'react-router';
import { CreateFourTwoSchema, FOUR_TWO_CATEGORIES, FOUR_TWO_CATEGORY_LABELS, FOUR_TWO_STATUS_LABELS } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { ListBody } from '../../components/ListBody';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateFourTwo, useFourTwoList, type FourTwoCategory, type FourTwoProcedure } from './api';
import { FOUR_TWO_STAGES, FOUR_TWO_STATUS_COLORS, STAGE_SHORT_LABELS } from './labels';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

function CreateModal({ orgId, orgName, onClose }: { orgId: number; orgName: string; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; category: FourTwoCategory }>();
  const create = useCreateFourTwo();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <FormModal
      open
      title={`新建事项:${orgName}`}
      okText="新建"
      name="four-two-create"
      form={form}
      pending={create.isPending}
      onClose={onClose}
      after={error && <Alert type="error" showIcon title="未能新建" description={error} />}
      initialValues={{ category: 'collective_project' }}
      onFinish={(values) => {
        setError(null);
        create.mutate(
          { organizationId: orgId, title: values.title.trim(), category: values.category },
          {
            onSuccess: (created) => {
              message.success('已新建,请记录“提议”');
              onClose();
              void navigate(`/positions/four-two/${created.id}`);
            },
            onError: (e) => {
              if (!applyFieldErrors(form, e, ['title', 'category'])) setError(errorMessage(e));
            },
          },
        );
      }}
    >
      <Form.Item label="事项名称" name="title" rules={rulesFor(CreateFourTwoSchema, 'title')}>
        <Input {...textPropsOf(CreateFourTwoSchema, 'title')} placeholder="如:村集体果园对外承包" />
      </Form.Item>
      <Form.Item label="类别" name="category" rules={rulesFor(CreateFourTwoSchema, 'category')}>
        <Select options={FOUR_TWO_CATEGORIES.map((c) => ({ value: c, label: FOUR_TWO_CATEGORY_LABELS[c] }))} />
      </Form.Item>
    </FormModal>
  );
}

function progressText(row: FourTwoProcedure): string {
  const last = row.stages.at(-1);
  const done = last ? `已${STAGE_SHORT_LABELS[last.stage]}(${last.heldOn})` : '尚未提议';
  return row.nextStage ? `${done} · 下一步:${STAGE_SHORT_LABELS[row.nextStage]}` : done;
}

/** 四议两公开: the village's major matters and where each stands. */
export function FourTwoTab({ orgId, orgName, canWrite }: { orgId: number; orgName: string; canWrite: boolean }) {
  const list = useFourTwoList(orgId);
  const [creating, setCreating] = useState(false);

  return (
    <Flex vertical gap={12} data-testid="four-two-tab">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          提议 → 商议 → 审议 → 决议 → 决议公开 → 实施结果公开,每一步记录日期、表决和材料。
        </Typography.Text>
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建事项</Button>}
      </Flex>
      <Card size="small">
        <ListBody
          query={list}
          errorTitle="四议两公开事项加载失败"
          items={list.data}
          empty="还没有四议两公开事项"
          cards={(rows) => (
            <div className="task-items" data-testid="four-two-list">
              {rows.map((row) => (
                <Link key={row.id} to={`/positions/four-two/${row.id}`} className="task-item" style={{ color: 'inherit' }} data-testid={`four-two-${row.id}`}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{row.title}</Typography.Text>
                    <Tag color={FOUR_TWO_STATUS_COLORS[row.status]}>{FOUR_TWO_STATUS_LABELS[row.status]}</Tag>
                    <Tag>{FOUR_TWO_CATEGORY_LABELS[row.category]}</Tag>
                    {row.isDemo && <Tag>演示数据</Tag>}
                  </Flex>
                  <Typography.Text type="secondary">
                    {progressText(row)} · 共 {FOUR_TWO_STAGES.length} 步已完成 {new Set(row.stages.map((s) => s.stage)).size} 步
                  </Typography.Text>
                </Link>
              ))}
            </div>
          )}
        />
      </Card>
      {creating && <CreateModal orgId={orgId} orgName={orgName} onClose={() => setCreating(false)} />}
    </Flex>
  );
}
