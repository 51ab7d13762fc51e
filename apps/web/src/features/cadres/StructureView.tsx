import { Card, Collapse, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import {
  AGE_BANDS, AGE_BAND_LABELS, STRUCTURE_FIGURES, STRUCTURE_FIGURE_DEFINITIONS, TARGET_CHECK_LABELS,
  type StructureFigures, type StructureTargets, type StructureView, type TargetCheck, type TargetChecks, type VillageStructure,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { useTownStructure } from './api';

const CHECK_COLORS: Record<TargetCheck, string> = { met: 'green', short: 'orange', none: 'default' };
const checkTag = (c: TargetCheck) => <Tag color={CHECK_COLORS[c]}>{TARGET_CHECK_LABELS[c]}</Tag>;
const pct = (v: number | null) => (v == null ? '—' : `${v}%`);
const label = (k: (typeof STRUCTURE_FIGURES)[number]) => STRUCTURE_FIGURE_DEFINITIONS[k].label;

/** What each figure counts, in the words of the contracts (never a number without its definition). */
export function Definitions({ targets }: { targets: StructureTargets }) {
  return (
    <Collapse size="small" items={[{
      key: 'defs', label: '指标口径与本镇换届目标',
      children: (
        <div data-testid="structure-definitions">
          {STRUCTURE_FIGURES.map((k) => (
            <Typography.Paragraph key={k} style={{ marginBottom: 6 }}><Typography.Text strong>{label(k)}:</Typography.Text>{STRUCTURE_FIGURE_DEFINITIONS[k].definition}</Typography.Paragraph>
          ))}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            目标(系统设置):平均年龄不超过{targets.avgAgeMax}岁;大专及以上不低于{targets.collegeSharePct}%;每村女性成员不少于{targets.womenMin}人;一肩挑的村不低于{targets.combinedSharePct}%。{targets.source}
          </Typography.Paragraph>
        </div>
      ),
    }]} />
  );
}

/** The figures as lines "label: value target check", readable on a phone. */
function FigureLines({ f, checks, targets, village }: { f: StructureFigures; checks: TargetChecks; targets: StructureTargets; village: boolean }) {
  const lines: [string, string, TargetCheck | null][] = [
    [label('cadres'), `${f.cadres}人`, null],
    [label('avgAge'), f.avgAge == null ? '—' : `${f.avgAge}岁(目标≤${targets.avgAgeMax}岁)`, checks.avgAge],
    [label('ageBands'), AGE_BANDS.map((b) => `${AGE_BAND_LABELS[b]}${f.ageBands[b]}人`).join(',') , null],
    [label('collegeSharePct'), `${pct(f.collegeSharePct)}(${f.college}人${f.educationUnknown ? `,学历未登记${f.educationUnknown}人` : ''};目标≥${targets.collegeSharePct}%)`, checks.collegeShare],
    [label('women'), `${f.women}人(目标每村≥${targets.womenMin}人)`, checks.women],
    [label('combinedSharePct'), village ? (f.villagesWithSecretary ? (f.combined ? '是' : '否') : '书记空缺') : `${pct(f.combinedSharePct)}(${f.combined}/${f.villagesWithSecretary}村;目标≥${targets.combinedSharePct}%)`, checks.combined],
    [label('committeePartySharePct'), `${pct(f.committeePartySharePct)}(${f.committeePartyMembers}/${f.committeeMembers}人)`, null],
    [label('localTalentSharePct'), `${pct(f.localTalentSharePct)}(${f.localTalent}人)`, null],
  ];
  return (
    <div>
      {lines.map(([name, value, check]) => (
        <div key={name} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary">{name}:</Typography.Text><Typography.Text>{value}</Typography.Text>{check && <span style={{ marginLeft: 6 }}>{checkTag(check)}</span>}
        </div>
      ))}
    </div>
  );
}

/** 班子结构 of one village, on its 干部 page. */
export function VillageStructureCard({ view }: { view: StructureView }) {
  return (
    <Card size="small" title={`班子结构(${view.asOf})`} data-testid="village-structure">
      {view.figures.cadres === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description='尚未登记"两委"成员' /> : <FigureLines f={view.figures} checks={view.checks} targets={view.targets} village />}
      <div style={{ marginTop: 8 }}><Definitions targets={view.targets} /></div>
    </Card>
  );
}

const cell = (text: string, check?: TargetCheck) => <span>{text}{check && check !== 'none' && <Tag style={{ marginLeft: 4 }} color={CHECK_COLORS[check]}>{check === 'met' ? '达标' : '未达'}</Tag>}</span>;

/** 班子结构 of the town: the town's figures, then each village's against the same targets, in organisation order (no ranking). */
export function TownStructureCard({ onOpenVillage }: { onOpenVillage: (orgId: number) => void }) {
  const query = useTownStructure();
  if (query.isPending) return <Card size="small" title="班子结构"><Skeleton active paragraph={{ rows: 4 }} /></Card>;
  if (query.error) return <LoadError title="班子结构加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const s = query.data;
  return (
    <Card size="small" title={`全镇班子结构(${s.asOf},不排名)`} data-testid="town-structure">
      <FigureLines f={s.figures} checks={s.checks} targets={s.targets} village={false} />
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 4px' }}>各村(按组织顺序)</Typography.Text>
      <Table<VillageStructure> size="small" rowKey="organizationId" pagination={false} dataSource={s.villages} scroll={{ x: true }} locale={{ emptyText: '没有村党支部' }}
        columns={[
          { title: '村', dataIndex: 'name', fixed: 'left', render: (n: string, v) => <Typography.Link onClick={() => onOpenVillage(v.organizationId)}>{n.replace(/党支部$/, '')}</Typography.Link> },
          { title: '人数', key: 'n', render: (_: unknown, v) => v.figures.cadres },
          { title: '平均年龄', key: 'age', render: (_: unknown, v) => cell(v.figures.avgAge == null ? '—' : String(v.figures.avgAge), v.checks.avgAge) },
          { title: '≤35岁', key: 'young', render: (_: unknown, v) => v.figures.ageBands.upTo35 },
          { title: '大专及以上', key: 'college', render: (_: unknown, v) => cell(pct(v.figures.collegeSharePct), v.checks.collegeShare) },
          { title: '女性', key: 'women', render: (_: unknown, v) => cell(String(v.figures.women), v.checks.women) },
          { title: '一肩挑', key: 'combined', render: (_: unknown, v) => (v.figures.villagesWithSecretary ? (v.figures.combined ? '是' : '否') : '书记空缺') },
          { title: '村委会党员', key: 'party', render: (_: unknown, v) => pct(v.figures.committeePartySharePct) },
          { title: '本土人才', key: 'local', render: (_: unknown, v) => pct(v.figures.localTalentSharePct) },
        ]} />
      <div style={{ marginTop: 8 }}><Definitions targets={s.targets} /></div>
    </Card>
  );
}
