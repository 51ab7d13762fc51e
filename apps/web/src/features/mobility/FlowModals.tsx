import { Alert, App, Form, Input, Radio, Select, Typography } from 'antd';
import {
  CreateFlowSchema, EndFlowSchema, FLOW_CONTACT_METHOD_LABELS, FLOW_CONTACT_METHODS, FlowContactSchema, type MemberDetail, MEMBERSHIP_EVENT_LABELS, todayInShanghai,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { dateRangeRule } from '../../lib/date-rules';
import { applyMappedFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useEndFlow, useRecordContact, useStartFlow, type CreateFlow, type MemberFlow } from './api';

type Direction = CreateFlow['direction'];
type ContactMethod = (typeof FLOW_CONTACT_METHODS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  outflow: MEMBERSHIP_EVENT_LABELS.flowed_out,
  inflow: MEMBERSHIP_EVENT_LABELS.flowed_in,
};
/** Where the member went (外出) or came from (流入). */
export const PLACE_LABELS: Record<Direction, string> = { outflow: '流向地', inflow: '流入前所在地' };
export const START_LABELS: Record<Direction, string> = { outflow: '外出日期', inflow: '流入日期' };

const METHOD_OPTIONS = FLOW_CONTACT_METHODS.map((method) => ({ value: method, label: FLOW_CONTACT_METHOD_LABELS[method] }));
const flowRules = (field: keyof typeof CreateFlowSchema.shape, requiredMessage?: string) => rulesFor(CreateFlowSchema, field, { requiredMessage });
const flowMax = (field: keyof typeof CreateFlowSchema.shape) => textPropsOf(CreateFlowSchema, field);
const notLaterThanToday = (today: string) => dateRangeRule({ max: today, maxMessage: '日期不能晚于今天' });

const blankToNull = (value: string | undefined) => value?.trim() || null;

// ─── 登记外出流动 ──────────────────────────────────────────────────────────────────────────────────────

interface StartValues {
  direction: Direction;
  startedOn: string | null;
  destination: string;
  workUnit?: string;
  hasFixedPlace: boolean;
  activityCardNo?: string;
  hostBranch?: string;
}

/** The flow's date is also the date of the 外出流动/流入 event, which the server checks as `occurredOn`. */
const START_FIELDS = {
  direction: 'direction',
  startedOn: 'startedOn',
  occurredOn: 'startedOn',
  destination: 'destination',
  workUnit: 'workUnit',
  hasFixedPlace: 'hasFixedPlace',
  activityCardNo: 'activityCardNo',
  hostBranch: 'hostBranch',
};

interface ModalProps {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}

export function StartFlowModal({ member, open, onClose }: ModalProps) {
  const [form] = Form.useForm<StartValues>();
  const { message } = App.useApp();
  const start = useStartFlow();
  const direction = Form.useWatch('direction', form) ?? 'outflow';
  const today = todayInShanghai();

  const onFinish = (values: StartValues) => {
    const body: CreateFlow = {
      direction: values.direction,
      startedOn: values.startedOn ?? '',
      destination: values.destination.trim(),
      workUnit: blankToNull(values.workUnit),
      hasFixedPlace: values.hasFixedPlace,
      activityCardNo: blankToNull(values.activityCardNo),
      hostBranch: blankToNull(values.hostBranch),
    };
    start.mutate(
      { memberId: member.id, body },
      {
        onSuccess: () => {
          message.success(`已登记“${DIRECTION_LABELS[values.direction]}”`);
          onClose();
        },
        onError: (error) => {
          applyMappedFieldErrors(form, error, START_FIELDS);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<StartValues>
      title={`登记外出流动:${member.name}`}
      name="start-flow"
      open={open}
      onClose={onClose}
      form={form}
      pending={start.isPending}
      onFinish={onFinish}
      initialValues={{ direction: 'outflow', startedOn: today, hasFixedPlace: false }}
    >
      <Form.Item label="流动类型" name="direction" rules={flowRules('direction')}>
        <Radio.Group
          options={(['outflow', 'inflow'] as const).map((value) => ({ value, label: DIRECTION_LABELS[value] }))}
          optionType="button"
        />
      </Form.Item>
      <Form.Item
        label={START_LABELS[direction]}
        name="startedOn"
        rules={[...flowRules('startedOn', `请选择${START_LABELS[direction]}`), notLaterThanToday(today)]}
      >
        <DateInput max={today} />
      </Form.Item>
      <Form.Item
        label={PLACE_LABELS[direction]}
        name="destination"
        rules={flowRules('destination', `请填写${PLACE_LABELS[direction]}`)}
      >
        <Input {...flowMax('destination')} placeholder="例如:江苏省苏州市工业园区" />
      </Form.Item>
      <Form.Item label="工作单位" name="workUnit" rules={flowRules('workUnit')}>
        <Input {...flowMax('workUnit')} placeholder="选填" />
      </Form.Item>
      <Form.Item
        label="在流入地有相对固定的处所"
        name="hasFixedPlace"
        extra="外出6个月以上并且地点相对固定的,应当转接组织关系(《中国共产党党员教育管理工作条例》第二十五条)。"
      >
        <Radio.Group options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
      </Form.Item>
      <Form.Item label="《流动党员活动证》编号" name="activityCardNo" rules={flowRules('activityCardNo')}>
        <Input {...flowMax('activityCardNo')} placeholder="选填" />
      </Form.Item>
      <Form.Item label="参加组织生活的党组织" name="hostBranch" rules={flowRules('hostBranch')}>
        <Input {...flowMax('hostBranch')} placeholder="选填,例如流入地的流动党员党支部" />
      </Form.Item>
    </FormModal>
  );
}

// ─── 记录联系 ─────────────────────────────────────────────────────────────────────────────────────────

interface ContactValues {
  contactedOn: string | null;
  method: ContactMethod;
  note?: string;
}

interface FlowModalProps extends ModalProps {
  flow: MemberFlow | null;
}

export function ContactModal({ member, flow, open, onClose }: FlowModalProps) {
  const [form] = Form.useForm<ContactValues>();
  const { message } = App.useApp();
  const record = useRecordContact();
  const today = todayInShanghai();

  const onFinish = (values: ContactValues) => {
    if (!flow) return;
    record.mutate(
      {
        memberId: member.id,
        flowId: flow.id,
        body: { contactedOn: values.contactedOn ?? '', method: values.method, note: blankToNull(values.note) },
      },
      {
        onSuccess: () => {
          message.success('已记录联系');
          onClose();
        },
        onError: (error) => {
          applyMappedFieldErrors(form, error, { contactedOn: 'contactedOn', method: 'method', note: 'note' });
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<ContactValues>
      title={`记录联系:${member.name}`}
      name="flow-contact"
      open={open}
      onClose={onClose}
      form={form}
      pending={record.isPending}
      onFinish={onFinish}
      initialValues={{ contactedOn: today, method: 'phone' }}
    >
      <Typography.Paragraph type="secondary">
        每次与流动党员取得联系都请记录;6个月以上未能取得联系的,系统会在待办事项中提醒。
      </Typography.Paragraph>
      <Form.Item
        label="联系日期"
        name="contactedOn"
        rules={[
          ...rulesFor(FlowContactSchema, 'contactedOn'),
          dateRangeRule({
            min: flow?.startedOn,
            minMessage: `联系日期不能早于流动开始日期(${flow?.startedOn ?? ''})`,
            max: today,
            maxMessage: '联系日期不能晚于今天',
          }),
        ]}
      >
        <DateInput min={flow?.startedOn} max={today} />
      </Form.Item>
      <Form.Item label="联系方式" name="method" rules={rulesFor(FlowContactSchema, 'method')}>
        <Select options={METHOD_OPTIONS} placeholder="请选择联系方式" />
      </Form.Item>
      <Form.Item label="联系情况" name="note" rules={rulesFor(FlowContactSchema, 'note')}>
        <Input.TextArea rows={3} {...textPropsOf(FlowContactSchema, 'note')} placeholder="选填,例如:在苏州务工,参加当地流动党员党支部活动" />
      </Form.Item>
    </FormModal>
  );
}

// ─── 结束流动 ─────────────────────────────────────────────────────────────────────────────────────────

interface EndValues {
  endedOn: string | null;
}

export function EndFlowModal({ member, flow, open, onClose }: FlowModalProps) {
  const [form] = Form.useForm<EndValues>();
  const { message } = App.useApp();
  const end = useEndFlow();
  const today = todayInShanghai();

  const onFinish = (values: EndValues) => {
    if (!flow) return;
    end.mutate(
      { memberId: member.id, flowId: flow.id, endedOn: values.endedOn ?? '' },
      {
        onSuccess: () => {
          message.success('已结束流动登记');
          onClose();
        },
        onError: (error) => {
          applyMappedFieldErrors(form, error, { endedOn: 'endedOn', occurredOn: 'endedOn' });
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<EndValues>
      title={`结束流动:${member.name}`}
      name="end-flow"
      open={open}
      onClose={onClose}
      form={form}
      pending={end.isPending}
      onFinish={onFinish}
      initialValues={{ endedOn: today }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="结束后该党员不再作为流动党员管理,联系记录会保留。"
      />
      <Form.Item
        label="结束日期(返回日期)"
        name="endedOn"
        rules={[
          ...rulesFor(EndFlowSchema, 'endedOn'),
          dateRangeRule({
            min: flow?.startedOn,
            minMessage: `结束日期不能早于流动开始日期(${flow?.startedOn ?? ''})`,
            max: today,
            maxMessage: '结束日期不能晚于今天',
          }),
        ]}
      >
        <DateInput min={flow?.startedOn} max={today} />
      </Form.Item>
    </FormModal>
  );
}
