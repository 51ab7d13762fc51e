/** The secretary's forms of 党员联户: a household (登记/修改), its members (安排联系党员) and the roster import. */
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '../../lib/icons';
import { CreateHouseholdSchema, uploadAccept, type CreateHousehold, type Household, type HouseholdImportReport } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { useCreateHousehold, useImportHouseholds, useSetLinks, useUpdateHousehold } from './api';

type Values = Omit<CreateHousehold, 'organizationId'>;

/** 登记 (without `household`) or 修改 a household; the phone, when stored, is kept unless a new one is typed. */
export function HouseholdFormModal({ orgId, household, onClose }: { orgId: number; household?: Household; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const run = household ? update : create;
  const submit = (v: Values) => {
    const body = { ...v, phone: v.phone ? v.phone : household ? undefined : null };
    const done = { onSuccess: () => { message.success(household ? '已保存' : '已登记'); onClose(); } };
    if (household) update.mutate({ id: household.id, body }, done);
    else create.mutate({ ...body, organizationId: orgId }, done);
  };
  const field = (name: keyof Values) => ({ name, rules: rulesFor(CreateHouseholdSchema, name) });
  return (
    <FormModal<Values> title={household ? `修改:${household.headName}` : '登记联户农户'} open onClose={onClose} form={form} name="household" pending={run.isPending}
      initialValues={household ? { headName: household.headName, hamlet: household.hamlet, address: household.address, people: household.people, situation: household.situation } : {}}
      onFinish={submit} after={run.error ? <Typography.Text type="danger">{errorMessage(run.error)}</Typography.Text> : undefined}>
      <Form.Item label="户主" {...field('headName')} rules={rulesFor(CreateHouseholdSchema, 'headName', { required: true })}><Input {...textPropsOf(CreateHouseholdSchema, 'headName')} /></Form.Item>
      <Form.Item label="村民小组" {...field('hamlet')}><Input {...textPropsOf(CreateHouseholdSchema, 'hamlet')} placeholder="如:第一村民小组" /></Form.Item>
      <Form.Item label="住址" {...field('address')}><Input {...textPropsOf(CreateHouseholdSchema, 'address')} /></Form.Item>
      <Form.Item label="人口" {...field('people')}><InputNumber min={1} max={50} precision={0} style={{ width: 120 }} /></Form.Item>
      <Form.Item label="户情(按村里掌握的情况,不填身份证号)" {...field('situation')}><Input.TextArea {...textPropsOf(CreateHouseholdSchema, 'situation')} rows={2} placeholder="如:独居老人;脱贫户" /></Form.Item>
      <Form.Item label={household?.phoneMasked ? `户主电话(现为${household.phoneMasked},不改可留空)` : '户主电话(可不填)'} name="phone" rules={rulesFor(CreateHouseholdSchema, 'phone')}>
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/** 安排联系党员: from today the chosen members look after the household; those taken off stop today (history kept). */
export function LinksModal({ household, members, onClose }: { household: Household; members: { personId: number; name: string }[]; onClose: () => void }) {
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<number[]>(household.links.map((l) => l.personId));
  const run = useSetLinks();
  return (
    <Modal title={`安排联系党员:${household.headName}`} open onCancel={onClose} okText="保存" cancelText="取消" confirmLoading={run.isPending}
      onOk={() => run.mutate({ id: household.id, personIds: chosen }, { onSuccess: () => { message.success('已安排'); onClose(); } })}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">自今日起由所选党员联系;不再联系的党员今日结束,原联系记录保留。一户最多5名。</Typography.Text>
        <Select mode="multiple" aria-label="联系党员" value={chosen} onChange={setChosen} maxCount={5} showSearch optionFilterProp="label"
          options={members.map((m) => ({ value: m.personId, label: m.name }))} placeholder="选择本村党员" />
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
      </Flex>
    </Modal>
  );
}

const STATUS: Record<HouseholdImportReport['rows'][number]['status'], [string, string]> = {
  create: ['新增', 'green'], update: ['更新', 'blue'], unchanged: ['无变化', 'default'], invalid: ['有错误', 'red'], duplicate: ['重复', 'orange'],
};

/** 导入联户名册: a dry run with its row-by-row report, then the real import (all or nothing). */
export function HouseholdImportModal({ orgId, villageName, onClose }: { orgId: number; villageName: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<HouseholdImportReport | null>(null);
  const run = useImportHouseholds();
  const go = async (dryRun: boolean) => {
    if (!file) return;
    try { setReport(await run.mutateAsync({ orgId, file, dryRun })); } catch { /* shown below from run.error */ }
  };
  const ready = report?.dryRun && report.invalid === 0 && report.valid > 0;
  return (
    <Modal title={`导入联户名册:${villageName}`} open onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          村里现有的户籍或联户台账即可:须有“户主”列,可有村民小组、住址、人口、户情、联系电话、联系党员等列(可有标题行,列的顺序不限)。身份证号列不读取。户主和村民小组相同的视为同一户并更新。先试运行检查,全部通过后再正式导入。
        </Typography.Text>
        <Upload accept={uploadAccept('householdRoster')} maxCount={1} showUploadList={!!file}
          beforeUpload={(f) => { setFile(f); setReport(null); return false; }} onRemove={() => { setFile(null); setReport(null); }}>
          <Button icon={<UploadOutlined />}>选择文件(xlsx)</Button>
        </Upload>
        <Flex gap={8}>
          <Button disabled={!file} loading={run.isPending && run.variables?.dryRun} onClick={() => void go(true)}>试运行检查</Button>
          <Popconfirm title="确定正式导入?" okText="导入" cancelText="取消" onConfirm={() => go(false)} disabled={!ready}>
            <Button type="primary" disabled={!ready} loading={run.isPending && !run.variables?.dryRun}>正式导入</Button>
          </Popconfirm>
        </Flex>
        {run.error && <Alert type="error" showIcon title={errorMessage(run.error)} />}
        {report && (
          <Alert type={report.invalid ? 'error' : 'success'} showIcon title={!report.dryRun && report.invalid === 0
            ? `已导入:新增${report.created}户,更新${report.updated}户`
            : `共${report.total}行:可导入${report.valid}行,有错误${report.invalid}行${report.invalid ? ',请修改表格后重新检查(有错误时不导入任何一行)' : ''}`} />
        )}
        {report && (
          <Table size="small" rowKey={(r) => `${r.sheet}-${r.row}`} dataSource={report.rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }}
            data-testid="import-report" columns={[
              { title: '行', render: (_, r) => `第${r.row}行`, width: 72 },
              { title: '户主', dataIndex: 'name', width: 90 },
              { title: '说明', render: (_, r) => r.notes?.join(';') ?? '—' },
              { title: '结果', render: (_, r) => <Tag color={STATUS[r.status][1]}>{STATUS[r.status][0]}</Tag>, width: 80 },
              { title: '问题', render: (_, r) => r.errors.map((e) => `${e.column}:${e.message}`).join(';') || '—' },
            ]} />
        )}
      </Flex>
    </Modal>
  );
}
