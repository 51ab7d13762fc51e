import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Collapse, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '../../lib/icons';
import { Link, useParams } from 'react-router';
import { REVIEW_STATUS_LABELS } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useActivity, useDownloadDocument, type ActivityDetail, type ActivityDocument } from './api';
import { ActivityEditDrawer } from './ActivityEditDrawer';
import { AttendanceSection } from './AttendanceSection';
import { AppraisalSection } from './AppraisalSection';
import { EvidenceSection } from './EvidenceSection';
import { ACTIVITY_KIND_LABELS, REVIEW_STATUS_COLORS } from './labels';
import { ReviewSection } from './ReviewSection';
import { VoteSection } from './VoteSection';
import { PageTitle } from '../../components/PageTitle';

const DOCUMENTS: { doc: ActivityDocument; label: string }[] = [
  { doc: 'minutes.docx', label: '会议记录(Word)' },
  { doc: 'minutes.pdf', label: '会议记录(PDF)' },
  { doc: 'signin.docx', label: '签到表(Word)' },
  { doc: 'signin.pdf', label: '签到表(PDF)' },
  { doc: 'dengta.zip', label: '灯塔上传包' },
];

function DocumentsSection({ detail }: { detail: ActivityDetail }) {
  const { message } = App.useApp();
  const download = useDownloadDocument();
  return (
    <Flex gap={8} wrap>
      {DOCUMENTS.map(({ doc, label }) => (
        <Button
          key={doc}
          icon={<DownloadOutlined />}
          loading={download.isPending && download.variables?.doc === doc}
          onClick={() =>
            download.mutateAsync({ id: detail.id, doc }).then(
              (name) => message.success(`已开始下载“${name}”`),
              (error: unknown) => message.error(errorMessage(error)),
            )
          }
        >
          {label}
        </Button>
      ))}
    </Flex>
  );
}

function Header({ detail, editable, onEdit }: { detail: ActivityDetail; editable: boolean; onEdit: () => void }) {
  const kinds = detail.countedAs.filter((k) => k !== detail.kind).map((k) => ACTIVITY_KIND_LABELS[k]);
  return (
    <Card size="small">
      <Flex vertical gap={4}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={6} wrap align="center">
            <PageTitle>{ACTIVITY_KIND_LABELS[detail.kind]}</PageTitle>
            <Tag color={REVIEW_STATUS_COLORS[detail.reviewStatus]} data-testid="review-status">{REVIEW_STATUS_LABELS[detail.reviewStatus]}</Tag>
            {detail.isDemo && <Tag color="purple">演示数据</Tag>}
          </Flex>
          {editable && <Button icon={<EditOutlined />} onClick={onEdit}>编辑</Button>}
        </Flex>
        <Typography.Text strong>{detail.topic}</Typography.Text>
        <Typography.Text type="secondary">
          {detail.organizationName}{detail.groupName ? ` · ${detail.groupName}` : ''} · {detail.heldOn} · {detail.place}
        </Typography.Text>
        <Typography.Text type="secondary">
          主持人:{detail.host ?? '—'} · 记录人:{detail.recorder ?? '—'}{detail.lecturer ? ` · 授课人:${detail.lecturer}` : ''}
          {detail.guests.length > 0 ? ` · 列席群众${detail.guests.length}人` : ''}
        </Typography.Text>
        {kinds.length > 0 && <Typography.Text type="secondary">同时计为:{kinds.join('、')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

/** A section of the page another feature adds (composed in app/: the 村民说事 of a meeting). */
export interface ActivitySection { key: string; label: string; children: ReactNode }

export function ActivityPage({ extraSections }: { extraSections?: (detail: ActivityDetail) => ActivitySection[] } = {}) {
  const { id: idParam } = useParams();
  const id = parseOrgId(idParam ?? null);
  const narrow = useNarrowScreen();
  const query = useActivity(id);
  const [editing, setEditing] = useState(false);

  if (id === undefined) return <Result status="404" title="记录不存在" extra={<Link to="/activities">返回组织生活记录</Link>} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) {
      return <Result status="404" title="记录不存在或无权查看" extra={<Link to="/activities">返回组织生活记录</Link>} />;
    }
    return <LoadError title="组织生活记录加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const detail = query.data;
  const locked = detail.reviewStatus === 'signed_off';
  const editable = detail.can.edit && !locked;

  const sections: ActivitySection[] = [
    {
      key: 'attendance',
      label: '出席情况',
      children: (
        <Flex vertical gap={12}>
          <AttendanceSection detail={detail} editable={editable} />
          <VoteSection detail={detail} editable={editable} />
          <AppraisalSection detail={detail} editable={editable} />
        </Flex>
      ),
    },
    { key: 'evidence', label: '材料与检查清单', children: <EvidenceSection detail={detail} editable={editable} /> },
    { key: 'review', label: '督导', children: <ReviewSection detail={detail} /> },
    { key: 'documents', label: '文档', children: <DocumentsSection detail={detail} /> },
    ...(extraSections?.(detail) ?? []),
  ];

  return (
    <Flex vertical gap={12} className="activity-page">
      <div>
        <Link to={`/activities?orgId=${detail.organizationId}&month=${detail.heldOn.slice(0, 7)}`}>
          <ArrowLeftOutlined /> 返回组织生活记录
        </Link>
      </div>
      <Header detail={detail} editable={editable} onEdit={() => setEditing(true)} />
      {locked && detail.can.edit && (
        <Alert type="info" showIcon title="督导干部已签认,记录已锁定" description="签认后不能再修改出席、材料和内容。确需更正,请联系督导干部。" />
      )}
      {detail.reviewStatus === 'returned' && (
        <Alert type="warning" showIcon title="督导干部已退回" description={detail.reviews.filter((r) => r.action === 'return').at(-1)?.text ?? undefined} />
      )}
      {narrow ? (
        <Collapse defaultActiveKey={sections.map((s) => s.key)} items={sections} />
      ) : (
        <Card size="small">
          <Tabs items={sections} />
        </Card>
      )}
      {editable && <ActivityEditDrawer detail={detail} open={editing} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
