import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { MemberExportDecisionSchema, MEMBER_EXPORT_REQUEST_STATUS_LABELS, type MemberExportRequest } from '@dj/contracts';
import { Link } from 'react-router';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useStepUpRetry } from '../../components/StepUpModal';
import { useDecideExportRequest, useDownloadApprovedExport, useExportRequests } from './api';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle } from '../../components/PageTitle';

const STATUS_COLORS: Record<MemberExportRequest['status'], string> = { pending: 'gold', approved: 'green', rejected: 'red' };

function statusTag(r: MemberExportRequest) {
  if (r.expired) return <Tag>已过期</Tag>;
  return <Tag color={STATUS_COLORS[r.status]}>{MEMBER_EXPORT_REQUEST_STATUS_LABELS[r.status]}</Tag>;
}

interface Deciding { request: MemberExportRequest; decision: 'approve' | 'reject' }

/**
 * 导出申请 (安全测试清单第27项): the requester's own requests, or every request of the town for a town admin.
 * Town admins decide others' pending requests; the requester downloads an approved one within 24 hours.
 */
export function MemberExportsPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const requests = useExportRequests();
  const decide = useDecideExportRequest();
  const download = useDownloadApprovedExport();
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const stepUp = useStepUpRetry();
  /** The approved file carries full numbers: without a recent step-up (安全测试清单第26项) the password is asked, then it downloads. */
  const downloadFile = (id: number): Promise<void> =>
    download.mutateAsync(id).then(
      (filename) => void message.success(`已开始下载“${filename}”`),
      (error: unknown) => {
        if (!stepUp.ask(error, () => void downloadFile(id))) void message.error(errorMessage(error));
      },
    );
  const [form] = Form.useForm<{ note?: string }>();
  const townAdmin = me?.user.roles.includes('town_admin') ?? false;

  const columns: TableColumnsType<MemberExportRequest> = [
    { title: '申请时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), width: 170 },
    { title: '申请人', dataIndex: 'requestedByName' },
    { title: '范围', dataIndex: 'scopeName' },
    { title: '人数', dataIndex: 'rows', width: 70 },
    { title: '导出原因', dataIndex: 'reason' },
    { title: '状态', key: 'status', render: (_, r) => statusTag(r), width: 90 },
    {
      title: '审批',
      key: 'decision',
      render: (_, r) =>
        r.decidedByName && (
          <Space orientation="vertical" size={0}>
            <span>{r.decidedByName}</span>
            {r.decisionNote && <Typography.Text type="secondary">{r.decisionNote}</Typography.Text>}
            {r.status === 'approved' && <Typography.Text type="secondary">有效期至 {formatDateTime(r.approvedUntil)}</Typography.Text>}
          </Space>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, r) => (
        <Flex gap={8} wrap>
          {r.can.decide && (
            <>
              <Button size="small" type="primary" autoInsertSpace={false} onClick={() => setDeciding({ request: r, decision: 'approve' })}>
                同意
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ request: r, decision: 'reject' })}>
                不同意
              </Button>
            </>
          )}
          {r.can.download && (
            <Button
              size="small"
              type="primary"
              autoInsertSpace={false}
              loading={download.isPending && download.variables === r.id}
              onClick={() => void downloadFile(r.id)}
            >
              下载
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const approve = deciding?.decision === 'approve';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <PageTitle>
          名册导出申请
        </PageTitle>
        <Typography.Text type="secondary">
          导出完整身份证号和手机号超过本镇规定人数的名册,须经另一位镇党委管理员审批;同意后24小时内由申请人下载,每次下载记入审计。
          {townAdmin ? '您可以审批他人的申请,不能审批自己的申请。' : ''} <Link to="/members">返回党员名册</Link>
        </Typography.Text>
      </div>
      {requests.isError ? (
        <LoadError title="导出申请加载失败" error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <Card size="small">
          <Table<MemberExportRequest>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={requests.data?.items ?? []}
            loading={requests.isFetching}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: '还没有导出申请' }}
            data-testid="export-requests"
          />
        </Card>
      )}
      {stepUp.modal}
      <FormModal<{ note?: string }>
        title={approve ? '同意导出申请' : '不同意导出申请'}
        open={deciding !== null}
        onClose={() => {
          decide.reset();
          setDeciding(null);
        }}
        form={form}
        name="export-decision"
        pending={decide.isPending}
        danger={!approve}
        okText={approve ? '同意' : '不同意'}
        onFinish={(values) => {
          if (!deciding) return;
          decide.mutate(
            { id: deciding.request.id, decision: deciding.decision, note: values.note?.trim() || undefined },
            {
              onSuccess: () => {
                setDeciding(null);
                void message.success(approve ? '已同意,申请人可在24小时内下载' : '已不同意该导出申请');
              },
            },
          );
        }}
        before={
          deciding && (
            <Typography.Paragraph>
              {deciding.request.requestedByName}申请导出{deciding.request.scopeName}完整名册({deciding.request.rows}人),原因:{deciding.request.reason}
            </Typography.Paragraph>
          )
        }
        after={decide.isError && <Typography.Text type="danger">{errorMessage(decide.error)}</Typography.Text>}
      >
        <Form.Item name="note" label="审批意见(可不填)" rules={rulesFor(MemberExportDecisionSchema, 'note')}>
          <Input.TextArea rows={2} {...textPropsOf(MemberExportDecisionSchema, 'note')} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
