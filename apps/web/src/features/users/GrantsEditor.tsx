import { useMemo } from 'react';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '../../lib/icons';
import { CreateUserBodySchema, GRANTS_MAX, RoleGrantSchema } from '@dj/contracts';
import { listRulesFor, rulesFor } from '../../lib/contract-rules';
import { useOrganizationTreeData } from '../../lib/organizations';
import { grantOrgOptions, ROLE_OPTIONS } from './labels';

const roleRules = rulesFor(RoleGrantSchema, 'role');
const orgRules = rulesFor(RoleGrantSchema, 'organizationId');
const listRules = listRulesFor(CreateUserBodySchema, 'grants');

/**
 * The `grants` rows of a form: a role and the organisation it is bound to, added and removed. The server decides
 * what the caller may grant (nobody grants a role they do not hold) and answers in Chinese when refused.
 */
export function GrantsEditor() {
  const orgs = useOrganizationTreeData();
  const options = useMemo(() => grantOrgOptions(orgs.data ?? []), [orgs.data]);
  return (
    <>
      <Typography.Text strong>角色与所属组织</Typography.Text>
      <Form.List name="grants" rules={listRules}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0} data-testid="grant-rows" style={{ marginTop: 8 }}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item name={[field.name, 'role']} rules={roleRules} style={{ flex: '1 1 140px', marginBottom: 12 }}>
                  <Select options={ROLE_OPTIONS} placeholder="角色" aria-label={`授权${index + 1}角色`} />
                </Form.Item>
                <Form.Item name={[field.name, 'organizationId']} rules={orgRules} style={{ flex: '2 1 200px', marginBottom: 12 }}>
                  <Select
                    showSearch
                    optionFilterProp="title"
                    loading={orgs.isPending}
                    placeholder="所属组织"
                    aria-label={`授权${index + 1}所属组织`}
                    options={options.map((o) => ({ value: o.value, title: o.title, label: <span style={{ paddingLeft: o.depth * 12 }}>{o.label}</span> }))}
                    optionLabelProp="title"
                  />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={`删除授权${index + 1}`} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} disabled={fields.length >= GRANTS_MAX} onClick={() => add({})} style={{ margin: '4px 0 16px' }}>
              添加授权
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
