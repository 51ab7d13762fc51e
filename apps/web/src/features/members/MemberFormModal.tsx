import { useMemo } from 'react';
import { App, Checkbox, Col, Divider, Form, Input, Modal, Radio, Row, Select, Switch, TreeSelect } from 'antd';
import { MemberProfileSchema, type MemberDetail, type Organization } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { todayInShanghai } from '@dj/contracts';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor, type ContractRuleOptions, textPropsOf } from '../../lib/contract-rules';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useCreateMember, useUpdateMember } from './api';
import { DateInput } from '../../components/DateInput';
import { branchOrgOptions, groupOptionsFor } from '../../lib/org-options';
import { confirmedAtText } from './labels';
import { dateRules, deriveFromIdNumber, idNumberRule, phoneRule } from './member-form-rules';
import {
  CREATE_ONLY_FIELDS, createBody, EDITABLE_FIELDS, EDUCATION_OPTIONS, emptyValues, GENDER_OPTIONS, KEEP_PLACEHOLDER, OCCUPATION_OPTIONS, POST_OPTIONS, updateBody,
  valuesFromMember, type MemberFormMode, type MemberFormValues,
} from './member-form-values';

export { createBody, updateBody, valuesFromMember, type MemberFormMode, type MemberFormValues } from './member-form-values';
export { deriveFromIdNumber } from './member-form-rules';


interface Props {
  open: boolean;
  mode: MemberFormMode;
  organizations: readonly Organization[];
  onClose: () => void;
  onSaved: (member: MemberDetail) => void;
}

const col = { xs: 24, md: 12 };
type Field = keyof typeof MemberProfileSchema.shape;
const rule = (field: Field, options?: ContractRuleOptions) => rulesFor(MemberProfileSchema, field, options);
const textProps = (field: Field) => textPropsOf(MemberProfileSchema, field);

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
  const dateUnknown = Form.useWatch('confirmedDateUnknown', form) ?? false;
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
            <Form.Item label="姓名" name="name" rules={rule('name')}>
              <Input {...textProps('name')} autoComplete="off" />
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
            <Form.Item label="性别" name="gender" rules={rule('gender')}>
              <Radio.Group options={GENDER_OPTIONS} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="民族" name="ethnicity" rules={rule('ethnicity', { required: true })}>
              <Input {...textProps('ethnicity')} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="籍贯" name="nativePlace" rules={rule('nativePlace')}>
              <Input {...textProps('nativePlace')} placeholder="例如:山东枣庄" />
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
                  <Input value={confirmedAtText(editing, '尚未转正')} disabled />
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
                  <DateInput max={today} disabled={dateUnknown} />
                </Form.Item>
                <Form.Item name="confirmedDateUnknown" valuePropName="checked" noStyle>
                  <Checkbox onChange={(e) => e.target.checked && form.setFieldValue('confirmedAt', null)}>
                    正式党员,转正日期不详(党龄显示“不详”,日后可补录)
                  </Checkbox>
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label="所在党支部" name="organizationId" rules={rule('organizationId')}>
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
            <Form.Item label="工作单位" name="workUnit" rules={rule('workUnit')}>
              <Input {...textProps('workUnit')} />
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
                {...textProps('phone')}
                inputMode="tel"
                autoComplete="off"
                placeholder={editing ? KEEP_PLACEHOLDER : '11位手机号或带区号的固定电话'}
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item label="村民小组" name="hamlet" rules={rule('hamlet')}>
              <Input {...textProps('hamlet')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="家庭住址" name="address" rules={rule('address')}>
              <Input {...textProps('address')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
