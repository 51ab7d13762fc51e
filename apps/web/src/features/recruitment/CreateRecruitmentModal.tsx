import { useMemo, useState } from 'react';
import { Alert, App, Col, Form, Input, Radio, Row, Select, TreeSelect } from 'antd';
import { useNavigate } from 'react-router';
import {
  CreateRecruitmentSchema, EDUCATION_LABELS, EDUCATIONS, GENDER_LABELS, GENDERS, OCCUPATION_LABELS, OCCUPATIONS, todayInShanghai,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { anniversary } from '../../lib/dates';
import { dateRangeRule } from '../../lib/date-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor, type ContractRuleOptions, textPropsOf } from '../../lib/contract-rules';
import { useMe } from '../../lib/session';
import { DateInput } from '../../components/DateInput';
import { branchOrgOptions } from '../../lib/org-options';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useCreateRecruitment, type CreateRecruitment } from './api';

interface Values {
  name: string;
  gender: CreateRecruitment['gender'];
  ethnicity: string;
  birthDate: string | null;
  idNumber: string;
  phone?: string;
  education?: CreateRecruitment['education'];
  occupation?: CreateRecruitment['occupation'];
  workUnit?: string;
  address?: string;
  organizationId?: number;
  appliedOn: string | null;
  note?: string;
}

const FIELDS = ['name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'phone', 'education', 'occupation', 'workUnit', 'address', 'organizationId', 'appliedOn', 'note'];
type Field = keyof typeof CreateRecruitmentSchema.shape;
const rule = (field: Field, options?: ContractRuleOptions) => rulesFor(CreateRecruitmentSchema, field, options);
const textProps = (field: Field) => textPropsOf(CreateRecruitmentSchema, field);
const blank = (value: string | undefined) => value?.trim() || null;

export const AGE_RULE = '年满十八岁方可申请入党(《中国共产党发展党员工作细则》第五条)。收到入党申请书的日期即第一步“递交入党申请书”的日期。';

/** 新建入党申请: the applicant's facts and the date the written application was received. */
export function CreateRecruitmentModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateRecruitment();
  const { data: me } = useMe();
  const orgs = useOrganizationTreeData(open);
  const options = useMemo(() => branchOrgOptions(orgs.data ?? []), [orgs.data]);
  const [serverError, setServerError] = useState<string | null>(null);
  const today = todayInShanghai();
  const scope = me?.scope ?? [];
  const ownBranch = scope.length === 1 ? orgs.data?.find((o) => o.id === scope[0].organizationId && o.kind === 'branch')?.id : undefined;

  const onFinish = (values: Values) => {
    setServerError(null);
    const body: CreateRecruitment = {
      name: values.name.trim(),
      gender: values.gender,
      ethnicity: values.ethnicity.trim() || '汉族',
      birthDate: values.birthDate ?? '',
      idNumber: values.idNumber.trim(),
      phone: blank(values.phone),
      education: values.education ?? null,
      occupation: values.occupation ?? null,
      workUnit: blank(values.workUnit),
      address: blank(values.address),
      organizationId: values.organizationId ?? 0,
      appliedOn: values.appliedOn ?? '',
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (recruitment) => {
        message.success(`已登记“${recruitment.name}”的入党申请`);
        onClose();
        void navigate(`/recruitment/recruitments/${recruitment.id}`);
      },
      onError: (error) => {
        applyFieldErrors(form, error, FIELDS);
        setServerError(errorMessage(error));
      },
    });
  };

  const adultRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: string | null) => {
      const birth = getFieldValue('birthDate') as string | null;
      if (!value || !birth) return Promise.resolve();
      return value >= anniversary(birth, 18) ? Promise.resolve() : Promise.reject(new Error('申请时未满十八岁,不能受理入党申请'));
    },
  });

  return (
    <FormModal<Values>
      title="新建入党申请"
      open={open}
      onClose={onClose}
      form={form}
      name="create-recruitment"
      okText="保存"
      pending={create.isPending}
      width={720}
      onFinish={onFinish}
      initialValues={{ gender: 'male', ethnicity: '汉族', appliedOn: today, organizationId: ownBranch }}
      after={
        <>
          <Alert type="info" showIcon title={AGE_RULE} style={{ marginBottom: serverError ? 8 : 0 }} />
          {serverError && <Alert type="error" showIcon title="未能保存" description={serverError} data-testid="create-recruitment-error" />}
        </>
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="姓名" name="name" rules={rule('name')}>
            <Input {...textProps('name')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="性别" name="gender" rules={rule('gender')}>
            <Radio.Group options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="民族" name="ethnicity" rules={rule('ethnicity', { required: true })}>
            <Input {...textProps('ethnicity')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="出生日期" name="birthDate" rules={rule('birthDate')}>
            <DateInput max={today} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="身份证号" name="idNumber" rules={rule('idNumber')}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="手机" name="phone" rules={rule('phone')}>
            <Input {...textProps('phone')} inputMode="tel" placeholder="选填" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="学历" name="education">
            <Select allowClear placeholder="选填" options={EDUCATIONS.map((e) => ({ value: e, label: EDUCATION_LABELS[e] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="职业" name="occupation">
            <Select allowClear placeholder="选填" options={OCCUPATIONS.map((o) => ({ value: o, label: OCCUPATION_LABELS[o] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="工作单位" name="workUnit" rules={rule('workUnit')}>
            <Input {...textProps('workUnit')} placeholder="选填" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="住址" name="address" rules={rule('address')}>
            <Input {...textProps('address')} placeholder="选填" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="所在党支部" name="organizationId" rules={rule('organizationId')}>
            <TreeSelect<number>
              treeData={options}
              loading={orgs.isPending}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder="请选择党支部"
              notFoundContent="没有可选的党支部"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="收到入党申请书日期"
            name="appliedOn"
            dependencies={['birthDate']}
            rules={[...rule('appliedOn'), dateRangeRule({ max: today, maxMessage: '日期不能晚于今天' }), adultRule]}
          >
            <DateInput max={today} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="note" rules={rule('note')}>
        <Input.TextArea rows={2} {...textProps('note')} placeholder="选填" />
      </Form.Item>
    </FormModal>
  );
}
