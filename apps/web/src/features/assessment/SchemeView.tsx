import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { VILLAGE_CADRE_POST_LABELS, type AssessmentVersion } from '@dj/contracts';
import { monthLabel } from '../../lib/months';
import { scorerText } from './labels';

type Node = AssessmentVersion['indicators'][number] | AssessmentVersion['indicators'][number]['children'][number];
interface Row { key: string; name: string; weight: number; scorer: string; evidence: string; children?: Row[] }

function toRows(nodes: readonly Node[]): Row[] {
  return nodes.map((n) => ({
    key: n.key, name: n.name, weight: n.weight, scorer: scorerText(n as never), evidence: n.evidence ?? '—',
    ...(n.children.length ? { children: toRows(n.children as Node[]) } : {}),
  }));
}

const COLUMNS = [
  { title: '指标', dataIndex: 'name', key: 'name' },
  { title: '分值', dataIndex: 'weight', key: 'weight', width: 64 },
  { title: '评分主体', dataIndex: 'scorer', key: 'scorer', width: 200 },
  { title: '评分依据', dataIndex: 'evidence', key: 'evidence', responsive: ['md' as const] },
];

/** One version of a scheme as the town approved it: the indicator tree, the 等次, who it applies to and from when. */
export function SchemeView({ version }: { version: AssessmentVersion }) {
  return (
    <Flex vertical gap={12} data-testid="scheme-version">
      <Descriptions size="small" column={1} items={[
        { key: 'from', label: '生效', children: `第${version.version}版,自${monthLabel(version.effectiveFrom)}起` },
        ...(version.posts.length ? [{ key: 'posts', label: '适用职务', children: version.posts.map((p) => VILLAGE_CADRE_POST_LABELS[p]).join('、') }] : []),
        { key: 'bands', label: '等次', children: <Flex gap={4} wrap>{version.bands.map((b) => <Tag key={b.label}>{b.label} ≥ {b.min}分</Tag>)}</Flex> },
        ...(version.note ? [{ key: 'note', label: '说明', children: version.note }] : []),
        { key: 'by', label: '制定', children: `${version.createdBy} ${version.createdAt.slice(0, 10)}` },
      ]} />
      <Table<Row> size="small" pagination={false} columns={COLUMNS} dataSource={toRows(version.indicators)} expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 'max-content' }} />
      <Typography.Text type="secondary">分值合计100分;有下级指标的,得分为下级指标得分之和。</Typography.Text>
    </Flex>
  );
}
