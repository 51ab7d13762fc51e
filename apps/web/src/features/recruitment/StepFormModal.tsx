import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Flex, Form, Input, Select, Spin, Typography } from 'antd';
import {
  RecordStepSchema, DECIDING_BODIES, DECIDING_BODY_LABELS, type RuleMessage, STEP_ACTOR_LABELS, type StepDetails, todayInShanghai,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage, isApiError } from '../../lib/api-client';
import { useOrganizationTreeData } from '../../lib/organizations';
import { groupOptionsFor } from '../../lib/org-options';
import { DateInput } from '../../components/DateInput';
import { checkStep, useRecordStep, type Recruitment, type RecruitmentStep, type RecordStep, type StepCheck } from './api';
import { defaultDecidedBy, type DecidingBody } from './labels';
import { DETAIL_FIELDS, StepDetailsFields } from './StepDetailsFields';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';

type DetailValues = Omit<StepDetails, 'vote'> & { vote?: Partial<NonNullable<StepDetails['vote']>> };

interface Values {
  occurredOn: string | null;
  decidedBy?: DecidingBody;
  note?: string;
  details?: DetailValues;
}

const CHECK_DELAY_MS = 400;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The form's values as the API's RecordStep: blanks dropped, a half-filled vote left out (the rules ask for it). */
export function toRecordBody(stepCode: string, values: Values): RecordStep | null {
  if (!values.occurredOn) return null;
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values.details ?? {})) {
    if (key === 'vote') continue;
    if (!isSet(value)) continue;
    details[key] = typeof value === 'string' ? value.trim() : value;
  }
  const vote = values.details?.vote;
  if (vote && typeof vote.eligible === 'number' && typeof vote.present === 'number' && typeof vote.yes === 'number') {
    details.vote = { eligible: vote.eligible, present: vote.present, yes: vote.yes, no: vote.no ?? 0, abstain: vote.abstain ?? 0 };
  }
  if (details.decision !== 'extend') delete details.extensionMonths;
  const note = values.note?.trim();
  return {
    stepCode,
    occurredOn: values.occurredOn,
    ...(values.decidedBy ? { decidedBy: values.decidedBy } : {}),
    ...(note ? { note } : {}),
    details: details as StepDetails,
  };
}

/** The dry run, ≈400 ms after the last change; an older answer never overwrites a newer one. */
function useStepCheck(recruitmentId: number, body: RecordStep | null) {
  const key = body ? JSON.stringify(body) : '';
  const [state, setState] = useState<{ key: string; result: StepCheck | null; error: unknown; pending: boolean }>({
    key: '', result: null, error: null, pending: false,
  });
  useEffect(() => {
    if (!key) {
      setState((old) => (old.pending ? { ...old, pending: false } : old));
      return;
    }
    const controller = new AbortController();
    setState((old) => ({ ...old, pending: true }));
    const timer = setTimeout(() => {
      checkStep(recruitmentId, JSON.parse(key) as RecordStep, controller.signal).then(
        (result) => setState({ key, result, error: null, pending: false }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ key, result: null, error, pending: false });
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [recruitmentId, key]);
  return state;
}

function RuleAlerts({ items, type, title, testId }: { items: RuleMessage[]; type: 'error' | 'warning'; title: string; testId: string }) {
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {items.map((item, index) => (
        <Alert
          key={`${item.rule}-${index}`}
          type={type}
          showIcon
          title={`${title}:${item.message}`}
          description={item.source ? `依据:${item.source}` : undefined}
        />
      ))}
    </Flex>
  );
}

interface Props {
  recruitment: Recruitment;
  step: RecruitmentStep;
  onClose: () => void;
}

/** 记录一步: the rule first, then the facts, checked against the rules as they are typed. */
export function StepFormModal({ recruitment, step, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const record = useRecordStep();
  const today = todayInShanghai();
  const initialValues: Values = { occurredOn: today, decidedBy: defaultDecidedBy(step.actor), details: {} };
  const [values, setValues] = useState<Values>(initialValues);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const body = useMemo(() => toRecordBody(step.code, values), [step.code, values]);
  const check = useStepCheck(recruitment.id, body);
  const orgs = useOrganizationTreeData(step.code === 'placement');
  const groups = useMemo(() => groupOptionsFor(orgs.data ?? [], recruitment.organizationId), [orgs.data, recruitment.organizationId]);
  const knownMembers = useMemo(() => recruitment.relations.map((r) => ({ value: r.memberId, label: r.memberName })), [recruitment.relations]);

  const current = check.result && check.key === (body ? JSON.stringify(body) : '') ? check.result : null;
  const blocks = current?.blocks ?? [];
  const warnings = current?.warnings ?? [];
  const guidance = current?.guidance || step.guidance;

  const onFinish = (submitted: Values) => {
    const payload = toRecordBody(step.code, { ...values, ...submitted, details: { ...values.details, ...submitted.details } });
    if (!payload) return;
    setSubmitError(null);
    record.mutate(
      { id: recruitment.id, body: payload },
      {
        onSuccess: () => {
          message.success(`已记录“${step.name}”`);
          onClose();
        },
        onError: (error) => {
          setSubmitError(errorMessage(error));
          if (isApiError(error)) {
            const known = new Set<string>(DETAIL_FIELDS);
            const fields = error.fields
              .map((f) => ({ path: f.path.split(/[./]/).filter(Boolean).at(-1) ?? '', message: f.message }))
              .filter((f) => known.has(f.path) || f.path === 'occurredOn' || f.path === 'decidedBy' || f.path === 'note');
            if (fields.length) {
              form.setFields(
                fields.map((f) => ({ name: known.has(f.path) ? ['details', f.path] : f.path, errors: [f.message] })) as Parameters<typeof form.setFields>[0],
              );
            }
          }
        },
      },
    );
  };

  return (
    <FormModal<Values>
      open
      title={`记录:${step.name}`}
      onClose={onClose}
      form={form}
      name={`step-${step.code}`}
      okText="保存"
      okDisabled={blocks.length > 0}
      pending={record.isPending}
      width={640}
      initialValues={initialValues}
      onValuesChange={(_changed, all) => setValues(all)}
      onFinish={onFinish}
      before={
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Alert type="info" showIcon title="工作要求" description={guidance} data-testid="step-guidance" />
          <Typography.Text type="secondary">
            办理主体:{STEP_ACTOR_LABELS[step.actor]}
            {step.requiredDocuments.length > 0 ? ` · 需留存材料:${step.requiredDocuments.join('、')}` : ''}
          </Typography.Text>
        </Flex>
      }
      after={
        <Flex vertical gap={8}>
          {check.pending && (
            <Typography.Text type="secondary">
              <Spin size="small" /> 正在对照规定检查…
            </Typography.Text>
          )}
          {check.error !== null && !check.pending && (
            <Alert type="info" showIcon title="暂时无法检查" description={errorMessage(check.error)} />
          )}
          <RuleAlerts items={blocks} type="error" title="不能记录" testId="step-blocks" />
          <RuleAlerts items={warnings} type="warning" title="提醒,可以记录但会留痕" testId="step-warnings" />
          {submitError && <Alert type="error" showIcon title="未能保存" description={submitError} data-testid="step-submit-error" />}
        </Flex>
      }
    >
      <Form.Item label="日期" name="occurredOn" rules={rulesFor(RecordStepSchema, 'occurredOn')}>
        <DateInput max={today} />
      </Form.Item>
      <Form.Item label="决定机构" name="decidedBy">
        <Select allowClear placeholder="不适用" options={DECIDING_BODIES.map((b) => ({ value: b, label: DECIDING_BODY_LABELS[b] }))} />
      </Form.Item>
      <StepDetailsFields stepCode={step.code} knownMembers={knownMembers} groups={groups} />
      <Form.Item label="备注" name="note" rules={rulesFor(RecordStepSchema, 'note')}>
        <Input.TextArea rows={2} {...textPropsOf(RecordStepSchema, 'note')} placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}
