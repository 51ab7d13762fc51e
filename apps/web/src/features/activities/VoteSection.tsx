import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Tag, Typography } from 'antd';
import { VoteBodySchema, type VoteBody } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { applyFieldErrors } from '../../lib/form-errors';
import { useRecordVote, type ActivityDetail } from './api';
import { numberPropsOf, rulesFor } from '../../lib/contract-rules';

const FIELDS = ['subject', 'inFavour', 'against', 'abstain', 'writtenOpinions'] as const;

/** 党员大会 votes: the quorum comes first, and the form stays closed until it is met. */
export function VoteSection({ detail, editable }: { detail: ActivityDetail; editable: boolean }) {
  const { quorum } = detail;
  const [form] = Form.useForm<VoteBody>();
  const { message } = App.useApp();
  const vote = useRecordVote();
  if (!quorum) return null;
  const canVote = editable && quorum.met;

  const submit = async (values: VoteBody) => {
    try {
      await vote.mutateAsync({ id: detail.id, ...values, subject: values.subject.trim() });
      message.success('表决结果已记录');
      form.resetFields();
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) message.error(errorMessage(error));
    }
  };

  return (
    <Card size="small" title="表决" data-testid="vote-section">
      <Flex vertical gap={12}>
        <Alert
          type={quorum.met ? 'success' : 'error'}
          showIcon
          data-testid="quorum-alert"
          title={quorum.message}
          description={`正式党员${quorum.fullMembers}人,到会${quorum.presentFull}人(须${quorum.required}人);预备党员到会${quorum.presentProbationary}人。依据:${quorum.source}`}
        />
        {!quorum.met && (
          <Typography.Text type="secondary">到会正式党员未达到法定人数,不能进行表决。请先核对并保存出席情况。</Typography.Text>
        )}
        <Form<VoteBody>
          form={form}
          layout="vertical"
          disabled={!canVote}
          onFinish={submit}
          initialValues={{ inFavour: 0, against: 0, abstain: 0, writtenOpinions: 0 }}
        >
          <Form.Item name="subject" label="表决事项" rules={rulesFor(VoteBodySchema, 'subject')}>
            <Input />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="inFavour" label="赞成" rules={rulesFor(VoteBodySchema, 'inFavour')}>
              <InputNumber {...numberPropsOf(VoteBodySchema, 'inFavour')} />
            </Form.Item>
            <Form.Item name="against" label="反对" rules={rulesFor(VoteBodySchema, 'against')}>
              <InputNumber {...numberPropsOf(VoteBodySchema, 'against')} />
            </Form.Item>
            <Form.Item name="abstain" label="弃权" rules={rulesFor(VoteBodySchema, 'abstain')}>
              <InputNumber {...numberPropsOf(VoteBodySchema, 'abstain')} />
            </Form.Item>
            <Form.Item name="writtenOpinions" label="书面意见" tooltip="因故不能到会的党员书面表达的意见份数" rules={rulesFor(VoteBodySchema, 'writtenOpinions')}>
              <InputNumber {...numberPropsOf(VoteBodySchema, 'writtenOpinions')} />
            </Form.Item>
          </Flex>
          <Button type="primary" htmlType="submit" loading={vote.isPending}>记录表决结果</Button>
        </Form>
        {detail.votes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有表决记录" />
        ) : (
          <div className="task-items">
            {detail.votes.map((v) => (
              <div key={v.id} className="task-item">
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>{v.subject}</Typography.Text>
                  <Tag color={v.passed ? 'green' : 'red'}>{v.passed ? '通过' : '未通过'}</Tag>
                </Flex>
                <Typography.Text type="secondary">
                  赞成{v.inFavour} 反对{v.against} 弃权{v.abstain} · 书面意见{v.writtenOpinions} · 有表决权{v.votingMembers}人 · {formatDateTime(v.recordedAt)}
                </Typography.Text>
              </div>
            ))}
          </div>
        )}
      </Flex>
    </Card>
  );
}
