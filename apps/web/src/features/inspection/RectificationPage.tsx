import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '../../lib/icons';
import { Link, useParams } from 'react-router';
import { AcceptRectificationSchema, ReopenRectificationSchema, RectificationEvidenceSchema, RECTIFICATION_EVENT_LABELS, uploadAccept } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { ReasonModal } from '../../components/ReasonModal';
import { errorMessage, isApiError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { applyFieldErrors } from '../../lib/form-errors';
import { parseOrgId } from '../../lib/use-month-org-params';
import {
  useAcceptRectification, useRectification, useReopenRectification, useSubmitEvidence,
  type RectificationDetail, type RectificationEvent,
} from './api';
import { PhotoStrip } from './PhotoStrip';
import { PickFileButton } from '../../components/PickFileButton';
import { ESCALATED_LABEL, lateText, RECTIFICATION_STATUS_COLORS, rectificationStatusLabel } from './labels';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle } from '../../components/PageTitle';

const EVENT_COLORS: Record<RectificationEvent['kind'], string> = { evidence: 'blue', accepted: 'green', reopened: 'red' };

function EvidenceForm({ rect }: { rect: RectificationDetail }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  const submit = useSubmitEvidence();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFinish = ({ note }: { note: string }) => {
    setError(null);
    submit.mutate(
      { id: rect.id, note: note.trim(), file },
      {
        onSuccess: () => {
          message.success('整改材料已提交,等待检查组验收');
          form.resetFields();
          setFile(null);
        },
        onError: (e) => {
          applyFieldErrors(form, e, ['note']);
          setError(errorMessage(e));
        },
      },
    );
  };
  return (
    <Card size="small" title="提交整改材料" data-testid="evidence-form">
      <Form form={form} name="rectification-evidence" layout="vertical" onFinish={onFinish}>
        <Form.Item label="整改情况" name="note" rules={rulesFor(RectificationEvidenceSchema, 'note', { requiredMessage: '请说明整改情况' })}>
          <Input.TextArea rows={3} {...textPropsOf(RectificationEvidenceSchema, 'note')} placeholder="说明已经怎样整改,例如:已于10月8日补公开第三季度财务收支" />
        </Form.Item>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <PickFileButton label="整改材料文件" accept={`image/*,${uploadAccept('inspectionEvidence')}`} onFiles={(files) => setFile(files[0] ?? null)}>
            选择照片或文件
          </PickFileButton>
          {file && (
            <Flex gap={4} align="center">
              <Typography.Text>{file.name}</Typography.Text>
              <Button size="small" type="link" onClick={() => setFile(null)}>移除</Button>
            </Flex>
          )}
        </Flex>
        <Button type="primary" htmlType="submit" loading={submit.isPending} autoInsertSpace={false}>提交</Button>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="evidence-error" />}
    </Card>
  );
}

function ReviewCard({ rect }: { rect: RectificationDetail }) {
  const { message } = App.useApp();
  const accept = useAcceptRectification();
  const reopen = useReopenRectification();
  const [note, setNote] = useState('');
  const [reopening, setReopening] = useState(false);
  const onAccept = () =>
    accept.mutate(
      { id: rect.id, note: note.trim() || undefined },
      { onSuccess: () => message.success('已验收通过'), onError: (e) => message.error(errorMessage(e)) },
    );
  return (
    <Card size="small" title="验收" data-testid="review-card">
      <Flex vertical gap={8}>
        <Input.TextArea rows={2} {...textPropsOf(AcceptRectificationSchema, 'note')} placeholder="验收意见(可选)" aria-label="验收意见" value={note} onChange={(e) => setNote(e.target.value)} />
        <Flex gap={8} wrap>
          <Button type="primary" loading={accept.isPending} autoInsertSpace={false} onClick={onAccept}>验收通过</Button>
          <Button danger autoInsertSpace={false} onClick={() => setReopening(true)}>重新整改</Button>
        </Flex>
      </Flex>
      {reopening && (
        <ReasonModal
          title="退回重新整改"
          okText="退回"
          subject={`${rect.organizationName}:${rect.description}`}
          label="退回原因"
          rules={rulesFor(ReopenRectificationSchema, 'reason', { requiredMessage: '请写明退回原因' })}
          {...textPropsOf(ReopenRectificationSchema, 'reason')}
          placeholder="例如:照片看不清公开内容,请重新拍摄"
          field="reason"
          pending={reopen.isPending}
          onSubmit={async (reason) => {
            await reopen.mutateAsync({ id: rect.id, reason });
            return '已退回重新整改';
          }}
          onClose={() => setReopening(false)}
        />
      )}
    </Card>
  );
}

function Events({ events }: { events: RectificationEvent[] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有整改记录" />;
  return (
    <Timeline
      data-testid="rectification-events"
      items={events.map((e) => ({
        key: e.id,
        color: EVENT_COLORS[e.kind],
        content: (
          <Flex vertical gap={4}>
            <Typography.Text strong>{RECTIFICATION_EVENT_LABELS[e.kind]}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.byName ?? '—'} · {formatDateTime(e.at)}</Typography.Text>
            {e.note && <Typography.Text>{e.note}</Typography.Text>}
            {e.files.length > 0 && <PhotoStrip files={e.files} />}
          </Flex>
        ),
      }))}
    />
  );
}

/** One rectification: the finding, who and by when, the evidence submitted, and the inspector's verdict. */
export function RectificationPage() {
  const { id: idParam } = useParams();
  const id = parseOrgId(idParam ?? null);
  const query = useRectification(id);
  const back = <Link to="/inspections?tab=rectifications"><ArrowLeftOutlined /> 返回整改台账</Link>;

  if (id === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return <LoadError title="整改任务加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const rect = query.data;
  const late = lateText(rect);

  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }} data-testid="rectification-page">
      <div>{back}</div>
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex gap={6} wrap align="center">
            <PageTitle>整改任务</PageTitle>
            <Tag color={RECTIFICATION_STATUS_COLORS[rect.status]} data-testid="rectification-status">{rectificationStatusLabel(rect.status)}</Tag>
            {late && <Tag color="red">{late}</Tag>}
            {rect.escalated && <Tag color="volcano">{ESCALATED_LABEL}</Tag>}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'org', label: '村', children: rect.organizationName },
              { key: 'item', label: '检查事项', children: rect.itemLabel },
              { key: 'desc', label: '发现的问题', children: rect.description, span: 'filled' },
              { key: 'owner', label: '整改责任人', children: rect.ownerName },
              { key: 'due', label: '整改期限', children: rect.dueOn },
              { key: 'evidence', label: '整改佐证要求', children: rect.requiredEvidence, span: 'filled' },
              { key: 'round', label: '检查', children: <Link to={`/inspections/${rect.roundId}`}>{rect.roundTitle}</Link> },
              ...(rect.acceptedOn ? [{ key: 'accepted', label: '验收日期', children: rect.acceptedOn }] : []),
            ]}
          />
          {rect.resultPhotos.length > 0 && (
            <Flex vertical gap={4}>
              <Typography.Text type="secondary">检查现场照片</Typography.Text>
              <PhotoStrip files={rect.resultPhotos} />
            </Flex>
          )}
        </Flex>
      </Card>
      {rect.can.submitEvidence && <EvidenceForm rect={rect} />}
      {rect.can.review && rect.status === 'submitted' && <ReviewCard rect={rect} />}
      <Card size="small" title="整改经过">
        <Events events={rect.events} />
      </Card>
    </Flex>
  );
}
