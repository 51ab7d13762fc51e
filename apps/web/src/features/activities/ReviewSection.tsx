import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Input, Select, Tag, Timeline, Typography } from 'antd';
import { ReviewBodySchema, REVIEW_STATUS_LABELS, type ReviewBody } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useReview, useSetSupervisor, useSupervisorCandidates, type ActivityDetail } from './api';
import { REVIEW_ACTION_LABELS, REVIEW_STATUS_COLORS } from './labels';
import { textPropsOf } from '../../lib/contract-rules';

const ACTION_COLORS = { comment: 'gray', submit: 'blue', sign_off: 'green', return: 'red' } as const;
const REVIEW_TEXT = textPropsOf(ReviewBodySchema, 'text');

function SupervisorPicker({ detail }: { detail: ActivityDetail }) {
  const { message } = App.useApp();
  const candidates = useSupervisorCandidates(detail.can.assignSupervisor);
  const set = useSetSupervisor();
  const options = (candidates.data ?? []).map((s) => ({ value: s.userId, label: s.name }));
  if (detail.supervisor && !options.some((o) => o.value === detail.supervisor?.userId)) {
    options.push({ value: detail.supervisor.userId, label: detail.supervisor.name });
  }
  return (
    <Select<number>
      aria-label="督导干部"
      style={{ minWidth: 200 }}
      value={detail.supervisor?.userId}
      options={options}
      loading={candidates.isPending || set.isPending}
      allowClear
      placeholder="选择督导干部"
      notFoundContent={candidates.isError ? '督导干部名单加载失败' : '还没有督导干部'}
      disabled={detail.reviewStatus === 'signed_off'}
      onChange={(userId) =>
        set.mutateAsync({ id: detail.id, userId: userId ?? null }).then(
          () => message.success(userId ? '已指派督导干部' : '已取消督导指派'),
          (error: unknown) => message.error(errorMessage(error)),
        )
      }
    />
  );
}

export function ReviewSection({ detail }: { detail: ActivityDetail }) {
  const { message } = App.useApp();
  const review = useReview();
  const [text, setText] = useState('');
  const [returnText, setReturnText] = useState('');
  const status = detail.reviewStatus;
  const canSubmit = detail.can.edit && (status === 'none' || status === 'returned') && !!detail.supervisor;
  const canDecide = detail.can.review && status === 'submitted';

  const send = (body: ReviewBody, done: string, after?: () => void) =>
    review.mutateAsync({ id: detail.id, ...body }).then(
      () => {
        message.success(done);
        after?.();
      },
      (error: unknown) => message.error(errorMessage(error)),
    );

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="督导干部">
            {detail.can.assignSupervisor ? <SupervisorPicker detail={detail} /> : (detail.supervisor?.name ?? '未指派')}
          </Descriptions.Item>
          <Descriptions.Item label="签认状态">
            <Tag color={REVIEW_STATUS_COLORS[status]}>{REVIEW_STATUS_LABELS[status]}</Tag>
          </Descriptions.Item>
        </Descriptions>
        {!detail.supervisor && detail.can.edit && status !== 'signed_off' && (
          <Alert type="info" showIcon title="还没有指派督导干部,指派后才能提交督导签认。请联系镇党委。" />
        )}
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {canSubmit && (
            <Button type="primary" loading={review.isPending} onClick={() => void send({ action: 'submit' }, '已提交督导签认')}>
              提交督导签认
            </Button>
          )}
          {canDecide && (
            <Button type="primary" loading={review.isPending} onClick={() => void send({ action: 'sign_off' }, '已签认')}>
              签认
            </Button>
          )}
        </Flex>
        {canDecide && (
          <Flex gap={8} wrap style={{ marginTop: 8 }}>
            <Input.TextArea
              aria-label="退回原因"
              placeholder="退回须填写原因,例如缺少哪些材料"
              autoSize={{ minRows: 2 }}
              {...REVIEW_TEXT}
              value={returnText}
              onChange={(e) => setReturnText(e.target.value)}
              style={{ flex: '1 1 260px' }}
            />
            <Button
              danger
              disabled={!returnText.trim()}
              loading={review.isPending}
              onClick={() => void send({ action: 'return', text: returnText.trim() }, '已退回', () => setReturnText(''))}
            >
              退回(须填写原因)
            </Button>
          </Flex>
        )}
      </Card>
      <Card size="small" title="督导记录">
        {detail.reviews.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有督导记录" />
        ) : (
          <Timeline
            items={detail.reviews.map((r) => ({
              key: r.id,
              color: ACTION_COLORS[r.action],
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text>
                    <Typography.Text strong>{r.userName}</Typography.Text> {REVIEW_ACTION_LABELS[r.action]} · {formatDateTime(r.createdAt)}
                  </Typography.Text>
                  {r.text && <Typography.Text type={r.action === 'return' ? 'danger' : undefined}>{r.text}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
        <Flex gap={8} wrap>
          <Input.TextArea
            aria-label="留言"
            placeholder="留言(督导意见或书记的说明)"
            autoSize={{ minRows: 2 }}
            {...REVIEW_TEXT}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ flex: '1 1 260px' }}
          />
          <Button disabled={!text.trim()} loading={review.isPending} onClick={() => void send({ action: 'comment', text: text.trim() }, '已留言', () => setText(''))}>
            留言
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
