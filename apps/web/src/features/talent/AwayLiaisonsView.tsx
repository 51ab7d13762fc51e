import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import { AWAY_LIAISON_KINDS, AWAY_LIAISON_KIND_LABELS, type AwayCoverage, type AwayLiaison, type CreateAwayLiaison } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAwayList, useAwayLiaisons, useCreateLiaison, useUpdateCoverage } from './AwayApi';
import { AwayRevealButton } from './AwayRevealButton';

type Owner = { id: number; name: string; path: string };

const personLabel = (p: { name: string; organizationName: string; place?: string | null }) =>
  `${p.name}(${p.organizationName.replace(/党支部$/, '')}${p.place ? `,${p.place}` : ''})`;

function LiaisonModal({ owners, onClose }: { owners: Owner[]; onClose: () => void }) {
  const [form] = Form.useForm<CreateAwayLiaison>();
  const ownerId = Form.useWatch('organizationId', form) as number | undefined;
  const people = useAwayList({ orgId: owners.find((o) => o.id === ownerId && o.name.endsWith('党支部'))?.id, status: 'away', pageSize: 200 });
  const save = useCreateLiaison();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: CreateAwayLiaison) => {
    setError(null);
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['organizationId', 'kind', 'name', 'place', 'contactName', 'contactPhone', 'note', 'coveredIds'])) setError(errorMessage(e));
    }
  };
  return (
    <FormModal<CreateAwayLiaison> title="登记联络组织" open onClose={onClose} form={form} name="away-liaison" pending={save.isPending}
      initialValues={{ organizationId: owners[0]?.id, kind: 'outside_branch', coveredIds: [] }} onFinish={(v) => void submit(v)}
      after={error && <Alert type="error" showIcon title={error} />}>
      <Form.Item name="organizationId" label="所属" rules={[{ required: true, message: '请选择所属组织' }]}>
        <Select aria-label="所属" options={owners.map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Select aria-label="类别" options={AWAY_LIAISON_KINDS.map((k) => ({ value: k, label: AWAY_LIAISON_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input aria-label="名称" /></Form.Item>
      <Form.Item name="place" label="所在地"><Input aria-label="所在地" /></Form.Item>
      <Form.Item name="contactName" label="联系人"><Input aria-label="联系人" /></Form.Item>
      <Form.Item name="contactPhone" label="联系电话"><Input aria-label="联系电话" autoComplete="off" /></Form.Item>
      <Form.Item name="coveredIds" label="联系的在外人员">
        <Select aria-label="联系的在外人员" mode="multiple" loading={people.isFetching} optionFilterProp="label"
          options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))} />
      </Form.Item>
      <Form.Item name="note" label="备注"><Input aria-label="备注" /></Form.Item>
    </FormModal>
  );
}

/**
 * Who a liaison keeps in touch with, changed after it was registered (people leave, return, move city): the people
 * away under the liaison's own organisation, those already covered kept as options even when no longer listed.
 */
function CoverageModal({ liaison, onClose }: { liaison: AwayLiaison; onClose: () => void }) {
  const [form] = Form.useForm<AwayCoverage>();
  const people = useAwayList({ orgId: liaison.organizationId, status: 'away', pageSize: 200 });
  const save = useUpdateCoverage(liaison.id);
  const [error, setError] = useState<string | null>(null);
  const listed = (people.data?.items ?? []).map((p) => ({ value: p.id, label: personLabel(p) }));
  const kept = liaison.covered.filter((c) => !listed.some((o) => o.value === c.id)).map((c) => ({ value: c.id, label: personLabel(c) }));
  const submit = async (values: AwayCoverage) => {
    setError(null);
    try {
      await save.mutateAsync({ coveredIds: values.coveredIds ?? [] });
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['coveredIds'])) setError(errorMessage(e));
    }
  };
  return (
    <FormModal<AwayCoverage> title={`${liaison.name}:联系的在外人员`} open onClose={onClose} form={form} name="away-coverage" pending={save.isPending}
      initialValues={{ coveredIds: liaison.covered.map((c) => c.id) }} onFinish={(v) => void submit(v)}
      after={error && <Alert type="error" showIcon title={error} />}>
      <Form.Item name="coveredIds" label="联系的在外人员" extra="可多选;清空表示暂不联系任何人">
        <Select aria-label="联系的在外人员" mode="multiple" loading={people.isFetching} optionFilterProp="label" options={[...kept, ...listed]} />
      </Form.Item>
    </FormModal>
  );
}

/** 联络组织: the town's and the villages' liaisons (劳动就业部门, 驻外流动党组织), their contacts (phones masked) and the people they cover. */
export function AwayLiaisonsView({ orgId, owners }: { orgId?: number; owners: Owner[] }) {
  const query = useAwayLiaisons(orgId);
  const [adding, setAdding] = useState(false);
  const [covering, setCovering] = useState<AwayLiaison | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.error) return <LoadError title="联络组织加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const { items, can } = query.data;
  return (
    <Flex vertical gap={12} data-testid="away-liaisons">
      {can.record && <div><Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记联络组织</Button></div>}
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记联络组织" /> : items.map((l) => (
        <Card key={l.id} size="small" title={<span>{l.name} <Tag>{AWAY_LIAISON_KIND_LABELS[l.kind]}</Tag></span>}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            所属:{l.organizationName}{l.place ? `;所在地:${l.place}` : ''}{l.contactName ? `;联系人:${l.contactName} ` : ''}
            {l.contactPhoneMasked && (can.record ? <AwayRevealButton url={`/api/talent/away-liaisons/${l.id}/reveal`} masked={l.contactPhoneMasked} /> : l.contactPhoneMasked)}
          </Typography.Paragraph>
          <Typography.Text type="secondary">联系的在外人员({l.covered.length}人):</Typography.Text>
          {can.record && <Button size="small" type="link" onClick={() => setCovering(l)}>调整</Button>}
          <div>{l.covered.length ? l.covered.map((p) => `${p.name}(${p.organizationName.replace(/党支部$/, '')})`).join('、') : '—'}</div>
          {l.note && <Typography.Text type="secondary">备注:{l.note}</Typography.Text>}
        </Card>
      ))}
      {adding && <LiaisonModal owners={owners} onClose={() => setAdding(false)} />}
      {covering && <CoverageModal liaison={covering} onClose={() => setCovering(null)} />}
    </Flex>
  );
}
