import { useMemo } from 'react';
import { App, Col, Divider, Form, Input, Modal, Radio, Row, Select, Switch, TreeSelect, type FormInstance, type FormRule as Rule } from 'antd';
import {
  EDUCATION_LABELS,
  EDUCATIONS,
  GENDER_LABELS,
  GENDERS,
  MemberProfileSchema,
  OCCUPATION_LABELS,
  OCCUPATIONS,
  PARTY_POST_LABELS,
  PARTY_POSTS,
  type MemberDetail,
  type MemberProfile,
  type MemberProfileInput,
  type Organization,
  type UpdateMember,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { anniversary, todayInShanghai } from '../../lib/dates';
import { applyFieldErrors, contractRule } from '../../lib/form-errors';
import { normalizeIdNumber, normalizePhone, validateIdNumber } from '../../lib/id-number';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useCreateMember, useUpdateMember } from './api';
import { DateInput } from './DateInput';
import { branchOrgOptions, groupOptionsFor } from './org-options';

type Gender = MemberProfile['gender'];
type Education = NonNullable<MemberProfile['education']>;
type Occupation = NonNullable<MemberProfile['occupation']>;
type PartyPost = MemberProfile['partyPosts'][number];

export type MemberFormMode = { kind: 'create'; defaultOrganizationId?: number } | { kind: 'edit'; member: MemberDetail };

/** What the form holds: dates as 'YYYY-MM-DD' text, optional text as '' until sent. */
export interface MemberFormValues {
  name: string;
  gender?: Gender;
  ethnicity: string;
  idNumber: string;
  birthDate: string | null;
  nativePlace: string;
  education?: Education | null;
  joinedAt?: string | null;
  confirmedAt?: string | null;
  organizationId?: number;
  groupId?: number | null;
  partyPosts: PartyPost[];
  isVillageCadre: boolean;
  isHardship: boolean;
  occupation?: Occupation | null;
  workUnit: string;
  phone: string;
  address: string;
  hamlet: string;
}

const EDITABLE_FIELDS = [
  'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'nativePlace', 'education', 'groupId', 'partyPosts',
  'isVillageCadre', 'isHardship', 'occupation', 'workUnit', 'phone', 'address', 'hamlet',
] as const;
/** Set at registration only; afterwards they change through 党籍 events. */
const CREATE_ONLY_FIELDS = ['joinedAt', 'confirmedAt', 'organizationId'] as const;

const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));
const EDUCATION_OPTIONS = EDUCATIONS.map((value) => ({ value, label: EDUCATION_LABELS[value] }));
const OCCUPATION_OPTIONS = OCCUPATIONS.map((value) => ({ value, label: OCCUPATION_LABELS[value] }));
const POST_OPTIONS = PARTY_POSTS.map((value) => ({ value, label: PARTY_POST_LABELS[value] }));

const nameRule = contractRule(MemberProfileSchema.shape.name);
const KEEP_PLACEHOLDER = '不修改请留空';

const optionalText = (value: string | undefined | null) => value?.trim() || null;

function emptyValues(organizationId: number | undefined): MemberFormValues {
  return {
    name: '', ethnicity: '汉族', idNumber: '', birthDate: null, nativePlace: '', education: null, joinedAt: null,
    confirmedAt: null, organizationId, groupId: null, partyPosts: [], isVillageCadre: false, isHardship: false,
    occupation: null, workUnit: '', phone: '', address: '', hamlet: '',
  };
}

/** Personal numbers are never sent to the browser in full, so they start empty when editing. */
export function valuesFromMember(member: MemberDetail): MemberFormValues {
  return {
    name: member.name, gender: member.gender, ethnicity: member.ethnicity, idNumber: '', birthDate: member.birthDate,
    nativePlace: member.nativePlace ?? '', education: member.education, groupId: member.groupId, partyPosts: member.partyPosts,
    isVillageCadre: member.isVillageCadre, isHardship: member.isHardship, occupation: member.occupation,
    workUnit: member.workUnit ?? '', phone: '', address: member.address ?? '', hamlet: member.hamlet ?? '',
  };
}

/** The editable profile as the API takes it. */
function editableBody(values: MemberFormValues): UpdateMember {
  return {
    name: values.name.trim(),
    gender: values.gender,
    ethnicity: values.ethnicity.trim() || '汉族',
    birthDate: values.birthDate ?? undefined,
    nativePlace: optionalText(values.nativePlace),
    education: values.education ?? null,
    groupId: values.groupId ?? null,
    partyPosts: values.partyPosts ?? [],
    occupation: values.occupation ?? null,
    workUnit: optionalText(values.workUnit),
    address: optionalText(values.address),
    hamlet: optionalText(values.hamlet),
    isVillageCadre: !!values.isVillageCadre,
    isHardship: !!values.isHardship,
  };
}

export function createBody(values: MemberFormValues): MemberProfileInput {
  const { gender, birthDate, joinedAt, organizationId } = values;
  if (!gender || !birthDate || !joinedAt || !organizationId) throw new Error('表单尚未填写完整');
  return {
    ...editableBody(values),
    name: values.name.trim(),
    gender,
    birthDate,
    idNumber: normalizeIdNumber(values.idNumber),
    phone: optionalText(values.phone),
    joinedAt,
    confirmedAt: values.confirmedAt || null,
    organizationId,
  };
}

/**
 * Only what changed goes to PATCH (the audit log lists the changed fields); the ID number and phone only
 * when something was typed into their empty boxes.
 */
export function updateBody(member: MemberDetail, values: MemberFormValues): UpdateMember {
  const before = editableBody(valuesFromMember(member));
  const after = editableBody(values);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof UpdateMember)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) body[key] = after[key];
  }
  if (values.idNumber.trim()) body.idNumber = normalizeIdNumber(values.idNumber);
  if (values.phone.trim()) body.phone = values.phone.trim();
  return body as UpdateMember;
}

function idNumberRule(required: boolean): Rule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) => {
      if (!value?.trim()) return required ? Promise.reject(new Error('请填写身份证号')) : Promise.resolve();
      const result = validateIdNumber(value, { birthDate: getFieldValue('birthDate'), gender: getFieldValue('gender') });
      return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
    },
  });
}

const phoneRule: Rule = {
  validator: (_rule, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const result = normalizePhone(value);
    return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
  },
};

function dateRules(today: string): Record<'birthDate' | 'joinedAt' | 'confirmedAt', Rule[]> {
  const reject = (text: string) => Promise.reject(new Error(text));
  return {
    birthDate: [
      { required: true, message: '请选择出生日期' },
      { validator: (_r, v: string | null) => (v && v > today ? reject('出生日期不能晚于今天') : Promise.resolve()) },
    ],
    joinedAt: [
      { required: true, message: '请选择入党日期' },
      ({ getFieldValue }) => ({
        validator: (_r, v: string | null) => {
          const birthDate: string | null = getFieldValue('birthDate');
          if (v && v > today) return reject('入党日期不能晚于今天');
          if (v && birthDate && v < anniversary(birthDate, 18)) return reject('入党日期早于年满18周岁的日期(党章第一条)');
          return Promise.resolve();
        },
      }),
    ],
    confirmedAt: [
      ({ getFieldValue }) => ({
        validator: (_r, v: string | null) => {
          const joinedAt: string | null = getFieldValue('joinedAt');
          if (v && v > today) return reject('转正日期不能晚于今天');
          if (v && joinedAt && v <= joinedAt) return reject('转正日期应晚于入党日期');
          return Promise.resolve();
        },
      }),
    ],
  };
}

/** Typing a valid ID number fills in the birth date and gender it encodes. */
export function deriveFromIdNumber(form: FormInstance<MemberFormValues>, idNumber: string): void {
  const result = validateIdNumber(idNumber);
  if (!result.ok) return;
  form.setFieldsValue({ birthDate: result.birthDate, gender: result.gender });
  void form.validateFields(['birthDate', 'gender']).catch(() => undefined);
}

interface Props {
  open: boolean;
  mode: MemberFormMode;
  organizations: readonly Organization[];
  onClose: () => void;
  onSaved: (member: MemberDetail) => void;
}

const col = { xs: 24, md: 12 };

export function MemberFormModal({ open, mode, organizations, onClose, onSaved }: Props) {
  const [form] = Form.useForm<MemberFormValues>();
  const { message } = App.useApp();
  const narrow = useNarrowScreen();
  const create = useCreateMember();
  const update = useUpdateMember();
  const editing = mode.kind === 'edit' ? mode.member : null;
  const today = todayInShanghai();
  const rules = dateRules(today);

  const branchId = Form.useWatch('organizationId', form) ?? editing?.organizationId;
  const branchOptions = useMemo(() => branchOrgOptions(organizations), [organizations]);
  const groupOptions = useMemo(() => groupOptionsFor(organizations, branchId), [organizations, branchId]);

  // Read once per opening: the form is destroyed on close, so every opening starts from these.
  const preset = mode.kind === 'create' ? mode.defaultOrganizationId : undefined;
  const presetIsBranch = organizations.some((org) => org.id === preset && org.kind === 'branch' && org.status === 'active');
  const initialValues = editing ? valuesFromMember(editing) : emptyValues(presetIsBranch ? preset : undefined);

  const knownFields: readonly string[] = editing ? EDITABLE_FIELDS : [...EDITABLE_FIELDS, ...CREATE_ONLY_FIELDS];
  const pending = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    applyFieldErrors(form, error, knownFields);
    message.error(errorMessage(error));
  };

  const onFinish = (values: MemberFormValues) => {
    if (!editing) {
      create.mutate(createBody(values), {
        onSuccess: (detail) => {
          message.success(`已登记党员“${detail.name}”`);
          onSaved(detail);
        },
        onError,
      });
      return;
    }
    const body = updateBody(editing, values);
    if (Object.keys(body).length === 0) {
      message.info('没有修改任何内容');
      onClose();
      return;
    }
    update.mutate(
      { id: editing.id, body },
      {
        onSuccess: (detail) => {
          message.success('已保存');
          onSaved(detail);
        },
        onError,
      },
    );
  };

  return (
    <Modal
      title={editing ? `编辑党员信息:${editing.name}` : '登记党员'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? '保存' : '登记'}
      cancelText="取消"
      confirmLoading={pending}
      destroyOnHidden
      width={narrow ? '100%' : 880}
      style={narrow ? { top: 0, maxWidth: '100vw', paddingBottom: 0 } : undefined}
    >
      <Form<MemberFormValues>
        form={form}
        name={editing ? 'edit-member' : 'create-member'}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<MemberFormValues>) => {
          if (changed.idNumber !== undefined) deriveFromIdNumber(form, changed.idNumber);
          if ('organizationId' in changed) form.setFieldValue('groupId', null);
        }}
        preserve={false}
        scrollToFirstError
        data-testid="member-form"
      >
        <Divider titlePlacement="start">基本信息</Divider>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item label="姓名" name="name" validateFirst rules={[{ required: true, whitespace: true, message: '请填写姓名' }, nameRule]}>
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              label="身份证号"
              name="idNumber"
              validateTrigger={['onBlur']}
              dependencies={['birthDate', 'gender']}
              rules={[idNumberRule(!editing)]}
              extra={editing ? `当前:${editing.idNumberMasked}。填写后将替换原号码。` : '填写后自动带出出生日期和性别'}
            >
              <Input maxLength={22} autoComplete="off" placeholder={editing ? KEEP_PLACEHOLDER : '18位居民身份证号'} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="出生日期" name="birthDate" rules={rules.birthDate}>
              <DateInput max={today} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="性别" name="gender" rules={[{ required: true, message: '请选择性别' }]}>
              <Radio.Group options={GENDER_OPTIONS} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="民族" name="ethnicity" rules={[{ required: true, whitespace: true, message: '请填写民族' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="籍贯" name="nativePlace">
              <Input maxLength={60} placeholder="例如:山东枣庄" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="学历" name="education">
              <Select options={EDUCATION_OPTIONS} allowClear placeholder="请选择学历" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">党员信息</Divider>
        <Row gutter={16}>
          {editing ? (
            <>
              <Col {...col}>
                <Form.Item label="入党日期">
                  <Input value={editing.joinedAt} disabled />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item label="转正日期">
                  <Input value={editing.confirmedAt ?? '尚未转正'} disabled />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label="所在党支部" extra="入党日期、转正日期和所在党支部通过“记录党籍变动”修改。">
                  <Input value={editing.organizationName} disabled />
                </Form.Item>
              </Col>
            </>
          ) : (
            <>
              <Col {...col}>
                <Form.Item label="入党日期" name="joinedAt" dependencies={['birthDate']} rules={rules.joinedAt}>
                  <DateInput max={today} />
                </Form.Item>
              </Col>
              <Col {...col}>
                <Form.Item
                  label="转正日期"
                  name="confirmedAt"
                  dependencies={['joinedAt']}
                  rules={rules.confirmedAt}
                  extra="预备党员尚未转正的,请留空"
                >
                  <DateInput max={today} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label="所在党支部" name="organizationId" rules={[{ required: true, message: '请选择所在党支部' }]}>
                  <TreeSelect<number>
                    treeData={branchOptions}
                    treeDefaultExpandAll
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    placeholder="请选择党支部"
                    notFoundContent="没有可选的党支部"
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...col}>
            <Form.Item label="所在党小组" name="groupId">
              <Select
                options={groupOptions}
                allowClear
                disabled={groupOptions.length === 0}
                placeholder={groupOptions.length === 0 ? '该党支部未设党小组' : '未编入党小组'}
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="党内职务" name="partyPosts">
              <Select mode="multiple" options={POST_OPTIONS} allowClear placeholder="无" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="村干部" name="isVillageCadre" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="困难党员" name="isHardship" valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">工作与联系</Divider>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item label="工作岗位" name="occupation">
              <Select options={OCCUPATION_OPTIONS} allowClear placeholder="请选择工作岗位" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="工作单位" name="workUnit">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              label="联系电话"
              name="phone"
              validateTrigger={['onBlur']}
              rules={[phoneRule]}
              extra={editing ? (editing.phoneMasked ? `当前:${editing.phoneMasked}` : '当前未登记') : undefined}
            >
              <Input
                maxLength={20}
                inputMode="tel"
                autoComplete="off"
                placeholder={editing ? KEEP_PLACEHOLDER : '11位手机号或带区号的固定电话'}
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="村民小组" name="hamlet">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="家庭住址" name="address">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
