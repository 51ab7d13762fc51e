import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Popconfirm, Typography } from 'antd';
import { ApproveAssessmentPeriodSchema, type AssessmentPeriodDetail } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { formatDate } from '../../lib/dates';
import { useApprovePeriod, usePublishPeriod } from './periods-api';

/** 审批: the town committee's approval with an optional note; the period is then locked. */
function ApproveModal({ detail, onClose }: { detail: AssessmentPeriodDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const approve = useApprovePeriod(detail.id);
  const [serverError, setServerError] = useState<string | null>(null);
  return (
    <FormModal<{ note?: string }> title="审批考核结果" open onClose={onClose} form={form} name="approve-period" okText="审批并锁定" pending={approve.isPending}
      before={<Typography.Paragraph type="secondary">审批后本期锁定,得分不再修改;此后的更正以调整记录。</Typography.Paragraph>}
      after={serverError && <Alert type="error" showIcon title={serverError} style={{ marginTop: 12 }} />}
      onFinish={({ note }) => {
        setServerError(null);
        approve.mutate({ note: note?.trim() || null }, {
          onSuccess: () => { message.success('已审批,本期已锁定'); onClose(); },
          onError: (error) => setServerError(errorMessage(error)),
        });
      }}>
      <Form.Item label="审批意见(可不填)" name="note" rules={rulesFor(ApproveAssessmentPeriodSchema, 'note')}>
        <Input.TextArea aria-label="审批意见" rows={3} {...textPropsOf(ApproveAssessmentPeriodSchema, 'note')} />
      </Form.Item>
    </FormModal>
  );
}

/** The town's next step at each stage: 公示 while scoring, 审批 once the window is over and every objection ruled. */
export function PeriodActions({ detail }: { detail: AssessmentPeriodDetail }) {
  const { message } = App.useApp();
  const publish = usePublishPeriod(detail.id);
  const [approving, setApproving] = useState(false);
  if (!detail.can.manage) return null;
  // 公示 waits for every leaf entered by hand (the API refuses it before): say who is missing instead of a refusal.
  const unfinished = detail.subjects.filter((s) => s.progress.missing.length > 0);
  const open = detail.subjects.reduce((n, s) => n + s.objections.filter((o) => !o.ruling).length, 0);
  return (
    <Flex gap={8} wrap align="center" data-testid="period-actions">
      {detail.status === 'scoring' && (
        <Popconfirm title="公示考核结果" okText="公示" cancelText="取消" disabled={unfinished.length > 0}
          description="公示后不能再评分,计量指标按当日记录计入;被考核对象可在异议期内提出异议。"
          onConfirm={() => publish.mutateAsync().then(
            (d) => message.success(`已公示,异议期至 ${formatDate(d.objectionUntil)}`),
            (error: unknown) => message.error(errorMessage(error)),
          )}>
          <Button type="primary" loading={publish.isPending} disabled={unfinished.length > 0} autoInsertSpace={false}>公示</Button>
        </Popconfirm>
      )}
      {detail.status === 'scoring' && unfinished.length > 0 && (
        <Typography.Text type="secondary" data-testid="publish-waits">
          还有{unfinished.length}个对象未评完({unfinished.slice(0, 3).map((s) => `${s.name}缺${s.progress.missing.length}项`).join('、')}{unfinished.length > 3 ? '等' : ''}),全部评分后方可公示。
        </Typography.Text>
      )}
      {detail.status === 'objection' && (
        <Typography.Text type="secondary">
          异议期至 {formatDate(detail.objectionUntil)} 止{open > 0 ? `,还有${open}条异议待裁定` : ''};期满且异议全部裁定后可审批。
        </Typography.Text>
      )}
      {detail.status === 'approval' && <Button type="primary" onClick={() => setApproving(true)} autoInsertSpace={false}>审批</Button>}
      {approving && <ApproveModal detail={detail} onClose={() => setApproving(false)} />}
    </Flex>
  );
}
