import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '../../lib/icons';
import {
  ASSESSMENT_LIMITS, ASSESSMENT_MEASURES, ASSESSMENT_MEASURES_UNAVAILABLE, ASSESSMENT_MEASURE_LABELS, ASSESSMENT_SCORERS, ASSESSMENT_SCORER_LABELS,
  FORBIDDEN_MEASURE_REASON, VILLAGE_CADRE_POSTS, VILLAGE_CADRE_POST_LABELS, forbiddenWordsIn, todayInShanghai,
  type AssessmentSchemeDetail, type AssessmentVersion, type GradeBand, type VillageCadrePost,
} from '@dj/contracts';
import { MonthInput } from '../../components/MonthInput';
import { errorMessage } from '../../lib/api-client';
import { useAddVersion } from './api';
import { addChild, addTop, earliestStart, removeAt, updateAt, weightProblems, type Indicator, type Path } from './indicator-tree';
import { SchemePreview } from './SchemePreview';

const L = ASSESSMENT_LIMITS;
const SCORER_OPTIONS = ASSESSMENT_SCORERS.map((s) => ({ value: s, label: ASSESSMENT_SCORER_LABELS[s] }));
const MEASURE_OPTIONS = ASSESSMENT_MEASURES.map((m) => ({ value: m, label: ASSESSMENT_MEASURE_LABELS[m], disabled: Boolean(ASSESSMENT_MEASURES_UNAVAILABLE[m]), title: ASSESSMENT_MEASURES_UNAVAILABLE[m] }));
const LEVEL = ['一级指标', '二级指标', '三级指标'];

interface RowProps { node: Indicator; path: Path; onChange: (path: Path, fn: (n: Indicator) => Indicator) => void; onAddChild: (path: Path) => void; onRemove: (path: Path) => void }

/** One indicator and, indented below it, its children: name, 分值, and for a leaf who scores it and on what evidence. */
function IndicatorRow({ node, path, onChange, onAddChild, onRemove }: RowProps) {
  const set = (patch: Partial<Indicator>) => onChange(path, (n) => ({ ...n, ...patch }));
  const leaf = node.children.length === 0;
  const forbidden = [...forbiddenWordsIn(node.name), ...forbiddenWordsIn(node.evidence)];
  const label = `${LEVEL[path.length - 1]}${path.map((i) => i + 1).join('.')}`;
  return (
    <Flex vertical gap={6} style={{ marginLeft: (path.length - 1) * 20 }} data-testid={`indicator-${path.join('-')}`}>
      <Flex gap={6} wrap align="center">
        <Input aria-label={`${label}名称`} placeholder={`${label}名称`} value={node.name} maxLength={L.indicatorName} showCount style={{ width: 240 }}
          onChange={(e) => set({ name: e.target.value })} />
        <InputNumber aria-label={`${label}分值`} min={1} max={L.total} precision={0} value={node.weight} addonAfter="分" style={{ width: 110 }}
          onChange={(v) => set({ weight: v ?? 0 })} />
        {leaf && <Select aria-label={`${label}评分主体`} value={node.scorer} options={SCORER_OPTIONS} style={{ width: 170 }}
          onChange={(scorer) => set({ scorer, measure: scorer === 'measure' ? node.measure : null })} />}
        {leaf && node.scorer === 'measure' && <Select aria-label={`${label}记录指标`} value={node.measure} options={MEASURE_OPTIONS} placeholder="选择记录指标" style={{ width: 150 }}
          onChange={(measure) => set({ measure })} />}
        <Space size={0}>
          {path.length < L.depth && <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => onAddChild(path)}>下级</Button>}
          <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`删除${label}`} onClick={() => onRemove(path)} />
        </Space>
      </Flex>
      {leaf && <Input aria-label={`${label}评分依据`} placeholder="评分依据/佐证材料" value={node.evidence ?? ''} maxLength={L.evidence} showCount
        onChange={(e) => set({ evidence: e.target.value || null })} />}
      {forbidden.length > 0 && <Typography.Text type="danger">含有“{forbidden[0]}”:{FORBIDDEN_MEASURE_REASON}</Typography.Text>}
      {node.children.map((child, i) => <IndicatorRow key={child.key} node={child} path={[...path, i]} onChange={onChange} onAddChild={onAddChild} onRemove={onRemove} />)}
    </Flex>
  );
}

function BandsEditor({ bands, onChange }: { bands: GradeBand[]; onChange: (bands: GradeBand[]) => void }) {
  const set = (i: number, patch: Partial<GradeBand>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <Flex gap={8} wrap>
      {bands.map((b, i) => (
        <Space.Compact key={i}>
          <Input aria-label={`等次${i + 1}名称`} value={b.label} maxLength={L.bandLabel} style={{ width: 90 }} onChange={(e) => set(i, { label: e.target.value })} />
          <InputNumber aria-label={`等次${i + 1}最低分`} min={0} max={L.total} precision={0} value={b.min} addonBefore="≥" style={{ width: 110 }} onChange={(v) => set(i, { min: v ?? 0 })} />
        </Space.Compact>
      ))}
    </Flex>
  );
}

/**
 * 修改考核方案: the version in force, edited as a whole and saved as the next version from a month not yet scored —
 * the versions already in force never change (issue 16 point 1). Sums are checked while typing; the server checks again.
 */
export function SchemeEditorModal({ scheme, from, onClose }: { scheme: AssessmentSchemeDetail; from: AssessmentVersion; onClose: () => void }) {
  const latest = scheme.versions[scheme.versions.length - 1];
  const [tree, setTree] = useState<Indicator[]>(from.indicators as Indicator[]);
  const [bands, setBands] = useState<GradeBand[]>(from.bands);
  const [posts, setPosts] = useState<VillageCadrePost[]>(from.posts);
  const [effectiveFrom, setEffectiveFrom] = useState(earliestStart(todayInShanghai().slice(0, 7), latest?.effectiveFrom ?? null));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useAddVersion(scheme.id);
  const problems = weightProblems(tree);
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ indicators: tree, bands, posts, effectiveFrom, note: note || null });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal open title={`修改“${scheme.name}”(保存为第${(latest?.version ?? 0) + 1}版)`} width={900} onCancel={onClose} okText="保存为新版本"
      okButtonProps={{ disabled: problems.length > 0, loading: save.isPending, autoInsertSpace: false }} onOk={() => void submit()} destroyOnHidden>
      <Flex vertical gap={12} data-testid="scheme-editor">
        <Flex gap={12} wrap align="center">
          <span>生效月份 <MonthInput aria-label="生效月份" value={effectiveFrom} onChange={(v) => v && setEffectiveFrom(v)} /></span>
          {scheme.audience === 'village_cadre' && <Select aria-label="适用职务" mode="multiple" value={posts} onChange={setPosts} style={{ minWidth: 260 }}
            options={VILLAGE_CADRE_POSTS.map((p) => ({ value: p, label: VILLAGE_CADRE_POST_LABELS[p] }))} />}
        </Flex>
        <Card size="small" title="考核指标(分值合计100分)" extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setTree(addTop(tree))}>一级指标</Button>}>
          <Flex vertical gap={10}>
            {tree.map((node, i) => <IndicatorRow key={node.key} node={node} path={[i]} onChange={(p, fn) => setTree((t) => updateAt(t, p, fn))}
              onAddChild={(p) => setTree((t) => addChild(t, p))} onRemove={(p) => setTree((t) => removeAt(t, p))} />)}
          </Flex>
        </Card>
        {problems.length > 0 && <Alert type="warning" showIcon title="分值还没有对上" description={problems.join(';')} />}
        <Card size="small" title="等次(最低分从高到低)"><BandsEditor bands={bands} onChange={setBands} /></Card>
        {scheme.audience === 'village_cadre' && <SchemePreview tree={tree} bands={bands} />}
        <Input.TextArea aria-label="修改说明" placeholder="修改说明(如:依据镇党委会议决定调整分值)" value={note} maxLength={L.note} showCount autoSize={{ minRows: 2 }}
          onChange={(e) => setNote(e.target.value)} />
        {error && <Alert type="error" showIcon title={error} />}
      </Flex>
    </Modal>
  );
}
