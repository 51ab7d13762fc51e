import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Form, Input, List, Skeleton, Tag, Typography } from 'antd';
import { GENDER_LABELS, TALENT_FIELD_LABELS, TALENT_KIND_LABELS, TALENT_LIMITS, todayInShanghai, type TalentDetail, type TalentSupportInput } from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { formatFen, parseYuan, yuanRule } from '../../lib/money';
import { useNarrowScreen } from '../../lib/use-narrow-screen';
import { useAddSupport, useRevealTalent, useTalent } from './api';
import { leadText, tierText } from './labels';
import { EditTalentModal } from './TalentFormModal';
import { SectionTitle } from '../../components/PageTitle';
import { ListItemMeta } from '../../components/ListItemMeta';

type SupportValues = Omit<TalentSupportInput, 'amountFen'> & { amountYuan?: string };

/** 登记扶持: date, what, amount in 元 (optional), by whom. */
function SupportForm({ id }: { id: number }) {
  const [form] = Form.useForm<SupportValues>();
  const save = useAddSupport(id);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ amountYuan, ...values }: SupportValues) => {
    setError(null);
    const parsed = amountYuan ? parseYuan(amountYuan) : null;
    try {
      await save.mutateAsync({ ...values, amountFen: parsed?.ok ? parsed.fen : null });
      form.resetFields();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['givenOn', 'what', 'givenBy'])) setError(errorMessage(e));
    }
  };
  return (
    <Form<SupportValues> form={form} layout="vertical" name="talent-support" onFinish={(v) => void submit(v)} initialValues={{ givenOn: todayInShanghai() }}>
      <Form.Item name="givenOn" label="扶持日期" rules={[{ required: true, message: '请填写扶持日期' }]}><DateInput aria-label="扶持日期" max={todayInShanghai()} /></Form.Item>
      <Form.Item name="what" label="扶持内容" rules={[{ required: true, min: 2, message: '请填写扶持内容(至少2个字)' }]}><Input aria-label="扶持内容" maxLength={TALENT_LIMITS.supportWhat} /></Form.Item>
      <Form.Item name="amountYuan" label="金额(元,非资金扶持不填)" rules={[yuanRule({ required: false, maxFen: TALENT_LIMITS.supportMaxFen })]}><Input aria-label="金额" inputMode="decimal" /></Form.Item>
      <Form.Item name="givenBy" label="扶持单位" rules={[{ required: true, min: 2, message: '请填写扶持单位(至少2个字)' }]}><Input aria-label="扶持单位" maxLength={TALENT_LIMITS.supportBy} /></Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Button htmlType="submit" type="primary" loading={save.isPending}>登记扶持</Button>
    </Form>
  );
}

/** The full phone number after a reason; the server asks for the password again when needed and records the read. */
function RevealPhone({ talent }: { talent: TalentDetail }) {
  const reveal = useRevealTalent(talent.id);
  const [reason, setReason] = useState('');
  if (!talent.phoneMasked) return <>—</>;
  if (reveal.data) return <>{reveal.data.value}</>;
  return (
    <Flex gap={8} wrap align="center">
      <span>{talent.phoneMasked}</span>
      {talent.can.reveal && (
        <>
          <Input size="small" aria-label="查看原因" placeholder="查看原因" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 140 }} />
          <Button size="small" disabled={reason.trim().length < 2} loading={reveal.isPending} onClick={() => reveal.mutate({ field: 'phone', reason })}>查看完整号码</Button>
        </>
      )}
      {reveal.error && <Typography.Text type="danger">{errorMessage(reveal.error)}</Typography.Text>}
    </Flex>
  );
}

function Detail({ talent }: { talent: TalentDetail }) {
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} size="small" bordered items={[
        { key: 'village', label: '所在村', children: talent.villageName ?? talent.organizationName },
        { key: 'person', label: '基本情况', children: `${GENDER_LABELS[talent.gender]},${talent.birthDate.slice(0, 4)}年生,${talent.isMember ? '中共党员' : '群众'}` },
        { key: 'id', label: '身份证号', children: talent.idNumberMasked },
        { key: 'phone', label: '联系电话', children: <RevealPhone talent={talent} /> },
        { key: 'kind', label: '人才类别', children: TALENT_KIND_LABELS[talent.kind] },
        { key: 'tier', label: '"十百千"工程', children: tierText(talent) },
        { key: 'field', label: '从事领域', children: TALENT_FIELD_LABELS[talent.field] + (talent.fieldNote ? `(${talent.fieldNote})` : '') },
        { key: 'leads', label: '领办项目', children: talent.leads.length ? talent.leads.map((l) => <Tag key={l.name}>{leadText(l)}</Tag>) : '—' },
        { key: 'note', label: '备注', children: talent.note ?? '—' },
      ]} />
      {talent.can.edit && <Button onClick={() => setEditing(true)}>修改人才信息</Button>}
      {editing && <EditTalentModal talent={talent} open onClose={() => setEditing(false)} />}
      <SectionTitle style={{ margin: 0 }}>扶持记录({talent.support.length}次,合计{formatFen(talent.supportFen)})</SectionTitle>
      {talent.support.length ? (
        <List size="small" dataSource={talent.support} renderItem={(s) => (
          <List.Item>
            <ListItemMeta title={`${s.givenOn} ${s.what}`} description={`${s.givenBy}${s.amountFen !== null ? ` · ${formatFen(s.amountFen)}` : ''}`} />
          </List.Item>
        )} />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无扶持记录" />}
      {talent.can.edit && <SupportForm id={talent.id} />}
    </Flex>
  );
}

/** One talent's record, opened from the registry. */
export function TalentDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const narrow = useNarrowScreen();
  const query = useTalent(id);
  return (
    <Drawer open={id !== null} onClose={onClose} title={query.data?.name ?? '人才详情'} size={narrow ? '100%' : 640} destroyOnHidden>
      {query.isPending ? <Skeleton active /> : query.error ? <LoadError title="人才信息加载失败" error={query.error} onRetry={() => query.refetch()} /> : <Detail talent={query.data} />}
    </Drawer>
  );
}
