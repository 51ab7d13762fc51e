import { Alert, Form, Input, InputNumber, Segmented, Select, Typography, message } from 'antd';
import { useState } from 'react';
import {
  BENCHMARK_CATALOGUE, BENCHMARK_CATALOGUE_KEYS, BENCHMARK_GROUPS, BENCHMARK_GROUP_LABELS, BenchmarkTownInputSchema, CatalogueBenchmarkIndicatorSchema,
  CustomBenchmarkIndicatorSchema, PutBenchmarkValueSchema,
  type BenchmarkCatalogueKey, type BenchmarkGroup, type BenchmarkIndicator, type BenchmarkTownInput,
} from '@dj/contracts';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../lib/api-client';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAddBenchmarkIndicator, usePutBenchmarkValue, useSaveBenchmarkTown } from './api';

/** A refusal on a field goes under it; any other is a message. */
const refuse = (form: Parameters<typeof applyFieldErrors>[0], e: unknown, fields: readonly string[]) => {
  if (!applyFieldErrors(form, e, fields)) void message.error(errorMessage(e));
};

export function TownModal({ town, onClose }: { town: { name: string; note: string | null } | null; onClose: () => void }) {
  const [form] = Form.useForm<BenchmarkTownInput>();
  const save = useSaveBenchmarkTown();
  const submit = async (values: BenchmarkTownInput) => {
    try {
      await save.mutateAsync(values);
      void message.success(`对标镇:${values.name}`);
      onClose();
    } catch (e) { refuse(form, e, ['name', 'note']); }
  };
  return (
    <FormModal title={town ? '修改对标镇' : '填写对标镇'} open onClose={onClose} form={form} name="benchmark-town" pending={save.isPending}
      initialValues={town ?? { name: '' }} onFinish={submit}>
      <Form.Item name="name" label="对标镇" rules={rulesFor(BenchmarkTownInputSchema, 'name')}><Input placeholder="例如 周庄镇" {...textPropsOf(BenchmarkTownInputSchema, 'name')} /></Form.Item>
      <Form.Item name="note" label="说明" rules={rulesFor(BenchmarkTownInputSchema, 'note')}><Input.TextArea rows={2} {...textPropsOf(BenchmarkTownInputSchema, 'note')} /></Form.Item>
    </FormModal>
  );
}

interface CustomValues { name: string; unit: string; group: BenchmarkGroup; higherIsBetter: boolean }

/** 添加指标: from the catalogue (own value from the records where they answer it) or 自定义 (own value entered by hand). */
export function IndicatorModal({ picked, onClose }: { picked: readonly (string | null)[]; onClose: () => void }) {
  const [mode, setMode] = useState<'catalogue' | 'custom'>('catalogue');
  const [form] = Form.useForm<{ catalogueKey?: BenchmarkCatalogueKey } & Partial<CustomValues>>();
  const add = useAddBenchmarkIndicator();
  const options = BENCHMARK_CATALOGUE_KEYS.filter((k) => !picked.includes(k)).map((k) => {
    const c = BENCHMARK_CATALOGUE[k];
    return { value: k, label: `${BENCHMARK_GROUP_LABELS[c.group]} · ${c.name}(${c.unit})${c.source === '手工录入' ? ' · 来源:手工录入' : ''}` };
  });
  const submit = async (values: { catalogueKey?: BenchmarkCatalogueKey } & Partial<CustomValues>) => {
    try {
      const body = mode === 'catalogue' ? { catalogueKey: values.catalogueKey as BenchmarkCatalogueKey } : values as CustomValues;
      await add.mutateAsync(body);
      void message.success('已添加对标指标');
      onClose();
    } catch (e) { refuse(form, e, ['catalogueKey', 'name', 'unit', 'group', 'higherIsBetter']); }
  };
  return (
    <FormModal title="添加对标指标" open onClose={onClose} form={form} name="benchmark-indicator" pending={add.isPending}
      initialValues={{ group: 'party_building', higherIsBetter: true }} onFinish={submit}
      before={<Segmented block value={mode} onChange={(v) => setMode(v as typeof mode)} style={{ marginBottom: 12 }}
        options={[{ value: 'catalogue', label: '从目录选择' }, { value: 'custom', label: '自定义指标' }]} />}>
      {mode === 'catalogue' ? (
        <Form.Item name="catalogueKey" label="目录指标" rules={rulesFor(CatalogueBenchmarkIndicatorSchema, 'catalogueKey')}
          extra="目录中能由平台记录计算的指标,本镇数值自动计算;其余指标的本镇数值需手工录入并注明来源。">
          <Select options={options} placeholder="选择指标" notFoundContent="目录指标均已添加" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="name" label="指标名称" rules={rulesFor(CustomBenchmarkIndicatorSchema, 'name')}><Input {...textPropsOf(CustomBenchmarkIndicatorSchema, 'name')} /></Form.Item>
          <Form.Item name="unit" label="单位" rules={rulesFor(CustomBenchmarkIndicatorSchema, 'unit')}><Input placeholder="例如 万元、个、%" {...textPropsOf(CustomBenchmarkIndicatorSchema, 'unit')} /></Form.Item>
          <Form.Item name="group" label="类别" rules={rulesFor(CustomBenchmarkIndicatorSchema, 'group')}>
            <Select options={BENCHMARK_GROUPS.map((g) => ({ value: g, label: BENCHMARK_GROUP_LABELS[g] }))} />
          </Form.Item>
          <Form.Item name="higherIsBetter" label="方向" rules={rulesFor(CustomBenchmarkIndicatorSchema, 'higherIsBetter')}>
            <Segmented options={[{ value: true, label: '越高越好' }, { value: false, label: '越低越好' }]} />
          </Form.Item>
          <Typography.Text type="secondary">自定义指标的本镇数值来源:手工录入。</Typography.Text>
        </>
      )}
    </FormModal>
  );
}

interface ValueForm { benchmarkValue: number; source: string; ownValue?: number | null; ownSource?: string | null }

/** A year's values of one indicator: the benchmark town's with its source; the own town's too when entered by hand. */
export function ValueModal({ indicator, year, townName, onClose }: { indicator: BenchmarkIndicator; year: number; townName: string; onClose: () => void }) {
  const [form] = Form.useForm<ValueForm>();
  const put = usePutBenchmarkValue();
  const cell = indicator.cells.find((c) => c.year === year);
  const submit = async (values: ValueForm) => {
    try {
      await put.mutateAsync({ id: indicator.id, year, body: { ...values, ownValue: values.ownValue ?? null, ownSource: values.ownSource || null } });
      void message.success(`已保存${year}年“${indicator.name}”`);
      onClose();
    } catch (e) { refuse(form, e, ['benchmarkValue', 'source', 'ownValue', 'ownSource']); }
  };
  const unit = indicator.unit;
  return (
    <FormModal title={`${year}年 · ${indicator.name}`} open onClose={onClose} form={form} name="benchmark-value" pending={put.isPending} okText="保存"
      initialValues={{ benchmarkValue: cell?.benchmark ?? undefined, source: cell?.source ?? '', ownValue: indicator.computed ? undefined : cell?.own, ownSource: indicator.computed ? undefined : cell?.ownSource }}
      onFinish={submit}
      before={indicator.computed ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本镇数值由平台记录计算:${cell?.own ?? '暂无'}${cell?.own !== null && cell?.own !== undefined ? unit : ''}`} /> : null}>
      <Form.Item name="benchmarkValue" label={`${townName}数值(${unit})`} rules={rulesFor(PutBenchmarkValueSchema, 'benchmarkValue')}>
        <InputNumber style={{ width: '100%' }} inputMode="decimal" />
      </Form.Item>
      <Form.Item name="source" label={`${townName}数值来源`} rules={rulesFor(PutBenchmarkValueSchema, 'source')}>
        <Input.TextArea rows={2} placeholder="例如 周庄镇2025年政府工作报告" {...textPropsOf(PutBenchmarkValueSchema, 'source')} />
      </Form.Item>
      {indicator.computed ? null : (
        <>
          <Form.Item name="ownValue" label={`本镇数值(${unit})`} rules={rulesFor(PutBenchmarkValueSchema, 'ownValue')}>
            <InputNumber style={{ width: '100%' }} inputMode="decimal" />
          </Form.Item>
          <Form.Item name="ownSource" label="本镇数值来源(手工录入)" rules={rulesFor(PutBenchmarkValueSchema, 'ownSource')}>
            <Input.TextArea rows={2} placeholder="例如 镇经管站年报" {...textPropsOf(PutBenchmarkValueSchema, 'ownSource')} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
