import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '../../lib/icons';
import { useNavigate } from 'react-router';
import {
  CreateInspectionRoundSchema, InspectionExtraItemSchema, InspectionTeamMemberSchema, INSPECTION_DEPARTMENT_LABELS, INSPECTION_DEPARTMENTS, type InspectionDepartment, REQUIRED_INSPECTION_DEPARTMENTS, todayInShanghai,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage, isApiError } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { DateInput } from '../../components/DateInput';
import { useOrganizationTreeData } from '../../lib/organizations';
import { useChecklist, useCreateRound, type CreateInspectionRound } from './api';

interface Values {
  title: string;
  startsOn: string | null;
  endsOn: string | null;
  team: { name?: string; department?: InspectionDepartment }[];
  extraItems: { label?: string; lookAt?: string }[];
  organizationIds: number[];
}

const DEPARTMENT_OPTIONS = INSPECTION_DEPARTMENTS.map((d) => ({ value: d, label: INSPECTION_DEPARTMENT_LABELS[d] }));

/** Server paths like team.0.name or extraItems.1.label → the form's nested names. */
function toFieldName(path: string): (string | number)[] {
  return path.split(/[./]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** 新建检查: the team (纪委、组织办、民政办), the checklist (defaults plus the town's items) and the villages to visit. */
export function CreateRoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateRound();
  const checklist = useChecklist(open);
  const orgs = useOrganizationTreeData(open);
  const [serverError, setServerError] = useState<string | null>(null);
  const today = todayInShanghai();
  const villageOptions = useMemo(
    () =>
      (orgs.data ?? [])
        .filter((o) => o.kind === 'branch' && o.status === 'active' && (o.sector === 'village' || o.villageId !== null))
        .map((o) => ({ value: o.id, label: o.name })),
    [orgs.data],
  );

  const onFinish = (values: Values) => {
    setServerError(null);
    const body: CreateInspectionRound = {
      title: values.title.trim(),
      startsOn: values.startsOn ?? '',
      endsOn: values.endsOn ?? '',
      team: values.team
        .filter((m) => m.name?.trim())
        .map((m) => ({ name: (m.name ?? '').trim(), department: m.department ?? 'other' })),
      organizationIds: values.organizationIds ?? [],
      extraItems: (values.extraItems ?? [])
        .filter((i) => i.label?.trim())
        .map((i) => ({ label: (i.label ?? '').trim(), lookAt: i.lookAt?.trim() ?? '' })),
    };
    create.mutate(body, {
      onSuccess: (round) => {
        message.success(`已安排“${round.title}”`);
        onClose();
        void navigate(`/inspections/${round.id}`);
      },
      onError: (error) => {
        if (isApiError(error) && error.fields.length) {
          form.setFields(error.fields.map((f) => ({ name: toFieldName(f.path), errors: [f.message] })) as Parameters<typeof form.setFields>[0]);
        }
        setServerError(errorMessage(error));
      },
    });
  };

  return (
    <FormModal<Values>
      title="新建检查"
      open={open}
      onClose={onClose}
      form={form}
      name="create-inspection"
      okText="保存"
      pending={create.isPending}
      width={720}
      onFinish={onFinish}
      initialValues={{
        startsOn: today,
        endsOn: today,
        team: REQUIRED_INSPECTION_DEPARTMENTS.map((department) => ({ name: '', department })),
        extraItems: [],
        organizationIds: [],
      }}
      after={serverError && <Alert type="error" showIcon title={serverError} />}
    >
      <Form.Item label="检查名称" name="title" rules={rulesFor(CreateInspectionRoundSchema, 'title')}>
        <Input {...textPropsOf(CreateInspectionRoundSchema, 'title')} placeholder="例如:2026年第四季度联督联查" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item label="开始日期" name="startsOn" rules={rulesFor(CreateInspectionRoundSchema, 'startsOn')}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="结束日期" name="endsOn" rules={rulesFor(CreateInspectionRoundSchema, 'endsOn')}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Text strong>检查组成员</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>由纪委、组织办、民政办联合组成,可增加其他人员。</Typography.Paragraph>
      <Form.List name="team">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0} data-testid="team-rows">
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'name']} style={{ flex: 1 }} rules={rulesFor(InspectionTeamMemberSchema, 'name')}>
                  <Input {...textPropsOf(InspectionTeamMemberSchema, 'name')} placeholder="姓名" aria-label={`检查组成员${index + 1}姓名`} />
                </Form.Item>
                <Form.Item name={[field.name, 'department']} style={{ width: 120 }} rules={rulesFor(InspectionTeamMemberSchema, 'department')}>
                  <Select options={DEPARTMENT_OPTIONS} aria-label={`检查组成员${index + 1}部门`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={`删除检查组成员${index + 1}`} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', department: 'other' })} style={{ marginBottom: 16 }}>
              添加成员
            </Button>
          </Flex>
        )}
      </Form.List>

      <Typography.Text strong>检查事项</Typography.Text>
      <Flex gap={6} wrap style={{ margin: '8px 0' }} data-testid="default-items">
        {checklist.isError && <Typography.Text type="danger">默认检查事项加载失败:{errorMessage(checklist.error)}</Typography.Text>}
        {(checklist.data ?? []).map((item) => (
          <Tag key={item.key} color="red" title={item.lookAt}>{item.label}</Tag>
        ))}
      </Flex>
      <Form.List name="extraItems">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item name={[field.name, 'label']} style={{ flex: '1 1 160px' }} rules={rulesFor(InspectionExtraItemSchema, 'label')}>
                  <Input {...textPropsOf(InspectionExtraItemSchema, 'label')} placeholder="检查事项" aria-label={`增加的检查事项${index + 1}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'lookAt']} style={{ flex: '2 1 220px' }} rules={rulesFor(InspectionExtraItemSchema, 'lookAt')}>
                  <Input {...textPropsOf(InspectionExtraItemSchema, 'lookAt')} placeholder="检查要点(可选)" aria-label={`增加的检查事项${index + 1}要点`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={`删除检查事项${index + 1}`} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', lookAt: '' })} style={{ marginBottom: 16 }}>
              增加检查事项
            </Button>
          </Flex>
        )}
      </Form.List>

      <Form.Item label="检查村" name="organizationIds" rules={rulesFor(CreateInspectionRoundSchema, 'organizationIds', { requiredMessage: '请选择要检查的村' })}>
        <Select
          mode="multiple"
          options={villageOptions}
          loading={orgs.isPending}
          placeholder="选择村党支部"
          optionFilterProp="label"
          notFoundContent="没有可选的村党支部"
        />
      </Form.Item>
    </FormModal>
  );
}
