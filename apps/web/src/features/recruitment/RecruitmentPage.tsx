import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Collapse, Empty, Flex, Form, Input, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, StopOutlined } from '../../lib/icons';
import { Link, useParams } from 'react-router';
import { StopRecruitmentSchema, GENDER_LABELS, todayInShanghai } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { dateRangeRule } from '../../lib/date-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { parseOrgId } from '../../lib/use-month-org-params';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useRecruitment, useStopRecruitment, type Recruitment, type RecruitmentStep } from './api';
import { RecruitmentDocumentButtons } from './DocumentButtons';
import { RecruitmentTimeline } from './RecruitmentTimeline';
import { DEADLINE_STATUS_COLORS, DEADLINE_STATUS_LABELS, phaseTag } from './labels';
import { NoticesSection } from './NoticesSection';
import { RelationsSection } from './RelationsSection';
import { StepFormModal } from './StepFormModal';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle } from '../../components/PageTitle';

function Header({ recruitment, onStop }: { recruitment: Recruitment; onStop: () => void }) {
  const tag = phaseTag(recruitment.status, recruitment.phase);
  return (
    <Card size="small">
      <Flex vertical gap={4}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={6} wrap align="center">
            <PageTitle>{recruitment.name}</PageTitle>
            <Tag color={tag.color} data-testid="recruitment-phase">{tag.label}</Tag>
            {recruitment.status === 'stopped' && recruitment.phase && <Tag>已终止</Tag>}
            {recruitment.isDemo && <Tag color="purple">演示数据</Tag>}
          </Flex>
          {recruitment.can.stop && recruitment.status !== 'stopped' && recruitment.status !== 'confirmed' && (
            <Button danger icon={<StopOutlined />} onClick={onStop}>终止</Button>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {recruitment.organizationName} · {GENDER_LABELS[recruitment.gender]} · 出生 {recruitment.birthDate}
        </Typography.Text>
        <Typography.Text type="secondary">
          身份证号 {recruitment.idNumberMasked}{recruitment.phoneMasked ? ` · 手机 ${recruitment.phoneMasked}` : ''}
        </Typography.Text>
        {recruitment.memberId !== null && (
          <Link to={`/members/${recruitment.memberId}`}>在党员名册中查看</Link>
        )}
        {recruitment.status === 'stopped' && recruitment.stoppedReason && (
          <Alert type="info" showIcon title={`已终止:${recruitment.stoppedReason}`} />
        )}
      </Flex>
    </Card>
  );
}

function NextStepsCard({ recruitment, onRecord }: { recruitment: Recruitment; onRecord: (step: RecruitmentStep) => void }) {
  const stepOf = (code: string) => recruitment.steps.find((s) => s.code === code);
  // The latest record did not pass (a 支部大会 vote short of half the eligible): say so first, with what may follow.
  const latest = recruitment.records.at(-1);
  const failed = recruitment.nextSteps.length > 0 ? latest?.outcome : null;
  return (
    <Card size="small" title="下一步" data-testid="next-steps">
      <Flex vertical gap={10}>
        {failed && latest && (
          <Alert
            type="warning"
            showIcon
            data-testid="next-after-failed"
            title={`${latest.occurredOn} ${latest.stepName}${failed.label}:${failed.message}`}
            description={failed.next}
          />
        )}
        {recruitment.nextSteps.length === 0 && (
          <Typography.Text type="secondary">
            {recruitment.status === 'stopped' ? '发展工作已终止' : recruitment.status === 'confirmed' ? '已按期转正,发展工作完成' : '暂无待办步骤'}
          </Typography.Text>
        )}
        {recruitment.nextSteps.map((next) => {
          const step = stepOf(next.code);
          const committee = step?.actor === 'party_committee';
          const allowed = recruitment.can.record && (!committee || recruitment.can.recordCommitteeSteps);
          return (
            <Flex key={next.code} gap={8} wrap align="center" justify="space-between" data-testid={`next-${next.code}`}>
              <Flex vertical gap={2}>
                <Typography.Text strong>{next.name}</Typography.Text>
                <Flex gap={8} wrap>
                  {next.earliest && <Typography.Text type="secondary">最早 {next.earliest}</Typography.Text>}
                  {next.dueBy && <Typography.Text type="warning">截止 {next.dueBy}</Typography.Text>}
                </Flex>
              </Flex>
              {step && allowed ? (
                <Button type="primary" size="small" autoInsertSpace={false} onClick={() => onRecord(step)}>记录</Button>
              ) : committee ? (
                <Typography.Text type="secondary">由镇党委记录</Typography.Text>
              ) : null}
            </Flex>
          );
        })}
        {recruitment.deadlines.length > 0 && (
          <Flex vertical gap={6} data-testid="recruitment-deadlines">
            <Typography.Text type="secondary">期限</Typography.Text>
            {recruitment.deadlines.map((deadline) => (
              <Flex key={`${deadline.label}-${deadline.date}`} gap={8} wrap align="center">
                <Tag color={DEADLINE_STATUS_COLORS[deadline.status]}>{DEADLINE_STATUS_LABELS[deadline.status]}</Tag>
                <Typography.Text>{deadline.label}</Typography.Text>
                <Typography.Text type="secondary">{deadline.date}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {deadline.binding ? '规定' : '本镇要求'}:{deadline.source}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

interface StopValues {
  reason: string;
  stoppedOn: string | null;
}

function StopRecruitmentModal({ recruitment, onClose }: { recruitment: Recruitment; onClose: () => void }) {
  const [form] = Form.useForm<StopValues>();
  const { message } = App.useApp();
  const stop = useStopRecruitment();
  const today = todayInShanghai();
  const onFinish = (values: StopValues) => {
    if (!values.stoppedOn) return;
    stop.mutate(
      { id: recruitment.id, reason: values.reason.trim(), stoppedOn: values.stoppedOn },
      {
        onSuccess: () => {
          message.success(`已终止“${recruitment.name}”的发展工作`);
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['reason', 'stoppedOn']);
          message.error(errorMessage(error));
        },
      },
    );
  };
  return (
    <FormModal<StopValues>
      title={`终止发展:${recruitment.name}`}
      name="stop-recruitment"
      open
      onClose={onClose}
      form={form}
      pending={stop.isPending}
      onFinish={onFinish}
      danger
      initialValues={{ stoppedOn: today }}
    >
      <Typography.Paragraph type="secondary">终止后不能再记录步骤,已有记录保留备查。</Typography.Paragraph>
      <Form.Item label="终止原因" name="reason" rules={rulesFor(StopRecruitmentSchema, 'reason')}>
        <Input.TextArea rows={3} {...textPropsOf(StopRecruitmentSchema, 'reason')} placeholder="例如:本人撤回入党申请、考察不合格" />
      </Form.Item>
      <Form.Item label="终止日期" name="stoppedOn" rules={[...rulesFor(StopRecruitmentSchema, 'stoppedOn'), dateRangeRule({ max: today, maxMessage: '日期不能晚于今天' })]}>
        <DateInput max={today} />
      </Form.Item>
    </FormModal>
  );
}

export function RecruitmentPage() {
  const { id: idParam } = useParams();
  const id = parseOrgId(idParam ?? null);
  const narrow = useNarrowScreen();
  const query = useRecruitment(id);
  const [recording, setRecording] = useState<RecruitmentStep | null>(null);
  const [stopping, setStopping] = useState(false);
  const back = (
    <Link to="/recruitment/recruitments">
      <ArrowLeftOutlined /> 返回入党申请人名单
    </Link>
  );

  if (id === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return <LoadError title="发展党员记录加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const recruitment = query.data;

  const sections: { key: string; label: string; children: ReactNode }[] = [
    { key: 'timeline', label: '全程纪实', children: recruitment.steps.length ? <RecruitmentTimeline recruitment={recruitment} /> : <Empty description="没有步骤" /> },
    { key: 'relations', label: '培养联系人和入党介绍人', children: <RelationsSection recruitment={recruitment} /> },
    { key: 'notices', label: '公示', children: <NoticesSection recruitment={recruitment} /> },
    { key: 'documents', label: '文书', children: <RecruitmentDocumentButtons recruitmentId={recruitment.id} /> },
  ];

  return (
    <Flex vertical gap={12} className="recruitment-page">
      <div>{back}</div>
      <Header recruitment={recruitment} onStop={() => setStopping(true)} />
      <NextStepsCard recruitment={recruitment} onRecord={setRecording} />
      {narrow ? (
        <Collapse defaultActiveKey={['timeline']} items={sections} />
      ) : (
        <Card size="small">
          <Tabs items={sections} />
        </Card>
      )}
      {recording && <StepFormModal recruitment={recruitment} step={recording} onClose={() => setRecording(null)} />}
      {stopping && <StopRecruitmentModal recruitment={recruitment} onClose={() => setStopping(false)} />}
    </Flex>
  );
}
