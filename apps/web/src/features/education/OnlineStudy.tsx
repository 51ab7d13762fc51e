/**
 * 线上学习 (issue 19 point 3): a branch imports its 流动党员's 学习强国 / 灯塔 export (a dry run with its row-by-row report,
 * then the real import, all or nothing), or enters one member's reported hours of a month (代为登记, also for members
 * without a phone). Voluntary records that count 学时: nothing here asks anyone to be online or ranks anyone.
 */
import { useState } from 'react';
import { Alert, Button, Flex, Form, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '../../lib/icons';
import { ONLINE_LIMITS, ONLINE_PLATFORMS, ONLINE_PLATFORM_LABELS, todayInShanghai, uploadAccept, type OnlineImportReport, type OnlinePlatform } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { useAttendeeOptions } from './api';
import { useEnterOnline, useImportOnline } from './online-api';

const STATUS: Record<OnlineImportReport['rows'][number]['status'], [string, string]> = {
  create: ['新增', 'green'], update: ['更新', 'blue'], unchanged: ['无变化', 'default'], invalid: ['有错误', 'red'], duplicate: ['重复', 'orange'],
};
const PLATFORMS = ONLINE_PLATFORMS.map((p) => ({ value: p, label: ONLINE_PLATFORM_LABELS[p] }));
const thisMonth = todayInShanghai().slice(0, 7);
/** The last 24 months, newest first: a month is what the platforms' exports and the members' reports speak. */
const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const d = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5)) - 1 - i, 1));
  const m = d.toISOString().slice(0, 7);
  return { value: m, label: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` };
});

function ReportTable({ report }: { report: OnlineImportReport }) {
  return (
    <Table size="small" rowKey={(r) => `${r.sheet}-${r.row}`} dataSource={report.rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }}
      data-testid="online-import-report" columns={[
        { title: '行', render: (_, r) => `第${r.row}行`, width: 72 },
        { title: '姓名', dataIndex: 'name', width: 90 },
        { title: '计入', render: (_, r) => r.notes?.join(';') ?? '—' },
        { title: '结果', render: (_, r) => <Tag color={STATUS[r.status][1]}>{STATUS[r.status][0]}</Tag>, width: 80 },
        { title: '问题', render: (_, r) => r.errors.map((e) => `${e.column}:${e.message}`).join(';') || '—' },
      ]} />
  );
}

export function OnlineImportModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [platform, setPlatform] = useState<OnlinePlatform | undefined>();
  const [month, setMonth] = useState<string | undefined>();
  const [report, setReport] = useState<OnlineImportReport | null>(null);
  const run = useImportOnline();
  const go = async (dryRun: boolean) => {
    if (!file) return;
    try {
      setReport(await run.mutateAsync({ file, orgId, dryRun, platform, month }));
    } catch { /* shown below from run.error */ }
  };
  const reset = () => setReport(null);
  const ready = report?.dryRun && report.invalid === 0 && report.valid > 0;
  return (
    <Modal title="导入线上学习(学习强国 / 灯塔—党建在线)" open onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          上传平台导出的学习记录或支部自己登记的表格(xlsx):需有“姓名”和“学习时长(分钟)”或“学时”列,可有日期/月份、平台列。按姓名匹配本支部党员,重名或不在名册的行不导入。分钟按本镇设置折算为学时。身份证号列不会保存也不会显示。线上学习是自愿记录,不强制在线、不排名。
        </Typography.Text>
        <Flex gap={8} wrap>
          <Upload accept={uploadAccept('onlineStudyTable')} maxCount={1} showUploadList={!!file}
            beforeUpload={(f) => { setFile(f); reset(); return false; }} onRemove={() => { setFile(null); reset(); }}>
            <Button icon={<UploadOutlined />}>选择文件(xlsx)</Button>
          </Upload>
          <Select allowClear aria-label="平台" placeholder="平台(表中无平台时)" style={{ width: 200 }} options={PLATFORMS.slice(0, 2)} value={platform} onChange={(v) => { setPlatform(v); reset(); }} />
          <Select allowClear aria-label="月份" placeholder="月份(表中无日期时)" style={{ width: 170 }} options={MONTHS} value={month} onChange={(v) => { setMonth(v); reset(); }} />
        </Flex>
        <Flex gap={8}>
          <Button disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => void go(true)}>试运行检查</Button>
          <Popconfirm title="确定正式导入?" okText="导入" cancelText="取消" onConfirm={() => go(false)} disabled={!ready}>
            <Button type="primary" disabled={!ready} loading={run.isPending && !run.variables?.dryRun}>正式导入</Button>
          </Popconfirm>
        </Flex>
        {run.error && <Alert type="error" showIcon message={errorMessage(run.error)} />}
        {report && (
          <Alert type={report.invalid ? 'error' : 'success'} showIcon message={report.dryRun
            ? `共${report.total}行:可导入${report.valid}行,有错误${report.invalid}行${report.invalid ? ',请修改表格后重新检查(有错误时不导入任何一行)' : ''}`
            : report.invalid ? '有错误,未导入任何一行' : `已导入:新增${report.created}条、更新${report.updated}条月度学时`} />
        )}
        {report && <ReportTable report={report} />}
      </Flex>
    </Modal>
  );
}

interface EntryForm { personId: number; platform: OnlinePlatform; month: string; hours: number }

/** 代为登记: the month's hours a member reported (by phone call, in person); a second entry for the month corrects it. */
export function OnlineEntryModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const [form] = Form.useForm<EntryForm>();
  const people = useAttendeeOptions(orgId);
  const save = useEnterOnline();
  const [saved, setSaved] = useState<string | null>(null);
  const members = (people.data ?? []).filter((p) => p.source === 'member').map((p) => ({ value: p.personId, label: p.name }));
  const submit = async (v: EntryForm) => {
    try {
      const r = await save.mutateAsync({ orgId, ...v });
      setSaved(`已登记:${members.find((m) => m.value === r.personId)?.label ?? ''} ${r.month} ${ONLINE_PLATFORM_LABELS[r.platform]} ${r.hours}学时`);
    } catch { /* shown below from save.error */ }
  };
  return (
    <Modal title="代为登记线上学习" open onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">党员本人报告的某月学习学时(含没有手机的党员),由支部代为登记;同一人同月同平台再次登记即为更正。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ platform: 'reported', month: thisMonth }}>
        <Form.Item name="personId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select showSearch optionFilterProp="label" loading={people.isLoading} options={members} aria-label="党员" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="platform" label="学习平台" rules={[{ required: true, message: '请选择学习平台' }]}><Select options={PLATFORMS} style={{ width: 220 }} aria-label="学习平台" /></Form.Item>
          <Form.Item name="month" label="月份" rules={[{ required: true, message: '请选择月份' }]}><Select options={MONTHS} style={{ width: 140 }} aria-label="月份" /></Form.Item>
          <Form.Item name="hours" label="该月学时" rules={[{ required: true, message: '请填写学时' }]}>
            <InputNumber<number> min={0} max={ONLINE_LIMITS.maxMonthHours} step={0.5} precision={1} aria-label="该月学时" />
          </Form.Item>
        </Space>
        {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
        {saved && <Alert type="success" showIcon message={saved} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
      </Form>
    </Modal>
  );
}

/** The two entries on the branch's 学时 tab, for those who record the branch's study. */
export function OnlineStudyActions({ orgId }: { orgId: number }) {
  const [open, setOpen] = useState<'import' | 'entry' | null>(null);
  return (
    <Space wrap>
      <Button onClick={() => setOpen('import')}>导入线上学习</Button>
      <Button onClick={() => setOpen('entry')}>代为登记线上学习</Button>
      {open === 'import' && <OnlineImportModal orgId={orgId} onClose={() => setOpen(null)} />}
      {open === 'entry' && <OnlineEntryModal orgId={orgId} onClose={() => setOpen(null)} />}
    </Space>
  );
}
