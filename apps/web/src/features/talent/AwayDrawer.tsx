import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Form, Input, Select, Skeleton, Tag, Timeline, Typography } from 'antd';
import {
  AWAY_CONTACT_METHODS, AWAY_CONTACT_METHOD_LABELS, AWAY_EMPLOYER_KIND_LABELS, AWAY_LIAISON_KIND_LABELS, todayInShanghai,
  type AwayContactInput, type AwayReturnInput, type AwayTalentDetail,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useAddContact, useAwayDetail, useRecordHandover, useRecordReturn } from './AwayApi';
import { AwayEditModal } from './AwayEditModal';
import { AwayRevealButton } from './AwayRevealButton';
import { DueTag } from './AwayTable';
import { SectionTitle } from '../../components/PageTitle';

function ContactForm({ id }: { id: number }) {
  const [form] = Form.useForm<AwayContactInput>();
  const save = useAddContact(id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: AwayContactInput) => {
    setError(null);
    try {
      await save.mutateAsync(values);
      form.resetFields();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['contactedOn', 'method', 'contactedBy', 'content'])) setError(errorMessage(e));
    }
  };
  return (
    <Form<AwayContactInput> form={form} name="away-contact" layout="vertical" initialValues={{ contactedOn: todayInShanghai(), method: 'phone' }} onFinish={(v) => void submit(v)}>
      <Flex gap={8} wrap>
        <Form.Item name="contactedOn" label="联系日期" rules={[{ required: true, message: '请填写联系日期' }]}><DateInput aria-label="联系日期" max={todayInShanghai()} /></Form.Item>
        <Form.Item name="method" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
          <Select aria-label="联系方式" style={{ width: 110 }} options={AWAY_CONTACT_METHODS.map((m) => ({ value: m, label: AWAY_CONTACT_METHOD_LABELS[m] }))} />
        </Form.Item>
        <Form.Item name="contactedBy" label="联系人" rules={[{ required: true, message: '请填写谁联系的' }]}><Input aria-label="联系人" placeholder="如:村党支部书记" style={{ width: 160 }} /></Form.Item>
      </Flex>
      <Form.Item name="content" label="联系内容" rules={[{ required: true, message: '请填写联系内容' }]}><Input.TextArea aria-label="联系内容" rows={2} maxLength={500} /></Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>登记联系</Button>
    </Form>
  );
}

function ReturnForm({ id, onDone }: { id: number; onDone: () => void }) {
  const [form] = Form.useForm<AwayReturnInput>();
  const save = useRecordReturn(id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: AwayReturnInput) => {
    setError(null);
    try {
      await save.mutateAsync(values);
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['returnedOn', 'purpose', 'support'])) setError(errorMessage(e));
    }
  };
  return (
    <Form<AwayReturnInput> form={form} name="away-return" layout="vertical" onFinish={(v) => void submit(v)}>
      <Form.Item name="returnedOn" label="回流日期" rules={[{ required: true, message: '请填写回流日期' }]}><DateInput aria-label="回流日期" max={todayInShanghai()} /></Form.Item>
      <Form.Item name="purpose" label="回乡后从事" rules={[{ required: true, message: '请填写回乡后从事什么' }]}><Input aria-label="回乡后从事" /></Form.Item>
      <Form.Item name="support" label="提供的支持"><Input aria-label="提供的支持" /></Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>登记回流</Button>
    </Form>
  );
}

function Overview({ data }: { data: AwayTalentDetail }) {
  const t = data.talent;
  return (
    <Descriptions size="small" column={1} bordered items={[
      { key: 'org', label: '村', children: t.organizationName.replace(/党支部$/, '') },
      { key: 'party', label: '政治面貌', children: t.isMember ? <span>党员{t.flow && <Tag style={{ marginLeft: 4 }}>流动党员:{t.flow.startedOn}起在{t.flow.destination}</Tag>}</span> : '非党员' },
      { key: 'place', label: '在外地点', children: t.place },
      { key: 'work', label: '从事工作', children: `${t.occupation}(${AWAY_EMPLOYER_KIND_LABELS[t.employerKind]}${t.employer ? `,${t.employer}` : ''})` },
      { key: 'skills', label: '专长技能', children: t.skills ?? '—' },
      { key: 'left', label: '外出时间', children: t.leftOn ?? '—' },
      { key: 'phone', label: '联系电话', children: t.phoneMasked && data.can.record ? <AwayRevealButton url={`/api/talent/away/${t.id}/reveal`} masked={t.phoneMasked} /> : t.phoneMasked ?? '—' },
      { key: 'id', label: '身份证号', children: data.idNumberMasked },
      { key: 'last', label: '最近联系', children: t.lastContactOn ?? '未联系' },
      { key: 'due', label: '应联系', children: <DueTag t={t} /> },
      ...(t.returnedOn ? [{ key: 'ret', label: '回流', children: `${t.returnedOn} ${t.returnPurpose ?? ''}${t.returnSupport ? `;支持:${t.returnSupport}` : ''}` }] : []),
      ...(t.handedOn ? [{ key: 'hand', label: '移交人才库', children: `${t.handedOn}${t.handedNote ? ` ${t.handedNote}` : ''}` }] : []),
      { key: 'liaison', label: '联络组织', children: data.liaisons.length ? data.liaisons.map((l) => `${l.name}(${AWAY_LIAISON_KIND_LABELS[l.kind]}${l.contactName ? `,${l.contactName} ${l.contactPhoneMasked ?? ''}` : ''})`).join(';') : '—' },
    ]} />
  );
}

/** One person away: who they are, the contact log (with the member's 流动党员 contacts) and the add form, return and handover. */
export function AwayDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const query = useAwayDetail(id);
  const narrow = useNarrowScreen();
  const [returning, setReturning] = useState(false);
  const [editing, setEditing] = useState(false);
  const handover = useRecordHandover(id);
  const data = query.data;
  return (
    <Drawer open onClose={onClose} size={narrow ? '100%' : 560} title={data ? `${data.talent.name} · 在外人才` : '在外人才'} destroyOnHidden>
      {query.isPending ? <Skeleton active /> : query.error ? <LoadError title="加载失败" error={query.error} onRetry={() => query.refetch()} /> : data && (
        <Flex vertical gap={16} data-testid="away-drawer">
          <Overview data={data} />
          <div>
            <SectionTitle>联系记录</SectionTitle>
            {data.contacts.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无联系记录" /> : (
              <Timeline items={data.contacts.map((c) => ({
                key: `${c.source}-${c.id}`,
                content: (
                  <div>
                    <Typography.Text strong>{c.contactedOn} {AWAY_CONTACT_METHOD_LABELS[c.method]}</Typography.Text> <Typography.Text type="secondary">{c.contactedBy}</Typography.Text>
                    {c.source === 'flow' && <Tag style={{ marginLeft: 4 }}>流动党员联系</Tag>}
                    <div>{c.content || '—'}</div>
                  </div>
                ),
              }))} />
            )}
          </div>
          {data.can.record && data.talent.status === 'away' && (
            <>
              <div><Button onClick={() => setEditing(true)}>修改在外情况</Button></div>
              {editing && <AwayEditModal talent={data.talent} onClose={() => setEditing(false)} />}
              <ContactForm id={id} />
              {returning ? <ReturnForm id={id} onDone={() => setReturning(false)} /> : <Button onClick={() => setReturning(true)}>登记回流</Button>}
            </>
          )}
          {data.can.record && data.talent.status === 'returned' && !data.talent.handedOn && (
            <Button loading={handover.isPending} onClick={() => handover.mutate({ handedOn: todayInShanghai() })}>移交人才库(今天)</Button>
          )}
          {handover.error && <Alert type="error" showIcon title={errorMessage(handover.error)} />}
        </Flex>
      )}
    </Drawer>
  );
}
