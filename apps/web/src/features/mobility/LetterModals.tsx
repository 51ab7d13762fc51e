import { Alert, App, Form, Input, InputNumber } from 'antd';
import { CreateLetterSchema, LetterReceiptSchema, type MemberDetail, todayInShanghai } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { dateRangeRule } from '../../lib/date-rules';
import { applyMappedFieldErrors } from '../../lib/form-errors';
import { numberPropsOf, rulesFor, textPropsOf } from '../../lib/contract-rules';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useSettingValue } from '../../lib/settings';
import { useIssueLetter, useReturnReceipt, type TransferLetter } from './api';

export const LETTER_VALID_DAYS_KEY = 'transfer.letterValidDays';

const letterRules = (field: keyof typeof CreateLetterSchema.shape) => rulesFor(CreateLetterSchema, field);
const letterMax = (field: keyof typeof CreateLetterSchema.shape) => textPropsOf(CreateLetterSchema, field);

// ─── 开具介绍信 ──────────────────────────────────────────────────────────────────────────────────────

interface LetterValues {
  letterNo: string;
  destination: string;
  issuedOn: string | null;
  validDays?: number | null;
}

/** The letter's date is also the date of the 组织关系转出 event, checked by the server as `occurredOn`. */
const LETTER_FIELDS = {
  letterNo: 'letterNo',
  destination: 'destination',
  issuedOn: 'issuedOn',
  occurredOn: 'issuedOn',
  validDays: 'validDays',
};

interface IssueProps {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}

export function IssueLetterModal({ member, open, onClose }: IssueProps) {
  const [form] = Form.useForm<LetterValues>();
  const { message } = App.useApp();
  const issue = useIssueLetter();
  // Only for the hint; the server applies the town's value itself when the field is left empty.
  const validDaysSetting = useSettingValue(LETTER_VALID_DAYS_KEY, open);
  const today = todayInShanghai();

  const onFinish = (values: LetterValues) => {
    issue.mutate(
      {
        memberId: member.id,
        body: {
          letterNo: values.letterNo.trim(),
          destination: values.destination.trim(),
          issuedOn: values.issuedOn ?? '',
          ...(values.validDays ? { validDays: values.validDays } : {}),
        },
      },
      {
        onSuccess: () => {
          message.success('已开具介绍信并记录组织关系转出,该党员已不在本镇党员名册中');
          onClose();
        },
        onError: (error) => {
          applyMappedFieldErrors(form, error, LETTER_FIELDS);
          message.error(errorMessage(error));
        },
      },
    );
  };

  const defaultHint = validDaysSetting
    ? `不填写则按本镇设置的有效期(当前为${validDaysSetting.value}${validDaysSetting.unit})。`
    : '不填写则按本镇设置中的介绍信有效期。';

  return (
    <FormModal<LetterValues>
      title={`开具介绍信(转往本镇以外):${member.name}`}
      name="issue-letter"
      open={open}
      onClose={onClose}
      form={form}
      pending={issue.isPending}
      onFinish={onFinish}
      initialValues={{ issuedOn: today }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="开具介绍信即记录“组织关系转出”,该党员将不再出现在本镇党员名册中。"
        description="转往本镇其他党支部的,请在“基本信息”中使用“记录党籍变动”。"
      />
      <Form.Item
        label="介绍信编号"
        name="letterNo"
        rules={letterRules('letterNo')}
      >
        <Input {...letterMax('letterNo')} placeholder="例如:西组〔2026〕3号" />
      </Form.Item>
      <Form.Item
        label="转往党组织"
        name="destination"
        rules={letterRules('destination')}
      >
        <Input {...letterMax('destination')} placeholder="例如:中共某某县某某镇委员会" />
      </Form.Item>
      <Form.Item
        label="开具日期"
        name="issuedOn"
        rules={[...letterRules('issuedOn'), dateRangeRule({ max: today, maxMessage: '开具日期不能晚于今天' })]}
      >
        <DateInput max={today} />
      </Form.Item>
      <Form.Item label="有效期天数" name="validDays" rules={letterRules('validDays')} extra={`${defaultHint}本镇设置由镇党委管理员在“本镇设置”中修改。`}>
        <InputNumber<number> {...numberPropsOf(CreateLetterSchema, 'validDays')} suffix="天" placeholder="选填" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

// ─── 登记回执 ─────────────────────────────────────────────────────────────────────────────────────────

interface ReceiptValues {
  receiptReturnedOn: string | null;
}

interface ReceiptProps {
  member: MemberDetail;
  letter: TransferLetter | null;
  open: boolean;
  onClose: () => void;
}

export function ReceiptModal({ member, letter, open, onClose }: ReceiptProps) {
  const [form] = Form.useForm<ReceiptValues>();
  const { message } = App.useApp();
  const record = useReturnReceipt();
  const today = todayInShanghai();

  const onFinish = (values: ReceiptValues) => {
    if (!letter) return;
    record.mutate(
      { memberId: member.id, letterId: letter.id, receiptReturnedOn: values.receiptReturnedOn ?? '' },
      {
        onSuccess: () => {
          message.success('已登记介绍信回执');
          onClose();
        },
        onError: (error) => {
          applyMappedFieldErrors(form, error, { receiptReturnedOn: 'receiptReturnedOn' });
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<ReceiptValues>
      title={`登记回执:${letter?.letterNo ?? ''}`}
      name="letter-receipt"
      open={open}
      onClose={onClose}
      form={form}
      pending={record.isPending}
      onFinish={onFinish}
      initialValues={{ receiptReturnedOn: today }}
    >
      {letter && (
        <p>
          {member.name} 转往 {letter.destination}(开具日期 {letter.issuedOn})
        </p>
      )}
      <Form.Item
        label="回执退回日期"
        name="receiptReturnedOn"
        rules={[
          ...rulesFor(LetterReceiptSchema, 'receiptReturnedOn'),
          dateRangeRule({
            min: letter?.issuedOn,
            minMessage: '回执日期不能早于开具日期',
            max: today,
            maxMessage: '回执日期不能晚于今天',
          }),
        ]}
      >
        <DateInput min={letter?.issuedOn} max={today} />
      </Form.Item>
    </FormModal>
  );
}
