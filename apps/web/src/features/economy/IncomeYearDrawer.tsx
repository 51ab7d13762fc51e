import { useEffect } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Dropdown, Flex, Form, Input, InputNumber, Popconfirm, Skeleton, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined } from '../../lib/icons';
import { ECONOMY_LIMITS, INCOME_SOURCE_LABELS, INCOME_SOURCES, type IncomeAmounts, type IncomeVersion } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useDownloadEconomy, useIncomeYear, useSaveDraft, useYearStep, wan } from './api';
import { STATUS_COLORS, statusLabel } from './labels';
import { PartnershipReceivedNote } from './PartnershipReceivedNote';
import { SectionTitle } from '../../components/PageTitle';

type FormValues = Record<keyof IncomeAmounts, number | null> & { reason?: string };
const MAX_YUAN = ECONOMY_LIMITS.maxFen / 100;
const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);

function Version({ v }: { v: IncomeVersion }) {
  return (
    <div>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong>第{v.version}版</Typography.Text>
        <Tag color={STATUS_COLORS[v.status]}>{statusLabel(v.status)}</Tag>
        {v.origin === 'import' && <Tag>导入</Tag>}
        <Typography.Text type="secondary">{v.createdByName ?? ''} {v.createdAt}</Typography.Text>
      </Flex>
      <div>经营性收入 {wan(v.operatingIncomeFen)} 万元 · 总收入 {wan(v.totalFen)} 万元</div>
      {v.reason && <div>更正原因:{v.reason}</div>}
      {v.approvedAt && <Typography.Text type="secondary">{v.approvedByName ?? ''} {v.approvedAt} 审核</Typography.Text>}
    </div>
  );
}

/** 村年度集体经济报告 as PDF or Word, from the approved figures. */
function ReportDownload({ target, villageName }: { target: { orgId: number; year: number }; villageName: string }) {
  const { message } = App.useApp();
  const download = useDownloadEconomy();
  const save = (format: string) => download.mutate(
    { path: `/api/economy/villages/${target.orgId}/report.${format}`, name: `${villageName}${target.year}年度村集体经济报告.${format}`, year: target.year },
    { onError: (e) => message.error(errorMessage(e)) });
  return (
    <Dropdown menu={{ items: [{ key: 'pdf', label: 'PDF(A4)' }, { key: 'docx', label: 'Word' }], onClick: ({ key }) => save(key) }}>
      <Button size="small" icon={<DownloadOutlined />} loading={download.isPending}>年度报告</Button>
    </Dropdown>
  );
}

/** One village's year: the approved figures, the open version's form (five sources in 元), submit/approve, the history. */
export function IncomeYearDrawer({ target, onClose }: { target: { orgId: number; year: number } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const year = useIncomeYear(target);
  const save = useSaveDraft(target?.orgId ?? 0, target?.year ?? 0);
  const step = useYearStep(target?.orgId ?? 0, target?.year ?? 0);
  const [form] = Form.useForm<FormValues>();
  const data = year.data;
  const base = data?.open ?? data?.approved ?? null;
  useEffect(() => {
    if (!data?.can.enter) return;
    form.resetFields();
    if (base) form.setFieldsValue({ ...Object.fromEntries(INCOME_SOURCES.map((s) => [s, base.amounts[s] / 100])), reason: data?.open?.reason ?? undefined });
  }, [base, data, form]);
  const correcting = Boolean(data?.approved) && (!data?.open || data.open.version > 1);
  const onSave = async (values: FormValues) => {
    const amounts = Object.fromEntries(INCOME_SOURCES.map((s) => [s, toFen(values[s])])) as IncomeAmounts;
    try {
      await save.mutateAsync({ amounts, reason: values.reason ?? null });
      message.success('已保存草稿');
    } catch (e) { message.error(errorMessage(e)); }
  };
  const run = async (what: 'submit' | 'approve') => {
    try {
      await step.mutateAsync(what);
      message.success(what === 'submit' ? '已提交,待镇审核' : '已审核通过');
    } catch (e) { message.error(errorMessage(e)); }
  };
  return (
    <Drawer open={target !== null} onClose={onClose} width={Math.min(560, window.innerWidth)} destroyOnHidden
      title={data ? `${data.villageName} ${data.year}年度集体经济收入` : '集体经济收入'} extra={data && target && <ReportDownload target={target} villageName={data.villageName} />}>
      {year.isPending ? <Skeleton active /> : year.error ? <LoadError title="加载失败" error={year.error} onRetry={() => year.refetch()} /> : (
        <Flex vertical gap={16}>
          {data!.approved ? (
            <Descriptions size="small" column={1} bordered title="已审核(以此为准)" items={[
              ...INCOME_SOURCES.map((s) => ({ key: s, label: INCOME_SOURCE_LABELS[s], children: `${wan(data!.approved!.amounts[s])} 万元` })),
              { key: 'op', label: '经营性收入', children: `${wan(data!.approved!.operatingIncomeFen)} 万元` },
            ]} />
          ) : <Alert type="info" showIcon title="本年度尚无已审核的收入" />}
          <PartnershipReceivedNote target={target} />
          {data!.can.enter && (
            <Form form={form} layout="vertical" onFinish={(v) => void onSave(v)} aria-label="填报收入">
              <Typography.Text type="secondary">金额单位:元(精确到分)。经营性收入=经营收入+发包及上交收入+投资收益。</Typography.Text>
              {INCOME_SOURCES.map((s) => (
                <Form.Item key={s} name={s} label={INCOME_SOURCE_LABELS[s]} rules={[{ required: true, message: `请填写${INCOME_SOURCE_LABELS[s]}(没有填0)` }]}>
                  <InputNumber min={0} max={MAX_YUAN} precision={2} style={{ width: '100%' }} addonAfter="元" />
                </Form.Item>
              ))}
              {correcting && (
                <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '更正已审核的年度须填写更正原因' }]}>
                  <Input.TextArea maxLength={ECONOMY_LIMITS.reason} showCount rows={2} />
                </Form.Item>
              )}
              <Button htmlType="submit" loading={save.isPending}>{correcting && !data!.open ? '更正(另起新版本)' : '保存草稿'}</Button>
            </Form>
          )}
          <Flex gap={8} wrap>
            {data!.can.submit && (
              <Popconfirm title="提交后由镇党委审核,审核前不能修改。确定提交?" okText="提交" cancelText="取消" onConfirm={() => run('submit')}>
                <Button type="primary" loading={step.isPending}>提交审核</Button>
              </Popconfirm>
            )}
            {data!.can.approve && (
              <Popconfirm title="审核通过后本版本不能修改,更正须另起新版本。确定通过?" okText="通过" cancelText="取消" onConfirm={() => run('approve')}>
                <Button type="primary" loading={step.isPending}>审核通过</Button>
              </Popconfirm>
            )}
          </Flex>
          <div>
            <SectionTitle>历史版本</SectionTitle>
            {data!.versions.length ? <Timeline items={data!.versions.map((v) => ({ key: v.id, content: <Version v={v} /> }))} /> : <Typography.Text type="secondary">暂无填报</Typography.Text>}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
