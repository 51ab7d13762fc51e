import { useState } from 'react';
import { App, Button, Empty, Flex, Form, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { CreateRelationSchema, EndRelationSchema, RELATION_KIND_LABELS, RELATION_KINDS, todayInShanghai } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { dateRangeRule } from '../../lib/date-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useCreateRelation, useEndRelation, type Recruitment, type Relation, type RelationKind } from './api';
import { MemberSelect } from './MemberSelect';
import { rulesFor } from '../../lib/contract-rules';

interface AddValues {
  kind: RelationKind;
  memberId?: number;
  since: string | null;
}

function AddRelationModal({ recruitment, onClose }: { recruitment: Recruitment; onClose: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const { message } = App.useApp();
  const create = useCreateRelation();
  const today = todayInShanghai();
  const onFinish = (values: AddValues) => {
    if (!values.memberId || !values.since) return;
    create.mutate(
      { id: recruitment.id, kind: values.kind, memberId: values.memberId, since: values.since },
      {
        onSuccess: () => {
          message.success(`已登记${RELATION_KIND_LABELS[values.kind]}`);
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['kind', 'memberId', 'since']);
          message.error(errorMessage(error));
        },
      },
    );
  };
  return (
    <FormModal<AddValues>
      title={`登记联系人:${recruitment.name}`}
      name="add-relation"
      open
      onClose={onClose}
      form={form}
      pending={create.isPending}
      onFinish={onFinish}
      initialValues={{ kind: 'mentor', since: today }}
    >
      <Form.Item label="类别" name="kind" rules={rulesFor(CreateRelationSchema, 'kind')}>
        <Select options={RELATION_KINDS.map((kind) => ({ value: kind, label: RELATION_KIND_LABELS[kind] }))} />
      </Form.Item>
      <Form.Item label="党员" name="memberId" rules={rulesFor(CreateRelationSchema, 'memberId', { requiredMessage: '请选择一名正式党员' })} extra="只能选择正式党员">
        <MemberSelect />
      </Form.Item>
      <Form.Item label="起始日期" name="since" rules={[...rulesFor(CreateRelationSchema, 'since'), dateRangeRule({ max: today, maxMessage: '日期不能晚于今天' })]}>
        <DateInput max={today} />
      </Form.Item>
    </FormModal>
  );
}

function EndRelationModal({ recruitment, relation, onClose }: { recruitment: Recruitment; relation: Relation; onClose: () => void }) {
  const [form] = Form.useForm<{ until: string | null }>();
  const { message } = App.useApp();
  const end = useEndRelation();
  const today = todayInShanghai();
  const onFinish = ({ until }: { until: string | null }) => {
    if (!until) return;
    end.mutate(
      { id: recruitment.id, relationId: relation.id, until },
      {
        onSuccess: () => {
          message.success(`已结束“${relation.memberName}”的${RELATION_KIND_LABELS[relation.kind]}关系`);
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['until']);
          message.error(errorMessage(error));
        },
      },
    );
  };
  return (
    <FormModal<{ until: string | null }>
      title={`结束${RELATION_KIND_LABELS[relation.kind]}:${relation.memberName}`}
      name="end-relation"
      open
      onClose={onClose}
      form={form}
      pending={end.isPending}
      onFinish={onFinish}
      initialValues={{ until: today }}
    >
      <Form.Item
        label="结束日期"
        name="until"
        rules={[...rulesFor(EndRelationSchema, 'until'), dateRangeRule({ min: relation.since, minMessage: '不能早于起始日期', max: today, maxMessage: '日期不能晚于今天' })]}
      >
        <DateInput min={relation.since} max={today} />
      </Form.Item>
    </FormModal>
  );
}

/** 培养联系人 / 入党介绍人 / 镇党委委员联系, each with the dates it ran. */
export function RelationsSection({ recruitment }: { recruitment: Recruitment }) {
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Relation | null>(null);
  const editable = recruitment.can.record && (recruitment.status === 'active' || recruitment.status === 'probationary');
  const sorted = [...recruitment.relations].sort((a, b) => RELATION_KINDS.indexOf(a.kind) - RELATION_KINDS.indexOf(b.kind) || a.since.localeCompare(b.since));
  return (
    <Flex vertical gap={8} data-testid="relations-section">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记培养联系人或入党介绍人" />
      ) : (
        <Flex vertical gap={6}>
          {sorted.map((relation) => (
            <Flex key={relation.id} gap={8} wrap align="center" justify="space-between" data-testid={`relation-${relation.id}`}>
              <Flex gap={8} wrap align="center">
                <Tag color={relation.until ? 'default' : 'red'}>{RELATION_KIND_LABELS[relation.kind]}</Tag>
                <Typography.Text strong>{relation.memberName}</Typography.Text>
                <Typography.Text type="secondary">
                  {relation.since} 起{relation.until ? `,${relation.until} 止` : ',至今'}
                </Typography.Text>
              </Flex>
              {editable && !relation.until && <Button size="small" onClick={() => setEnding(relation)}>结束</Button>}
            </Flex>
          ))}
        </Flex>
      )}
      {editable && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记联系人</Button>
        </div>
      )}
      {adding && <AddRelationModal recruitment={recruitment} onClose={() => setAdding(false)} />}
      {ending && <EndRelationModal recruitment={recruitment} relation={ending} onClose={() => setEnding(null)} />}
    </Flex>
  );
}
