import { useState } from 'react';
import { Alert, Button, Empty, Flex, Popconfirm, Select, Skeleton, Table, Tag, Typography, message } from 'antd';
import { PAY_GRADE_LABELS, PAY_ITEM_KIND_LABELS, REWARD_KIND_LABELS, formatYuan, type PayItem, type PeriodPay, type PersonPay } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { formatFen } from '../../lib/money';
import { PayBreakdown, PayFacts } from './PayBreakdown';
import { PayItemModal } from './PayItemModal';
import { usePeriodPay, useRemovePayItem } from './pay-api';

const itemText = (i: PayItem) => ('reason' in i.item
  ? `扣减:${i.item.reason} ${formatYuan(i.item.amountFen)}`
  : `奖励绩效:${i.item.label ?? REWARD_KIND_LABELS[i.item.kind]}`);

/** The items entered for a person, each removable by the town while the period is not locked. */
function Items({ periodId, person, editable }: { periodId: number; person: PersonPay; editable: boolean }) {
  const remove = useRemovePayItem(periodId);
  if (!person.items.length) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">已录入的{PAY_ITEM_KIND_LABELS.reward}和{PAY_ITEM_KIND_LABELS.deduction}:</Typography.Text>
      {person.items.map((i) => (
        <Flex key={i.id} gap={8} align="center" wrap>
          <span>{itemText(i)}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.by}</Typography.Text>
          {editable && (
            <Popconfirm title="删除这一项?" okText="删除" cancelText="取消"
              onConfirm={() => remove.mutateAsync(i.id).catch((e: unknown) => { void message.error(errorMessage(e)); })}>
              <Button size="small" danger type="link">删除</Button>
            </Popconfirm>
          )}
        </Flex>
      ))}
    </Flex>
  );
}

/** 报酬发放表 downloads: the town's whole payroll, or one village's (the town picks it; a secretary has their own). */
function PayrollButtons({ pay }: { pay: PeriodPay }) {
  const villages = [...new Map(pay.people.filter((p) => p.organizationId !== null).map((p) => [p.organizationId as number, p.unit ?? ''])).entries()];
  const [orgId, setOrgId] = useState<number | undefined>(pay.can.townPayroll ? undefined : villages[0]?.[0]);
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadFile(`/api/assessment/periods/${pay.periodId}/payroll.${format}`, `报酬发放表.${format}`, orgId ? { orgId } : undefined);
    } catch (e) { void message.error(errorMessage(e)); } finally { setBusy(null); }
  };
  return (
    <Flex gap={8} wrap align="center">
      {pay.audience === 'village_cadre' && (pay.can.townPayroll || villages.length > 1) && (
        <Select aria-label="发放表范围" style={{ minWidth: 160 }} value={orgId ?? 0} onChange={(v) => setOrgId(v === 0 ? undefined : v)}
          options={[...(pay.can.townPayroll ? [{ value: 0, label: '全镇' }] : []), ...villages.map(([id, name]) => ({ value: id, label: name }))]} />
      )}
      <Button loading={busy === 'xlsx'} onClick={() => get('xlsx')}>报酬发放表(Excel)</Button>
      <Button loading={busy === 'pdf'} onClick={() => get('pdf')}>打印签字版(PDF)</Button>
    </Flex>
  );
}

/**
 * 报酬 of one month period (issue 16 points 4–6), mounted on the period page: each person's 应发合计 with the breakdown
 * and its why; the town enters 奖励绩效 and 扣减 until the period is locked; the 报酬发放表 once it is locked.
 */
export function PeriodPayPanel({ periodId }: { periodId: number }) {
  const query = usePeriodPay(periodId);
  const [entering, setEntering] = useState<PersonPay | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.error) return <LoadError title="报酬加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const pay = query.data;
  const editable = pay.can.editItems;
  return (
    <Flex vertical gap={12} data-testid="period-pay">
      <Flex justify="space-between" wrap gap={8} align="center">
        <Typography.Text>共 {pay.people.length} 人,应发合计 <Typography.Text strong>{formatFen(pay.totalFen)}</Typography.Text></Typography.Text>
        {pay.can.payroll && <PayrollButtons pay={pay} />}
      </Flex>
      {!pay.can.payroll && <Alert type="info" showIcon title={pay.status === 'locked' ? '本期已锁定' : '考核期审批锁定后可导出报酬发放表;锁定前的金额随得分、奖励绩效和扣减变化。'} />}
      {pay.people.length === 0 ? <Empty description="本期没有计发报酬的人员" /> : (
        <Table<PersonPay> size="small" rowKey="key" dataSource={pay.people} pagination={false} scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (p) => (
              <Flex vertical gap={8}>
                <PayFacts person={p} />
                <PayBreakdown person={p} />
                <Items periodId={periodId} person={p} editable={editable} />
              </Flex>
            ),
          }}
          columns={[
            { title: '姓名', key: 'name', render: (_, p) => <Flex vertical><span>{p.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.unit ? `${p.unit} ` : ''}{p.postLabel}</Typography.Text></Flex> },
            { title: '得分', key: 'score', render: (_, p) => <Flex gap={4} wrap>{p.score}{p.grade && <Tag>{PAY_GRADE_LABELS[p.grade]}</Tag>}</Flex> },
            { title: '应发合计', key: 'total', align: 'right', render: (_, p) => formatFen(p.pay.totalFen) },
            ...(editable ? [{ title: '录入', key: 'enter', render: (_: unknown, p: PersonPay) => <Button size="small" onClick={() => setEntering(p)}>奖励/扣减</Button> }] : []),
          ]} />
      )}
      {entering && <PayItemModal periodId={periodId} person={entering} onClose={() => setEntering(null)} />}
    </Flex>
  );
}
