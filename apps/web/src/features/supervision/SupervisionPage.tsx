import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  App, Button, Card, Empty, Flex, Popconfirm, Result, Select, Skeleton, Space, Tabs, Tag, Typography,
} from 'antd';
import { LoadError } from '../../components/LoadError';
import { ReasonModal } from '../../components/ReasonModal';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/session';
import { isTownAdmin } from '../../lib/roles';
import { canSupervise } from './access';
import {
  useAssignments, usePutAssignments, useReview, useSupervisionQueue,
  type QueuePlan, type QueueRecord, type SupervisorAssignments,
} from './api';
import { ReviewBodySchema, ACTIVITY_KIND_LABELS } from '@dj/contracts';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle } from '../../components/PageTitle';

/** 退回 needs a reason: the branch has to know what to add or correct. */
function ReturnModal({ record, onClose }: { record: QueueRecord; onClose: () => void }) {
  const review = useReview();
  return (
    <ReasonModal
      title="退回记录" okText="退回" label="退回原因" placeholder="例如:缺少现场照片;会议记录未写明表决结果" field="text"
      // A return must say why (the API refuses one without), though the review contract lets a sign-off leave it out.
      rules={rulesFor(ReviewBodySchema, 'text', { required: true, requiredMessage: '请填写退回原因,告诉支部需要补充或更正什么' })}
      {...textPropsOf(ReviewBodySchema, 'text')}
      subject={`${record.organizationName} · ${ACTIVITY_KIND_LABELS[record.kind]} · ${record.heldOn} · ${record.topic}`}
      pending={review.isPending}
      onSubmit={async (text) => {
        await review.mutateAsync({ id: record.id, body: { action: 'return', text } });
        return `已退回“${record.topic}”,支部补充后会再次提交`;
      }}
      onClose={onClose}
    />
  );
}

function RecordActions({ record, onReturn }: { record: QueueRecord; onReturn: (record: QueueRecord) => void }) {
  const { message } = App.useApp();
  const review = useReview();
  const signOff = () =>
    review.mutateAsync({ id: record.id, body: { action: 'sign_off' } }).then(
      () => {
        message.success(`已签认“${record.topic}”`);
      },
      (error: unknown) => {
        message.error(errorMessage(error));
      },
    );
  return (
    <Space wrap size={4}>
      <Link to={`/activities/${record.id}`}>查看</Link>
      <Popconfirm
        title="签认这条记录?"
        description="签认后,这次活动计入组织生活完成情况。"
        okText="确认签认"
        cancelText="取消"
        onConfirm={signOff}
      >
        <Button size="small" type="primary" loading={review.isPending}>
          签认
        </Button>
      </Popconfirm>
      <Button size="small" onClick={() => onReturn(record)}>
        退回
      </Button>
    </Space>
  );
}

function RecordsToSignOff({ records }: { records: QueueRecord[] }) {
  const [returning, setReturning] = useState<QueueRecord | null>(null);
  let body: ReactNode;
  if (records.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待签认的记录" />;
  } else {
    // Cards on every screen: a supervisor often signs off on the phone.
    body = (
      <div className="task-items">
        {records.map((record) => (
          <div key={record.id} className="task-item" data-testid="signoff-record">
            <Flex vertical gap={4}>
              <Typography.Text strong>{record.topic}</Typography.Text>
              <Typography.Text type="secondary">
                {record.organizationName} · {ACTIVITY_KIND_LABELS[record.kind]} · {record.heldOn}
              </Typography.Text>
              <Flex gap={6} wrap align="center">
                <Typography.Text type="secondary">提交于 {formatDateTime(record.submittedAt)}</Typography.Text>
                {/* The sign-off's own deadline (本镇设置 supervision.signOffDays): late here is the supervisor's, not the branch's. */}
                {record.overdue
                  ? <Tag color="red" data-testid="signoff-overdue">签认已逾期(应于{record.signOffDueOn}前)</Tag>
                  : <Tag color="blue">应于{record.signOffDueOn}前签认</Tag>}
              </Flex>
              <RecordActions record={record} onReturn={setReturning} />
            </Flex>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Card size="small" title="待签认的记录" data-testid="signoff-queue">
      {body}
      {returning && <ReturnModal record={returning} onClose={() => setReturning(null)} />}
    </Card>
  );
}

function UpcomingPlans({ plans }: { plans: QueuePlan[] }) {
  return (
    <Card size="small" title="即将举行的活动计划" data-testid="plan-queue">
      {plans.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近期没有需要查看的活动计划" />
      ) : (
        <div className="task-items">
          {plans.map((plan) => (
            <div key={plan.id} className="task-item" data-testid="plan-item">
              <Flex gap={8} justify="space-between" align="baseline" wrap>
                <Link to={`/activities/${plan.id}`}>{plan.topic}</Link>
                <Tag>{plan.comments > 0 ? `已留言 ${plan.comments} 条` : '尚无留言'}</Tag>
              </Flex>
              <Typography.Text type="secondary">
                {plan.organizationName} · {ACTIVITY_KIND_LABELS[plan.kind]} · {plan.heldOn}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function QueueTab() {
  const queue = useSupervisionQueue();
  if (queue.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (queue.isError) return <LoadError title="督导待办加载失败" error={queue.error} onRetry={() => queue.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <RecordsToSignOff records={queue.data.toSignOff} />
      <UpcomingPlans plans={queue.data.plans} />
    </Flex>
  );
}

type Branch = SupervisorAssignments['branches'][number];

function BranchAssignment({ branch, options }: { branch: Branch; options: { value: number; label: string }[] }) {
  const { message } = App.useApp();
  const save = usePutAssignments();
  const [draft, setDraft] = useState<number[]>(branch.supervisorIds);
  const changed = draft.length !== branch.supervisorIds.length || draft.some((id) => !branch.supervisorIds.includes(id));

  const onSave = () =>
    save.mutate(
      { organizationId: branch.organizationId, userIds: draft },
      {
        onSuccess: () => {
          message.success(`已保存${branch.organizationName}的督导安排`);
        },
        onError: (error) => {
          message.error(errorMessage(error));
        },
      },
    );

  return (
    <div className="task-item" data-testid={`assignment-${branch.organizationId}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong style={{ minWidth: 160 }}>
          {branch.organizationName}
        </Typography.Text>
        <Select<number[]>
          mode="multiple"
          aria-label={`${branch.organizationName}的督导干部`}
          style={{ flex: 1, minWidth: 220 }}
          options={options}
          value={draft}
          onChange={setDraft}
          placeholder="未安排督导干部"
          optionFilterProp="label"
          notFoundContent="没有可选的督导干部"
        />
        <Button type={changed ? 'primary' : 'default'} onClick={onSave} loading={save.isPending}>
          保存
        </Button>
      </Flex>
    </div>
  );
}

function AssignmentsTab() {
  const assignments = useAssignments();
  if (assignments.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (assignments.isError) {
    return <LoadError title="督导安排加载失败" error={assignments.error} onRetry={() => assignments.refetch()} />;
  }
  const { supervisors, branches } = assignments.data;
  const options = supervisors.map((s) => ({ value: s.userId, label: s.name }));
  return (
    <Card size="small" title="各支部的包联督导干部">
      <Typography.Paragraph type="secondary">
        为每个党支部指定督导干部;支部提交的组织生活记录由他们查看、留言和签认。每个支部单独保存。
      </Typography.Paragraph>
      {supervisors.length === 0 && (
        <Typography.Paragraph type="warning">还没有督导干部账号,请先为相关人员开通“督导”角色。</Typography.Paragraph>
      )}
      {branches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有党支部" />
      ) : (
        <div className="task-items" data-testid="assignments">
          {branches.map((branch) => (
            <BranchAssignment key={`${branch.organizationId}-${branch.supervisorIds.join(',')}`} branch={branch} options={options} />
          ))}
        </div>
      )}
    </Card>
  );
}

export function SupervisionPage() {
  const { data: me } = useMe();
  const roles = me?.user.roles ?? [];
  const allowed = canSupervise(roles);
  const admin = isTownAdmin(roles);

  if (!allowed) {
    return <Result status="403" title="没有权限查看" subTitle="督导页面供督导干部和镇党委管理员使用。" />;
  }

  const queue = <QueueTab />;
  return (
    <Flex vertical gap={12} className="supervision-page">
      <div>
        <PageTitle>
          督导
        </PageTitle>
        <Typography.Text type="secondary">
          查看各支部的活动计划并留言,签认已举行的组织生活记录;签认前记录不计入完成情况。
        </Typography.Text>
      </div>
      {admin ? (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'queue', label: '督导待办', children: queue },
            { key: 'assignments', label: '督导安排', children: <AssignmentsTab /> },
          ]}
        />
      ) : (
        queue
      )}
    </Flex>
  );
}
