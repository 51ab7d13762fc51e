import { useState } from 'react';
import { Alert, App, Card, Flex, Form, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '../../lib/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { ReturnDisclosureSchema, DISCLOSURE_CATEGORY_LABELS } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { ReasonModal } from '../../components/ReasonModal';
import { errorMessage, isApiError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { applyFieldErrors } from '../../lib/form-errors';
import { parseOrgId } from '../../lib/use-month-org-params';
import { useCreateDisclosure, useDisclosure, useDisclosureStep, useUpdateDisclosure, type Disclosure, type DisclosureAction } from './api';
import { DisclosureEditor, EDITOR_FIELDS, FileList, TablePreview, type EditorValues } from './DisclosureEditor';
import { EventHistory, FlowActions, FlowSteps, RefusalAlert, ScanAlert, type Refusal } from './DisclosureFlow';
import { statusTag } from './labels';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { PageTitle } from '../../components/PageTitle';

const DONE_MESSAGES: Record<DisclosureAction, string> = {
  submit: '已提交,等待审核', review: '审核通过,等待审批', approve: '审批通过,可以公开', publish: '已公开', return: '已退回',
};

function Header({ disclosure }: { disclosure: Disclosure }) {
  const tag = statusTag(disclosure);
  return (
    <Card size="small">
      <Flex vertical gap={6}>
        <Flex gap={6} wrap align="center">
          <PageTitle>{disclosure.title}</PageTitle>
          <Tag color={tag.color} data-testid="disclosure-status">{tag.label}</Tag>
          {disclosure.isDemo && <Tag color="purple">演示数据</Tag>}
        </Flex>
        <Typography.Text type="secondary">
          {disclosure.organizationName} · {DISCLOSURE_CATEGORY_LABELS[disclosure.category]} · 公开期间 {disclosure.period}
          {disclosure.publishedAt ? ` · 公开于 ${formatDateTime(disclosure.publishedAt)}` : ''}
        </Typography.Text>
        {disclosure.supersedesId !== null && (
          <Typography.Text>
            本条是对 <Link to={`/disclosures/${disclosure.supersedesId}`}>已公开内容</Link> 的更正,公开后替换原内容。
          </Typography.Text>
        )}
        {disclosure.supersededById !== null && (
          <Typography.Text>
            已有 <Link to={`/disclosures/${disclosure.supersededById}`}>更正</Link>。
          </Typography.Text>
        )}
        {disclosure.status === 'returned' && disclosure.returnReason && (
          <Alert type="warning" showIcon title={`已退回:${disclosure.returnReason}`} description="请修改后重新提交。" />
        )}
      </Flex>
    </Card>
  );
}

function ReadOnlyContent({ disclosure }: { disclosure: Disclosure }) {
  return (
    <>
      <Card size="small" title="公开内容">
        {disclosure.content ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{disclosure.content}</Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">(无正文)</Typography.Text>
        )}
      </Card>
      {disclosure.table && (
        <Card size="small" title="表格">
          <TablePreview table={disclosure.table} />
        </Card>
      )}
      <Card size="small" title="附件">
        <FileList disclosure={disclosure} editable={false} />
      </Card>
    </>
  );
}

function placesOf(error: unknown): Refusal['places'] {
  return isApiError(error) ? error.fields.filter((f) => !EDITOR_FIELDS.includes(f.path)).map((f) => ({ where: f.path, message: f.message })) : [];
}

/** One disclosure: the editor while draft or returned, the 提出 → 审核 → 审批 → 公开 flow, its history, and 更正. */
export function DisclosurePage() {
  const { id: idParam } = useParams();
  const id = parseOrgId(idParam ?? null);
  const query = useDisclosure(id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const update = useUpdateDisclosure();
  const step = useDisclosureStep();
  const create = useCreateDisclosure();
  const [pending, setPending] = useState<DisclosureAction | 'correct' | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [returning, setReturning] = useState(false);
  const back = <Link to="/disclosures"><ArrowLeftOutlined /> 返回三务公开</Link>;

  if (id === undefined) return <Result status="404" title="记录不存在" extra={back} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Result status="404" title="记录不存在或无权查看" extra={back} />;
    return <LoadError title="公开事项加载失败" error={query.error} onRetry={() => query.refetch()} />;
  }
  const disclosure = query.data;
  const editable = disclosure.can.edit && (disclosure.status === 'draft' || disclosure.status === 'returned');

  const save = async (): Promise<boolean> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return false;
    try {
      await update.mutateAsync({ id: disclosure.id, body: { title: values.title.trim(), period: values.period.trim(), content: values.content ?? '' } });
      form.resetFields();
      return true;
    } catch (error) {
      applyFieldErrors(form, error, EDITOR_FIELDS);
      message.error(errorMessage(error));
      return false;
    }
  };

  const onSave = () => {
    void save().then((ok) => ok && message.success('已保存'));
  };

  const run = async (action: DisclosureAction, note?: string) => {
    setRefusal(null);
    setPending(action);
    try {
      // Unsaved edits go with 提交, so what is reviewed is what the secretary sees.
      if (action === 'submit' && editable && form.isFieldsTouched() && !(await save())) return;
      await step.mutateAsync({ id: disclosure.id, action, note });
      if (action !== 'return') message.success(DONE_MESSAGES[action]);
    } catch (error) {
      if (action === 'return') throw error;
      setRefusal({ action, message: errorMessage(error), places: placesOf(error) });
    } finally {
      setPending(null);
    }
  };

  const correct = () => {
    setRefusal(null);
    setPending('correct');
    create.mutate(
      {
        organizationId: disclosure.organizationId,
        category: disclosure.category,
        ruleKey: disclosure.ruleKey,
        period: disclosure.period,
        title: disclosure.title,
        content: disclosure.content,
        supersedesId: disclosure.id,
      },
      {
        onSuccess: (draft) => {
          message.success('已创建更正稿,修改后按流程重新公开');
          void navigate(`/disclosures/${draft.id}`);
        },
        onError: (error) => message.error(errorMessage(error)),
        onSettled: () => setPending(null),
      },
    );
  };

  return (
    <Flex vertical gap={12} data-testid="disclosure-page">
      <div>{back}</div>
      <Header disclosure={disclosure} />
      <Card size="small" title="办理流程">
        <Flex vertical gap={12}>
          <FlowSteps disclosure={disclosure} />
          {refusal && <RefusalAlert refusal={refusal} />}
          <ScanAlert disclosure={disclosure} />
          <FlowActions
            disclosure={disclosure}
            pending={pending}
            onAction={(action) => void run(action)}
            onReturn={() => setReturning(true)}
            onCorrect={correct}
          />
        </Flex>
      </Card>
      {editable ? (
        <DisclosureEditor disclosure={disclosure} form={form} onSave={onSave} saving={update.isPending && pending === null} />
      ) : (
        <ReadOnlyContent disclosure={disclosure} />
      )}
      <EventHistory events={disclosure.events} />
      {returning && (
        <ReasonModal
          title="退回"
          okText="退回"
          subject={`${disclosure.organizationName}:${disclosure.title}`}
          label="退回原因"
          rules={rulesFor(ReturnDisclosureSchema, 'reason', { requiredMessage: '请写明退回原因' })}
          {...textPropsOf(ReturnDisclosureSchema, 'reason')}
          placeholder="例如:第3项支出缺少凭证"
          field="reason"
          pending={step.isPending}
          onSubmit={async (reason) => {
            await run('return', reason);
            return '已退回';
          }}
          onClose={() => setReturning(false)}
        />
      )}
    </Flex>
  );
}
