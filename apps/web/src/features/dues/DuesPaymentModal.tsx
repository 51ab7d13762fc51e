import { Alert, App, Checkbox, Empty, Form, Input, Typography } from 'antd';
import {
  BACK_PAYMENT_LIMIT_MONTHS, backPaymentAllowed, currentMonth, DuesPaymentSchema, type MemberDetail, type MemberDues, todayInShanghai,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { dateRangeRule } from '../../lib/date-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { formatFen } from '../../lib/money';
import { monthLabel } from '../../lib/months';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useRecordDuesPayment, type DuesPayment } from './api';

interface PaymentValues {
  months: string[];
  paidOn: string | null;
  paidBy?: string;
}

const FIELDS = ['months', 'paidOn', 'paidBy'];

/** Unpaid months that may still be paid now: this month and the six before it, oldest first. */
export function payableMonths(dues: Pick<MemberDues, 'unpaidMonths'>, asOfMonth: string): { payable: string[]; tooOld: string[] } {
  const months = [...new Set(dues.unpaidMonths)].sort();
  return {
    payable: months.filter((month) => backPaymentAllowed(month, asOfMonth)),
    tooOld: months.filter((month) => month < asOfMonth && !backPaymentAllowed(month, asOfMonth)),
  };
}

export function paymentBody(values: PaymentValues): DuesPayment {
  return { months: [...values.months].sort(), paidOn: values.paidOn ?? '', paidBy: values.paidBy?.trim() || null };
}

interface Props {
  member: MemberDetail;
  dues: MemberDues;
  /** 应交 per month where the shown year's ledger knows it. */
  dueByMonth: ReadonlyMap<string, number>;
  open: boolean;
  onClose: () => void;
}

export function DuesPaymentModal({ member, dues, dueByMonth, open, onClose }: Props) {
  const [form] = Form.useForm<PaymentValues>();
  const { message } = App.useApp();
  const record = useRecordDuesPayment();
  const today = todayInShanghai();
  const month = currentMonth();
  const { payable, tooOld } = payableMonths(dues, month);
  const chosen: string[] = Form.useWatch('months', form) ?? [];
  const knownTotal = chosen.every((m) => dueByMonth.has(m)) ? chosen.reduce((sum, m) => sum + (dueByMonth.get(m) ?? 0), 0) : null;

  const onFinish = (values: PaymentValues) => {
    record.mutate(
      { memberId: member.id, body: paymentBody(values), currentYear: Number(month.slice(0, 4)) },
      {
        onSuccess: () => {
          message.success(`已登记${values.months.length}个月的党费`);
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, FIELDS);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<PaymentValues>
      title={`登记交纳:${member.name}`}
      name="dues-payment"
      open={open}
      onClose={onClose}
      form={form}
      pending={record.isPending}
      onFinish={onFinish}
      initialValues={{ months: [], paidOn: today }}
    >
      {tooOld.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`另有${tooOld.length}个月(${monthLabel(tooOld[0])}起)超过${BACK_PAYMENT_LIMIT_MONTHS}个月,不能在此补交。`}
          description="补交党费一般不超过6个月(中组发〔2008〕3号),请党支部了解情况后按规定处理。"
        />
      )}
      <Form.Item
        label={`未交月份(本月及之前${BACK_PAYMENT_LIMIT_MONTHS}个月)`}
        name="months"
        rules={rulesFor(DuesPaymentSchema, 'months')}
        extra={knownTotal !== null && chosen.length > 0 ? `合计应交 ${formatFen(knownTotal)}(金额按各月标准计算)` : '金额按各月的党费标准计算。'}
      >
        {payable.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="近6个月没有未交的党费" />
        ) : (
          <Checkbox.Group
            className="dues-month-checks"
            options={payable.map((m) => ({
              value: m,
              label: dueByMonth.has(m) ? `${monthLabel(m)}(应交 ${formatFen(dueByMonth.get(m))})` : monthLabel(m),
            }))}
          />
        )}
      </Form.Item>
      <Form.Item
        label="交纳日期"
        name="paidOn"
        rules={[...rulesFor(DuesPaymentSchema, 'paidOn'), dateRangeRule({ max: today, maxMessage: '交纳日期不能晚于今天' })]}
      >
        <DateInput max={today} />
      </Form.Item>
      <Form.Item label="代缴人" name="paidBy" rules={rulesFor(DuesPaymentSchema, 'paidBy')} extra="由他人代为交纳时填写代缴人姓名;本人交纳请留空。">
        <Input {...textPropsOf(DuesPaymentSchema, 'paidBy')} placeholder="选填" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        党员应每月交纳党费;因故不能按时交纳的,可以补交,补交一般不超过6个月。
      </Typography.Paragraph>
    </FormModal>
  );
}
