import { useEffect, useMemo } from 'react';
import { Form, Input, Select, type FormInstance } from 'antd';
import {
  PARTNER_KINDS, PARTNER_KIND_LABELS, PARTNERSHIP_INCOME_SOURCE_HINTS, PARTNERSHIP_INCOME_SOURCES, PARTNERSHIP_LIMITS, PARTNERSHIP_STATUSES,
  PARTNERSHIP_STATUS_LABELS, type PartnershipDetail, type PartnerKind, type PartnershipIncomeSource, type PartnershipStatus,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { useOrganizationTreeData } from '../../lib/organizations';

export interface PartnershipFormValues {
  organizationId?: number;
  partnerKind: PartnerKind;
  partnerName: string;
  status: PartnershipStatus;
  incomeSource: PartnershipIncomeSource;
  terms?: string | null;
  signedOn?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  partnerBranchName?: string | null;
  linkedOrgIds?: number[];
}

export const PARTNERSHIP_FORM_FIELDS = ['organizationId', 'partnerKind', 'partnerName', 'status', 'incomeSource', 'terms', 'signedOn', 'startsOn', 'endsOn', 'partnerBranchName', 'linkedOrgIds'] as const;

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));
const needsPeriod = (status: PartnershipStatus | undefined) => status !== undefined && status !== 'negotiating';

/**
 * The agreement's fields: partner, status, the 三资 line its money goes to, dates, terms (with a counter) and the 联建
 * organisations. The village is chosen only when the agreement is new (another village's is another agreement).
 */
export function PartnershipForm({ form, detail, villages, onFinish }: {
  form: FormInstance<PartnershipFormValues>; detail: PartnershipDetail | null;
  villages: { organizationId: number; villageName: string }[]; onFinish: (values: PartnershipFormValues) => void;
}) {
  const orgs = useOrganizationTreeData();
  const status = Form.useWatch('status', form);
  const orgOptions = useMemo(() => (orgs.data ?? []).filter((o) => o.status === 'active' && o.kind !== 'group').map((o) => ({ value: o.id, label: o.name })), [orgs.data]);
  useEffect(() => {
    form.resetFields();
    if (detail) form.setFieldsValue({ ...detail, linkedOrgIds: detail.linkedOrgs.map((o) => o.id) });
  }, [detail, form]);
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} aria-label="村企合作" initialValues={{
      // A village's secretary keeps one village: it is chosen already.
      organizationId: villages.length === 1 ? villages[0].organizationId : undefined, partnerKind: 'park', status: 'negotiating', incomeSource: 'contracting', linkedOrgIds: [],
    }}>
      {!detail && (
        <Form.Item name="organizationId" label="村" rules={[{ required: true, message: '请选择村' }]}>
          <Select aria-label="村" options={villages.map((v) => ({ value: v.organizationId, label: v.villageName }))} />
        </Form.Item>
      )}
      <Form.Item name="partnerKind" label="合作方类型" rules={[{ required: true }]}>
        <Select aria-label="合作方类型" options={options(PARTNER_KINDS, PARTNER_KIND_LABELS)} />
      </Form.Item>
      <Form.Item name="partnerName" label="合作企业(园区)" rules={[{ required: true, whitespace: true, message: '请填写合作企业(园区)' }]}>
        <Input maxLength={PARTNERSHIP_LIMITS.partnerName} showCount />
      </Form.Item>
      <Form.Item name="status" label="状态" rules={[{ required: true }]}>
        <Select aria-label="状态" options={options(PARTNERSHIP_STATUSES, PARTNERSHIP_STATUS_LABELS)} />
      </Form.Item>
      <Form.Item name="incomeSource" label="收入计入科目" extra="按协议约定的收益方式,到账金额在该村年度收入中对照此科目" rules={[{ required: true }]}>
        <Select aria-label="收入计入科目" options={options(PARTNERSHIP_INCOME_SOURCES, PARTNERSHIP_INCOME_SOURCE_HINTS)} />
      </Form.Item>
      <Form.Item name="signedOn" label="签订日期">
        <DateInput aria-label="签订日期" />
      </Form.Item>
      <Form.Item name="startsOn" label="开始日期" rules={[{ required: needsPeriod(status), message: '请填写开始日期' }]}>
        <DateInput aria-label="开始日期" />
      </Form.Item>
      <Form.Item name="endsOn" label="到期日期(续签日期)" extra="续签后填写新的到期日期" rules={[{ required: needsPeriod(status), message: '请填写到期日期' }]}>
        <DateInput aria-label="到期日期" />
      </Form.Item>
      <Form.Item name="terms" label="合作内容">
        <Input.TextArea maxLength={PARTNERSHIP_LIMITS.terms} showCount rows={3} placeholder="如:村集体闲置土地出租园区建设厂房,租金每年支付" />
      </Form.Item>
      <Form.Item name="partnerBranchName" label="合作方党组织" extra="企业(园区)党组织不在本系统时填写名称">
        <Input maxLength={PARTNERSHIP_LIMITS.partnerBranchName} showCount />
      </Form.Item>
      <Form.Item name="linkedOrgIds" label="联建党组织" extra="本村党支部之外共同联建的党组织(管理范围内)">
        <Select aria-label="联建党组织" mode="multiple" showSearch optionFilterProp="label" loading={orgs.isPending} maxCount={PARTNERSHIP_LIMITS.linkedOrgs}
          options={[...orgOptions, ...(detail?.linkedOrgs ?? []).filter((l) => !orgOptions.some((o) => o.value === l.id)).map((l) => ({ value: l.id, label: l.name }))]} />
      </Form.Item>
    </Form>
  );
}
