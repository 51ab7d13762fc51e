import { Alert, App, Form, Input, Radio, Select, Typography } from 'antd';
import {
  currentMonth, DUES_CATEGORIES, DUES_CATEGORY_LABELS, type DuesBasis, DuesBasisSchema, DuesReducedSchema, formField, type MemberDetail, type MemberDues,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { applyMappedFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { fenToYuanText, yuanRule, yuanToFen } from '../../lib/money';
import { FormModal } from '../../components/FormModal';
import { useSetDuesBasis } from './api';
import { BASE_HINTS, needsBase, type DuesCategory } from './labels';
import { MonthInput } from '../../components/MonthInput';

type ReductionKind = 'none' | 'reduced' | 'exempt';

export interface BasisValues {
  effectiveFrom: string | null;
  category: DuesCategory;
  /** 元 as typed; sent as 分. */
  baseYuan?: string;
  reductionKind: ReductionKind;
  reducedYuan?: string;
  approvalNote?: string;
}

const CATEGORY_OPTIONS = DUES_CATEGORIES.map((category) => ({ value: category, label: DUES_CATEGORY_LABELS[category] }));
const REDUCTION_OPTIONS = [
  { value: 'none', label: '按标准交纳' },
  { value: 'reduced', label: '少交' },
  { value: 'exempt', label: '免交' },
];
/** The contract's limits in 分 (amounts are typed as 元 text, which yuanRule parses). */
const MAX_BASE_FEN = formField(DuesBasisSchema, 'baseFen').max;
const MAX_REDUCED_FEN = formField(DuesReducedSchema, 'amountFen').max;

/** Server field → form field: amounts are typed in 元 under their own names. */
const BASIS_FIELDS = {
  effectiveFrom: 'effectiveFrom',
  category: 'category',
  baseFen: 'baseYuan',
  amountFen: 'reducedYuan',
  reduction: 'reductionKind',
  approvalNote: 'approvalNote',
};

/** The form's starting point: the basis in force, from this month on. */
export function basisValues(basis: MemberDues['basis'], month: string): Partial<BasisValues> {
  return {
    effectiveFrom: month,
    category: basis?.category,
    baseYuan: basis?.baseFen !== null && basis?.baseFen !== undefined ? fenToYuanText(basis.baseFen) : undefined,
    reductionKind: basis?.reduction?.kind ?? 'none',
    reducedYuan: basis?.reduction?.kind === 'reduced' ? fenToYuanText(basis.reduction.amountFen) : undefined,
    approvalNote: basis?.approvalNote ?? undefined,
  };
}

/** The request body, amounts converted from 元 text to integer 分. */
export function basisBody(values: BasisValues): DuesBasis {
  const reduction =
    values.reductionKind === 'exempt'
      ? { kind: 'exempt' as const }
      : values.reductionKind === 'reduced'
        ? { kind: 'reduced' as const, amountFen: yuanToFen(values.reducedYuan ?? '') ?? 0 }
        : null;
  const base = needsBase(values.category) && values.baseYuan?.trim() ? yuanToFen(values.baseYuan) : null;
  return {
    effectiveFrom: values.effectiveFrom ?? '',
    category: values.category,
    baseFen: base,
    reduction,
    approvalNote: reduction ? values.approvalNote?.trim() || null : null,
  };
}

interface Props {
  member: MemberDetail;
  dues: MemberDues | undefined;
  open: boolean;
  onClose: () => void;
}

export function DuesBasisModal({ member, dues, open, onClose }: Props) {
  const [form] = Form.useForm<BasisValues>();
  const { message } = App.useApp();
  const save = useSetDuesBasis();
  const category = Form.useWatch('category', form);
  const reductionKind = Form.useWatch('reductionKind', form) ?? 'none';
  const month = currentMonth();
  const withBase = needsBase(category);
  const reduced = reductionKind !== 'none';

  const onFinish = (values: BasisValues) => {
    save.mutate(
      { memberId: member.id, body: basisBody(values), currentYear: Number(month.slice(0, 4)) },
      {
        onSuccess: () => {
          message.success('已保存党费标准');
          onClose();
        },
        onError: (error) => {
          applyMappedFieldErrors(form, error, BASIS_FIELDS);
          message.error(errorMessage(error));
        },
      },
    );
  };

  return (
    <FormModal<BasisValues>
      title={`设置党费标准:${member.name}`}
      name="dues-basis"
      open={open}
      onClose={onClose}
      form={form}
      pending={save.isPending}
      onFinish={onFinish}
      initialValues={basisValues(dues?.basis ?? null, month)}
    >
      <Typography.Paragraph type="secondary">
        党费按《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号)计算。新标准自所选月份起生效,之前月份不变。
      </Typography.Paragraph>
      <Form.Item label="自某月起" name="effectiveFrom" rules={rulesFor(DuesBasisSchema, 'effectiveFrom')}>
        <MonthInput aria-label="自某月起" />
      </Form.Item>
      <Form.Item label="类别" name="category" rules={rulesFor(DuesBasisSchema, 'category')}>
        <Select options={CATEGORY_OPTIONS} placeholder="请选择党员类别" />
      </Form.Item>
      {withBase && category && (
        <Form.Item
          label="月收入(元)"
          name="baseYuan"
          required={!reduced}
          extra={`按${BASE_HINTS[category]}填写,精确到分,例如 3000 或 3000.50。`}
          rules={[yuanRule({ required: !reduced, maxFen: MAX_BASE_FEN, label: '月收入' })]}
        >
          <Input inputMode="decimal" maxLength={14} placeholder="例如:3000.00" suffix="元" />
        </Form.Item>
      )}
      <Form.Item label="少交/免交" name="reductionKind">
        <Radio.Group options={REDUCTION_OPTIONS} optionType="button" />
      </Form.Item>
      {reduced && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="生活确有困难的党员,经党支部研究并报上一级党委批准,可以少交或免交党费。"
        />
      )}
      {reductionKind === 'reduced' && (
        <Form.Item
          label="每月少交后的金额(元)"
          name="reducedYuan"
          required
          rules={[yuanRule({ maxFen: MAX_REDUCED_FEN, label: '每月金额' })]}
        >
          <Input inputMode="decimal" maxLength={10} placeholder="例如:0.20" suffix="元" />
        </Form.Item>
      )}
      {reduced && (
        <Form.Item
          label="批准文件"
          name="approvalNote"
          rules={rulesFor(DuesBasisSchema, 'approvalNote', { required: true, requiredMessage: '少交或免交党费须经上一级党委批准,请填写批准文件或说明' })}
        >
          <Input.TextArea rows={2} {...textPropsOf(DuesBasisSchema, 'approvalNote')} placeholder="例如:西王庄镇党委 西党字〔2026〕5号" />
        </Form.Item>
      )}
    </FormModal>
  );
}
