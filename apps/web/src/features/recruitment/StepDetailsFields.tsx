import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { MeetingVoteSchema, StepDetailsSchema } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { numberPropsOf, rulesFor, textPropsOf } from '../../lib/contract-rules';
import { CONCLUSION_LABELS, DECISION_LABELS } from './labels';
import { MemberSelect } from './MemberSelect';
import { useCandidateTrainings } from './api';

/** Names of the detail inputs, so a server message about a field can land under it. */
export const DETAIL_FIELDS = [
  'talker', 'summary', 'memberIds', 'conclusion', 'trainingDays', 'trainingHours', 'certificateNo', 'trainingSessionId', 'leavingOn',
  'vote', 'decision', 'extensionMonths', 'approved', 'delayReason', 'groupId',
] as const;

interface Props {
  stepCode: string;
  /** Names of members already linked to the recruitment (培养联系人, 入党介绍人). */
  knownMembers: readonly { value: number; label: string }[];
  /** The branch's 党小组, for 编入党小组. */
  groups: readonly { value: number; label: string }[];
}

const d = (...path: (string | number)[]) => ['details', ...path];
type Detail = keyof typeof StepDetailsSchema.shape;
// Every detail is optional in the contract; which ones a step needs is the server's step rule, so the form
// requires the ones its step shows, with the contract's limits and labels.
const needed = (field: Detail, requiredMessage?: string) => rulesFor(StepDetailsSchema, field, { required: true, requiredMessage });
const optional = (field: Detail) => rulesFor(StepDetailsSchema, field);
const textProps = (field: Detail) => textPropsOf(StepDetailsSchema, field);
const count = (label: string, field: keyof typeof MeetingVoteSchema.shape) => (
  <Col xs={12} sm={8} key={field}>
    <Form.Item label={label} name={d('vote', field)} rules={rulesFor(MeetingVoteSchema, field, { required: true })}>
      <InputNumber {...numberPropsOf(MeetingVoteSchema, field)} style={{ width: '100%' }} />
    </Form.Item>
  </Col>
);

function VoteFields() {
  return (
    <Row gutter={12}>
      {count('应到会有表决权人数', 'eligible')}
      {count('实到会有表决权人数', 'present')}
      {count('赞成', 'yes')}
      {count('反对', 'no')}
      {count('弃权', 'abstain')}
    </Row>
  );
}

function ApprovalFields() {
  return (
    <>
      <Form.Item label="审批结果" name={d('approved')} rules={needed('approved')}>
        <Radio.Group options={[{ value: true, label: '批准' }, { value: false, label: '不批准' }]} />
      </Form.Item>
      <Form.Item label="超过三个月审批的特殊情况" name={d('delayReason')} rules={optional('delayReason')} extra="支部大会通过后三个月内审批的不必填写">
        <Input.TextArea rows={2} {...textProps('delayReason')} placeholder="选填" />
      </Form.Item>
    </>
  );
}

export function StepDetailsFields({ stepCode, knownMembers, groups }: Props) {
  switch (stepCode) {
    case 'talk':
    case 'committee_talk':
      return (
        <>
          <Form.Item label="谈话人" name={d('talker')} rules={needed('talker')}>
            <Input {...textProps('talker')} />
          </Form.Item>
          <Form.Item label="谈话情况" name={d('summary')} rules={optional('summary')}>
            <Input.TextArea rows={3} {...textProps('summary')} placeholder="谈话的主要内容和印象" />
          </Form.Item>
        </>
      );
    case 'mentors':
    case 'sponsors': {
      const sponsors = stepCode === 'sponsors';
      return (
        <Form.Item
          label={sponsors ? '入党介绍人' : '培养联系人'}
          name={d('memberIds')}
          extra={sponsors ? '两名正式党员' : '一至两名正式党员'}
          rules={needed('memberIds', sponsors ? '请选择两名入党介绍人' : '请选择培养联系人')}
        >
          <MemberSelect multiple max={2} known={knownMembers} />
        </Form.Item>
      );
    }
    case 'political_review':
      return (
        <Form.Item label="政治审查结论" name={d('conclusion')} rules={needed('conclusion')}>
          <Radio.Group options={(['pass', 'fail'] as const).map((value) => ({ value, label: CONCLUSION_LABELS[value] }))} />
        </Form.Item>
      );
    case 'training':
      return <TrainingFields />;
    case 'pre_review':
      return (
        <Form.Item label="预计离开工作、学习单位的日期" name={d('leavingOn')} extra="不知道的不填;即将离开的一般不办理接收手续">
          <DateInput />
        </Form.Item>
      );
    case 'admission_meeting':
      return <VoteFields />;
    case 'confirmation_meeting':
      return (
        <>
          <VoteFields />
          <Form.Item label="支部大会决定" name={d('decision')} rules={needed('decision')}>
            <Radio.Group options={(['confirm', 'extend', 'cancel'] as const).map((value) => ({ value, label: DECISION_LABELS[value] }))} />
          </Form.Item>
          <Form.Item noStyle dependencies={[d('decision')]}>
            {({ getFieldValue }) =>
              getFieldValue(d('decision')) === 'extend' && (
                <Form.Item label="延长预备期(月)" name={d('extensionMonths')} rules={needed('extensionMonths', '请填写延长的月数')} extra="不少于半年,最长不超过一年">
                  <InputNumber {...numberPropsOf(StepDetailsSchema, 'extensionMonths')} style={{ width: '100%' }} />
                </Form.Item>
              )
            }
          </Form.Item>
        </>
      );
    case 'admission_approval':
    case 'confirmation_approval':
      return <ApprovalFields />;
    case 'placement':
      return groups.length > 0 ? (
        <Form.Item label="编入党小组" name={d('groupId')}>
          <Select allowClear placeholder="选填" options={[...groups]} />
        </Form.Item>
      ) : null;
    default:
      return null;
  }
}

/**
 * 集中培训: the 发展对象培训 session the person attended (its days and their credited hours are then what the server
 * checks, 细则第十七条), or days and hours typed when the training was held elsewhere.
 */
function TrainingFields() {
  const sessions = useCandidateTrainings(true);
  return (
    <>
      <Form.Item label="发展对象培训" name={d('trainingSessionId')} rules={optional('trainingSessionId')}
        extra="选择本人参加的发展对象培训班:按该培训的天数和本人计入的学时核对(三天或二十四学时);不在本平台登记的培训,填写下面的天数和学时">
        <Select allowClear placeholder="选择培训(可选)" loading={sessions.isLoading} options={sessions.data ?? []} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item label="培训天数" name={d('trainingDays')} rules={optional('trainingDays')}>
            <InputNumber {...numberPropsOf(StepDetailsSchema, 'trainingDays')} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item label="培训学时" name={d('trainingHours')} rules={optional('trainingHours')}>
            <InputNumber {...numberPropsOf(StepDetailsSchema, 'trainingHours')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="结业证书编号" name={d('certificateNo')} rules={optional('certificateNo')}>
            <Input {...textProps('certificateNo')} placeholder="选填" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
