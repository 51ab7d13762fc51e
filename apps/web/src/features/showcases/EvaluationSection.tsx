import { useState } from 'react';
import { App, Button, Flex, Input, Radio, Select, Table, Typography } from 'antd';
import {
  CRITERION_RESULT_LABELS, CRITERION_RESULTS, EVALUATION_CONCLUSION_LABELS, EVALUATION_CONCLUSIONS, EvaluationItemSchema, todayInShanghai,
  type CriterionResult, type EvaluationConclusion, type Showcase,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import { errorMessage } from '../../lib/api-client';
import { textPropsOf } from '../../lib/contract-rules';
import { useCriteria, useShowcaseWrite } from './api';
import { SectionTitle } from '../../components/PageTitle';

type Judged = Record<number, { result?: CriterionResult; evidence: string }>;

/** The latest evaluation as a table; the town evaluates a year criterion by criterion with evidence (no score). */
export function EvaluationSection({ s }: { s: Showcase }) {
  const last = s.evaluations[0];
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={6}>
      <Flex justify="space-between" align="center">
        <SectionTitle style={{ margin: 0 }}>年度评估</SectionTitle>
        {s.can.manage && !editing && <Button size="small" onClick={() => setEditing(true)}>评估</Button>}
      </Flex>
      {editing ? <EvaluationForm s={s} onDone={() => setEditing(false)} /> : !last ? <Typography.Text type="secondary">尚未评估</Typography.Text> : (
        <>
          <Typography.Text>{last.year}年度 · {last.evaluatedOn} · 结论:{EVALUATION_CONCLUSION_LABELS[last.conclusion]}</Typography.Text>
          <Table size="small" pagination={false} rowKey="criterionId" dataSource={last.items} scroll={{ x: true }} columns={[
            { title: '标准', dataIndex: 'criterionName' },
            { title: '达标情况', dataIndex: 'result', render: (r: CriterionResult) => CRITERION_RESULT_LABELS[r] },
            { title: '佐证材料', dataIndex: 'evidence', render: (e: string | null) => e ?? '—' },
          ]} />
        </>
      )}
    </Flex>
  );
}

function EvaluationForm({ s, onDone }: { s: Showcase; onDone: () => void }) {
  const criteria = useCriteria();
  const write = useShowcaseWrite(s.id);
  const { message } = App.useApp();
  const today = todayInShanghai();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [evaluatedOn, setEvaluatedOn] = useState<string | undefined>(today);
  const [conclusion, setConclusion] = useState<EvaluationConclusion>('keep');
  const [judged, setJudged] = useState<Judged>({});
  const active = (criteria.data?.items ?? []).filter((c) => c.active);
  const set = (id: number, patch: Partial<Judged[number]>) => setJudged({ ...judged, [id]: { ...(judged[id] ?? { evidence: '' }), ...patch } });
  const submit = () => {
    const missing = active.find((c) => !judged[c.id]?.result);
    if (missing) { message.error(`请评估“${missing.name}”`); return; }
    write.evaluate.mutate({ year, body: { evaluatedOn: evaluatedOn ?? today, conclusion, items: active.map((c) => ({ criterionId: c.id, result: judged[c.id].result!, evidence: judged[c.id].evidence || null })) } }, {
      onSuccess: () => { message.success('已保存评估'); onDone(); }, onError: (e) => message.error(errorMessage(e)),
    });
  };
  const years = [0, 1, 2].map((k) => Number(today.slice(0, 4)) - k);
  return (
    <Flex vertical gap={8} data-testid="evaluation-form">
      <Flex gap={8} wrap>
        <Select aria-label="年度" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年度` }))} style={{ width: 110 }} />
        <DateInput aria-label="评估日期" value={evaluatedOn} onChange={(v) => setEvaluatedOn(v ?? undefined)} max={today} />
      </Flex>
      {active.length === 0 && <Typography.Text type="warning">请先在“创建标准”中列出本镇的示范点标准。</Typography.Text>}
      {active.map((c) => (
        <Flex key={c.id} vertical gap={4} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
          <Typography.Text strong>{c.name}</Typography.Text>
          <Radio.Group value={judged[c.id]?.result} onChange={(e) => set(c.id, { result: e.target.value })}
            options={CRITERION_RESULTS.map((r) => ({ value: r, label: CRITERION_RESULT_LABELS[r] }))} />
          <Input aria-label={`${c.name}佐证材料`} placeholder="佐证材料(台账、照片、记录)" value={judged[c.id]?.evidence ?? ''}
            onChange={(e) => set(c.id, { evidence: e.target.value })} {...textPropsOf(EvaluationItemSchema, 'evidence')} />
        </Flex>
      ))}
      <Radio.Group value={conclusion} onChange={(e) => setConclusion(e.target.value)} options={EVALUATION_CONCLUSIONS.map((c) => ({ value: c, label: EVALUATION_CONCLUSION_LABELS[c] }))} />
      <Flex gap={8}><Button type="primary" loading={write.evaluate.isPending} onClick={submit} disabled={active.length === 0}>保存评估</Button><Button onClick={onDone}>取消</Button></Flex>
    </Flex>
  );
}
