import { Form, Input, InputNumber, Modal, Segmented, Select, message } from 'antd';
import { useState } from 'react';
import {
  PAY_ITEM_KIND_LABELS, PAY_LIMITS, REWARD_KINDS, REWARD_KIND_LABELS, REWARD_RULES, REWARD_RULE_LABELS,
  type AddPayItem, type PayItemKind, type PersonPay, type RewardKind, type RewardRule,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { yuanRule, yuanToFen } from '../../lib/money';
import { useAddPayItem } from './pay-api';

interface Values {
  rewardKind: RewardKind; rule: RewardRule; label?: string; amount?: string; unitAmount?: string; count?: number; unit?: string;
  base?: string; rateBp?: number; reason?: string;
}

const fen = (text: string | undefined) => yuanToFen(text ?? '') ?? 0;

/** The form's values as the contract's item (amounts typed in 元, sent in 分). */
function itemOf(kind: PayItemKind, v: Values): AddPayItem['item'] {
  if (kind === 'deduction') return { reason: v.reason ?? '', amountFen: fen(v.amount) };
  const common = { kind: v.rewardKind, ...(v.label?.trim() ? { label: v.label.trim() } : {}) };
  if (v.rule === 'per_unit') return { ...common, rule: 'per_unit', unitFen: fen(v.unitAmount), count: v.count ?? 0, unit: v.unit?.trim() || '件' };
  if (v.rule === 'percent') return { ...common, rule: 'percent', baseFen: fen(v.base), rateBp: v.rateBp ?? 0 };
  return { ...common, rule: 'fixed', amountFen: fen(v.amount) };
}

/** 录入奖励绩效 or 扣减 for one person of the period (the town, before the period is locked). */
export function PayItemModal({ periodId, person, onClose }: { periodId: number; person: PersonPay; onClose: () => void }) {
  const [kind, setKind] = useState<PayItemKind>('reward');
  const [form] = Form.useForm<Values>();
  const rule = Form.useWatch('rule', form) ?? 'fixed';
  const add = useAddPayItem(periodId);
  const ref = person.userId !== null ? { userId: person.userId } : { organizationId: person.organizationId as number, personId: person.personId as number };
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await add.mutateAsync({ kind, person: ref, item: itemOf(kind, values) } as AddPayItem);
      void message.success(`已为${person.name}录入${PAY_ITEM_KIND_LABELS[kind]}`);
      onClose();
    } catch (e) { void message.error(errorMessage(e)); }
  };
  const money = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={`${label}(元)`} rules={[yuanRule({ label, maxFen: PAY_LIMITS.maxFen })]}><Input inputMode="decimal" placeholder="例如 500 或 500.50" /></Form.Item>
  );
  return (
    <Modal open title={`录入:${person.name}`} okText="保存" cancelText="取消" onOk={submit} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Segmented block value={kind} onChange={(v) => setKind(v as PayItemKind)} style={{ marginBottom: 12 }}
        options={(['reward', 'deduction'] as const).map((k) => ({ value: k, label: PAY_ITEM_KIND_LABELS[k] }))} />
      <Form form={form} layout="vertical" initialValues={{ rewardKind: 'investment', rule: 'fixed', unit: '件' }}>
        {kind === 'reward' ? (
          <>
            <Form.Item name="rewardKind" label="奖励项目"><Select options={REWARD_KINDS.map((k) => ({ value: k, label: REWARD_KIND_LABELS[k] }))} /></Form.Item>
            <Form.Item name="label" label="项目名称(可不填)"><Input maxLength={PAY_LIMITS.label} showCount /></Form.Item>
            <Form.Item name="rule" label="计算方式"><Select options={REWARD_RULES.map((r) => ({ value: r, label: REWARD_RULE_LABELS[r] }))} /></Form.Item>
            {rule === 'fixed' && money('amount', '奖励金额')}
            {rule === 'per_unit' && (
              <>
                {money('unitAmount', '每件金额')}
                <Form.Item name="count" label="件数" rules={[{ required: true, message: '请填写件数' }]}><InputNumber min={0} max={PAY_LIMITS.maxCount} precision={0} style={{ width: '100%' }} /></Form.Item>
                <Form.Item name="unit" label="计量单位"><Input maxLength={6} showCount /></Form.Item>
              </>
            )}
            {rule === 'percent' && (
              <>
                <Form.Item name="base" label="计奖基数(元)" rules={[yuanRule({ label: '计奖基数', maxFen: PAY_LIMITS.maxBaseFen })]}><Input inputMode="decimal" /></Form.Item>
                <Form.Item name="rateBp" label="比例(万分之,100 即 1%)" rules={[{ required: true, message: '请填写比例' }]}>
                  <InputNumber min={0} max={PAY_LIMITS.maxRateBp} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </>
            )}
          </>
        ) : (
          <>
            <Form.Item name="reason" label="扣减原因" rules={[{ required: true, whitespace: true, message: '请填写扣减原因' }]}><Input.TextArea maxLength={PAY_LIMITS.reason} showCount rows={2} /></Form.Item>
            {money('amount', '扣减金额')}
          </>
        )}
      </Form>
    </Modal>
  );
}
