import { useMemo } from 'react';
import { Alert, App, Form, Input, Select, TreeSelect, Typography } from 'antd';
import {
  type MemberDetail, MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_EVENT_LABELS, type Organization, type RecordEvent, RecordEventSchema, todayInShanghai,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { FormModal } from '../../components/FormModal';
import { useRecordEvent } from './api';
import { DateInput } from '../../components/DateInput';
import { branchOrgOptions } from '../../lib/org-options';

type EventKind = RecordEvent['kind'];

interface EventValues {
  kind: EventKind;
  occurredOn: string | null;
  toOrganizationId?: number | null;
  reason?: string;
}

/**
 * 接收为预备党员 is how a member enters the roster (登记党员), and 组织关系转入 inside the town is written by
 * the transfer itself; everything else is recorded here.
 */
const RECORDABLE_KINDS = MEMBERSHIP_EVENT_KINDS.filter((kind) => kind !== 'admitted' && kind !== 'transferred_in');
const KIND_OPTIONS = RECORDABLE_KINDS.map((kind) => ({ value: kind, label: MEMBERSHIP_EVENT_LABELS[kind] }));
const FIELDS = ['kind', 'occurredOn', 'reason', 'toOrganizationId'];
// A transfer out of town must say where the 介绍信 goes (the API refuses it without); otherwise the reason is optional.
const reasonRules = (leavingTown: boolean) =>
  rulesFor(RecordEventSchema, 'reason', leavingTown ? { required: true, requiredMessage: '请填写转往的党组织(介绍信去向)' } : {});

interface Props {
  member: MemberDetail;
  organizations: readonly Organization[];
  open: boolean;
  onClose: () => void;
  /** member is null when a transfer took them out of the user's sight. */
  onDone: (member: MemberDetail | null) => void;
}

export function RecordEventModal({ member, organizations, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<EventValues>();
  const { message } = App.useApp();
  const record = useRecordEvent();
  const kind = Form.useWatch('kind', form);
  const toOrganizationId = Form.useWatch('toOrganizationId', form);
  const transferOut = kind === 'transferred_out';
  const leavingTown = transferOut && !toOrganizationId;
  const branchOptions = useMemo(
    () => branchOrgOptions(organizations, [member.organizationId]),
    [organizations, member.organizationId],
  );
  const today = todayInShanghai();

  const onFinish = (values: EventValues) => {
    const body: RecordEvent = {
      kind: values.kind,
      occurredOn: values.occurredOn ?? '',
      reason: values.reason?.trim() || null,
    };
    if (values.kind === 'transferred_out') body.toOrganizationId = values.toOrganizationId ?? null;
    record.mutate(
      { id: member.id, body },
      {
        onSuccess: ({ member: updated }) => {
          message.success(
            updated ? `已记录“${MEMBERSHIP_EVENT_LABELS[values.kind]}”` : '已记录组织关系转出,该党员已不在您的管理范围内',
          );
          onDone(updated);
        },
        onError: (error) => {
          applyFieldErrors(form, error, FIELDS);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<EventValues>
      title={`记录党籍变动:${member.name}`}
      name="record-membership-event"
      open={open}
      onClose={onClose}
      form={form}
      pending={record.isPending}
      onFinish={onFinish}
      initialValues={{ occurredOn: today }}
    >
      <Typography.Paragraph type="secondary">
        党员的类别(正式/预备)、党籍状态和流动情况都由这些有日期的记录推算,记录后立即生效并记入审计日志。
      </Typography.Paragraph>
      <Form.Item label="变动类型" name="kind" rules={rulesFor(RecordEventSchema, 'kind')}>
        <Select options={KIND_OPTIONS} placeholder="请选择变动类型" showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item
        label="发生日期"
        name="occurredOn"
        rules={[
          ...rulesFor(RecordEventSchema, 'occurredOn'),
          {
            validator: (_rule, value: string | null) =>
              value && value > today ? Promise.reject(new Error('发生日期不能晚于今天')) : Promise.resolve(),
          },
        ]}
      >
        <DateInput max={today} />
      </Form.Item>
      {transferOut && (
        <Form.Item
          label="转入本镇党支部"
          name="toOrganizationId"
          extra="不选择表示转往本镇以外的党组织;选择后该党员直接编入所选党支部。"
        >
          <TreeSelect<number>
            treeData={branchOptions}
            allowClear
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="转往本镇以外(不选择)"
            notFoundContent="没有可选的党支部"
          />
        </Form.Item>
      )}
      {leavingTown && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="转往本镇以外后,该党员将不再出现在本镇名册中。"
        />
      )}
      <Form.Item
        label={leavingTown ? '转往党组织(介绍信去向)' : '原因/备注'}
        name="reason"
        rules={reasonRules(leavingTown)}
      >
        <Input.TextArea
          rows={3}
          {...textPropsOf(RecordEventSchema, 'reason')}
          showCount
          placeholder={leavingTown ? '例如:中共某某县某某镇委员会' : '例如:支部大会讨论通过'}
        />
      </Form.Item>
    </FormModal>
  );
}
