import { useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { PaperClipOutlined } from '../../lib/icons';
import {
  AddFourTwoStageSchema, FourTwoVoteSchema, type AddFourTwoStage, FOUR_TWO_STAGE_LABELS, RESOLUTION_BODIES, RESOLUTION_BODY_LABELS, todayInShanghai,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { DateInput } from '../../components/DateInput';
import { useSettings } from '../../lib/settings';
import { FilePickButton } from '../../components/FilePickButton';
import { useAddStage, type FourTwoProcedure, type FourTwoStage, type ResolutionBody } from './api';
import { VOTING_STAGES } from './labels';
import { numberPropsOf, rulesFor, textPropsOf } from '../../lib/contract-rules';

interface VoteValues {
  eligible?: number | null;
  present?: number | null;
  yes?: number | null;
  no?: number | null;
  abstain?: number | null;
}

interface Values {
  heldOn?: string | null;
  body?: ResolutionBody;
  vote?: VoteValues;
  note?: string;
}

export interface Thresholds {
  reviewQuorumPercent: number;
  reviewApprovePercent: number;
}

/** The review thresholds in force: the town's settings (GET /api/settings), else the ones the procedure carries. */
export function useThresholds(fallback: Thresholds): Thresholds {
  const settings = useSettings();
  const value = (key: string) => settings.data?.find((s) => s.key === key)?.value;
  return {
    reviewQuorumPercent: value('fourTwo.reviewQuorumPercent') ?? fallback.reviewQuorumPercent,
    reviewApprovePercent: value('fourTwo.reviewApprovePercent') ?? fallback.reviewApprovePercent,
  };
}

export function toStageBody(stage: FourTwoStage, values: Values): AddFourTwoStage {
  const body: AddFourTwoStage = { stage, heldOn: values.heldOn ?? '', note: values.note?.trim() || null };
  if (stage === 'resolution') body.body = values.body ?? null;
  if (VOTING_STAGES.includes(stage)) {
    const v = values.vote ?? {};
    body.vote = {
      eligible: v.eligible ?? 0,
      present: v.present ?? 0,
      yes: v.yes ?? 0,
      no: v.no ?? 0,
      abstain: v.abstain ?? 0,
    };
  }
  return body;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** The rule before the facts: what the review needs, and how the numbers typed so far compare. */
function ReviewRule({ thresholds, vote }: { thresholds: Thresholds; vote: VoteValues | undefined }) {
  const eligible = vote?.eligible ?? 0;
  const present = vote?.present ?? 0;
  const yes = vote?.yes ?? 0;
  const filled = eligible > 0 && present > 0;
  const quorumOk = pct(present, eligible) >= thresholds.reviewQuorumPercent;
  const approveOk = pct(yes, present) > thresholds.reviewApprovePercent;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="review-rule"
      title={`审议规则(本镇设置):党员大会到会党员不少于应到党员的 ${thresholds.reviewQuorumPercent}%,赞成票超过到会党员的 ${thresholds.reviewApprovePercent}% 为通过`}
      description={
        filled ? (
          <span data-testid="review-check">
            到会 {present}/{eligible}({pct(present, eligible)}%){quorumOk ? ',达到到会要求' : ',未达到到会要求,不能作出审议决定'};
            赞成 {yes}/{present}({pct(yes, present)}%){approveOk ? ',可以通过' : ',不足通过比例'}。
          </span>
        ) : '填写应到、实到和表决票数后在此核对。预备党员没有表决权,不计入应到和表决人数。'
      }
    />
  );
}

function ResolutionRule() {
  return (
    <Alert
      type="info"
      showIcon
      title="决议规则(《村民委员会组织法》第二十二条、第二十六条)"
      description="村民会议应有本村十八周岁以上村民过半数或三分之二以上的户的代表参加;村民代表会议应有三分之二以上组成人员参加。所作决定经到会人员过半数通过。"
    />
  );
}

const COUNT_FIELDS: [keyof VoteValues, string][] = [['eligible', '应到'], ['present', '实到'], ['yes', '赞成'], ['no', '反对'], ['abstain', '弃权']];

/** The form for the procedure's next stage. */
export function StageForm({ procedure, stage }: { procedure: FourTwoProcedure; stage: FourTwoStage }) {
  const [form] = Form.useForm<Values>();
  const add = useAddStage(procedure.id);
  const { message } = App.useApp();
  const thresholds = useThresholds(procedure.thresholds);
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const vote = Form.useWatch('vote', form);
  const today = todayInShanghai();
  const voting = VOTING_STAGES.includes(stage);

  const onFinish = (values: Values) => {
    setRefusal(null);
    add.mutate(
      { body: toStageBody(stage, values), file },
      {
        onSuccess: () => {
          message.success(`已记录“${FOUR_TWO_STAGE_LABELS[stage]}”`);
          form.resetFields();
          setFile(null);
        },
        onError: (e) => {
          applyFieldErrors(form, e, ['heldOn', 'body', 'note', 'eligible', 'present', 'yes', 'no', 'abstain']);
          setRefusal(errorMessage(e));
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name={`stage-${stage}`}
      initialValues={{ heldOn: today, body: stage === 'resolution' ? 'representatives_meeting' : undefined }}
      onFinish={onFinish}
      data-testid="stage-form"
    >
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {stage === 'review' && <ReviewRule thresholds={thresholds} vote={vote} />}
        {stage === 'resolution' && <ResolutionRule />}
      </Flex>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="日期" name="heldOn" rules={rulesFor(AddFourTwoStageSchema, 'heldOn')}>
            <DateInput max={today} />
          </Form.Item>
        </Col>
        {stage === 'resolution' && (
          <Col xs={24} sm={12}>
            <Form.Item label="决议机构" name="body" rules={rulesFor(AddFourTwoStageSchema, 'body', { required: true })}>
              <Select options={RESOLUTION_BODIES.map((b) => ({ value: b, label: RESOLUTION_BODY_LABELS[b] }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {voting && (
        <Row gutter={8}>
          {COUNT_FIELDS.map(([name, label]) => (
            <Col key={name} xs={8} sm={4}>
              <Form.Item
                label={label}
                name={['vote', name]}
                rules={rulesFor(FourTwoVoteSchema, name, { requiredMessage: `请填写${label}` })}
              >
                <InputNumber aria-label={label} {...numberPropsOf(FourTwoVoteSchema, name)} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      )}
      <Form.Item label={stage.endsWith('disclosure') ? '公开内容' : '情况说明'} name="note" rules={rulesFor(AddFourTwoStageSchema, 'note')}>
        <Input.TextArea rows={3} {...textPropsOf(AddFourTwoStageSchema, 'note')} />
      </Form.Item>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <FilePickButton category="material" label="选择材料" onFiles={(files) => setFile(files[0] ?? null)} multiple={false} />
        {file ? (
          <Typography.Text>
            <PaperClipOutlined /> {file.name}{' '}
            <Button type="link" size="small" onClick={() => setFile(null)}>移除</Button>
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">会议记录、公开照片等(选填)</Typography.Text>
        )}
      </Flex>
      {refusal && <Alert type="error" showIcon title="未能记录" description={refusal} style={{ marginBottom: 12 }} data-testid="stage-refusal" />}
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        记录“{FOUR_TWO_STAGE_LABELS[stage]}”
      </Button>
    </Form>
  );
}
