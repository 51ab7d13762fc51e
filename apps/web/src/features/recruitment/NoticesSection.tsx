import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import {
  CreatePublicNoticeSchema, PublicNoticeOutcomeSchema, PUBLIC_NOTICE_OUTCOME_LABELS, PUBLIC_NOTICE_OUTCOMES, PUBLIC_NOTICE_STAGE_LABELS, PUBLIC_NOTICE_STAGES, todayInShanghai,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useCreateNotice, useNoticeOutcome, type Recruitment, type PublicNotice, type NoticeOutcome, type NoticeStage } from './api';
import { RecordedWarnings } from './RecruitmentTimeline';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

const OUTCOME_COLORS: Record<NoticeOutcome, string> = { no_objection: 'green', objection_dismissed: 'blue', objection_upheld: 'red' };

interface CreateValues {
  stage: NoticeStage;
  startsOn: string | null;
  endsOn: string | null;
  content?: string;
  publishable: boolean;
}

/** The notice that fits where the recruitment stands. */
function suggestedStage(recruitment: Recruitment): NoticeStage {
  if (recruitment.status === 'probationary') return 'confirmation';
  if (recruitment.phase === 'candidate') return 'admission';
  if (recruitment.phase === 'activist') return 'candidate';
  return 'activist';
}

function CreateNoticeModal({ recruitment, onClose }: { recruitment: Recruitment; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const create = useCreateNotice();
  const onFinish = (values: CreateValues) => {
    if (!values.startsOn || !values.endsOn) return;
    const content = values.content?.trim();
    create.mutate(
      {
        id: recruitment.id,
        body: { stage: values.stage, startsOn: values.startsOn, endsOn: values.endsOn, publishable: values.publishable, ...(content ? { content } : {}) },
      },
      {
        onSuccess: () => {
          message.success('已登记公示');
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['stage', 'startsOn', 'endsOn', 'content']);
          message.error(errorMessage(error));
        },
      },
    );
  };
  const endsAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: string | null) => {
      const start = getFieldValue('startsOn') as string | null;
      return !value || !start || value >= start ? Promise.resolve() : Promise.reject(new Error('结束日期不能早于开始日期'));
    },
  });
  return (
    <FormModal<CreateValues>
      title={`登记公示:${recruitment.name}`}
      name="create-notice"
      open
      onClose={onClose}
      form={form}
      pending={create.isPending}
      onFinish={onFinish}
      initialValues={{ stage: suggestedStage(recruitment), startsOn: todayInShanghai(), publishable: false }}
    >
      <Form.Item label="公示事项" name="stage" rules={rulesFor(CreatePublicNoticeSchema, 'stage')}>
        <Select options={PUBLIC_NOTICE_STAGES.map((stage) => ({ value: stage, label: PUBLIC_NOTICE_STAGE_LABELS[stage] }))} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item label="开始日期" name="startsOn" rules={rulesFor(CreatePublicNoticeSchema, 'startsOn')} style={{ flex: '1 1 160px' }}>
          <DateInput />
        </Form.Item>
        <Form.Item
          label="结束日期"
          name="endsOn"
          dependencies={['startsOn']}
          rules={[...rulesFor(CreatePublicNoticeSchema, 'endsOn'), endsAfterStart]}
          style={{ flex: '1 1 160px' }}
          extra="公示期一般不少于5个工作日"
        >
          <DateInput />
        </Form.Item>
      </Flex>
      <Form.Item label="公示内容" name="content" rules={rulesFor(CreatePublicNoticeSchema, 'content')}>
        <Input.TextArea rows={4} {...textPropsOf(CreatePublicNoticeSchema, 'content')} placeholder="选填,例如公示对象的基本情况、监督电话" />
      </Form.Item>
      <Form.Item name="publishable" valuePropName="checked">
        <Checkbox>可在村务公开页面公布</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

interface OutcomeValues {
  outcome: NoticeOutcome;
  outcomeNote?: string;
}

function OutcomeModal({ recruitment, notice, onClose }: { recruitment: Recruitment; notice: PublicNotice; onClose: () => void }) {
  const [form] = Form.useForm<OutcomeValues>();
  const { message } = App.useApp();
  const save = useNoticeOutcome();
  const onFinish = (values: OutcomeValues) => {
    save.mutate(
      { id: recruitment.id, noticeId: notice.id, outcome: values.outcome, outcomeNote: values.outcomeNote?.trim() || undefined },
      {
        onSuccess: () => {
          message.success('已登记公示结果');
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['outcome', 'outcomeNote']);
          message.error(errorMessage(error));
        },
      },
    );
  };
  return (
    <FormModal<OutcomeValues>
      title={`公示结果:${PUBLIC_NOTICE_STAGE_LABELS[notice.stage]}`}
      name="notice-outcome"
      open
      onClose={onClose}
      form={form}
      pending={save.isPending}
      onFinish={onFinish}
      initialValues={{ outcome: notice.outcome ?? 'no_objection', outcomeNote: notice.outcomeNote ?? undefined }}
    >
      <Form.Item label="公示结果" name="outcome" rules={rulesFor(PublicNoticeOutcomeSchema, 'outcome')}>
        <Select options={PUBLIC_NOTICE_OUTCOMES.map((outcome) => ({ value: outcome, label: PUBLIC_NOTICE_OUTCOME_LABELS[outcome] }))} />
      </Form.Item>
      <Form.Item label="说明" name="outcomeNote" rules={rulesFor(PublicNoticeOutcomeSchema, 'outcomeNote')}>
        <Input.TextArea rows={3} {...textPropsOf(PublicNoticeOutcomeSchema, 'outcomeNote')} placeholder="有反映的,写明反映的问题和核实情况" />
      </Form.Item>
    </FormModal>
  );
}

/** 公示: each with its dates, result and any rule it was recorded against. */
export function NoticesSection({ recruitment }: { recruitment: Recruitment }) {
  const [creating, setCreating] = useState(false);
  const [outcomeFor, setOutcomeFor] = useState<PublicNotice | null>(null);
  const editable = recruitment.can.record && recruitment.status !== 'stopped';
  return (
    <Flex vertical gap={8} data-testid="notices-section">
      {recruitment.notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记公示" />
      ) : (
        recruitment.notices.map((notice) => (
          <Card key={notice.id} size="small" data-testid={`notice-${notice.id}`}>
            <Flex vertical gap={4}>
              <Flex gap={8} wrap align="center" justify="space-between">
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{PUBLIC_NOTICE_STAGE_LABELS[notice.stage]}</Typography.Text>
                  <Typography.Text type="secondary">{notice.startsOn} 至 {notice.endsOn}</Typography.Text>
                  {notice.outcome ? (
                    <Tag color={OUTCOME_COLORS[notice.outcome]}>{PUBLIC_NOTICE_OUTCOME_LABELS[notice.outcome]}</Tag>
                  ) : (
                    <Tag>结果未登记</Tag>
                  )}
                  {notice.publishable && <Tag color="purple">可公开</Tag>}
                </Flex>
                {editable && (
                  <Button size="small" onClick={() => setOutcomeFor(notice)}>
                    {notice.outcome ? '修改结果' : '登记结果'}
                  </Button>
                )}
              </Flex>
              {notice.content && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{notice.content}</Typography.Paragraph>}
              {notice.outcomeNote && <Typography.Text type="secondary">说明:{notice.outcomeNote}</Typography.Text>}
              <RecordedWarnings warnings={notice.warnings} />
            </Flex>
          </Card>
        ))
      )}
      {editable && (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记公示</Button>
        </div>
      )}
      {creating && <CreateNoticeModal recruitment={recruitment} onClose={() => setCreating(false)} />}
      {outcomeFor && <OutcomeModal recruitment={recruitment} notice={outcomeFor} onClose={() => setOutcomeFor(null)} />}
    </Flex>
  );
}
