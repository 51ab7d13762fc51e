import type { ReactNode } from 'react';
import { App, Button, Card, Descriptions, Flex, Result, Skeleton, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import {
  FOUR_TWO_CATEGORY_LABELS, FOUR_TWO_STAGE_LABELS, FOUR_TWO_STATUS_LABELS, RESOLUTION_BODY_LABELS,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage, isApiError } from '../../lib/api-client';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { FilePickButton } from '../activities/FilePickButton';
import { useMe } from '../auth/api';
import { hasWorkRole } from '../auth/roles';
import { useDownloadStageFile, useFourTwo, useUploadStageFile, type FourTwoProcedure, type FourTwoStageRecord } from './api';
import { FOUR_TWO_STAGES, FOUR_TWO_STATUS_COLORS, STAGE_SHORT_LABELS } from './labels';
import { StageForm } from './StageForm';

function ResultTag({ passed }: { passed: boolean | null }) {
  if (passed === null) return null;
  return passed ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>;
}

function StageCard({ procedure, record }: { procedure: FourTwoProcedure; record: FourTwoStageRecord }) {
  const download = useDownloadStageFile(procedure.id);
  const upload = useUploadStageFile(procedure.id);
  const { message } = App.useApp();
  const vote = record.vote;
  return (
    <Card
      size="small"
      data-testid={`stage-${record.stage}`}
      title={
        <Flex gap={8} wrap align="center">
          <span>{FOUR_TWO_STAGE_LABELS[record.stage]}</span>
          <ResultTag passed={record.passed} />
        </Flex>
      }
      extra={<Typography.Text type="secondary">{record.heldOn}</Typography.Text>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        {record.body && <Descriptions.Item label="决议机构">{RESOLUTION_BODY_LABELS[record.body]}</Descriptions.Item>}
        {vote && (
          <Descriptions.Item label="表决" span={2}>
            应到 {vote.eligible} · 实到 {vote.present} · 赞成 {vote.yes} · 反对 {vote.no} · 弃权 {vote.abstain}
          </Descriptions.Item>
        )}
        {record.note && <Descriptions.Item label="说明" span={3}>{record.note}</Descriptions.Item>}
      </Descriptions>
      <Flex gap={8} wrap align="center">
        {record.file ? (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() =>
              download.mutate({ stageId: record.id, name: record.file!.name }, { onError: (e) => message.error(errorMessage(e)) })
            }
          >
            {record.file.name}
          </Button>
        ) : (
          <Typography.Text type="secondary">无材料</Typography.Text>
        )}
        {procedure.can.edit && (
          <FilePickButton
            category="material"
            size="small"
            multiple={false}
            label={`${record.file ? '替换' : '上传'}${STAGE_SHORT_LABELS[record.stage]}材料`}
            loading={upload.isPending}
            onFiles={(files) =>
              upload.mutate(
                { stageId: record.id, file: files[0] },
                { onSuccess: () => message.success('已上传材料'), onError: (e) => message.error(errorMessage(e)) },
              )
            }
          >
            {record.file ? '替换材料' : '上传材料'}
          </FilePickButton>
        )}
      </Flex>
    </Card>
  );
}

function ProcedureSteps({ procedure }: { procedure: FourTwoProcedure }) {
  const narrow = useNarrowScreen();
  const recorded = new Map(procedure.stages.map((s) => [s.stage, s]));
  const current = procedure.nextStage ? FOUR_TWO_STAGES.indexOf(procedure.nextStage) : FOUR_TWO_STAGES.length;
  const failedAt = procedure.status === 'rejected' ? [...procedure.stages].reverse().find((s) => s.passed === false)?.stage : undefined;
  return (
    <Steps
      data-testid="four-two-steps"
      size="small"
      orientation={narrow ? 'vertical' : 'horizontal'}
      titlePlacement={narrow ? undefined : 'vertical'}
      current={failedAt ? FOUR_TWO_STAGES.indexOf(failedAt) : current}
      status={failedAt ? 'error' : procedure.status === 'done' ? 'finish' : 'process'}
      items={FOUR_TWO_STAGES.map((stage) => ({
        title: STAGE_SHORT_LABELS[stage],
        content: recorded.get(stage)?.heldOn,
      }))}
    />
  );
}

/** One 四议两公开 matter: the six stages as Steps, each recorded stage with its vote and document, and the next stage's form. */
export function FourTwoPage() {
  const id = parseOrgId(useParams().id ?? null);
  const { data: me } = useMe();
  const allowed = hasWorkRole(me?.user.roles ?? []);
  const query = useFourTwo(allowed ? id : undefined);

  const back = (
    <div>
      <Link to="/positions?tab=four-two">
        <ArrowLeftOutlined /> 返回四议两公开
      </Link>
    </div>
  );

  if (!me) return <Skeleton active />;
  if (!allowed) return <Result status="403" title="没有权限查看" />;
  if (id === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return (
      <Flex vertical gap={12}>
        {back}
        <LoadError title="四议两公开事项加载失败" error={query.error} onRetry={() => query.refetch()} />
      </Flex>
    );
  }
  const procedure = query.data;

  let next: ReactNode = null;
  if (procedure.nextStage && procedure.can.edit) {
    next = (
      <Card size="small" title={`记录下一步:${FOUR_TWO_STAGE_LABELS[procedure.nextStage]}`}>
        <StageForm key={procedure.nextStage} procedure={procedure} stage={procedure.nextStage} />
      </Card>
    );
  } else if (procedure.status === 'rejected') {
    next = <Typography.Text type="danger">事项未获通过,程序已终止。</Typography.Text>;
  } else if (procedure.status === 'done') {
    next = <Typography.Text type="success">六个步骤均已完成。</Typography.Text>;
  }

  return (
    <Flex vertical gap={12} data-testid="four-two-page">
      {back}
      <Flex gap={8} wrap align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>{procedure.title}</Typography.Title>
        <Tag color={FOUR_TWO_STATUS_COLORS[procedure.status]}>{FOUR_TWO_STATUS_LABELS[procedure.status]}</Tag>
        <Tag>{FOUR_TWO_CATEGORY_LABELS[procedure.category]}</Tag>
        {procedure.isDemo && <Tag>演示数据</Tag>}
      </Flex>
      <Typography.Text type="secondary">
        {procedure.organizationName} · 建立于 {procedure.createdAt.slice(0, 10)}
      </Typography.Text>
      <Card size="small">
        <ProcedureSteps procedure={procedure} />
      </Card>
      {procedure.stages.map((record) => <StageCard key={record.id} procedure={procedure} record={record} />)}
      {next}
    </Flex>
  );
}
