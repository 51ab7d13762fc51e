import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, Radio, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import {
  ADJUSTMENT_DECISIONS, ADJUSTMENT_DECISION_LABELS, VILLAGE_CADRE_POST_LABELS, todayInShanghai,
  type AssignedCadre, type CadreBoard, type DecideAdjustment, type MarkAdjustment, type SecretaryAdjustment,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCadreBoard, useDecideAdjustment, useMarkAdjustment } from './api';
import { RosterDownloadButton } from './CadreDocumentButtons';
import { dueTag } from './due-tag';
import { ServiceTeamCard } from './ServiceTeamView';
import { TownStructureCard } from './StructureView';

type VillageRow = CadreBoard['villages'][number];

function MarkModal({ villages, onClose }: { villages: VillageRow[]; onClose: () => void }) {
  const [form] = Form.useForm<MarkAdjustment>();
  const mark = useMarkAdjustment();
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (v: MarkAdjustment) => {
    setServerError(null);
    try { await mark.mutateAsync(v); onClose(); } catch (e) { if (!applyFieldErrors(form, e, ['organizationId', 'reason', 'markedOn'])) setServerError(errorMessage(e)); }
  };
  return (
    <FormModal<MarkAdjustment> title="列入书记动态调整名单" open onClose={onClose} form={form} name="mark-adjustment" pending={mark.isPending}
      initialValues={{ markedOn: todayInShanghai() }} onFinish={(v) => void submit(v)} after={serverError && <Alert type="error" showIcon title={serverError} />}>
      <Form.Item name="organizationId" label="村党支部" rules={[{ required: true, message: '请选择村党支部' }]}>
        <Select aria-label="村党支部" showSearch={{ optionFilterProp: 'label' }}
          options={villages.filter((v) => v.secretary).map((v) => ({ value: v.organizationId, label: `${v.name}(书记 ${v.secretary})` }))} />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请填写列入调整的原因' }, { min: 2, message: '请填写列入调整的原因(至少2个字)' }]}>
        <Input.TextArea aria-label="列入原因" maxLength={200} rows={2} />
      </Form.Item>
      <Form.Item name="markedOn" label="列入日期" rules={[{ required: true, message: '请填写列入日期' }]}><DateInput aria-label="列入日期" max={todayInShanghai()} /></Form.Item>
    </FormModal>
  );
}

function DecideModal({ adjustment, onClose }: { adjustment: SecretaryAdjustment; onClose: () => void }) {
  const [form] = Form.useForm<DecideAdjustment>();
  const decide = useDecideAdjustment();
  const [serverError, setServerError] = useState<string | null>(null);
  const submit = async (body: DecideAdjustment) => {
    setServerError(null);
    try { await decide.mutateAsync({ id: adjustment.id, body }); onClose(); } catch (e) { if (!applyFieldErrors(form, e, ['decision', 'decisionNote', 'decidedOn'])) setServerError(errorMessage(e)); }
  };
  return (
    <FormModal<DecideAdjustment> title={`登记调整决定:${adjustment.organizationName} ${adjustment.name}`} open onClose={onClose} form={form} name="decide-adjustment"
      pending={decide.isPending} initialValues={{ decidedOn: todayInShanghai() }} onFinish={(v) => void submit(v)} after={serverError && <Alert type="error" showIcon title={serverError} />}>
      <Form.Item name="decision" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group options={ADJUSTMENT_DECISIONS.map((d) => ({ value: d, label: ADJUSTMENT_DECISION_LABELS[d] }))} />
      </Form.Item>
      <Form.Item name="decisionNote" label="决定内容" rules={[{ required: true, message: '请填写决定内容' }, { min: 2, message: '请填写决定内容(至少2个字)' }]}>
        <Input.TextArea aria-label="决定内容" maxLength={200} rows={2} />
      </Form.Item>
      <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请填写决定日期' }]}><DateInput aria-label="决定日期" max={todayInShanghai()} /></Form.Item>
    </FormModal>
  );
}

/** 全镇村干部一览: each village's secretary and director, the assigned cadres with their period ends, the adjustment list. */
export function CadreBoardView({ onOpenVillage }: { onOpenVillage: (orgId: number) => void }) {
  const query = useCadreBoard(true);
  const [marking, setMarking] = useState(false);
  const [deciding, setDeciding] = useState<SecretaryAdjustment | null>(null);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error) return <LoadError title="全镇村干部加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const { villages, assigned, adjustments, totals, employment, serviceTeam, dueDays } = query.data;
  if (!villages.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="管辖范围内没有村党支部" />;
  return (
    <Flex vertical gap={12} data-testid="cadre-board">
      <Flex gap={24} wrap>
        <Statistic title="村数" value={totals.villages} />
        <Statistic title="一肩挑" value={totals.combined} />
        <Statistic title="书记空缺" value={totals.withoutSecretary} />
        <Statistic title="聘用制干部" value={employment.employed} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>书记{employment.secretaries}·主任{employment.directors}·计生{employment.familyPlanning}</Typography.Text>} />
        <Statistic title="享受事业编待遇" value={employment.careerTreatment} />
        <RosterDownloadButton />
      </Flex>
      <TownStructureCard onOpenVillage={onOpenVillage} />
      <Card size="small" title="各村书记、主任">
        <Table<VillageRow> size="small" rowKey="organizationId" pagination={false} dataSource={villages} scroll={{ x: true }}
          columns={[
            { title: '村', dataIndex: 'name', render: (name: string, v) => <Button type="link" style={{ padding: 0 }} onClick={() => onOpenVillage(v.organizationId)}>{name.replace(/党支部$/, '')}</Button> },
            { title: '党支部书记', dataIndex: 'secretary', render: (s: string | null, v) => (s ? <span>{s}{v.secretaryHow === 'assignment' && <Tag color="blue" style={{ marginLeft: 4 }}>选派</Tag>}</span> : <Typography.Text type="danger">空缺</Typography.Text>) },
            { title: '村委会主任', dataIndex: 'director', render: (d: string | null, v) => (v.combined ? <Tag color="green">一肩挑</Tag> : d ?? <Typography.Text type="danger">空缺</Typography.Text>) },
          ]} />
      </Card>
      <Card size="small" title="选派干部(按期满日期)" data-testid="assigned-cadres">
        <Table<AssignedCadre> size="small" rowKey="id" pagination={false} dataSource={assigned} scroll={{ x: true }} locale={{ emptyText: '没有在任的选派干部' }}
          columns={[
            { title: '村', dataIndex: 'organizationName', render: (n: string) => n.replace(/党支部$/, '') },
            { title: '职务', dataIndex: 'post', render: (p: AssignedCadre['post']) => VILLAGE_CADRE_POST_LABELS[p] },
            { title: '姓名', dataIndex: 'name' },
            { title: '原职务/派出单位', key: 'from', render: (_: unknown, a) => a.homePost ?? a.sendingUnit ?? '—' },
            { title: '期满', dataIndex: 'periodEndsOn', render: (d: string | null, a) => <span>{d} {dueTag(a, dueDays)}</span> },
          ]} />
      </Card>
      <Card size="small" title="书记动态调整名单" data-testid="adjustments" extra={<Button onClick={() => setMarking(true)}>列入调整</Button>}>
        <Table<SecretaryAdjustment> size="small" rowKey="id" pagination={false} dataSource={adjustments} scroll={{ x: true }} locale={{ emptyText: '名单为空' }}
          columns={[
            { title: '村', dataIndex: 'organizationName', render: (n: string) => n.replace(/党支部$/, '') },
            { title: '书记', dataIndex: 'name' },
            { title: '原因', dataIndex: 'reason' },
            { title: '列入日期', dataIndex: 'markedOn' },
            {
              title: '决定', key: 'decision', render: (_: unknown, a) => (a.decision
                ? `${a.decidedOn} ${ADJUSTMENT_DECISION_LABELS[a.decision]}:${a.decisionNote}`
                : <Button size="small" onClick={() => setDeciding(a)} aria-label={`登记决定(${a.name}的调整)`}>登记决定</Button>),
            },
          ]} />
      </Card>
      <ServiceTeamCard members={serviceTeam} dueDays={dueDays} villages={villages} editable />
      {marking && <MarkModal villages={villages} onClose={() => setMarking(false)} />}
      {deciding && <DecideModal adjustment={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}
