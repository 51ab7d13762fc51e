import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Progress, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { TALENT_KIND_LABELS, TALENT_TIER_LABELS, todayInShanghai, type TalentProgress, type TalentTargetsInput } from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { errorMessage } from '../../lib/api-client';
import { useSetTargets, useTalentProgress } from './api';

/** 年度目标: the town's targets and levels of each tier for the year. */
function TargetsModal({ progress, onClose }: { progress: TalentProgress; onClose: () => void }) {
  const [form] = Form.useForm<TalentTargetsInput>();
  const save = useSetTargets(progress.year);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: TalentTargetsInput) => {
    setError(null);
    try {
      await save.mutateAsync(values);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <FormModal<TalentTargetsInput> title={`${progress.year}年"十百千"工程目标`} open onClose={onClose} form={form} name="talent-targets" pending={save.isPending}
      initialValues={{ targets: progress.tiers.map(({ tier, target, level }) => ({ tier, target, level })) }} onFinish={(v) => void submit(v)}
      after={error && <Alert type="error" showIcon title={error} />}>
      {progress.tiers.map((t, i) => (
        <Space key={t.tier} wrap align="baseline">
          <Form.Item name={['targets', i, 'tier']} hidden><Input /></Form.Item>
          <Typography.Text strong style={{ width: 72, display: 'inline-block' }}>{TALENT_TIER_LABELS[t.tier]}</Typography.Text>
          <Form.Item name={['targets', i, 'level']} label="级别" rules={[{ required: true, message: '请填写级别' }]}><Input aria-label={`${TALENT_TIER_LABELS[t.tier]}级别`} maxLength={20} style={{ width: 90 }} /></Form.Item>
          <Form.Item name={['targets', i, 'target']} label="目标人数" rules={[{ required: true, message: '请填写目标人数' }]}><InputNumber aria-label={`${TALENT_TIER_LABELS[t.tier]}目标人数`} min={0} max={10000} /></Form.Item>
        </Space>
      ))}
    </FormModal>
  );
}

/** The year's progress: selected per tier against the target (the town's, or the setting's default), people per kind. No ranking. */
export function TalentProgressCard() {
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const query = useTalentProgress(year);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - 4 + i);
  return (
    <Card size="small" title={'人才"十百千"工程进度'} extra={
      <Space>
        <Select<number> aria-label="年度" size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        {query.data?.can.editTargets && <Button size="small" onClick={() => setEditing(true)}>年度目标</Button>}
      </Space>
    }>
      {query.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : query.error ? <LoadError title="进度加载失败" error={query.error} onRetry={() => query.refetch()} /> : (
        <Flex vertical gap={8} data-testid="talent-progress">
          {query.data.tiers.map((t) => (
            <div key={t.tier}>
              <Typography.Text>{TALENT_TIER_LABELS[t.tier]}({t.level}):{year}年入选 {t.selected} 人 / 目标 {t.target} 人</Typography.Text>
              {t.source === 'setting' && <Tag style={{ marginLeft: 8 }}>默认目标</Tag>}
              <Progress percent={t.target ? Math.min(100, Math.round((t.selected / t.target) * 100)) : 0} size="small" showInfo={false} aria-label={`${TALENT_TIER_LABELS[t.tier]}进度`} />
            </div>
          ))}
          {!query.data.can.editTargets && <Typography.Text type="secondary">入选人数按您管辖的村统计,目标为全镇目标。</Typography.Text>}
          <Typography.Text type="secondary">
            在册 {query.data.total} 人:{query.data.kinds.map((k) => `${TALENT_KIND_LABELS[k.kind]} ${k.total}`).join(',')}
          </Typography.Text>
        </Flex>
      )}
      {editing && query.data && <TargetsModal progress={query.data} onClose={() => setEditing(false)} />}
    </Card>
  );
}
